"""Local mode at a terminal: `python -m bot run` without a token answers typed lines and serves the
playground on 127.0.0.1:$PORT, saying where in its banner (piped input keeps answering each line
and exiting: tests/test_cli.py)."""

from __future__ import annotations

import os
import pty
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import requests

from conftest import ROOT
from service_harness import free_port, wait_for


class Terminal:
    """`python -m bot run` with its standard input on a pseudo-terminal, its output collected."""

    def __init__(self, proc: subprocess.Popen, keyboard: int):
        self.proc, self.keyboard, self.output = proc, keyboard, ""
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self) -> None:
        assert self.proc.stdout is not None
        while chunk := self.proc.stdout.read1(4096):
            self.output += chunk.decode(errors="replace")

    def type(self, keys: bytes) -> None:
        os.write(self.keyboard, keys)


@contextmanager
def local_mode(state: Path, port: int | str) -> Iterator[Terminal]:
    keyboard, stdin = pty.openpty()
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(state), "PORT": str(port),
           "DATABASE_URL": f"sqlite:///{state / 'state.sqlite3'}"}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, cwd=ROOT, env=env)
    os.close(stdin)
    try:
        yield Terminal(proc, keyboard)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        os.close(keyboard)


def test_at_a_terminal_the_playground_is_served_beside_the_prompt(tmp_path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with local_mode(tmp_path, port) as terminal:
        assert wait_for(lambda: "> " in terminal.output), terminal.output
        assert f"Playground (the replies as Webex shows them): {url}" in terminal.output
        assert "scopebot playground" in requests.get(url, timeout=30).text
        asked = requests.post(url + "playground/ask", json={"question": "answer calls"}, timeout=30).json()
        assert asked["json"]["scopes"] == ["spark:calls_write"]
        terminal.type(b"GET /v1/rooms\n")
        assert wait_for(lambda: "spark:rooms_read" in terminal.output), terminal.output
        terminal.type(b"\x04")  # Ctrl-D at the start of a line: the end of input
        assert terminal.proc.wait(60) == 0


def test_a_taken_port_is_said_in_the_banner_and_questions_are_still_answered(tmp_path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with local_mode(tmp_path, port) as terminal:
            assert wait_for(lambda: "> " in terminal.output), terminal.output
            assert f"The playground did not start on port {port}" in terminal.output
            assert "set PORT to a free one" in terminal.output
            terminal.type(b"answer calls\n")
            assert wait_for(lambda: "spark:calls_write" in terminal.output), terminal.output


def test_a_bad_port_is_said_in_the_banner_and_questions_are_still_answered(tmp_path) -> None:
    for port in ("abc", "70000"):
        with local_mode(tmp_path, port) as terminal:
            assert wait_for(lambda: "> " in terminal.output), terminal.output
            assert "The playground did not start: PORT must be" in terminal.output
            terminal.type(b"answer calls\n")
            assert wait_for(lambda: "spark:calls_write" in terminal.output), terminal.output
