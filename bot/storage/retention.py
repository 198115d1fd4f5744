"""Forgets what people wrote once it is older than the retention period (RETENTION_DAYS)."""

from __future__ import annotations

import time

from sqlalchemy import delete, update

from bot.storage.database import Database, inbox, missed_events, misses, votes
from bot.storage.inbox import PENDING


def purge(db: Database, days: float) -> dict[str, int]:
    """Delete stored questions and settled webhook events older than `days`, and blank the
    question text of older votes (their counts stay); returns how many rows each lost."""
    cutoff = time.time() - days * 86400
    with db.begin() as c:
        c.execute(delete(missed_events).where(missed_events.c.at < cutoff))  # ids only: no count to report
        return {
            "misses": c.execute(delete(misses).where(misses.c.at < cutoff)).rowcount,
            "votes": c.execute(update(votes).where(votes.c.at < cutoff, votes.c.question != "")
                               .values(question="")).rowcount,
            "events": c.execute(delete(inbox).where(inbox.c.received_at < cutoff,
                                                    inbox.c.state != PENDING)).rowcount,
        }
