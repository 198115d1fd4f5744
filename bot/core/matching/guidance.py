"""Questions whose right answer is an explanation (bots, service apps, admin roles, guest issuer,
compliance role, webhooks): recognised from the cues each guidance entry lists in the knowledge
base."""

from __future__ import annotations

import re
from functools import lru_cache, reduce
from typing import Iterable, Mapping

from bot.core.knowledge import Guidance, Scope
from bot.core.matching import tuning as t
from bot.core.matching.evidence import REFUSED_RE
from bot.core.matching.lexicon import Lexicon
from bot.core.matching.normalise import sentences_of
from bot.core.text import words


def _cue_text(cue: str) -> str:
    """A cue's words as a pattern: spaces, underscores, hyphens or a colon between them (client_credentials,
    spark:all), straight or curly apostrophes."""
    return re.escape(cue.lower()).replace(r"\ ", r"[\s_:-]+").replace("'", "['\u2019]?")


def _cue_pattern(cue: str) -> str:
    """A cue as a word-bounded pattern."""
    return r"(?<![\w@])" + _cue_text(cue) + r"(?!\w)"


def _any_cue(cues: Iterable[str]) -> str:
    """Several cues as one word-bounded pattern, longest first: the bounds checked once per match."""
    return r"(?<![\w@])(?:" + "|".join(_cue_text(c) for c in sorted(cues, key=lambda c: (-len(c), c))) + r")(?!\w)"


def _anchor(cue: str) -> str:
    """The cue's longest run of letters and digits, which any match holds as written (lower-cased): a cheap
    test of whether its pattern is worth running at all."""
    return max(re.findall(r"[a-z0-9]+", cue.lower()) or [""], key=len)


def _anchors(cues: Iterable[str]) -> tuple[str, ...]:
    """The anchors of several cues, each once."""
    return tuple({_anchor(c) for c in cues})


@lru_cache(maxsize=4096)
def _cue_re(cue: str) -> re.Pattern[str]:
    """The cue's pattern, compiled when a text first holds its anchor: most of the knowledge base's hundreds of
    cues never come up, and compiling them all took a tenth of a second of a new process's start."""
    return re.compile(_cue_pattern(cue), re.IGNORECASE)


# "who has to authorize it?", "what are the requirements on the admin?", "can a partner admin authorize it?",
# "we tried to authorize it": a question about the role the authorizing person needs, answered like a refusal is.
_ASKS_WHO_RE = re.compile(
    r"\bwho\s+(?:has\s+to|must|can|should|needs?\s+to|may|is\s+allowed\s+to)\s+(?:authori[sz]e|grant|approve|"
    r"consent|use|call)\b|\bwho\s+(?:is|are)\s+supposed\s+to\s+(?:authori[sz]e|grant|consent)\b"
    r"|\bwho\s+(?:actually\s+)?(?:authori[sz]es|grants|approves)\b"
    r"|\bwhose\s+(?:account|login|token)\s+(?:should|must|has\s+to|needs?\s+to)\s+(?:authori[sz]e|grant|approve)\b"
    r"|\brequirements?\s+(?:on|of|for)\s+the\s+(?:admin|user|person)\b"
    r"|\bdoes\s+(?:a\s+|the\s+)?full\s+admin\b"
    r"|\b(?:can|could|may)\s+(?:a|an|our|the|my)\s+(?:[\w-]+\s+){0,2}?admin(?:istrator)?s?\s+authori[sz]e\b"
    r"|\b(?:can|could|may)\s+(?:i|we)\s+authori[sz]e\s+(?:[\w-]+\s+){0,3}?(?:meeting\s+)?admin\b"
    r"|\btri(?:ed|es)\s+to\s+authori[sz]e\b"
    r"|\b(?:which|what)\s+(?:kind|type|sort)\s+of\s+(?:admin(?:istrator)?|user|account|person)\s+(?:has\s+to|must"
    r"|should|needs?\s+to|can|may)\s+(?:authori[sz]e|grant|approve|consent)\b",  # "which kind of admin has to ..."
    re.IGNORECASE)
