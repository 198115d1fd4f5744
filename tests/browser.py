"""Drives Debian's headless Chromium through the DevTools protocol on a pipe (--remote-debugging-pipe):
type, press keys, click where a person would, read the page back. No WebSocket library, no browser
download; every wait ends as soon as its condition holds, or fails at a deadline."""

from __future__ import annotations

import fcntl
import json
import os
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from card_render import chromium

DEADLINE = 60.0  # seconds for one command's answer or one awaited condition (a busy machine is slow)
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
          "--remote-debugging-pipe", "--window-size=1280,1000"]


class BrowserError(RuntimeError):
    """Chromium answered a command with an error, a script threw, or a wait ran out."""


def _high(fds: tuple[int, int]) -> tuple[int, int]:
    """A pipe's ends moved to descriptors above 9, so redirecting them onto 3 and 4 clobbers neither."""
    moved = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in fds)
    for fd in fds:
        os.close(fd)
    return moved  # type: ignore[return-value]


class Browser:
    """One Chromium process; `page()` opens a tab in it. Use as a context manager."""

    def __init__(self, profile: Path):
        commands_read, self._commands = _high(os.pipe())  # Chromium reads commands on its fd 3...
        self._replies, replies_write = _high(os.pipe())  # ...and writes answers and events on its fd 4
        redirect = f'exec "$0" "$@" 3<&{commands_read} 4>&{replies_write} {commands_read}<&- {replies_write}>&-'
        self.proc = subprocess.Popen(["bash", "-c", redirect, chromium() or "chromium", *_FLAGS,
                                      f"--user-data-dir={profile}", "about:blank"],
                                     pass_fds=(commands_read, replies_write), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(commands_read)
        os.close(replies_write)
        self._answers: dict[int, queue.Queue] = {}
        self.events: list[dict] = []
        self._next_id = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._replies, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                *messages, buffer = (buffer + chunk).split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message and message["id"] in self._answers:
                        self._answers[message["id"]].put(message)
                    else:
                        self.events.append(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """One DevTools command's result."""
        with self._lock:
            self._next_id += 1
            number = self._next_id
            self._answers[number] = queue.Queue()
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        try:
            answer = self._answers[number].get(timeout=DEADLINE)
        except queue.Empty:
            raise BrowserError(f"no answer to {method} in {DEADLINE} s") from None
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error']}")
        return answer["result"]

    def page(self) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Page(self, session, target)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.send("Browser.close")
            self.proc.wait(DEADLINE)
        except (BrowserError, OSError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self._commands)


class Page:
    """One tab: navigate, evaluate, wait for a condition, type, press Enter, click."""

    def __init__(self, browser: Browser, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})

    def events(self, method: str) -> list[dict]:
        """The params of every event `method` this tab has sent so far."""
        return [e["params"] for e in list(self.browser.events)
                if e.get("method") == method and e.get("sessionId") == self.session]

    def before_load(self, script: str) -> None:
        """Run `script` in every document this tab loads, before the page's own scripts."""
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": script})

    def goto(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete' && location.href !== 'about:blank'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = DEADLINE) -> Any:
        """The first truthy value of `expression`, polled; BrowserError with the last one past the deadline."""
        deadline = time.monotonic() + timeout
        while not (value := self.evaluate(expression)):
            if time.monotonic() > deadline:
                raise BrowserError(f"still {value!r} after {timeout} s: {expression}")
            time.sleep(0.05)
        return value

    def type(self, text: str) -> None:
        """Type `text` into the focused element, as a keyboard's input would arrive."""
        self.send("Input.insertText", {"text": text})

    def press_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r"})

    def click(self, element: str) -> None:
        """Click the middle of the element a JavaScript expression names, scrolled into view first."""
        box = self.evaluate(f"(() => {{ const e = {element}; e.scrollIntoView({{block: 'center'}});"
                            " const r = e.getBoundingClientRect();"
                            " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})
