"""Which scope posts like this one were about: a logistic regression over the post's words and word pairs,
one class a scope, trained on the labelled posts of the development sets by bench/train_scope.py. It knows how
developers tell a need in their own words, where the ranking knows the knowledge base's; when it reads a post
surely as one scope and an answer that is not sure leads with another found from words alone, that scope leads
instead and the answer says it is one of the two (`steered`). The needs model (bench/train_needs.py) has the
same form, one logistic model a scope read on its own: the missed-need stage weighs both."""

from __future__ import annotations

import json
import math
from array import array
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.answer import Answer, AnswerKind, Confidence, Need, Via
from bot.core.knowledge import Scope
from bot.core.matching import tuning as t
from bot.core.matching.evidence import replacement
from bot.core.matching.frames import with_together
from bot.core.matching.logit import logistic
from bot.core.matching.missed import Reading, unread
from bot.core.matching.offtopic import tfidf
from bot.core.matching.packed import Rows, aligned, unpacked

if TYPE_CHECKING:
    from bot.core.matching.index import ScopeIndex
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("scope_model.json")
NEEDS_PATH = Path(__file__).with_name("needs_model.json")  # one model a scope (bench/train_needs.py)
_STEERED_KINDS = (AnswerKind.SCOPE, AnswerKind.PLAN)


@dataclass(frozen=True)
class ScopeModel:
    """The scopes (classes), their intercepts, each term's place in the idf array and in the rows of its weights,
    kept only where they count (a term's classes and their weights)."""

    scopes: tuple[str, ...]
    intercepts: tuple[float, ...]
    places: dict[str, int]
    idf: array
    weights: Rows
    ngrams: int = 2
    each: bool = False  # one model a scope, each read on its own (the needs model), not one over them all
    _last: list[tuple[str, dict[str, float]]] = field(default_factory=lambda: [("", {})], init=False, repr=False,
                                                      compare=False)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ScopeModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def read(cls, data: dict[str, Any]) -> ScopeModel:
        """The model from its exported form."""
        terms, idf, weights = data["terms"], unpacked(data["idf"]), Rows.read(data["weights"])
        aligned(terms, idf, weights)
        return cls(tuple(data["scopes"]), tuple(data["intercepts"]), {term: i for i, term in enumerate(terms)},
                   idf, weights, data["ngrams"], data.get("link") == "logistic")

    def probabilities(self, text: str) -> dict[str, float]:
        """How likely the post is about each scope: a softmax over every scope the model knows, or for the needs
        model each scope's logistic. The last post's are kept: the missed-need stage and the steering read the
        same post."""
        last_text, last = self._last[0]  # one tuple, read and written whole: safe across threads
        if text and text == last_text:
            return last
        scores = list(self.intercepts)
        for term, value in tfidf(text, self._idf, self.ngrams).items():
            for c, weight in self.weights.row(self.places[term]):
                scores[c] += value * weight
        if self.each:
            read = {scope: logistic(score) for scope, score in zip(self.scopes, scores)}
        else:
            top = max(scores)
            exps = [math.exp(score - top) for score in scores]
            total = sum(exps)
            read = {scope: e / total for scope, e in zip(self.scopes, exps)}
        self._last[0] = (text, read)
        return read

    def likeliest(self, text: str) -> tuple[str, float]:
        """The scope the post most likely is about, and how likely."""
        return max(self.probabilities(text).items(), key=lambda item: item[1])

    def _idf(self, term: str) -> float | None:
        place = self.places.get(term)
        return None if place is None else self.idf[place]

    def steered(self, answer: Answer, q: Question, index: ScopeIndex, needed: Reading = unread) -> Answer:
        """An answer that is not sure, led by the scope the model reads the post surely as, when its lead came from
        words alone (not a name, an endpoint or a call) and no need of it is that scope: the scope takes the lead's
        place and the lead is its first alternative, or, when `needed` (the needs model) reads the lead as still
        needed, the scope goes first in a plan that keeps the lead. The model reads which resource a post is about,
        not who acts or whether it reads or writes: another form of the lead's resource is no reason to change it.
        A sure answer stays (the model is right less often than a sure answer is), and so do a plan's order (the
        lead model's), a lead the post tells in the knowledge base's own words, and a post in another language (the
        model knows English) or too short for it to tell. Read less surely, the scope is offered as an alternative
        among the first three shown, after the lead's own first. A deprecated scope the model learned is read as
        its replacement, which leads the plan when it is already one of its needs."""
        if (answer.kind not in _STEERED_KINDS or answer.confidence == Confidence.HIGH or not answer.needs
                or answer.needs[0].via != Via.WORDS or q.language or len(q.text.split()) < t.SCOPE_MODEL_MIN_WORDS):
            return answer
        name, p = self.likeliest(q.text)
        scope, lead = index.kb.get(name), answer.needs[0]
        if scope is not None and scope.deprecated:  # learned before it was: read as the scope that replaced it
            scope = replacement(scope, index.kb)
            if p >= t.SCOPE_MODEL_FROM and (later := [n for n in answer.needs[1:] if n.scope == scope]):
                return replace(answer, needs=(later[0], *(n for n in answer.needs if n is not later[0])))
        if (scope is not None and t.SCOPE_MODEL_OFFERED_FROM <= p < t.SCOPE_MODEL_FROM
                and scope.name not in answer.top(3)):
            offered = replace(lead, alternatives=(*lead.alternatives[:1], scope, *lead.alternatives[1:]))
            return replace(answer, needs=(offered, *answer.needs[1:]))
        if (p < t.SCOPE_MODEL_FROM or scope is None or any(need.scope == scope for need in answer.needs)
                or index.named_for(scope) == index.named_for(lead.scope) or _told_as_documented(lead.scope, q.text)):
            return answer
        others = tuple(s for s in lead.alternatives if s not in (scope, lead.scope))
        if needed(q.text).get(lead.scope.name, 0.0) >= t.LEAD_STILL_NEEDED_FROM:
            return _beside_the_lead(answer, Need(lead.text, scope, Via.WORDS, lead.evidence, others, p), index)
        steered = Need(lead.text, scope, Via.WORDS, lead.evidence, (lead.scope, *others), p)
        note = (f"questions worded like this one are usually about {scope.name}; if yours is about "
                f"{lead.scope.name}, use that one instead.")
        return replace(answer, needs=(*with_together([steered], index), *answer.needs[1:]),
                       assumptions=(*answer.assumptions, note))


def _beside_the_lead(answer: Answer, read: Need, index: ScopeIndex) -> Answer:
    """A plan led by the need the scope model read, then every need the answer had: its lead is still needed."""
    note = (f"questions worded like this one are usually about {read.scope.name}, and this one also needs "
            f"{answer.needs[0].scope.name}; leave either out if the app does not do that.")
    return replace(answer, kind=AnswerKind.PLAN, needs=(*with_together([read], index), *answer.needs),
                   assumptions=(*answer.assumptions, note))


def _told_as_documented(scope: Scope, text: str) -> bool:
    """Whether the post holds one of the scope's synonyms or examples word for word."""
    told = " ".join(text.lower().split())
    return any(phrase.lower() in told for phrase in (*scope.synonyms, *scope.examples))
