"""What users tell us: questions the bot could not answer well, and helpful/unhelpful votes.

`python -m bot report` reads it back so the knowledge base can be improved where it fails.
A vote counts once per person and card: pressing again changes the vote, it does not add one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator, Mapping

from sqlalchemy import Integer, cast, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.core.answer import Answer, AnswerKind
from bot.core.safe_text import well_formed
from bot.storage.database import Database, missed_events, misses, votes
from bot.storage.inbox import FAILED, Inbox

MAX_TEXT = 2000
MAX_SCOPES = 10
VOTER, CARD = "voter_person_id", "card_message_id"  # added to a vote's inputs by the service, never by the card


@dataclass
class Report:
    """Top unanswered questions, votes per scope, and events the bot gave up on."""

    unanswered: list[dict[str, Any]] = field(default_factory=list)
    scopes: dict[str, dict[str, int]] = field(default_factory=dict)
    failed_events: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"unanswered": self.unanswered, "scopes": self.scopes, "failed_events": self.failed_events}

    def text(self) -> str:
        """The report for a terminal; stored text is made printable first (see `printable`)."""
        lines = ["Top unanswered or unsure questions:"]
        lines += [f"  {row['count']:4}  {printable(row['question'])}  ({'unsure' if row['answered'] else 'declined'})"
                  for row in self.unanswered] or ["  (none)"]
        lines.append("Feedback per scope (helpful / not helpful):")
        lines += [f"  {printable(name)}: {c['helpful']} / {c['unhelpful']}"
                  for name, c in self.scopes.items()] or ["  (none)"]
        lines.append(f"Events given up on (no answer sent): {self.failed_events}")
        return "\n".join(lines)


_event: ContextVar[str | None] = ContextVar("scopebot_event", default=None)


@contextmanager
def recording_for(event_id: str) -> Iterator[None]:
    """Within this block, misses belong to one webhook event, so its retries do not count again."""
    token = _event.set(event_id)
    try:
        yield
    finally:
        _event.reset(token)


def printable(value: str) -> str:
    """`value` without terminal control characters (escape sequences could rewrite the screen)."""
    return "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in value)


def _valid_vote(inputs: Mapping[str, Any]) -> bool:
    helpful, question, scopes = inputs.get("helpful"), inputs.get("question", ""), inputs.get("scopes", [])
    return (isinstance(helpful, bool) and isinstance(question, str) and isinstance(scopes, list)
            and all(isinstance(s, str) and len(s) <= 200 for s in scopes)
            and isinstance(inputs.get(VOTER), str) and isinstance(inputs.get(CARD), str))


class FeedbackStore:
    """Records misses and votes; builds the improvement report."""

    def __init__(self, db: Database):
        self.db = db

    def question_missed(self, answer: Answer) -> None:
        """Keep a declined or low-confidence question for the report, once per webhook event."""
        event = _event.get()
        if event is not None:
            try:
                with self.db.begin() as c:
                    c.execute(insert(missed_events).values(event_id=event[:300], at=time.time()))
            except IntegrityError:
                return  # a retry of an event whose question is already counted
        with self.db.begin() as c:
            c.execute(insert(misses).values(at=time.time(), question=well_formed(answer.question[:MAX_TEXT]),
                                            answered=answer.answered, scopes=" ".join(answer.scopes)))

    def vote(self, inputs: Mapping[str, Any]) -> bool:
        """Store a Helpful/Not helpful press (a repeated press replaces it); False when malformed."""
        if not _valid_vote(inputs):
            return False
        question, scopes = well_formed(inputs.get("question", "")[:MAX_TEXT]), inputs.get("scopes", [])
        row = {"at": time.time(), "question": question, "scopes": well_formed(" ".join(scopes[:MAX_SCOPES])),
               "helpful": inputs["helpful"]}
        key = {"person_id": well_formed(inputs[VOTER][:255]), "card_id": well_formed(inputs[CARD][:255])}
        first = self._insert_or_update(key, row)
        if first and not inputs["helpful"] and not scopes and question:
            self.question_missed(Answer(question, AnswerKind.DECLINE))
        return True

    def _insert_or_update(self, key: dict[str, str], row: dict[str, Any]) -> bool:
        """Insert the vote; when this person already voted on this card, replace it. True when new."""
        try:
            with self.db.begin() as c:
                c.execute(insert(votes).values(**key, **row))
            return True
        except IntegrityError:
            with self.db.begin() as c:
                c.execute(update(votes).where(votes.c.person_id == key["person_id"],
                                              votes.c.card_id == key["card_id"]).values(**row))
            return False

    def report(self, limit: int = 20) -> Report:
        """The most frequent unanswered/unsure questions, the votes per scope, failed events."""
        report = Report(failed_events=Inbox(self.db).counts()[FAILED])
        asked = func.lower(func.trim(misses.c.question))
        with self.db.connect() as c:
            rows = c.execute(
                select(asked.label("q"), func.count().label("n"), func.max(cast(misses.c.answered, Integer)).label("a"))
                .group_by(asked).order_by(func.count().desc(), asked).limit(limit)
            )
            report.unanswered = [{"question": q, "count": n, "answered": bool(a)} for q, n, a in rows]
            for scopes, helpful in c.execute(select(votes.c.scopes, votes.c.helpful)):
                for name in scopes.split():
                    counts = report.scopes.setdefault(name, {"helpful": 0, "unhelpful": 0})
                    counts["helpful" if helpful else "unhelpful"] += 1
        report.scopes = dict(sorted(report.scopes.items(), key=lambda kv: -sum(kv[1].values())))
        return report
