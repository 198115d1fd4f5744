"""The answering process: claims events from the inbox, answers and replies.

It runs apart from the web workers, one per service (started by gunicorn.conf.py), so answering
never competes with acknowledging webhooks for a worker's interpreter lock, and at a lower CPU
priority so acknowledgements stay fast under load.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time

from bot.service import heap, tuning, wiring
from bot.service.config import Settings
from bot.service.logs import setup_logging
from bot.storage.retention import purge

log = logging.getLogger("scopebot.answerer")


def answer_events(settings: Settings) -> int:
    """Run the worker threads until SIGTERM (then finish what is due) or until gunicorn is gone."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    os.nice(tuning.ANSWERER_NICENESS)
    setup_logging()
    service = wiring.build(settings)
    heap.settle()
    parent, purged_at = os.getppid(), float("-inf")  # purge at start, then daily
    service.worker.start()
    log.info("answering", extra={"worker_threads": settings.workers})
    while not stop.wait(tuning.CHECKPOINT_SECONDS) and os.getppid() == parent:
        _checkpoint(service)
        if time.monotonic() - purged_at > tuning.PURGE_EVERY_SECONDS:
            purged_at = time.monotonic()
            _purge(service)
    service.worker.shutdown()
    return 0


def _checkpoint(service: wiring.Service) -> None:
    """Keep SQLite's write-ahead log short, off the acknowledgement path."""
    try:
        service.database.checkpoint()
    except Exception:
        log.exception("checkpoint failed")


def _purge(service: wiring.Service) -> None:
    """Forget what is older than RETENTION_DAYS; a database hiccup only delays it to the next round."""
    try:
        removed = purge(service.database, service.settings.retention_days)
    except Exception:
        log.exception("purge failed")
        return
    log.info("purged", extra={"retention_days": service.settings.retention_days, **removed})


class Supervisor:
    """Keeps one answering process running beside gunicorn (called from gunicorn.conf.py hooks)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()

    def start(self) -> None:
        """Start the process, and restart it whenever it dies, until `stop`."""
        threading.Thread(target=self._keep_running, name="scopebot-answerer", daemon=True).start()

    def _keep_running(self) -> None:
        while not self.stopping.is_set():
            self.process = subprocess.Popen([sys.executable, "-m", "bot", "work"])
            code = self.process.wait()
            if not self.stopping.is_set():
                log.error("answering process exited, restarting", extra={"exit_code": code})
                self.stopping.wait(1.0)

    def stop(self, timeout: float) -> None:
        """Ask the process to finish what is due and wait for it (at most `timeout` seconds)."""
        self.stopping.set()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