# "when Marco from sales authorizes it, the same call fails": the call fails for who authorized it, as a 403 tells
_FAILS_FOR_WHO_RE = re.compile(r"\b(?:when|if|once)\s+(?:[\w-]+\s+){1,4}?authori[sz](?:es|ed)\b(?:\s+it)?[^.?!]{0,60}?"
                               r"\b(?:fails?|failed|errors?|breaks|broke|doesn'?t\s+work|does\s+not\s+work)\b",
                               re.IGNORECASE)
# "which role?", "what admin roles": a role asked about, the one the authorizing person needs or the Roles API's
_WHICH_ROLE_RE = re.compile(r"\b(?:what|which)\s+(?:admin\s+)?roles?\b", re.IGNORECASE)
# "what role do I need?", "which role must the authorizing person have?": the role the person needs, not the Roles API
_ROLE_NEEDED_RE = re.compile(r"\b(?:what|which)\s+(?:kind\s+of\s+)?(?:admin\s+)?roles?\s+(?:do|does|must|should|would"
                             r"|will|is|are)\b[^.?!]{0,40}?\b(?:need|needs|needed|have|has|hold|holds|required)\b",
                             re.IGNORECASE)


def without_who_asked(text: str) -> str:
    """The text less the words of its questions that ask who may authorize ("what type of admin has to authorize
    a service app for Webex Calling settings?": the admin is asked about, the Calling settings are the need);
    not those that tell who does ("the user who authorizes is a member of the space")."""
    if not _ASKS_WHO_RE.search(text):
        return text
    return " ".join(_ASKS_WHO_RE.sub(" ", s) if s.rstrip().endswith("?") else s for s in sentences_of(text))


def without_who(text: str) -> str:
    """The text less its sentences that ask who may authorize or which role it takes."""
    return " ".join(s for s in sentences_of(text) if not asks_who(s))


def asks_who(text: str) -> bool:
    """Whether the text asks who may authorize or which role it takes ("what role do I need?"): a question
    an explanation answers, not one for the Roles API ("which roles exist in the org?")."""
    return bool(_ASKS_WHO_RE.search(text) or _ROLE_NEEDED_RE.search(text))


