"""Needs an answer may have missed: each clause's likeliest scopes that the answer lacks, one added when a
small model of boosted trees, trained on the development sets by bench/train_missed.py, finds it likely
enough needed (tuning.MISSED_FROM, lower in a long post) ("... GET /v1/meetings, then post a summary into the
team space": the post's message). Among what it weighs: how the clause ranks the scope, how likely the scope
model reads the whole post as that scope's, and how likely the needs model reads it as needing the scope."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot.core.answer import Answer, AnswerKind, Confidence, Need, Via
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching import tuning as t
from bot.core.matching.boosted import RATE_FEATURE, Boosted, ScopeRates
from bot.core.matching.calibrate import weakest
from bot.core.matching.clauses import clause_parts, clause_queries, done_by_others, eligible
from bot.core.matching.evidence import asks_for_several
from bot.core.matching.explain import twin
from bot.core.matching.index import Ranked, ScopeIndex
from bot.core.matching.lookups import admin_form, by_the_admin
from bot.core.matching.query import MEMBERS_MARK, Query

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("missed_model.json")
# a word model's reading of a post (scope -> probability), asked for only when a post has candidates
Reading = Callable[[str], Mapping[str, float]]
_NONE: Mapping[str, float] = MappingProxyType({})


def unread(text: str) -> Mapping[str, float]:
    """No reading: every scope at 0."""
    return _NONE
# answers a need may be added to: not a comparison, what a scope unlocks, an audit or a decline
COMPLETED_KINDS = frozenset({AnswerKind.SCOPE, AnswerKind.PLAN, AnswerKind.CLARIFY, AnswerKind.GUIDANCE})


# the asking sentences ask for one scope ("which scope?"), when not for several
_ONE_RE = re.compile(r"\b(?:scope|permission)\b", re.IGNORECASE)


_GAP_RE = re.compile(r"\s+([.,;:!?])")  # a space left before punctuation


@dataclass(frozen=True)
class Candidate:
    """A scope one or more clauses point at that the answer lacks, with what speaks for it."""

    scope: Scope
    clause: str  # the clause that speaks for it best
    features: dict[str, float]


@dataclass(frozen=True)
class _Answered:
    """What the answer holds already, as the features compare a candidate with it."""

    have: frozenset[str]
    counterparts: frozenset[str]
    resources: frozenset[str]
    related: frozenset[str]
    other_actors: frozenset[str]  # the held scopes' forms for another actor (meeting:admin_schedule_write)
    audiences: frozenset[str]  # who acts in the scopes held (user, admin, compliance, ...)

    @classmethod
    def of(cls, answer: Answer, kb: KnowledgeBase) -> _Answered:
        scopes = [s for name in answer.scopes if (s := kb.get(name)) is not None]
        return cls(frozenset(answer.scopes), frozenset(s.counterpart for s in scopes if s.counterpart),
                   frozenset(_resource(s) for s in scopes), frozenset(r for s in scopes for r in s.related),
                   frozenset(other.name for s in scopes if (other := twin(s, kb)) is not None),
                   frozenset(s.audience for s in scopes))

    def holds(self, scope: Scope) -> bool:
        """Whether the answer holds the scope, or its form for another actor: one app acts as one actor."""
        return scope.name in self.have or scope.name in self.other_actors or _resource(scope) in self.resources

    def another_actor(self, scope: Scope, query: Query) -> bool:
        """Whether the clause says the scope's actor acts, one the answer has no scope for ("... and, as the
        compliance officer, delete them"): the same app's other actor."""
        return scope.name not in self.have and scope.audience in query.audiences - self.audiences


def _resource(scope: Scope) -> str:
    """What a scope is about whoever acts: spark-admin:people_read and spark:people_read alike."""
    return scope.name.partition(":")[2].replace("admin_", "")


