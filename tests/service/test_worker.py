"""How the worker settles a claimed event: done, retried with backoff, or failed for good."""

from __future__ import annotations

import time

import pytest
import requests
from webexpythonsdk.exceptions import ApiError

from bot.service.worker import Schedule, Worker
from bot.storage.inbox import Claimed
from service_harness import wait_for

SCHEDULE = Schedule(lease=60, base_delay=5, max_delay=600, deadline=24 * 3600, poll=1, drain=1)


class FakeInbox:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def done(self, event: Claimed) -> None:
        self.calls.append(("done",))

    def retry(self, event: Claimed, delay: float, error: str) -> None:
        self.calls.append(("retry", delay))

    def fail(self, event: Claimed, error: str) -> None:
        self.calls.append(("fail", error))


def api_error(status: int) -> ApiError:
    response = requests.Response()
    response.status_code, response.reason, response._content = status, "x", b"{}"
    response.request = requests.Request("GET", "http://x/v1/messages/1").prepare()
    return ApiError(response)


def settle(outcome, attempts: int = 1, age: float = 0.0) -> list[tuple]:
    inbox = FakeInbox()

    def handle(event: Claimed) -> str:
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    event = Claimed(1, "message", "m1", {}, attempts, time.time() - age)
    Worker(inbox, handle, SCHEDULE, threads=0)._settle(event)  # type: ignore[arg-type]
    return inbox.calls


def test_a_handled_event_is_done() -> None:
    assert settle("answered") == [("done",)]


@pytest.mark.parametrize("attempts, delay", [(1, 5), (2, 10), (4, 40), (20, 600)])
def test_a_transient_failure_is_retried_with_doubling_backoff(attempts: int, delay: float) -> None:
    assert settle(api_error(503), attempts) == [("retry", delay)]
    assert settle(requests.ConnectionError("reset"), attempts) == [("retry", delay)]


def test_a_refusal_fails_at_once_and_an_old_event_fails_at_its_deadline() -> None:
    [(verdict, error)] = settle(api_error(404))
    assert verdict == "fail" and "404" in error
    assert settle("answered", attempts=30, age=25 * 3600) == [("fail", "deadline passed")]


def test_a_thread_survives_a_database_outage_and_goes_on() -> None:
    class FlakyInbox(FakeInbox):
        def __init__(self) -> None:
            super().__init__()
            self.waiting = [Claimed(n, "message", f"m{n}", {}, 1, time.time()) for n in (1, 2)]
            self.broken = True

        def claim(self, lease: float) -> Claimed | None:
            return self.waiting.pop(0) if self.waiting else None

        def done(self, event: Claimed) -> None:
            if self.broken:
                self.broken = False
                raise ConnectionError("database went away")
            super().done(event)

    inbox = FlakyInbox()
    worker = Worker(inbox, lambda event: "answered",  # type: ignore[arg-type]
                    Schedule(lease=60, base_delay=0.01, max_delay=1, deadline=3600, poll=0.01, drain=30), threads=1)
    worker.start()
    wait_for(lambda: inbox.calls == [("done",)])
    worker.shutdown()
    assert inbox.calls == [("done",)]  # the second event was settled after the first one's failure
