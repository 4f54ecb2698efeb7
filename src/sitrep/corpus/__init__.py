"""The corpus: bulk ingest into the store (worker processes, bounded batches, resuming
by content hash). It sits above ``store``: the store never imports it.
"""