def candidates(answer: Answer, q: Question, index: ScopeIndex, needed: ScopeRates = ScopeRates(),
               read: Reading = unread, needs: Reading = unread) -> list[Candidate]:
    """The best few scopes of each clause of the post's words, pasted calls and what someone else does left
    out, that the answer lacks, and the other access of a scope it holds wherever a clause ranks it (a scope
    related to one it holds too, when the clause names its resource): each with the figures of the clause that
    ranks it highest, how many clauses rank it, how often the scope was needed when proposed in the training
    posts (`needed`), how likely the scope model reads the post as that scope's (`read`) and how likely the
    needs model reads it as needing the scope (`needs`); the models read the post only when it has candidates."""
    if answer.kind not in COMPLETED_KINDS or not answer.scopes:
        return []
    prose = q.prose
    for call in q.calls:
        prose = prose.replace(call.endpoint.text if call.endpoint else call.words, " ")
    if len(parts := clause_parts(prose, index)) < 2:
        return []
    queries, answered, hits = clause_queries(parts, index), _Answered.of(answer, index.kb), Counter[str]()
    best: dict[str, Candidate] = {}
    fitting: dict[str, float] = {}  # per scope, the best coverage among clauses whose action fits its access
    for at, (query, back, _) in enumerate(queries):
        if done_by_others(query.text):
            continue
        ranked = index.rank(query)
        passing = {r.scope.name for r in eligible(ranked[:t.MISSED_AMONG + 1], query, index, t.CLAUSE_MIN)}
        for k, candidate in _proposed(ranked, answered):
            name = candidate.scope.name
            if answered.holds(candidate.scope) and not answered.another_actor(candidate.scope, query):
                continue
            after = ranked[k + 1].score if k + 1 < len(ranked) else 0.0
            features = _features(candidate, k, query, index, answered) | _setting(answer, q, len(queries)) | {
                "back": float(back), "margin": candidate.score - after, "eligible": float(name in passing),
                "first": float(at == 0), "last": float(at == len(queries) - 1)}
            hits[name] += 1
            if features["acc_match"]:
                fitting[name] = max(fitting.get(name, 0.0), candidate.coverage)
            if name not in best or best[name].features["score"] < features["score"]:
                best[name] = Candidate(candidate.scope, query.text, features)
    scope, needing = (read(q.text), needs(q.text)) if best else (_NONE, _NONE)
    return [replace(c, features=c.features | {"hits": float(hits[name]), "fits": float(name in fitting),
                                              RATE_FEATURE: needed.of(name), "read": scope.get(name, 0.0),
                                              "needs": needing.get(name, 0.0),
                                              "fit_cov": fitting.get(name, 0.0),
                                              "fit_twin": float(name in fitting and name in answered.counterparts)})
            for name, c in best.items()]


def _proposed(ranked: list[Ranked], answered: _Answered) -> list[tuple[int, Ranked]]:
    """A clause's best few scopes, and wherever it ranks them the other access of a scope the answer holds ("list
    the event types, then register a subscription": the listing's words rank cjp:config_read far down) and a
    scope the knowledge base relates to one it holds whose resource the clause names ("creates a team ... and
    adds the project members to that team"); not one it does not name ("create a space and post a message" asks
    for no members)."""
    twins = [(k, r) for k, r in enumerate(ranked[t.MISSED_AMONG:], t.MISSED_AMONG)
             if r.scope.name in answered.counterparts or (r.scope.name in answered.related and r.names_resource)]
    return [*enumerate(ranked[:t.MISSED_AMONG]), *twins]


def _features(candidate: Ranked, k: int, query: Query, index: ScopeIndex, answered: _Answered) -> dict[str, float]:
    """How the clause speaks for the candidate, and how the candidate stands to the answer."""
    scope, cues, intent = candidate.scope, query.audiences, query.intent
    own = set(candidate.evidence) - index.lexicon.verb_terms
    words = max(1, len(query.text.split()))
    return {key: float(value) for key, value in {
        "cov": candidate.coverage, "score": candidate.score, "rank0": k == 0, "rank1": k == 1, "rank2": k == 2,
        "named": candidate.names_resource, "phrased": candidate.phrased, "strong": len(candidate.strong),
        "ev": len(candidate.evidence), "nonverb": len(own), "resource": len(own & index.resource_terms),
        "acc_match": intent is not None and scope.access in (intent, "read-write"),
        "acc_mismatch": intent is not None and scope.access not in (intent, "read-write"),
        "no_intent": intent is None, "aud_cue": scope.audience in cues,
        "compl_nocue": scope.audience == "compliance" and "compliance" not in cues,
        "admin_nocue": scope.audience == "admin" and not cues - {"user"},
        "user_admincue": scope.audience == "user" and "admin" in cues,
        "logwords": math.log(words), "unk": query.unknown / max(1, query.unknown + query.known),
        "counterpart": scope.name in answered.counterparts, "aud_apart": scope.audience not in answered.audiences,
        "related": scope.name in answered.related, "deprecated": scope.deprecated is not None}.items()}


