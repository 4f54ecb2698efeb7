"""Evaluations against the public annotated data sets beside the repo (``../shared/data``).

One module per stage (``places``, ``actors``, ``events``, ``claims``) plus ``acled``, the
shared reader of ACLED's files in both of its schemas. Each runs as
``python -m sitrep.eval.<module> ...`` and prints the figures the README quotes.
"""
