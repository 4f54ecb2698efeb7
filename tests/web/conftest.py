"""Browser tests: Debian's chromium, driven by Playwright, against ``sitrep serve``'s application
over one store of the dev articles, the founding example and a hostile article, built once per
session (with the store tests' made-up Harbour Truce for the agreement views). Without chromium the tests are skipped, except in CI (``CI`` set), where they fail."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import DEV, FOUNDING
from tests.store.factories import truce_a, truce_b
from tests.web.hostile import HOSTILE

CHROMIUM = Path(os.environ.get("SITREP_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TOKEN = "browser-suite-token"


def require_browser() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} not installed (apt-get install chromium; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def feed_lines(directory: Path) -> list[str]:
    """The dev articles as a feed carries them (id, url, text), as ``score.py --write-jsonl`` writes them."""
    lines = []
    for path in sorted(directory.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines.append(json.dumps({"id": gold["id"], "url": gold.get("url"), "text": gold["text"]}))
    return lines


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory) -> str:
    if not DEV.exists() or not FOUNDING.exists():
        pytest.skip("the dev articles or the founding example are not beside the repo")
    require_browser()
    from sitrep.corpus.ingest import IngestOptions, ingest_paths
    from sitrep.store import open_store

    folder = tmp_path_factory.mktemp("web-store")
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join([*feed_lines(DEV), json.dumps(HOSTILE)]) + "\n", encoding="utf-8")
    path = str(folder / "dev.duckdb")
    with open_store(path) as store:
        ingest_paths(store, [str(feed), str(FOUNDING)], IngestOptions(jobs=1, batch_size=16))
        store.write_batch([truce_a(), truce_b()])  # an agreement of our own making, with every kind of entry
    return path


@dataclass
class Server:
    base: str
    app: object
    thread: threading.Thread
    uvicorn: object = field(repr=False)

    def store(self):
        """A store session of the server's own database, for the tests' expected values."""
        return self.app.state.sessions.root.clone()


@pytest.fixture(scope="session")
def server(dev_store) -> Iterator[Server]:
    import uvicorn

    from sitrep.api import ServeConfig, create_app

    app = create_app(ServeConfig(db=dev_store, token=TOKEN))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    instance = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", app, thread, instance)
    instance.should_exit = True
    thread.join(timeout=10)
    listener.close()


@pytest.fixture(scope="session")
def store(server):
    opened = server.store()
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def browser():
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


#: Runs before any of the page's scripts: records what the Content-Security-Policy blocked
#: (nothing, when the page escapes what it shows) and any dialog a payload might open.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class Watched:
    page: object
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.ready()

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)

    def after(self, action) -> None:
        """Run ``action`` (which starts a navigation of the page's own), then wait until it has loaded."""
        self.page.evaluate("document.body.dataset.state = 'acting'")
        action()
        self.ready()

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations")


@pytest.fixture
def page(browser, server) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    watched = Watched(opened, server.base)
    opened.add_init_script(WATCH)
    opened.on("request", lambda request: watched.requests.append(request.url))
    opened.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    opened.on("pageerror", lambda error: watched.errors.append(str(error)))
    opened.on("dialog", lambda dialog: (watched.dialogs.append(dialog.message), dialog.dismiss()))
    yield watched
    context.close()