def _setting(answer: Answer, q: Question, clauses: int) -> dict[str, float]:
    """What the answer and the post are like: calls pasted, scopes named, one scope asked for or several, how
    many scopes and clauses."""
    several = asks_for_several(q.asking)
    return {"calls": float(bool(q.calls)), "named_q": float(bool(q.named)), "nans": float(len(answer.scopes)),
            "asks_several": float(several), "asks_one": float(not several and bool(_ONE_RE.search(q.asking))),
            "nclauses": math.log(clauses), "kind_plan": float(answer.kind == AnswerKind.PLAN),
            "guidance": float(bool(answer.guidance)), "conf_high": float(answer.confidence == Confidence.HIGH)}


class MissedModel(Boosted):
    """Boosted trees over a candidate's features: is it a need the answer missed?"""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> MissedModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    def completed(self, answer: Answer, q: Question, index: ScopeIndex, read: Reading = unread,
                  needs: Reading = unread) -> Answer:
        """The answer with the needs it likely misses after its own, likeliest first, each said in a note so it
        can be left out; then no surer than medium. `read` and `needs`: the scope and needs models' readings of
        the post."""
        officer = "compliance" in q.cues or "compliance-role" in q.topics
        line = t.MISSED_FROM_LONG if len(q.prose.split()) > t.LONG_QUESTION_WORDS else t.MISSED_FROM
        missed = sorted(((p, c) for c in candidates(answer, q, index, self.rates, read, needs)
                         if (officer or c.scope.audience != "compliance")  # an officer's scope only where one acts
                         and not c.scope.deprecated  # never recommended
                         and (p := self.probability(c.features)) >= line), key=lambda pc: -pc[0])
        needs = list(answer.needs)
        for _, candidate in missed:
            told = _tidied(candidate.clause)
            need = Need(told, candidate.scope, Via.WORDS, score=candidate.features["cov"])
            need = admin_form(need, index.kb) if by_the_admin(needs, q.cues) else need
            if not any(n.scope == need.scope for n in needs):
                needs.append(need)
        if len(needs) == len(answer.needs):  # each likely need is one the answer has (in its admin form)
            return answer
        kind = AnswerKind.PLAN if answer.kind in (AnswerKind.SCOPE, AnswerKind.CLARIFY) else answer.kind
        notes = answer.assumptions + added_notes(needs[len(answer.needs):])
        return replace(answer, kind=kind, needs=tuple(needs), assumptions=notes,
                       confidence=weakest([answer.confidence, Confidence.MEDIUM]))


def added_notes(added: list[Need]) -> tuple[str, ...]:
    """One note per clause the added needs were read from, naming its scopes, so each can be left out:
    '"pulls everything posted there" is read as a need of its own, so spark:messages_read and spark:rooms_read
    are in the plan; leave them out if the app does not do that.'"""
    by_clause: dict[str, list[str]] = {}
    for need in added:
        by_clause.setdefault(need.text, []).append(need.scope.name)
    return tuple(f'"{_shortened(told)}" is read as a need of its own, so {" and ".join(names)} '
                 f"{'is' if len(names) == 1 else 'are'} in the plan; leave {'it' if len(names) == 1 else 'them'} "
                 "out if the app does not do that." for told, names in by_clause.items())


def _tidied(clause: str) -> str:
    """A clause as the asker wrote it: without the gaps a pasted call taken out left ("my app . It" reads "my
    app. It") or the mark the matcher puts after people added to a space ("puts the folks into it as members")."""
    return " ".join(_GAP_RE.sub(r"\1", clause.replace(MEMBERS_MARK, "")).strip(" .,;:").split())


def _shortened(clause: str) -> str:
    """A clause short enough to quote in a note on a phone: its first words."""
    words = clause.split()
    return " ".join(words[:t.QUOTED_CLAUSE_WORDS]) + (" ..." if len(words) > t.QUOTED_CLAUSE_WORDS else "")
