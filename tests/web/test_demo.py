"""The README's one command: ``sitrep serve --demo`` ingests the bundled examples into a temporary
store and serves them; the page shows them on the map and the timeline."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo():
    import httpx2

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--demo", "--port", str(port)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"sitrep serve --demo exited: {process.stderr.read()[-2000:]}")
            try:
                if httpx2.get(base + "/api/summary", timeout=2).status_code == 200:
                    break
            except httpx2.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("sitrep serve --demo did not come up")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_demo_serves_the_bundled_examples_on_map_and_timeline(demo, browser):
    import httpx2

    summary = httpx2.get(demo + "/api/summary").json()
    assert summary["documents"] == len(list((REPO / "examples").glob("*.txt")))
    points = httpx2.get(demo + "/api/map").json()
    latitude = points["columns"].index("latitude")
    located = sum(1 for point in points["points"] if point[latitude] is not None)
    dated = sum(1 for point in points["points"] if point[points["columns"].index("date_start")] is not None)
    assert located > 0

    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(demo + "/")
        page.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)
        assert page.get_attribute("#map", "data-points") == str(located)
        bars = page.eval_on_selector_all("#timeline g.bar", "bars => bars.map(b => +b.dataset.count)")
        assert sum(bars) == dated
    finally:
        context.close()
