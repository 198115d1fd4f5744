"""The scope index: which words speak for which scope and how rare they are (IDF), the
endpoint templates, and the ranking of scopes for a query."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from bot.core.endpoints import EndpointIndex
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching import tuning as t
from bot.core.matching.lexicon import Lexicon
from bot.core.matching.query import Query
from bot.core.text import STOPWORDS, Speller, words

_ACCESS_SUFFIXES = ("read", "write", "rw", "create", "all")
# Equal scores go to the least privilege: a user's scope before an admin's or an officer's.
_LEAST_PRIVILEGE = {audience: rank for rank, audience in enumerate(t.AUDIENCE_ORDER)}


class Ranked(NamedTuple):
    """One candidate scope for a query, with how much of the query it explains and why (a named tuple: a
    ranking makes one for every scope the query touches, and tuples are the cheapest to make)."""

    scope: Scope
    coverage: float
    score: float
    evidence: tuple[str, ...]
    strong: frozenset[str] = frozenset()  # evidence from the name, synonyms or examples
    names_resource: bool = False  # a question word is a word of the scope's resource name
    phrased: bool = False  # a phrasing of the scope of TELLING_PHRASE_TERMS words or more is in the question


def name_words(scope: Scope) -> str:
    """The words of a scope's name that say what it is about (`spark-admin:people_read` -> people)."""
    prefix, _, rest = scope.key.partition(":")
    parts = [p for p in re.split(r"[_-]", rest) if p not in _ACCESS_SUFFIXES]
    prefix_words = [w for w in prefix.split("-") if w not in ("spark", "admin")]
    return " ".join(prefix_words + parts)


def _fields(scope: Scope) -> list[tuple[str, float]]:
    fields = [(name_words(scope), t.NAME_WEIGHT)]
    fields += [(s, t.SYNONYM_WEIGHT) for s in scope.synonyms + scope.ambiguous_synonyms]
    fields += [(e, t.EXAMPLE_WEIGHT) for e in scope.examples]
    fields += [(" ".join(s.replace("-", "") for s in ep.segments), t.ENDPOINT_WEIGHT) for ep in scope.endpoints]
    fields.append((scope.allows, t.ALLOWS_WEIGHT))
    return fields


