"""What users tell us: questions the bot could not answer well, and helpful/unhelpful votes.

`python -m bot report` reads it back so the knowledge base can be improved where it fails.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Mapping

from sqlalchemy import Integer, cast, func, insert, select
from sqlalchemy.engine import Engine

from bot.core.answer import Answer, AnswerKind
from bot.storage.database import feedback, misses

MAX_TEXT = 2000
MAX_SCOPES = 10


@dataclass
class Report:
    unanswered: list[dict[str, Any]] = field(default_factory=list)
    scopes: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"unanswered": self.unanswered, "scopes": self.scopes}

    def text(self) -> str:
        lines = ["Top unanswered or unsure questions:"]
        lines += [f"  {row['count']:4}  {row['question']}  ({'unsure' if row['answered'] else 'declined'})"
                  for row in self.unanswered] or ["  (none)"]
        lines.append("Feedback per scope (helpful / not helpful):")
        lines += [f"  {name}: {c['helpful']} / {c['unhelpful']}" for name, c in self.scopes.items()] or ["  (none)"]
        return "\n".join(lines)


class FeedbackStore:
    """Records misses and votes; builds the improvement report."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def question_missed(self, answer: Answer) -> None:
        """Keep a declined or low-confidence question for the report."""
        with self.engine.begin() as db:
            db.execute(insert(misses).values(at=time.time(), question=answer.question[:MAX_TEXT],
                                             answered=answer.answered, scopes=" ".join(answer.scopes)))

    def vote(self, inputs: Mapping[str, Any]) -> bool:
        """Store a Helpful/Not helpful press; False when the submitted data is malformed."""
        helpful, question, scopes = inputs.get("helpful"), inputs.get("question", ""), inputs.get("scopes", [])
        if not isinstance(helpful, bool) or not isinstance(question, str) or not isinstance(scopes, list) \
                or not all(isinstance(s, str) and len(s) <= 200 for s in scopes):
            return False
        with self.engine.begin() as db:
            db.execute(insert(feedback).values(at=time.time(), question=question[:MAX_TEXT],
                                               scopes=" ".join(scopes[:MAX_SCOPES]), helpful=helpful))
        if not helpful and not scopes and question:
            self.question_missed(Answer(question[:MAX_TEXT], AnswerKind.DECLINE))
        return True

    def report(self, limit: int = 20) -> Report:
        """The most frequent unanswered/unsure questions and the votes per scope."""
        report = Report()
        asked = func.lower(func.trim(misses.c.question))
        with self.engine.connect() as db:
            rows = db.execute(
                select(asked.label("q"), func.count().label("n"), func.max(cast(misses.c.answered, Integer)).label("a"))
                .group_by(asked).order_by(func.count().desc(), asked).limit(limit)
            )
            report.unanswered = [{"question": q, "count": n, "answered": bool(a)} for q, n, a in rows]
            for scopes, helpful in db.execute(select(feedback.c.scopes, feedback.c.helpful)):
                for name in scopes.split():
                    counts = report.scopes.setdefault(name, {"helpful": 0, "unhelpful": 0})
                    counts["helpful" if helpful else "unhelpful"] += 1
        report.scopes = dict(sorted(report.scopes.items(), key=lambda kv: -sum(kv[1].values())))
        return report
