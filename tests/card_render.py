"""Renders Adaptive Cards with Microsoft's renderer in headless Chromium and reports layout problems.

The page (render/page.html + render/check.js) renders each card as Webex would, with the Webex-like
host config and styles the playground uses too (bot/service/static/), and writes what it finds
into the DOM, which `--dump-dom` hands back to us.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

RENDER_DIR = Path(__file__).resolve().parent / "render"
HOST_CONFIG = RENDER_DIR.parents[1] / "bot" / "service" / "static" / "hostconfig.json"
WIDTHS = (500, 340)  # Webex desktop's message column, and a phone
TIMEOUT_SECONDS = 120
MIN_SHOT_HEIGHT = 200  # headless Chromium paints only part of a shorter window
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
          "--allow-file-access-from-files", "--virtual-time-budget=10000"]
_RESULTS_RE = re.compile(r'<pre id="results"[^>]*>(.*?)</pre>', re.S)


@dataclass(frozen=True)
class Rendered:
    """One card at one width: its height and the problems found in it."""

    name: str
    width: int
    height: int
    problems: tuple[str, ...]


def chromium() -> str | None:
    """The Chromium executable, or None where it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def renderer_installed() -> bool:
    """True when the npm packages the page loads are in place (`npm ci` in tests/render)."""
    return (RENDER_DIR / "node_modules/adaptivecards/dist/adaptivecards.min.js").exists()


def _write_data(folder: Path, cards: Mapping[str, Any], widths: tuple[int, ...], expand: bool) -> Path:
    data = {"hostConfig": json.loads(HOST_CONFIG.read_text()),
            "cards": [{"name": n, "card": c} for n, c in cards.items()],
            "widths": list(widths), "expand": expand}
    path = folder / "data.js"
    path.write_text("window.RENDER_DATA = " + json.dumps(data) + ";\n", encoding="utf-8")
    return path


def _chromium(folder: Path, data: Path, *extra: str) -> str:
    url = (RENDER_DIR / "page.html").as_uri() + "?data=" + data.as_uri()
    command = [chromium() or "chromium", *_FLAGS, f"--user-data-dir={folder / 'profile'}", *extra, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    return done.stdout


def render(cards: Mapping[str, Any], widths: tuple[int, ...] = WIDTHS) -> list[Rendered]:
    """Every card (and every card its Action.ShowCard buttons open) at every width."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dom = _chromium(folder, _write_data(folder, cards, widths, expand=True), "--dump-dom")
    match = _RESULTS_RE.search(dom)
    if not match:
        raise RuntimeError(f"the render page wrote no results; Chromium printed: {dom[:500]!r}")
    results = json.loads(html.unescape(match.group(1)))
    if isinstance(results, dict):
        raise RuntimeError(f"the render page failed: {results}")
    return [Rendered(r["name"], r["width"], r["height"], tuple(r["problems"])) for r in results]


def screenshot(name: str, card: Any, width: int, height: int, path: Path) -> None:
    """A PNG of one card at `width` CSS pixels (the height measured by `render`)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = _write_data(folder, {name: card}, (width,), expand=False)
        size = f"--window-size={width},{max(height, MIN_SHOT_HEIGHT)}"
        _chromium(folder, data, f"--screenshot={path}", size)
