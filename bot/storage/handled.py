"""Which webhook events were already handled, shared by every worker and instance.

An insert into a table keyed by (kind, id) is the claim: the database lets exactly one of
several concurrent inserts succeed, so an event delivered twice is handled once.
"""

from __future__ import annotations

import time

from sqlalchemy import delete, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.storage.database import handled

KEEP_SECONDS = 7 * 24 * 3600  # Webex does not redeliver events this old


class HandledStore:
    """Claims event ids; safe across threads, processes and (with a shared database) hosts."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def claim(self, kind: str, event_id: str) -> bool:
        """True the first time (kind, id) is claimed by anyone, False after that."""
        try:
            with self.engine.begin() as db:
                db.execute(insert(handled).values(kind=kind, event_id=event_id, at=time.time()))
            return True
        except IntegrityError:
            return False

    def release(self, kind: str, event_id: str) -> None:
        """Forget a claim whose work failed, so a redelivery can try again."""
        with self.engine.begin() as db:
            db.execute(delete(handled).where(handled.c.kind == kind, handled.c.event_id == event_id))

    def prune(self, older_than: float = KEEP_SECONDS) -> int:
        """Drop claims older than `older_than` seconds; returns how many."""
        with self.engine.begin() as db:
            return db.execute(delete(handled).where(handled.c.at < time.time() - older_than)).rowcount
