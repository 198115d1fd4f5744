"""Runs the real app under gunicorn against the Webex stand-in, and posts signed webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
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

    def start(self, timeout: float = 30) -> "Service":
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers",
             str(self.workers), "--graceful-timeout", "10", "bot.app:create_app()"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.logs()}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
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

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def post(self, payload: Any, *, sign: bool = True, secret: str = SECRET, raw: bytes | None = None,
             headers: dict[str, str] | None = None) -> requests.Response:
        body = raw if raw is not None else json.dumps(payload).encode()
        hdrs = {"Content-Type": "application/json", **(headers or {})}
        if sign:
            hdrs["X-Spark-Signature"] = signature(body, secret)
        return requests.post(self.url + "/webhooks", data=body, headers=hdrs, timeout=10)


@contextmanager
def serving(api_base_url: str, state_dir: Path, workers: int = 2, **env: str) -> Iterator[Service]:
    """The service running for the duration of a `with` block."""
    svc = Service(api_base_url, state_dir, workers, **env).start()
    try:
        yield svc
    finally:
        svc.stop()


def wait_for(check: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Poll until `check()` is truthy; returns its value or fails with the last one."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)
