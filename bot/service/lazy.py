"""A value computed on first need, once, even when several threads ask at the same moment."""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class Lazy(Generic[T]):
    """Calls `make` the first time the value is asked for; a failure is not kept, so the next
    caller tries again (a Webex blip at start-up must not disable the bot for good)."""

    def __init__(self, make: Callable[[], T]):
        self._make = make
        self._lock = threading.Lock()
        self._value: T | None = None
        self._ready = False

    def __call__(self) -> T:
        if not self._ready:
            with self._lock:
                if not self._ready:
                    self._value = self._make()
                    self._ready = True
        return self._value  # type: ignore[return-value]
