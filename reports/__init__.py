"""Outputs: findings (Parquet), inventory.json, report.html, and the helpers they share."""
