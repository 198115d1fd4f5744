"""Which need of a plan leads: the scope the post is mainly about goes first, as support staff read the first
scope as the answer. Small boosted trees, trained on the development sets by bench/train_lead.py, weigh each
need's place, access, evidence and words ("look up each person by email, then create the hunt group": the
hunt group leads), how often its scope led the plans it was in (spark-admin:devices_read mostly finds the
device a command goes to) and how likely the scope model, trained on the posts' main scopes, reads the post as
its scope."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.answer import HELD_NEED, Answer, AnswerKind, Need, Via
from bot.core.matching.boosted import RATE_FEATURE, Boosted, ScopeRates
from bot.core.matching.lookups import looked_up
from bot.core.matching.missed import Reading, unread

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("lead_model.json")
_QUOTED = 25  # the first characters of a need's words that find it in the post
_ASKED = 20  # ...and in the sentences that ask


def features(answer: Answer, q: Question, first: int, led: ScopeRates = ScopeRates(),
             read: Reading = unread) -> list[dict[str, float]]:
    """Per need of the answer, in its order: what speaks for it leading. `first` is how many needs the answer
    had before the missed-need stage added any; `led`, how often each scope led the training plans; `read`, the
    scope model's reading of the post (trained on the posts' main scopes: how likely each is the main one)."""
    needs, text, asking, mainly = answer.needs, q.text.lower(), q.asking.lower(), read(q.text)
    last = max(1, len(needs) - 1)
    return [{key: float(value) for key, value in {
        "first": at == 0, "second": at == 1, "place": at / last,
        "write": need.scope.access == "write", "read": need.scope.access == "read",
        "endpoint": need.via == Via.ENDPOINT, "named": need.via == Via.NAME,
        "admin": need.scope.audience == "admin", "compliance": need.scope.audience == "compliance",
        "asked": bool(need.text) and need.text.lower()[:_ASKED] in asking,
        "told_at": _told_at(need, text), "lookup": looked_up(need.text), "score": need.score,
        "twin": any(other.scope.name == need.scope.counterpart for other in needs if other is not need),
        "linked": any(need.scope.name in other.scope.related for other in needs if other is not need),
        "added": at >= first, "mainly": mainly.get(need.scope.name, 0.0),
        RATE_FEATURE: led.of(need.scope.name)}.items()} for at, need in enumerate(needs)]


def _told_at(need: Need, text: str) -> float:
    """Where in the post a need's words begin, from 0 (its start) to 1 (its end, or not found)."""
    found = text.find(need.text.lower()[:_QUOTED]) if need.text else -1
    return found / max(1, len(text)) if found >= 0 else 1.0


class LeadModel(Boosted):
    """Boosted trees over a need's features: is it the scope the post is mainly about?"""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> LeadModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    def led(self, answer: Answer, q: Question, first: int, read: Reading = unread) -> Answer:
        """A plan with the need likeliest to be its main one first, the others in their order (`read`: the scope
        model's reading of the post)."""
        if answer.kind != AnswerKind.PLAN or len(answer.needs) < 2:
            return answer
        scores = [-1.0 if need.text == HELD_NEED else self.probability(told)  # what the app has is no new need
                  for need, told in zip(answer.needs, features(answer, q, first, self.rates, read))]
        lead = max(range(len(scores)), key=lambda at: (scores[at], -at))
        if lead == 0:
            return answer
        needs = (answer.needs[lead], *answer.needs[:lead], *answer.needs[lead + 1:])
        return replace(answer, needs=needs)
