"""The agreements stage: which agreements a document refers to, and who says what of them.

It owns the agreements knowledge base (``data/agreements/``: well-known agreements with
their aliases, parties, signing date and main commitments, each fact with its public
source) and the arithmetic of compliance (``balance``: promised against delivered per
commitment). It runs after the claims and events stages and reads their records; it
never changes which statements or incidents were found, only links them to agreements.
"""
