"""Background threads that claim events from the inbox, run the pipeline, and settle each one:
done once the reply was accepted, retried later on a transient failure, failed past its deadline."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from bot.service.logs import elapsed_ms
from bot.storage.inbox import Claimed, Inbox
from bot.webex.retry import is_refusal

log = logging.getLogger("scopebot.worker")


@dataclass(frozen=True)
class Schedule:
    """How long an event is held, how often it is retried, and for how long."""

    lease: float
    base_delay: float
    max_delay: float
    deadline: float
    poll: float
    drain: float

    def delay(self, attempts: int) -> float:
        """The wait before the next try, after `attempts` tries."""
        return min(self.max_delay, self.base_delay * 2 ** max(0, attempts - 1))


class Worker:
    """`threads` threads, each claiming one event at a time from the shared inbox (polling when idle)."""

    def __init__(self, inbox: Inbox, handle: Callable[[Claimed], str], schedule: Schedule, threads: int):
        self.inbox, self.handle, self.schedule = inbox, handle, schedule
        self._stopping = threading.Event()
        self._writes = threading.Lock()  # one inbox write at a time, so web workers never queue behind several
        self._threads = [threading.Thread(target=self._run, name=f"scopebot-worker-{i}", daemon=True)
                         for i in range(threads)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def _run(self) -> None:
        while True:
            try:
                with self._writes:
                    claimed = self.inbox.claim(self.schedule.lease)
                if claimed is not None:
                    self._settle(claimed)
            except Exception:  # the database is out of reach: a held event is retried when its lease ends
                log.exception("inbox unavailable")
                claimed = None
                self._stopping.wait(self.schedule.base_delay)
            if claimed is None and self._stopping.is_set():
                return
            if claimed is None:
                self._stopping.wait(self.schedule.poll)

    def _settle(self, event: Claimed) -> None:
        """Handle one claimed event and record how it ended."""
        start, ids = time.monotonic(), {"kind": event.kind, f"{event.kind}_id": event.event_id,
                                        "attempt": event.attempts}
        if time.time() - event.received_at > self.schedule.deadline:
            return self._give_up(event, ids, "deadline passed")
        try:
            outcome = self.handle(event)
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"[:300]
            if is_refusal(error):
                return self._give_up(event, ids, reason)
            delay = self.schedule.delay(event.attempts)
            log.warning("will retry", extra={**ids, "delay_s": round(delay, 2), "error": reason})
            with self._writes:
                return self.inbox.retry(event, delay, reason)
        with self._writes:
            self.inbox.done(event)
        log.info("handled", extra={**ids, "ms": elapsed_ms(start), "outcome": outcome})

    def _give_up(self, event: Claimed, ids: dict, reason: str) -> None:
        with self._writes:
            self.inbox.fail(event, reason)
        log.error("failed: no answer will be sent", extra={**ids, "error": reason})

    def shutdown(self) -> None:
        """Stop after the events due now are handled (at most `drain` seconds)."""
        self._stopping.set()
        deadline = time.monotonic() + self.schedule.drain
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
