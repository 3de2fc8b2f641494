"""Open a page in headless Chromium with networking cut off, and report what it did.

Used by the browser tests and ``benchmarks/viz.py``. Chromium's DNS is pointed
nowhere (``--host-resolver-rules``), and its NetLog records every request; the
requests the *page* made (those with an initiator origin, unlike Chromium's own
update and account checks) are returned so a caller can assert there were none.

>>> page_requests({"constants": {"logEventTypes": {"URL_REQUEST_START_JOB": 1}}, "events": [
...     {"type": 1, "params": {"initiator": "null", "url": "https://cdn.example/x.js"}},
...     {"type": 1, "params": {"initiator": "not an origin", "url": "https://update.example/"}}]})
['https://cdn.example/x.js']
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
BODY = re.compile(r"<body([^>]*)>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def chromium() -> str | None:
    """The path of a Chromium (or Chrome) executable, or None."""
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@dataclass(frozen=True)
class Visit:
    """What Chromium saw: the DOM after the time budget, the page's own requests, wall time."""

    dom: str
    requests: list[str]
    seconds: float

    @property
    def body(self) -> dict[str, str]:
        """The attributes of ``<body>`` (where the page marks ``data-kg-drawn``)."""
        found = BODY.search(self.dom)
        return dict(ATTRIBUTE.findall(found.group(1))) if found else {}

    @property
    def drawn(self) -> bool:
        return self.body.get("data-kg-drawn") == "1"


def page_requests(netlog: dict[str, Any]) -> list[str]:
    """URLs requested by a page (not by the browser itself) in a Chromium NetLog."""
    start = netlog["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in netlog["events"]
        if event.get("type") == start
        and event.get("params", {}).get("initiator", "not an origin") != "not an origin"
    ]


def read_netlog(path: Path) -> dict[str, Any]:
    """A NetLog file, completed if Chromium stopped before closing its JSON."""
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(text.rstrip().rstrip(",") + "]}")


def visit(page: str | Path, budget_ms: int = 10_000, timeout: float = 120.0, attempts: int = 1) -> Visit:
    """Load ``page`` (a file or URL) in headless Chromium offline and dump its DOM after ``budget_ms``
    of virtual time.

    Headless Chromium on a busy machine sometimes dumps the DOM before the first animation frame;
    with ``attempts`` > 1 the page is loaded again until it reports a drawing.
    """
    seen = _visit_once(page, budget_ms, timeout)
    for _ in range(attempts - 1):
        if seen.drawn:
            break
        seen = _visit_once(page, budget_ms, timeout)
    return seen


def _visit_once(page: str | Path, budget_ms: int, timeout: float) -> Visit:
    executable = chromium()
    if executable is None:
        raise FileNotFoundError("no chromium executable on PATH")
    url = Path(page).resolve().as_uri() if isinstance(page, Path) or "://" not in str(page) else str(page)
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        netlog = Path(profile) / "netlog.json"
        command = [
            executable,
            *FLAGS,
            f"--user-data-dir={profile}/profile",
            f"--log-net-log={netlog}",
            f"--virtual-time-budget={budget_ms}",
            "--dump-dom",
            url,
        ]
        began = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        seconds = time.perf_counter() - began
        requests = page_requests(read_netlog(netlog)) if netlog.exists() else []
    return Visit(done.stdout, requests, seconds)