# Cues said in other words, read as the words a guidance cue lists for them: spaces the asker is not in
# ("spaces our team isn't part of", "that space. I'm not a member", "spaces none of our admins are in"), and
# people who are no admins ("they are not admins", "make them admins"), and an app tied to no one
# ("not tied to any person at all", "a VM nobody ever logs into", "no human ever signs in to it").
_PERSON = r"(?:i|we|they|he|she|you|none\s+of\s+(?:us|them)|(?:our|my|their|the)\s+[\w-]+)"
_SAID_OTHERWISE = (
    (re.compile(r"\b(?:spaces?|rooms?|group\s+chats?)\s+(?:that\s+|which\s+)?" + _PERSON +
                r"\s*(?:(?:is|are)n['’]?t|(?:is|are|am|'m|’m|'re|’re)\s+not)\s+(?:a\s+)?(?:part|members?)\s+of\b"
                r"|\b(?:spaces?|rooms?)\s+(?:that\s+|which\s+)?none\s+of\s+(?:us|them|our\s+[\w-]+)\s+(?:is|are)\s+in\b"
                r"|\b(?:none\s+of\s+(?:us|our|my)|nobody\s+(?:from|of|in|on)|neither)\s+(?:[\w-]+\s+){0,4}?"
                r"(?:is|are)\s+(?:a\s+)?members?\b"
                r"|\bnot\s+a\s+member\s+of\s+(?:that|this|those|these|the)\s+(?:spaces?|rooms?)\b"),
     " spaces i'm not a member of "),
    (re.compile(r"\b(?:i|we|they|he|she|who|users?|people|employees|staff|agents|members|interns|reps|hosts)\s*"
                r"(?:(?:is|are|am|was|were)n['’]?t|(?:is|are|am|'m|’m|'re|’re|was|were)\s+not)\s+(?:an?\s+)?"
                r"(?:full\s+|org\s+)?admin(?:istrator)?s?\b"), " not an admin "),
    (re.compile(r"\bmake\s+(?:them|him|her|(?:these|the|our)\s+\w+)\s+"
                r"(?:(?:full\s+)?admin(?:istrator)?s|an?\s+(?:full\s+)?admin(?:istrator)?)\b"), " make users admins "),
    (re.compile(r"\b(?:visitors?|customers?|patients?|citizens|candidates|the\s+public)\b[^.?!]{0,80}?"
                r"\bwithout\s+(?:signing\s+(?:in|up)|logging\s+in|(?:an?|any)\s+(?:webex\s+)?account)\b"),
     " people without a webex account "),
    (re.compile(r"\b(?:not|never|isn['’]?t|aren['’]?t)\s+(?:be\s+)?tied\s+to\s+"
                r"(?:any|a|an|one|a\s+single|a\s+specific)\s+"
                r"(?:person|user|human|individual|employee|admin(?:istrator)?|account)\b"), " not tied to a person "),
    (re.compile(r"\b(?:vms?|servers?|machines?|boxe?s?|containers?|computers?|data\s+cent(?:re|er)s?)\b[^.?!]{0,40}?"
                r"\b(?:nobody|no\s+one|no\s+human)\s+(?:ever\s+)?(?:logs?|signs?)\s+(?:in|on)(?:to)?\b"
                r"|\b(?:nobody|no\s+one|no\s+human)\s+(?:ever\s+)?(?:logs?|signs?)\s+(?:in|on)\s+(?:to\s+)?it\b"),
     " nobody logs in "),
)
# "not a bot", "rather than from a bot", "a non-bot integration": the cue after it is set aside
_NEGATED_RE = re.compile(r"\b(?:not|no|isn't|isnt|never|instead\s+of|rather\s+than)\s+"
                         r"(?:(?:from|by|as|using|via|through|with)\s+)?(?:an?\s+|the\s+|our\s+)?$|\bnon-$")
# "a bot-less integration", "admin-free": the cue before it is set aside
_WITHOUT_RE = re.compile(r"-(?:less|free)\b")


# "which scopes do I pick?", "what scope should we request?", "what do we have to tick?", "what does the
# replacement need?": asks which scope to pick ("what scopes does a bot get?" asks what a bot has)
_ASKS_WHICH_SCOPE_RE = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?scopes?\s+(?:\w+\s+)?(?:do|should|must|would|shall)\s+(?:i|we)\s+(?:\w+\s+)?"
    r"(?:pick|tick|select|choose|request|need|add)\b"
    r"|\bwhat\s+do\s+(?:i|we)\s+(?:have\s+to\s+|need\s+to\s+)?(?:pick|tick|select|choose|request)\b"
    r"|\b(?:which|what)\s+(?:(?:\w+\s+)?scopes?\s+)?(?:does|do|would|will)"
    r"\s+(?:that|it|this|they|(?:the|our|my)\s+[\w-]+)\s+need\b",  # "which scope does our backend need"
    re.IGNORECASE)


# A cue naming an admin without denying it ("read-only admins", "partner full admin"; not "not an admin")
_AN_ADMIN_RE = re.compile(r"^(?!.*\b(?:not|non|no|without|never)\b).*\badmin(?:s|istrators?)?$", re.IGNORECASE)


