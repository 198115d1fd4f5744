"""Bounded retries with backoff for calls to Webex.

Retried: 429 (waiting what Retry-After says, within a cap; our own backoff when the header is
missing or malformed), 5xx answers, timeouts and dropped connections. Not retried: other 4xx,
which will not get better by asking again.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

import requests
from webexpythonsdk.exceptions import ApiError, RateLimitError

log = logging.getLogger("scopebot.retry")
T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry; the numbers come from bot.service.tuning."""

    attempts: int
    base_delay: float  # seconds; doubles each attempt, with jitter
    max_delay: float
    max_retry_after: float

    def backoff(self, attempt: int) -> float:
        """The wait before retry number `attempt` (1-based)."""
        return min(self.max_delay, self.base_delay * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)


def _retry_after(error: RateLimitError) -> float | None:
    """Retry-After in seconds as Webex sent it, or None when missing or malformed."""
    header = error.response.headers.get("Retry-After") if error.response is not None else None
    try:
        return max(0.0, float(header)) if header is not None else None
    except ValueError:
        return None


def not_processed(error: Exception) -> bool:
    """True when Webex surely did not act on the request (429, 503, or no connection was made), so
    even a call that creates something may be repeated; after a timeout or a 500 it may have."""
    if isinstance(error, ApiError):
        return isinstance(error, RateLimitError) or error.status_code == 503
    return isinstance(error, requests.ConnectTimeout)


def transient_delay(error: Exception, attempt: int, policy: RetryPolicy,
                    repeatable: bool = True) -> float | None:
    """How long to wait before retrying after `error`, or None when it is not worth retrying (or,
    for a call that is not `repeatable`, when Webex may have acted on it already)."""
    if not repeatable and not not_processed(error):
        return None
    if isinstance(error, RateLimitError):
        after = _retry_after(error)
        return policy.backoff(attempt) if after is None else min(after, policy.max_retry_after)
    if isinstance(error, ApiError):
        return policy.backoff(attempt) if error.status_code >= 500 else None
    if isinstance(error, (requests.Timeout, requests.ConnectionError)):
        return policy.backoff(attempt)
    return None


def is_refusal(error: Exception) -> bool:
    """True when Webex refused the request for good (a 4xx other than 429): asking again is useless."""
    return isinstance(error, ApiError) and not isinstance(error, RateLimitError) and error.status_code < 500


def with_retries(call: Callable[[], T], what: str, policy: RetryPolicy, repeatable: bool = True) -> T:
    """Run `call`, retrying transient failures; the last failure is raised. A call that is not
    `repeatable` (posting a message) is retried only when Webex surely did not act on it."""
    for attempt in range(1, policy.attempts + 1):
        try:
            return call()
        except Exception as error:
            delay = transient_delay(error, attempt, policy, repeatable)
            if delay is None or attempt == policy.attempts:
                raise
            log.warning("retrying Webex call", extra={"call": what, "attempt": attempt,
                                                      "delay_s": round(delay, 2), "error": type(error).__name__})
            time.sleep(delay)
    raise AssertionError("unreachable")
