"""The corpus: bulk ingest into the store (worker processes, bounded batches, resuming
by content hash) and the rule that merges reports of one incident across articles.
"""
