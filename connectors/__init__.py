"""Connectors: each reads one kind of store as a stream of bounded Arrow batches."""