class ScopeIndex:
    """Built once from the knowledge base; `rank` orders scopes for a query."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon):
        self.kb = kb
        self.lexicon = lexicon
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)  # by one term
        self.name_terms: list[frozenset[str]] = []
        surface: list[str] = []
        for i, scope in enumerate(kb.scopes):
            surface += self._index_scope(i, scope)
        n = len(kb.scopes)
        self.idf = {term: math.log(1 + n / len(p)) for term, p in self.postings.items()}
        self.common_verbs = {v for v in lexicon.verb_terms if len(self.postings.get(v, ())) > n * t.COMMON_SHARE}
        self.generic_verbs = {v for v in lexicon.verb_terms if len(self.postings.get(v, ())) > n * t.GENERIC_SHARE}
        self.unknown_idf = math.log(1 + n / t.UNKNOWN_AS_RARE_AS)
        # each posting's IDF-weighed mass and whether it is strong evidence (name, synonym, example): worked out once
        self._weighed: dict[str, list[tuple[int, float, bool]]] = defaultdict(list, {
            term: [(i, self.idf[term] * weight, weight >= t.EXAMPLE_WEIGHT) for i, weight in postings]
            for term, postings in self.postings.items()})
        self.resource_terms = frozenset().union(*self.name_terms)  # words that name what scopes are for
        self._named_for = {scope.key: terms for scope, terms in zip(kb.scopes, self.name_terms)}
        self.speller = Speller(surface + list(self.lexicon.verb_forms), STOPWORDS)
        self.endpoints: EndpointIndex[Scope] = EndpointIndex(
            (ep, scope) for scope in kb.scopes for ep in scope.endpoints)
        self.bare_names: dict[str, list[Scope]] = defaultdict(list)
        for scope in kb.scopes:
            self.bare_names[scope.key.split(":", 1)[1]].append(scope)
        self._priors: dict[tuple[str | None, frozenset[str]], list[float]] = {}
        last = len(_LEAST_PRIVILEGE)  # among equal scores: least privilege first, then by name
        self._tie_order = [(_LEAST_PRIVILEGE.get(s.audience, last), s.name) for s in kb.scopes]
        # the last full rankings: the stages after the first answer rank its clauses again (thread-safe)
        self._ranked = lru_cache(maxsize=t.RANKINGS_KEPT)(self._ranking)

    def _index_scope(self, i: int, scope: Scope) -> list[str]:
        """Post one scope's terms (the strongest field wins); returns the words seen, for the speller."""
        weights: dict[str, float] = {}
        surface: list[str] = []
        for text, weight in _fields(scope):
            for word in words(text):
                surface.append(word)
                term = self.lexicon.term(word)
                if term and weights.get(term, 0.0) < weight:
                    weights[term] = weight
        for term, weight in weights.items():
            self.postings[term].append((i, weight))
        for phrase in scope.synonyms + scope.ambiguous_synonyms + scope.examples:
            terms = frozenset(x for w in words(phrase) if (x := self.lexicon.term(w)))
            if terms:
                self.phrases[min(terms)].append((i, terms))
        resource = scope.key.partition(":")[2]
        self.name_terms.append(frozenset(x for w in words(resource.replace("_", " "))
                                         if w not in _ACCESS_SUFFIXES and (x := self.lexicon.term(w))))
        return surface

    def named_for(self, scope: Scope) -> frozenset[str]:
        """The terms of the resource a scope's name is for ("room" for spark:rooms_write)."""
        return self._named_for.get(scope.key, frozenset())

    def rank(self, query: Query, best: int | None = None) -> list[Ranked]:
        """Scopes ordered by score, or only the `best` few; coverage is the IDF share of the question they
        explain. A ranking depends only on the query's terms, unknown words, intent, who-acts cues and the
        resource its verb acts on."""
        ranked = self._ranked(tuple(query.terms.items()), query.unknown, query.intent, query.audiences,
                              query.acted_on)
        return list(ranked[:best])

    def _ranking(self, told: tuple[tuple[str, float], ...], unknown: int, intent: str | None,
                 audiences: frozenset[str], acted_on: str | None) -> tuple[Ranked, ...]:
        """Scores every scope with a term of the query and orders them."""
        terms = dict(told)
        total = sum(self.idf[term] * f for term, f in terms.items()) + unknown * self.unknown_idf
        if total == 0:
            return ()
        matched: dict[int, float] = defaultdict(float)
        evidence: dict[int, list[str]] = defaultdict(list)
        strong: dict[int, set[str]] = defaultdict(set)
        for term, factor in terms.items():
            for i, mass, is_strong in self._weighed[term]:
                matched[i] += mass * factor
                evidence[i].append(term)
                if is_strong:
                    strong[i].add(term)
        asked = terms.keys()
        # A phrasing of the scope found word for word; a one-word phrasing only when it is the
        # whole question, verbs aside ("show my meetings": "my meetings" is a phrasing of meeting:schedules_read).
        verbs = self.lexicon.verb_terms
        found = [(i, len(phrase)) for term in asked for i, phrase in self.phrases.get(term, ())
                 if phrase <= asked and (len(phrase) >= 2 or asked - phrase <= verbs)]
        phrased = {i for i, _ in found}
        spelled = {i for i, size in found if size >= t.TELLING_PHRASE_TERMS}  # "meeting usage report"
        priors = self.priors(intent, audiences)
        scored = []
        tie_order, name_terms = self._tie_order, self.name_terms
        for i, mass in matched.items():
            named = len(name_terms[i] & asked)
            score = mass / total + priors[i] + (t.PHRASE_BONUS if i in phrased else 0.0)
            if name_terms[i]:
                score += t.NAME_COVERAGE_BONUS * named / len(name_terms[i])
            if acted_on in name_terms[i] and named == len(name_terms[i]):  # named for it, and fully said
                score += t.ACTED_ON_BONUS
            scored.append((-score, tie_order[i], i, named))  # sorts best first, ties by least privilege
        scored.sort()
        scopes = self.kb.scopes
        return tuple(Ranked(scopes[i], matched[i] / total, -minus, tuple(evidence[i]), frozenset(strong[i]),
                            named > 0, i in spelled) for minus, _, i, named in scored)

    def priors(self, intent: str | None, audiences: frozenset[str]) -> list[float]:
        """Every scope's prior for this intent and these cues (few combinations: cached)."""
        key = (intent, audiences)
        if key not in self._priors:
            self._priors[key] = [prior(s, intent, audiences) for s in self.kb.scopes]
        return self._priors[key]


def prior(scope: Scope, intent: str | None, audiences: frozenset[str]) -> float:
    """How much what the asker wants (read/write) and who acts speak for `scope`."""
    bonus = t.ACCESS_BONUS[intent][scope.access]
    cues = audiences - {"user"} or audiences or {None}
    bonus += sum(t.AUDIENCE_BONUS[cue][scope.audience] for cue in cues)
    if scope.deprecated:
        bonus -= t.DEPRECATED_PENALTY
    if scope.alternative_to:
        bonus -= t.ALTERNATIVE_PENALTY
    return bonus
