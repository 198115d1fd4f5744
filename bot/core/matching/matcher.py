"""The answer engine's entry point: a question in, an Answer out.

Stages, strongest evidence first: scope names written in the question, API endpoints, then
words (several needs split into clauses). Each stage lives in its own module of this package;
the tuned numbers are in `tuning`.
"""

from __future__ import annotations

from bot.core.answer import Answer, AnswerKind, Confidence, Need, Via
from bot.core.endpoints import find_endpoints
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching import tuning as t
from bot.core.matching.clauses import best_need, clause_needs, eligible, one_scope_suffices
from bot.core.matching.evidence import endpoint_need, named_scopes, without_names
from bot.core.matching.explain import decline_reason, why
from bot.core.matching.index import ScopeIndex
from bot.core.matching.lexicon import Lexicon
from bot.core.matching.query import build_query


class Matcher:
    """Answers questions from a KnowledgeBase; build once, then call `answer` many times."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.index = ScopeIndex(kb, Lexicon(kb.vocabulary))

    def answer(self, question: str) -> Answer:
        """The least-privilege scopes for `question`, or a decline saying why."""
        question = " ".join(question.split())
        named = named_scopes(question, self.index)
        if named:
            return self._answer_names(question, named)
        endpoints = find_endpoints(question)
        if endpoints:
            cues = build_query(question, self.index).audiences
            needs = [n for e in endpoints if (n := endpoint_need(e, cues, self.index)) is not None]
            if needs:
                kind = AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN
                return Answer(question, kind, tuple(needs), why(needs))
        return self._answer_words(question)

    def compare(self, scopes: list[Scope]) -> Answer:
        """Scopes side by side (a card's 'compare' button)."""
        needs = tuple(Need(s.name, s, Via.NAME, (s.name,)) for s in scopes[:3])
        return Answer("compare " + " vs ".join(n.scope.name for n in needs), AnswerKind.COMPARE, needs,
                      "how these scopes differ")

    def candidates(self, question: str, k: int = 3) -> list[str]:
        """The k best scope names for a question: the answer's, its alternatives, then by words
        (for top-k measurements)."""
        names = self.answer(question).top(k)
        if len(names) < k:
            names += [r.scope.name for r in self.index.rank(build_query(question, self.index))[:k]]
        return list(dict.fromkeys(names))[:k]

    def _answer_names(self, question: str, named: list[Scope]) -> Answer:
        needs = tuple(Need(s.name, s, Via.NAME, (s.name,)) for s in named)
        raw = without_names(question)
        lexicon = self.index.lexicon
        if len(named) >= 2 and lexicon.asks_to_compare(raw):
            return Answer(question, AnswerKind.COMPARE, needs[:3],
                          f"You named {named[0].name} and {named[1].name}; here is how they differ.")
        if len(named) == 1 and lexicon.asks_what_it_unlocks(raw):
            return Answer(question, AnswerKind.UNLOCKS, needs, f"you asked what {named[0].name} unlocks")
        kind = AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN
        return Answer(question, kind, needs, why(list(needs)))

    def _answer_words(self, question: str) -> Answer:
        whole = build_query(question, self.index)
        ranked = eligible(self.index.rank(whole), whole, self.index)
        best = ranked[0] if ranked else None
        clauses = clause_needs(question, self.index)
        needs = [clause.need for clause in clauses]
        if len(clauses) >= 2 and not one_scope_suffices(best, clauses, self.index):
            return Answer(question, AnswerKind.PLAN, tuple(needs), why(needs))
        if best is not None:
            need = best_need(question, ranked)
            confidence = Confidence.HIGH if best.coverage >= t.CONFIDENT_FROM else Confidence.MEDIUM
            return Answer(question, AnswerKind.SCOPE, (need,), why([need]), confidence)
        if needs:
            return Answer(question, AnswerKind.SCOPE, (needs[0],), why(needs[:1]), Confidence.LOW)
        return Answer(question, AnswerKind.DECLINE, why=decline_reason(whole))
