"""Accuracy evaluation: a seeded, labelled French corpus and per-entity precision/recall/F1."""
