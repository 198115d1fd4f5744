"""Runs the real app under gunicorn against the Webex stand-in, and posts signed webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import requests

from conftest import ROOT

SECRET = "test-webhook-secret"
# Deadlines, not durations: each wait ends as soon as its condition holds, so generous values cost
# nothing on a fast machine and keep a slow or busy one from failing.
START_DEADLINE = 90.0
WAIT_DEADLINE = 60.0
FINISHED_EVENTS = {"handled", "duplicate ignored", "failed: no answer will be sent"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signature(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()


def envelope(resource: str, data: dict, event: str = "created") -> dict:
    return {"id": "webhook-1", "name": "scopebot messages created", "resource": resource, "event": event,
            "orgId": "org-1", "createdBy": "someone", "appId": "app", "ownedBy": "creator",
            "status": "active", "actorId": data.get("personId", ""), "data": data}


RUNNING: list["Service"] = []  # services up now, so a failing test can show their logs


class Service:
    """The bot under gunicorn: start, post webhooks, stop."""

    def __init__(self, api_base_url: str, state_dir: Path, workers: int = 2, **env: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(state_dir),
            "WEBEX_BOT_TOKEN": "test-bot-token", "WEBEX_WEBHOOK_SECRET": SECRET,
            "WEBEX_API_BASE_URL": api_base_url, "DATABASE_URL": f"sqlite:///{state_dir / 'state.sqlite3'}",
            **env,
        }
        self.workers = workers
        self.log_path = state_dir / "service.log"
        self.proc: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers",
                str(self.workers), "--graceful-timeout", "10", "bot.service.app:create_app()"]

    def start(self, timeout: float = START_DEADLINE) -> "Service":
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, env=self.env, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.logs()}")
            try:  # a slow first answer while workers boot is no failure: wait for the deadline
                if requests.get(self.url + "/healthz", timeout=5).status_code == 200 and self.answering():
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"service did not start: {self.logs()}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.proc:
            self.log.close()

    def answering(self) -> bool:
        """True once the answering process has started its worker threads."""
        return any(line.get("event") == "answering" for line in self.log_lines())

    def kill(self) -> None:
        """SIGKILL gunicorn and all its workers at once, as a crash or an OOM kill would."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(30)
        self.log.close()

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_lines(self) -> list[dict]:
        """The service's JSON log lines (gunicorn's plain start-up lines skipped)."""
        lines = []
        for line in self.logs().splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                continue
        return lines

    def finished(self, event_id: str) -> list[dict]:
        """Log lines saying the service is done with one message or card action."""
        return [line for line in self.log_lines() if line.get("event") in FINISHED_EVENTS
                and event_id in (line.get("message_id"), line.get("action_id"), line.get("event_id"))]

    def wait_finished(self, event_id: str, count: int = 1) -> list[dict]:
        """Wait until the service has finished `count` deliveries of one event; fails past the deadline."""
        lines = wait_for(lambda: (found := self.finished(event_id)) and len(found) >= count and found)
        assert lines, f"the service never finished {event_id}"
        return lines

    def post(self, payload: Any, *, sign: bool = True, secret: str = SECRET, raw: bytes | None = None,
             headers: dict[str, str] | None = None) -> requests.Response:
        body = raw if raw is not None else json.dumps(payload).encode()
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        if sign:
            hdrs["X-Spark-Signature"] = signature(body, secret)
        return requests.post(self.url + "/webhooks", data=body, headers=hdrs, timeout=30)


class PlaygroundOnly(Service):
    """The Procfile's command, as written there, with PLAYGROUND=1 and no WEBEX_BOT_TOKEN or secret:
    the playground alone (Webex is still pointed at `api_base_url`, to show nothing calls it)."""

    def __init__(self, api_base_url: str, state_dir: Path, **env: str):
        super().__init__(api_base_url, state_dir, PLAYGROUND="1", WEB_CONCURRENCY="1", **env)
        del self.env["WEBEX_BOT_TOKEN"], self.env["WEBEX_WEBHOOK_SECRET"]
        self.env["GUNICORN_CMD_ARGS"] = f"--bind 127.0.0.1:{self.port}"  # not the Procfile's 0.0.0.0

    def command(self) -> list[str]:
        web = shlex.split((ROOT / "Procfile").read_text().split("web:", 1)[1])
        assert web[0] == "gunicorn", web
        return [sys.executable, "-m", *web]

    def answering(self) -> bool:
        """Ready once gunicorn has said it starts no answering process (there is nothing to answer)."""
        return any("no answering process" in str(line.get("event")) for line in self.log_lines())


@contextmanager
def serving(api_base_url: str, state_dir: Path, workers: int = 2, **env: str) -> Iterator[Service]:
    """The service running for the duration of a `with` block."""
    with running(Service(api_base_url, state_dir, workers, **env)) as svc:
        yield svc


@contextmanager
def running(svc: Service) -> Iterator[Service]:
    """`svc` started for the duration of a `with` block, its log shown beside a failing test."""
    RUNNING.append(svc)
    try:
        svc.start()
        yield svc
    finally:
        svc.stop()
        RUNNING.remove(svc)


def wait_for(check: Callable[[], Any], timeout: float = WAIT_DEADLINE) -> Any:
    """Poll until `check()` is truthy; returns its value or fails with the last one."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)
