"""The site the input tests fetch from: feeds, article pages and a WARC built from the dev
articles, served on 127.0.0.1 for one test."""

from __future__ import annotations

import pytest

from tests.ingest.feedsite import Site, build_site, serve


@pytest.fixture
def site():
    site = Site()
    server = serve(site)
    build_site(site)
    yield site
    server.shutdown()
    server.server_close()
