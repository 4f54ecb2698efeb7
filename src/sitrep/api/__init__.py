"""The HTTP API over the store, and the one process that serves it with the page.

This package owns the routes (JSON lists with the CLI's filters and paging, one
document with its evidence offsets, exports, ingest by POST), their OpenAPI schema at
``/docs``, and what every response must carry: JSON errors, a Content-Security-Policy,
bounded request sizes and a bearer token for writes. It reads and writes only through
``sitrep.store.Store`` and ``sitrep.corpus.ingest``; the page itself is ``sitrep.web``.
"""

from __future__ import annotations

from sitrep.api.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
