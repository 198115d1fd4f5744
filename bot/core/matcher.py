"""Maps a question to least-privilege scopes, or declines when it is not about Webex scopes.

Three kinds of evidence, strongest first: scope names written in the question, API endpoints
(documented templates), and words. Words are scored against each scope's name, synonyms,
example questions, endpoint paths and description (IDF-weighted coverage of the question),
then nudged by what the asker wants to do (read or write) and who acts (a user, an admin, a
compliance officer, a partner). Several needs in one sentence are split into clauses.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz.distance import OSA

from bot.core.answer import AnswerKind, Answer, Confidence, Need, Via
from bot.core.endpoints import EndpointIndex, EndpointQuery, find_endpoints
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.text import STOPWORDS, Speller, stem, words

# Field weights: how strongly a word in each part of an entry speaks for the scope.
NAME_WEIGHT, SYNONYM_WEIGHT, EXAMPLE_WEIGHT, ENDPOINT_WEIGHT, ALLOWS_WEIGHT = 1.25, 1.0, 0.9, 0.5, 0.45
CORRECTED_FACTOR = 0.8  # a repaired typo counts a little less than a word typed right
CUE_WORD_FACTOR = 0.5  # a word inside an audience cue ("the logged in user") is mostly context
VERB_FACTOR = 0.6  # what to do (rename, list) weighs less than what it is done to (a workspace)
DECLINE_BELOW = 0.34  # coverage under which the question is not understood
UNKNOWN_AS_RARE_AS = 3  # an unknown word weighs like a word found in 3 scopes
LONE_WORD_MIN = 0.6  # coverage needed when one known word stands among unknown ones ("make coffee")
COMMON_SHARE = 1 / 8  # a verb found in more than this share of scopes (list, create) is no evidence
CONFIDENT_FROM = 0.5  # coverage from which the answer is given without hedging
SUFFICES_FROM = 0.75  # coverage from which one scope can stand for several clauses
CLAUSE_MIN = 0.45  # coverage each clause needs to count as a separate need
ALTERNATIVE_MARGIN = 0.06
NAME_COVERAGE_BONUS = 0.08  # prefer the scope whose name the question spells out most fully
PHRASE_BONUS = 0.1  # the question contains one of the scope's phrasings word for word
BORROWED_FACTOR = 0.5  # words a pronoun ('add people to it') borrows from the clause before

# Words that only say who acts or how; they steer audience/access, not the topic.
NON_TOPICAL = frozenset({"admin", "administrator", "read", "write", "rw", "all"})
_PRONOUNS = frozenset({"it", "them", "this", "that", "there", "these", "those"})
_ACCESS_SUFFIXES = ("read", "write", "rw", "create", "all")

_SCOPE_NAME_RE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9_-]*[A-Za-z0-9])")
_BARE_NAME_RE = re.compile(r"(?<![\w:-])([a-z]+(?:_[a-z]+)+)(?![\w:])", re.IGNORECASE)
_CLAUSE_SPLIT_RE = re.compile(
    r"\s*(?:[,;]|\band\s+also\b|\bas\s+well\s+as\b|\balong\s+with\b|\band\b|\balso\b|\bplus\b"
    r"|\bthen\b|\bwhile\b|\bbut\b)\s*",
    re.IGNORECASE,
)

ACCESS_BONUS = {"write": {"write": 0.12, "read": -0.14, "read-write": 0.06},
                "read": {"read": 0.12, "write": -0.14, "read-write": 0.0},
                None: {"read": 0.06, "write": -0.02, "read-write": 0.0}}
AUDIENCE_BONUS = {
    "admin": {"admin": 0.16, "partner": 0.04, "user": -0.1, "service-app": 0.0, "compliance": 0.0},
    "compliance": {"compliance": 0.32, "admin": 0.0, "user": -0.1, "partner": 0.0, "service-app": 0.0},
    "partner": {"partner": 0.3, "admin": 0.04, "user": -0.1, "compliance": 0.0, "service-app": 0.0},
    "service-app": {"service-app": 0.3, "admin": 0.04, "user": -0.05, "compliance": 0.0, "partner": 0.0},
    "user": {"user": 0.1, "admin": -0.1, "compliance": -0.16, "partner": -0.14, "service-app": -0.1},
    None: {"user": 0.05, "admin": -0.05, "compliance": -0.16, "partner": -0.14, "service-app": -0.1},
}
DEPRECATED_PENALTY = 0.3
ALTERNATIVE_PENALTY = 0.08
_AUDIENCE_ORDER = ("user", "service-app", "admin", "partner", "compliance")


@dataclass(frozen=True)
class Query:
    """A clause reduced to what the scorer needs."""

    text: str
    terms: dict[str, float]  # term -> factor: 1.0, less for a repaired typo, a cue word, a borrowed word
    unknown: int  # words that match nothing in the knowledge base
    intent: str | None  # "read", "write" or None
    audiences: frozenset[str]  # audience cues found
    known: int = 0  # words that match the knowledge base ('post a message': two, one term)


@dataclass(frozen=True)
class Ranked:
    scope: Scope
    coverage: float
    score: float
    evidence: tuple[str, ...]
    strong: frozenset[str] = frozenset()  # evidence from the name, synonyms or examples
    names_resource: bool = False  # a question word is a word of the scope's resource name


@dataclass(frozen=True)
class Clause:
    """One clause of a several-need question: its need, its query and its eligible candidates."""

    need: Need
    query: Query
    ranked: list[Ranked]

    def coverage_of(self, scope: Scope) -> float:
        """How much of this clause `scope` explains (0 when it is not a candidate)."""
        return next((r.coverage for r in self.ranked if r.scope == scope), 0.0)


class Matcher:
    """Answers questions from a KnowledgeBase; build once, then call `answer` many times."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        vocab = kb.vocabulary
        self._canonical = {w: group[0] for group in vocab.equivalents for w in group}
        self._keep = vocab.keep_words
        self._verbs = vocab.read_verbs | vocab.write_verbs
        self._verb_forms = {form: "read" for v in vocab.read_verbs for form in _inflections(v)}
        self._verb_forms.update({form: "write" for v in vocab.write_verbs for form in _inflections(v)})
        self._compare_cues = vocab.compare_cues
        self._reverse = [re.compile(r"\b" + re.escape(p) + r"\b") for p in vocab.reverse_cues]
        self._verb_terms = {stem(w) for w in self._verbs if w not in self._canonical}
        self._cues = [
            (audience, re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b"))
            for audience, phrases in vocab.audience_cues.items() if phrases
        ]
        # Cue words ("logged in user", "control hub", "org") mostly say who acts, not what about:
        # they count half as topic words, and never against the question as unknown words.
        phrases = sorted((p for ps in vocab.audience_cues.values() for p in ps), key=len, reverse=True)
        self._cue_phrases = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b") if phrases else None
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        surface: list[str] = []
        self._phrases: dict[str, list[tuple[int, frozenset[str]]]] = defaultdict(list)  # by one term
        self._priors: dict[tuple[str | None, frozenset[str]], list[float]] = {}
        self._name_terms: list[frozenset[str]] = []
        for i, scope in enumerate(kb.scopes):
            weights: dict[str, float] = {}
            for text, weight in self._fields(scope):
                for word in words(text):
                    surface.append(word)
                    term = self._term(word)
                    if term and weights.get(term, 0.0) < weight:
                        weights[term] = weight
            for term, weight in weights.items():
                self._postings[term].append((i, weight))
            for phrase in self._phrase_sets(scope):
                self._phrases[min(phrase)].append((i, phrase))
            resource = scope.key.partition(":")[2]
            self._name_terms.append(frozenset(t for w in words(resource.replace("_", " "))
                                              if w not in _ACCESS_SUFFIXES and (t := self._term(w))))
        n = len(kb.scopes)
        self._idf = {t: math.log(1 + n / len(p)) for t, p in self._postings.items()}
        self._common_verbs = {t for t in self._verb_terms
                              if len(self._postings.get(t, ())) > n * COMMON_SHARE}
        self._unknown_idf = math.log(1 + n / UNKNOWN_AS_RARE_AS)
        self._speller = Speller(surface)
        self._endpoints: EndpointIndex[Scope] = EndpointIndex(
            (ep, scope) for scope in kb.scopes for ep in scope.endpoints
        )
        self._bare_names: dict[str, list[Scope]] = defaultdict(list)
        for scope in kb.scopes:
            self._bare_names[scope.key.split(":", 1)[1]].append(scope)

    # ----- indexing -------------------------------------------------------------------------

    @staticmethod
    def _name_words(scope: Scope) -> str:
        prefix, _, rest = scope.key.partition(":")
        parts = [p for p in re.split(r"[_-]", rest) if p not in _ACCESS_SUFFIXES]
        prefix_words = [w for w in prefix.split("-") if w not in ("spark", "admin")]
        return " ".join(prefix_words + parts)

    def _fields(self, scope: Scope) -> list[tuple[str, float]]:
        fields = [(self._name_words(scope), NAME_WEIGHT)]
        fields += [(s, SYNONYM_WEIGHT) for s in scope.synonyms]
        fields += [(e, EXAMPLE_WEIGHT) for e in scope.examples]
        fields += [(" ".join(ep.segments), ENDPOINT_WEIGHT) for ep in scope.endpoints]
        fields.append((scope.allows, ALLOWS_WEIGHT))
        return fields

    def _phrase_sets(self, scope: Scope) -> list[frozenset[str]]:
        """Term sets of the scope's multi-word synonyms and examples, for whole-phrase matches."""
        sets = []
        for phrase in scope.synonyms + scope.examples:
            terms = frozenset(t for w in words(phrase) if (t := self._term(w)))
            if len(terms) >= 2:
                sets.append(terms)
        return sets

    def _term(self, word: str) -> str | None:
        """The index term for a lower-case word, or None for words that carry no topic."""
        word = self._canonical.get(word, word)
        if word in STOPWORDS or word in NON_TOPICAL or word.isdigit() or len(word) < 2:
            return None
        term = word if word in self._keep else stem(word)
        return self._canonical.get(term, term)

    # ----- queries --------------------------------------------------------------------------

    def _query(self, text: str, intent_override: str | None = None) -> Query:
        raw = words(text)
        joined = " ".join(raw)
        cue_matches = [m.group(0) for m in self._cue_phrases.finditer(joined)] if self._cue_phrases else []
        in_cues = set(" ".join(cue_matches).split())
        # Words of a cue phrase ("control hub") say who acts, not what to do; a one-word cue can
        # still be the verb ("provision users").
        in_phrases = set(" ".join(c for c in cue_matches if " " in c).split())
        terms: dict[str, float] = {}
        unknown = known = 0
        for word in raw:
            term = self._term(word)
            if term is None:
                continue
            factor = CUE_WORD_FACTOR if word in in_cues else 1.0
            if term in self._verb_terms:
                factor *= VERB_FACTOR
            if term in self._postings:
                terms[term] = max(terms.get(term, 0.0), factor)
                known += 1
                continue
            fixed = None if word in self._verb_forms else self._speller.correct(word)  # order != older
            fixed_term = self._term(fixed) if fixed else None
            if fixed_term in self._postings:
                terms[fixed_term] = max(terms.get(fixed_term, 0.0), CORRECTED_FACTOR * factor)
                known += 1
            elif word not in in_cues:
                unknown += 1
        intent = intent_override or self._intent([w for w in raw if w not in in_phrases])
        audiences = frozenset(a for a, pattern in self._cues if pattern.search(joined))
        return Query(text, terms, unknown, intent, audiences, known)

    def _intent(self, raw: list[str]) -> str | None:
        """The first verb that says read or write decides; later ones are usually nouns (a schedule).
        Present forms count (deletes, scheduling) but not participles ("is recorded", "has
        authorized"), which describe a state, nor nouns that share a stem (settings)."""
        for word in raw:
            if word not in self._verb_forms and word not in self._speller:
                word = self._speller.correct(word) or word
            if word in self._verb_forms:
                return self._verb_forms[word]
        return None

    def _rank(self, query: Query) -> list[Ranked]:
        """Scopes ordered by score; coverage is the IDF share of the question they explain."""
        total = sum(self._idf[t] * f for t, f in query.terms.items()) + query.unknown * self._unknown_idf
        if total == 0:
            return []
        matched: dict[int, float] = defaultdict(float)
        evidence: dict[int, list[str]] = defaultdict(list)
        strong: dict[int, set[str]] = defaultdict(set)
        for term, factor in query.terms.items():
            idf = self._idf[term]
            for i, weight in self._postings[term]:
                matched[i] += idf * weight * factor
                evidence[i].append(term)
                if weight >= EXAMPLE_WEIGHT:
                    strong[i].add(term)
        ranked = []
        asked = query.terms.keys()
        phrased = {i for t in asked for i, phrase in self._phrases.get(t, ()) if phrase <= asked}
        priors = self._priors_for(query)
        for i, mass in matched.items():
            scope = self.kb.scopes[i]
            coverage = mass / total
            score = coverage + priors[i]
            if i in phrased:
                score += PHRASE_BONUS
            name_terms = self._name_terms[i]
            named = len(name_terms & asked)
            if name_terms:
                score += NAME_COVERAGE_BONUS * named / len(name_terms)
            ranked.append(Ranked(scope, coverage, score, tuple(evidence[i]), frozenset(strong[i]),
                                 named > 0))
        ranked.sort(key=lambda r: (-r.score, r.scope.name))
        return ranked

    def _priors_for(self, query: Query) -> list[float]:
        """Every scope's prior for this intent and these cues (few combinations: cached)."""
        key = (query.intent, query.audiences)
        if key not in self._priors:
            self._priors[key] = [self._prior(s, query.intent, query.audiences) for s in self.kb.scopes]
        return self._priors[key]

    @staticmethod
    def _prior(scope: Scope, intent: str | None, audiences: frozenset[str]) -> float:
        bonus = ACCESS_BONUS[intent][scope.access]
        cues = audiences - {"user"} or audiences or {None}
        bonus += sum(AUDIENCE_BONUS[cue][scope.audience] for cue in cues)
        if scope.deprecated:
            bonus -= DEPRECATED_PENALTY
        if scope.alternative_to:
            bonus -= ALTERNATIVE_PENALTY
        return bonus

    # ----- answering ------------------------------------------------------------------------

    def answer(self, question: str) -> Answer:
        """The least-privilege scopes for `question`, or a decline saying why."""
        question = " ".join(question.split())
        named = self._named_scopes(question)
        if named:
            return self._answer_names(question, named)
        endpoints = find_endpoints(question)
        if endpoints:
            needs = [n for q in endpoints if (n := self._endpoint_need(q, question)) is not None]
            if needs:
                kind = AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN
                return Answer(question, kind, tuple(needs), _why(needs))
        return self._answer_words(question)

    def candidates(self, question: str, k: int = 3) -> list[str]:
        """The k best scope names for a question: the answer's, its alternatives, then by words
        (for top-k measurements)."""
        answer = self.answer(question)
        names = answer.scopes + [s.name for n in answer.needs for s in n.alternatives]
        if len(dict.fromkeys(names)) < k:
            names += [r.scope.name for r in self._rank(self._query(question))[:k]]
        return list(dict.fromkeys(names))[:k]

    def _named_scopes(self, question: str) -> list[Scope]:
        found: list[Scope] = []
        for m in _SCOPE_NAME_RE.finditer(question):
            scope = self.kb.get(m.group(1)) or self._closest_name(m.group(1))
            if scope and scope not in found:
                found.append(scope)
        for m in _BARE_NAME_RE.finditer(question):
            candidates = self._bare_names.get(m.group(1).lower(), [])
            if candidates:
                scope = min(candidates, key=lambda s: _AUDIENCE_ORDER.index(s.audience))
                if scope not in found:
                    found.append(scope)
        return found

    def _closest_name(self, text: str) -> Scope | None:
        """A scope name typed with a slip (`spark:call_write`), if one is clearly meant."""
        typed = text.lower()
        best = min(self.kb.scopes, key=lambda s: (OSA.distance(s.key, typed), s.deprecated is not None))
        return best if OSA.distance(best.key, typed) <= 2 else None

    def _answer_names(self, question: str, named: list[Scope]) -> Answer:
        needs = tuple(Need(s.name, s, Via.NAME, (s.name,)) for s in named)
        raw = _raw_words(question)
        if len(named) >= 2 and set(raw) & self._compare_cues:
            return Answer(question, AnswerKind.COMPARE, needs[:3],
                          f"You named {named[0].name} and {named[1].name}; here is how they differ.")
        if len(named) == 1 and any(p.search(" ".join(raw)) for p in self._reverse):
            return Answer(question, AnswerKind.UNLOCKS, needs, f"you asked what {named[0].name} unlocks")
        kind = AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN
        return Answer(question, kind, needs, _why(list(needs)))

    def _endpoint_need(self, endpoint: EndpointQuery, question: str) -> Need | None:
        matches = self._endpoints.match(endpoint)
        if not matches:
            intent = None if endpoint.method is None else ("read" if endpoint.method == "GET" else "write")
            path_words = " ".join(w for w in words(endpoint.path) if w != "v1")
            ranked = self._rank(self._query(path_words, intent))
            if not ranked or ranked[0].coverage < CONFIDENT_FROM:
                return None
            top = ranked[0]
            return Need(endpoint.text, top.scope, Via.WORDS, top.evidence, score=top.coverage)
        cues = self._query(question).audiences
        owners = sorted(
            {m.owner for m in matches},
            key=lambda s: (
                endpoint.method is None and not any(
                    m.owner == s and m.endpoint.method == "GET" for m in matches),
                bool(s.deprecated), bool(s.alternative_to),
                _audience_rank(s.audience, cues),
                s.name,
            ),
        )
        documented = next(str(m.endpoint) for m in matches if m.owner == owners[0])
        return Need(endpoint.text, owners[0], Via.ENDPOINT, (documented,), tuple(owners[1:]))

    def _answer_words(self, question: str) -> Answer:
        whole = self._query(question)
        ranked = self._eligible(self._rank(whole), whole)
        best = ranked[0] if ranked else None
        clauses = self._clause_needs(question)
        needs = [clause.need for clause in clauses]
        if len(clauses) >= 2 and not self._one_scope_suffices(best, clauses):
            return Answer(question, AnswerKind.PLAN, tuple(needs), _why(needs))
        if best is not None:
            need = self._need(question, ranked)
            return Answer(question, AnswerKind.SCOPE, (need,), _why([need]),
                          Confidence.HIGH if best.coverage >= CONFIDENT_FROM else Confidence.MEDIUM)
        if needs:
            return Answer(question, AnswerKind.SCOPE, (needs[0],), _why(needs[:1]), Confidence.LOW)
        return Answer(question, AnswerKind.DECLINE, why=_decline_reason(whole))

    def _eligible(self, ranked: list[Ranked], query: Query, minimum: float = 0.0) -> list[Ranked]:
        """Candidates that explain enough of the question, best score first: a scope the priors
        favour must not hide a better explained one, nor answer with too little evidence."""
        return [r for r in ranked if r.coverage >= max(minimum, self._floor(r, query))]

    def _floor(self, candidate: Ranked, query: Query) -> float:
        """The coverage a match needs: more when it rests on one word among words the knowledge
        base does not know, which is how everyday questions brush the domain ("how to make
        coffee", "reverse a linked list": a verb as common as 'list' adds no evidence), unless
        that word names the scope's resource and the known words outnumber the unknown ones
        ("CDRs for billing every hour")."""
        if not query.unknown or len(set(candidate.evidence) - self._common_verbs) > 1:
            return DECLINE_BELOW
        named_in_context = candidate.names_resource and query.unknown < query.known
        return DECLINE_BELOW if named_in_context else LONE_WORD_MIN

    def _need(self, text: str, ranked: list[Ranked]) -> Need:
        top = ranked[0]
        alternatives = tuple(
            r.scope for r in ranked[1:4]
            if top.score - r.score <= ALTERNATIVE_MARGIN and r.coverage >= DECLINE_BELOW
        )
        return Need(text, top.scope, Via.WORDS, top.evidence, alternatives, top.coverage)

    def _need_text(self, clause: str) -> str:
        """The clause without leading filler ("what scopes do I need to answer calls" -> "answer
        calls"), for showing which need a scope answers."""
        kept = clause.split()
        while len(kept) > 1 and (w := kept[0].lower().strip("?,.!")) in STOPWORDS \
                and w not in self._verbs:
            kept.pop(0)
        return " ".join(kept).rstrip("?.!")

    def _one_scope_suffices(self, best: Ranked | None, clauses: list[Clause]) -> bool:
        """True when the clauses are one need worded as a list ("recordings and transcripts"):
        a single scope explains every clause's topic words and most of each clause on its own
        (a message names its space, yet "create spaces" is a need of its own), and the clauses
        neither ask to do different things (read one thing, write another) nor name different
        actors."""
        if best is None or best.coverage < SUFFICES_FROM:
            return False
        if len({c.query.audiences for c in clauses if c.query.audiences}) > 1:
            return False
        if len({c.query.intent for c in clauses if c.query.intent}) > 1:
            return False
        covered = best.strong | self._verb_terms
        return all(set(c.need.evidence) <= covered and c.coverage_of(best.scope) >= SUFFICES_FROM
                   for c in clauses)

    def _clause_needs(self, question: str) -> list[Clause]:
        """One need (with the clause it came from) per clause about a distinct scope."""
        parts = [p for p in _CLAUSE_SPLIT_RE.split(question) if p and p.strip()]
        if len(parts) < 2:
            return []
        queries = [self._query(p) for p in parts]
        shared_cues = frozenset().union(*(q.audiences for q in queries if not q.terms))
        needs: list[Clause] = []
        for i, q in enumerate(queries):
            if not q.terms:
                if q.intent is None:
                    continue
                donor = next((o for o in queries[i + 1:] + queries[:i][::-1] if o.terms), None)
                if donor is None:
                    continue
                q = replace(donor, text=q.text + " " + donor.text, intent=q.intent)
            terms = q.terms
            if i > 0 and queries[i - 1].terms and _PRONOUNS & set(words(q.text)):
                terms = {t: BORROWED_FACTOR for t in queries[i - 1].terms} | q.terms
            q = replace(q, terms=terms, audiences=q.audiences | shared_cues)
            ranked = self._eligible(self._rank(q), q, CLAUSE_MIN)
            ranked = _prefer_linked(ranked, [c.need.scope for c in needs])
            if ranked:
                need = self._need(self._need_text(q.text), ranked)
                if all(c.need.scope != need.scope for c in needs):
                    needs.append(Clause(need, q, ranked))
        return needs


def _prefer_linked(ranked: list[Ranked], found: list[Scope]) -> list[Ranked]:
    """Among near-ties, the scope that needs already found link to: after "create a space",
    "add people" means the space's members, not a meeting's invitees."""
    linked = {name.lower() for s in found for name in (*s.related, s.counterpart) if name}
    if not ranked or ranked[0].scope.key in linked:
        return ranked
    for r in ranked[1:]:
        if ranked[0].score - r.score > ALTERNATIVE_MARGIN:
            break
        if r.scope.key in linked:
            return [r] + [x for x in ranked if x is not r]
    return ranked


def _inflections(verb: str) -> set[str]:
    """A verb's present forms: list, lists, listing; create, creating; set, setting; copy, copies."""
    forms = {verb, verb + "s", verb + "es", verb + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y"):
        forms.add(verb[:-1] + "ies")
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms.add(verb + verb[-1] + "ing")
    return forms


def _raw_words(question: str) -> list[str]:
    """The question's words with scope names removed (their parts are not cue words)."""
    return words(_SCOPE_NAME_RE.sub(" ", question))


def _audience_rank(audience: str, cues: frozenset[str]) -> int:
    order = list(_AUDIENCE_ORDER)
    for cue in ("compliance", "partner", "admin"):
        if cue in cues:
            order.remove(cue)
            order.insert(0, cue)
    return order.index(audience)


def _why(needs: list[Need]) -> str:
    parts = []
    for need in needs:
        if need.via == Via.NAME:
            parts.append(f"you named {need.scope.name}")
        elif need.via == Via.ENDPOINT:
            parts.append(f"{need.evidence[0]} is documented under {need.scope.name}")
        else:
            parts.append(f"'{need.text}' matches {need.scope.name} on: {', '.join(need.evidence)}")
    return "; ".join(parts)


def _decline_reason(query: Query) -> str:
    if not query.terms:
        return "nothing in the question matches a Webex scope, API or feature I know"
    return "the question only loosely matches Webex scopes, so I would rather not guess"
