"""The durable inbox: every verified webhook event is stored before Webex gets its 2xx, and
marked done only after the reply was accepted, so a crash loses nothing.

Workers claim one event at a time with a lease. PostgreSQL skips rows other sessions have
locked (FOR UPDATE SKIP LOCKED); SQLite serialises writers, so one UPDATE ... RETURNING is the
claim there. An event whose worker died is claimed again once its lease has expired.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.storage.database import Database, DatabaseError, inbox

PENDING, DONE, FAILED = "pending", "done", "failed"
_ADD = insert(inbox)  # built once: the acknowledgement path runs it for every webhook


@dataclass(frozen=True)
class Claimed:
    """An event a worker now holds: what Webex sent, and how many times it was claimed."""

    row_id: int
    kind: str
    event_id: str
    envelope: dict[str, Any]
    attempts: int
    received_at: float


class Inbox:
    """Stores, claims and settles webhook events; safe across threads, processes and hosts."""

    def __init__(self, db: Database):
        self.db = db

    def add(self, kind: str, event_id: str, envelope: str) -> bool:
        """Store a new event (its envelope as the JSON Webex sent); False when it was stored
        before (a redelivery)."""
        now = time.time()
        try:
            with self.db.begin() as c:
                c.execute(_ADD, {"kind": kind, "event_id": event_id, "envelope": envelope, "state": PENDING,
                                 "attempts": 0, "received_at": now, "available_at": now, "lease_until": 0.0})
            return True
        except IntegrityError:
            return False
        except OperationalError as error:
            raise DatabaseError(f"cannot store the event: {str(error.orig).strip()[:200]}") from None

    def claim(self, lease_seconds: float) -> Claimed | None:
        """Take the oldest event that is due and not leased, for `lease_seconds`; None when none is."""
        now = time.time()
        due = and_(inbox.c.state == PENDING, inbox.c.available_at <= now, inbox.c.lease_until <= now)
        oldest = (select(inbox.c.id).where(due).order_by(inbox.c.available_at).limit(1)
                  .with_for_update(skip_locked=True).scalar_subquery())
        statement = (update(inbox).where(inbox.c.id == oldest, due)
                     .values(lease_until=now + lease_seconds, attempts=inbox.c.attempts + 1)
                     .returning(inbox.c.id, inbox.c.kind, inbox.c.event_id, inbox.c.envelope,
                                inbox.c.attempts, inbox.c.received_at))
        with self.db.begin() as c:
            row = c.execute(statement).first()
        if row is None:
            return None
        return Claimed(row.id, row.kind, row.event_id, json.loads(row.envelope), row.attempts, row.received_at)

    def done(self, event: Claimed) -> None:
        """The event is handled for good (replied to, or nothing to say)."""
        self._settle(event, state=DONE, finished_at=time.time(), lease_until=0.0)

    def retry(self, event: Claimed, delay: float, error: str) -> None:
        """Give the event back, to be claimed again after `delay` seconds."""
        self._settle(event, available_at=time.time() + delay, lease_until=0.0, last_error=error[:1000])

    def fail(self, event: Claimed, error: str) -> None:
        """Give up on the event (counted in the report)."""
        self._settle(event, state=FAILED, finished_at=time.time(), lease_until=0.0, last_error=error[:1000])

    def _settle(self, event: Claimed, **values: Any) -> None:
        with self.db.begin() as c:
            c.execute(update(inbox).where(inbox.c.id == event.row_id).values(**values))

    def counts(self) -> dict[str, int]:
        """How many events are pending, done and failed."""
        with self.db.connect() as c:
            rows = c.execute(select(inbox.c.state, func.count()).group_by(inbox.c.state))
            found = {state: n for state, n in rows}
        return {state: found.get(state, 0) for state in (PENDING, DONE, FAILED)}