class GuidanceFinder:
    """Finds the guidance topics a question touches, most cues first."""

    def __init__(self, guidance: Mapping[str, Guidance], lexicon: Lexicon | None = None) -> None:
        self._patterns = [(g.id, re.compile(_any_cue(g.cues)), _anchors(g.cues))
                          for g in guidance.values() if g.cues]
        self._pairs = [(g.id, g.cue_pairs) for g in guidance.values() if g.cue_pairs]
        self._who_topics = frozenset(g.id for g in guidance.values() if g.cues_say_who)
        self._on_403 = {g.id: g.explains_403_for for g in guidance.values() if g.explains_403_for}
        self._applies = [(g.id, g.applies_to) for g in guidance.values() if g.applies_to]
        term = lexicon.term if lexicon else (lambda w: None)
        self._cue_terms = {g.id: frozenset(x for c in g.cues for w in words(c) if (x := term(w)))
                           for g in guidance.values()}
        self._verb_terms = frozenset(lexicon.verb_terms) if lexicon else frozenset()
        self._scopes = {g.id: frozenset(g.scopes) for g in guidance.values()}
        self._see_also = {g.id: g.see_also for g in guidance.values()}
        self._offers = {g.id: g.offers for g in guidance.values() if g.offers}
        self._offered_for = {g.id: tuple(" ".join(words(p)) for p in g.offered_for) for g in guidance.values()}
        self._offered_pairs = {g.id: g.offered_for_pairs for g in guidance.values()}
        # Longest first, one at a time, so "my bot token" loses "bot token" as well as "my bot".
        self._who = self._cues(g for g in guidance.values() if g.cues_say_who)
        self._all = self._cues(guidance.values())

    @staticmethod
    def _cues(topics: Iterable[Guidance]) -> list[tuple[str, str]]:
        """The topics' cues, longest first (ties in a fixed order), each beside its anchor."""
        phrases = sorted({c for g in topics for c in g.cues}, key=lambda c: (-len(c), c))
        return [(_anchor(c), c) for c in phrases]

    def topics(self, text: str) -> tuple[str, ...]:
        """The topics whose cues the text holds, not negated ("an integration, not a bot"),
        most cues first, then those they bring along (see_also)."""
        lowered = reduce(lambda said, rule: rule[0].sub(lambda m: m.group(0) + rule[1], said), _SAID_OTHERWISE,
                         text.lower().replace("*", ""))  # the words said stay, for the other topics' cues; no emphasis
        counts = [(sum(not _NEGATED_RE.search(lowered, max(0, m.start() - t.NEGATION_REACH), m.start())
                       and not _WITHOUT_RE.match(lowered, m.end()) for m in p.finditer(lowered)), topic)
                  for topic, p, anchors in self._patterns if any(a in lowered for a in anchors)]
        counts += self._paired(lowered)
        found = [topic for n, topic in sorted(counts, key=lambda c: -c[0]) if n]
        return tuple(dict.fromkeys(found + [also for topic in found for also in self._see_also[topic]]))

    def _paired(self, lowered: str) -> list[tuple[int, str]]:
        """For each topic with word pairs, the sentences that hold both words of one of its pairs, the first
        not negated ("visitors ... temporary identities", "nobody from security is a member"; not "not a bot
        badge"): a topic told in words too varied for its phrases."""
        sentences = sentences_of(lowered)
        return [(sum(any(self._holds(s, a, b) for a, b in pairs) for s in sentences), topic)
                for topic, pairs in self._pairs]

    @staticmethod
    def _holds(sentence: str, first: frozenset[str], second: frozenset[str]) -> bool:
        """Whether the sentence holds a word of each list, the first of `first` not negated."""
        found = list(re.finditer(r"[a-z']+", sentence))
        said = {m.group(0) for m in found}
        if not (said & first and said & second):
            return False
        at = next(m.start() for m in found if m.group(0) in first)
        return not _NEGATED_RE.search(sentence, max(0, at - t.NEGATION_REACH), at)

    def offered(self, topics: Iterable[str], asking: str) -> str | None:
        """The scope the first topic that offers one names beside its explanation when the question asks which scope
        to pick, or, for a topic that lists what asks for its scope, asks that ("how does our backend get the
        service app's token", or a sentence with a word of each of a pair: "how do we get a token")."""
        offering = next((t for t in topics if t in self._offers), None)  # the topic most told that offers one
        return self._offers[offering] if offering and self._asks_for_offer(offering, asking) else None

    def _asks_for_offer(self, topic: str, asking: str) -> bool:
        """Whether the asking sentences ask for the topic's scope: one of its phrases or pairs when it lists
        some, else any question of which scope to pick."""
        if not (self._offered_for[topic] or self._offered_pairs[topic]):
            return bool(_ASKS_WHICH_SCOPE_RE.search(asking))
        said = f" {' '.join(words(asking))} "
        return any(f" {p} " in said for p in self._offered_for[topic]) or any(
            self._holds(s, a, b) for s in sentences_of(asking.lower()) for a, b in self._offered_pairs[topic])

    def answer_topics(self, text: str, audiences: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The topics an answer with scopes of these audiences needs: those that apply to every
        such answer (the Compliance Officer role), and, when the text tells of a refusal ("403",
        "forbidden") or asks who may authorize, those that explain it (most often the role the
        authorizing person lacks); and, apart, those the text itself raises (the latter)."""
        wanted = set(audiences)
        asked = _ASKS_WHO_RE.search(text) or _WHICH_ROLE_RE.search(text) or _FAILS_FOR_WHO_RE.search(text)
        refused = self._on_403.items() if REFUSED_RE.search(text) or asked else ()
        raised = tuple(t for t, audience in refused if audience in wanted)
        applying = tuple(t for t, audience in self._applies if audience in wanted)
        return tuple(dict.fromkeys(applying + raised)), raised

    def restates(self, topics: Iterable[str], scope: Scope, evidence: Iterable[str]) -> bool:
        """Whether a need rests only on the words that named the topics, for a scope the topics
        do not name ("create a webhook" names webhooks and no resource to watch): then the
        explanation answers, not a scope that happens to carry the word."""
        topics = [t for t in topics if t in self._cue_terms]
        if any(scope.name in self._scopes[t] or scope.audience == self._on_403.get(t) for t in topics):
            return False  # the topic's own scopes, or those of the role it explains
        named = frozenset().union(*(self._cue_terms[t] for t in topics))
        return set(evidence) <= named | self._verb_terms

    def lists(self, topics: Iterable[str], scope: Scope) -> bool:
        """Whether one of the topics names the scope as its own (service apps: spark:applications_token)."""
        return scope.name in self.listed(topics)

    def listed(self, topics: Iterable[str]) -> frozenset[str]:
        """The names of the scopes the topics name as their own."""
        return frozenset().union(*(self._scopes.get(topic, ()) for topic in topics))

    def leads(self, topic: str, audiences: Iterable[str], unsure: bool) -> bool:
        """Whether the topic's explanation leads an answer with scopes of these audiences: its cues
        say who asks (a bot, a person without the role) or no scope is sure, and a role it explains
        is one the answer needs ("I'm not an admin" beside a user scope is context, not the problem)."""
        role = self._on_403.get(topic)
        return (topic in self._who_topics or unsure) and (role is None or role in set(audiences))

    def without_cues(self, text: str, every_topic: bool = False) -> str:
        """The text without the cues that say who asks ("my bot", "I'm not an admin" say which
        explanation applies, not which scope), or without every topic's cues; a cue that says the
        asker is an admin of some kind ("a read-only admin") leaves that: an admin still acts."""
        lowered = text.lower()
        for anchor, cue in self._all if every_topic else self._who:
            if anchor in lowered:  # a cue's pattern runs only where it may match: a few of hundreds
                said = _cue_re(cue).sub(lambda m: " admin " if _AN_ADMIN_RE.search(m.group(0)) else " ", text)
                text, lowered = said, said.lower()
        return " ".join(text.split())
