"""The actors stage: who is who in an article.

It owns the actor knowledge base (``kb``; data files in ``data/actors/``: countries and
demonyms, state institutions by pattern, non-state armed groups, international bodies,
notable people, generic categories and the ACLED name table) and in-document resolution
(``resolve``): titles and surnames, spelling variants, abbreviations defined in the text,
definite descriptions and pronouns, and affiliations learned from appositions, so that
every mention of one real-world actor carries the same ``Actor``. Agreements the text
names ("the US-Taliban deal ... the agreement") are what actors sign, never actors
themselves: the agreements stage reads them.
"""

from sitrep.actors.kb import KnowledgeBase, load_kb
from sitrep.actors.resolve import mentions_between, resolve_actors

__all__ = ["KnowledgeBase", "load_kb", "mentions_between", "resolve_actors"]
