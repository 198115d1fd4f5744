"""A bounded pool of background threads: the webhook request only enqueues and returns."""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable

log = logging.getLogger("scopebot.worker")
_STOP = object()


class Worker:
    """Runs `task(item)` on a few threads; `submit` refuses work when the queue is full."""

    def __init__(self, task: Callable[[Any], None], threads: int = 4, queue_size: int = 1000):
        self._task = task
        self._queue: queue.Queue = queue.Queue(maxsize=queue_size)
        self._threads = [threading.Thread(target=self._run, name=f"scopebot-worker-{i}", daemon=True)
                         for i in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, item: Any) -> bool:
        """Queue `item`; False when the queue is full (the caller should ask for a retry)."""
        try:
            self._queue.put_nowait(item)
            return True
        except queue.Full:
            return False

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                self._task(item)
            except Exception:  # one bad event must not kill the thread
                log.exception("background task failed")
            finally:
                self._queue.task_done()

    def pending(self) -> int:
        return self._queue.qsize()

    def shutdown(self, timeout: float = 30.0) -> None:
        """Finish queued work, then stop the threads (waits at most `timeout` seconds each)."""
        for _ in self._threads:
            self._queue.put(_STOP)
        for thread in self._threads:
            thread.join(timeout)
