"""The question model: what a message says once read, before any scope is chosen.

Explicit evidence (scope names, endpoints, API calls in pasted code), the prose that states the
need (translated when the question is in another language), the sentences that carry the need
in a long post, who the question says acts, and the guidance topics it touches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from bot.core.endpoints import find_endpoints
from bot.core.knowledge import Language, Scope
from bot.core.matching import tuning as t
from bot.core.matching.calls import (CREATES_WEBHOOK_CALL_RE, WEBHOOK_CREATED, WEBHOOK_RESOURCE_RE, Call, find_calls,
                                     webhook_mentions)
from bot.core.matching.clauses import opens_with_a_label
from bot.core.matching.evidence import SCOPE_NAME_RE, named_scopes, without_ruled_out
from bot.core.matching.guidance import GuidanceFinder
from bot.core.matching.index import ScopeIndex
from bot.core.matching.language import glossed, reading
from bot.core.matching.methods import with_asked_method
from bot.core.matching.normalise import SENTENCE_ENDS, Message, normalise
from bot.core.matching.query import Query, as_members, build_query, without_titles, without_undone
from bot.core.text import words

_NEED_RE = re.compile(
    r"\?|\b(?:need|needs|want|wants|trying|try|how\s+(?:do|can|to|many|much)|which|what|is\s+it\s+possible|able\s+to"
    r"|so\s+that|has\s+to|have\s+to|must|should|supposed|lets?\s+(?:me|us)|requires?|missing)\b",
    re.IGNORECASE,
)
# A sentence that sums the post up ("So: read messages and post as me", "TL;DR list my meetings")
# states the need as well as any question does.
_SUMMARY_RE = re.compile(
    r"^\W*(?:so\s*:|(?:tl;?\s?dr|in\s+short|basically|in\s+other\s+words|i\.e\.|summary|to\s+sum\s+up"
    r"|short\s+version|long\s+story\s+short|bottom\s+line|(?:two|three|four|\d)\s+(?:steps|things))\s*[:,\-–])",
    re.IGNORECASE)  # "So:" with its colon: "So, messages already work" sums nothing up


def _states_need(sentence: str) -> bool:
    """Whether a sentence asks for something or sums up what is wanted."""
    return bool(_NEED_RE.search(sentence) or _SUMMARY_RE.search(sentence))

_DEFINITION_RE = re.compile(
    r"^\s*(?:what\s+(?:is|are|'s)|what's|whats|explain|tell\s+me\s+about|how\s+(?:does|do)\s+.+\s+work)\b",
    re.IGNORECASE)


def asks_what_it_is(text: str) -> bool:
    """'what is a service app', 'explain guest issuer': a question for an explanation."""
    return bool(_DEFINITION_RE.search(text))


@dataclass(frozen=True)
class Question:
    """A message read for evidence, before ranking."""

    text: str  # the whole message, whitespace collapsed
    message: Message
    prose: str  # the need in English: the prose, or its English reading
    focus: str  # the sentences that state the need (the prose when it is short)
    asking: str  # the sentences that ask for something, whatever the length (the prose if none)
    language: Language | None
    named: tuple[Scope, ...]
    calls: tuple[Call, ...]
    topics: tuple[str, ...]
    cues: frozenset[str]  # who the prose says acts: admin, compliance, partner, service-app, user


def ended(sentences: list[str]) -> str:
    """Sentences as one text, each ended so that its end stays a clause end ("- create the person" is
    a line of its own, not the start of the question after it)."""
    return " ".join(s if s.rstrip().endswith(SENTENCE_ENDS) else s + "." for s in sentences)


def asking_of(message: Message, prose: str, states: Callable[[str], bool] = lambda s: False) -> str:
    """The sentences that ask for something, or that `states` says state a need; context ("we run a
    small app in Flask") is left out. The prose itself when it is one sentence or none of them asks."""
    if len(message.sentences) < 2:
        return prose
    listed = _listed_under_a_colon(message.sentences)
    asking = [s for s, item in zip(message.sentences, listed) if item or _states_need(s) or states(s)]
    return ended(asking) if asking else prose


_ARROW_RE = re.compile(r"^\s*(?:->|=>|→)\s+")
_NUMBERED_RE = re.compile(r"^\s*(?:\(?\d+[.)]|step\s+\d+\b[:.)]?)\s+", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?:[-*•‣◦→]|->|=>|\(?\d+[.)]|\(?[a-h]\)|step\s+\d+\b[:.)]?)\s+", re.IGNORECASE)


# A list introduced as what is there already ("What already works:", "Setup so far:") holds no need.
_HAD_RE = re.compile(r"\b(?:already|have|has|had|tried|working|works|so\s+far|today|currently|background|setup)\b",
                     re.IGNORECASE)


def _listed_under_a_colon(sentences: tuple[str, ...]) -> list[bool]:
    """For each sentence, whether it is an item of a list whose line before ends with a colon
    ("flow we want:", "Self-service page:"), or a numbered item after a line that asks without
    ending ("the tool should 1) ..."); not when the list or the item tells what the app has."""
    flags: list[bool] = []
    for i, sentence in enumerate(sentences):
        before, after = sentences[i - 1] if i else "", sentences[i + 1] if i + 1 < len(sentences) else ""
        asks_on = _states_need(before) and not before.rstrip().endswith((".", "!", "?"))
        opens = before.rstrip().endswith(":") or (asks_on and bool(_NUMBERED_RE.match(sentence)))
        opens = opens or (not i and bool(_ARROW_RE.match(after)))  # a post that opens with a chain of steps
        starts = opens and not _HAD_RE.search(before)  # "flow we want:", "it should 1) ... 2) ..."
        item = (bool(_BULLET_RE.match(sentence)) or bool(_ARROW_RE.match(after))) and not _ALREADY_RE.search(sentence)
        flags.append(item and (starts or bool(flags and flags[-1])))  # "do: A -> B": A is the first item
    return flags


# "- it already posts messages": had, not asked; "- check whether the user already exists" asks
_ALREADY_RE = re.compile(r"^(?!.*\b(?:whether|if)\b.*\balready\b).*\balready\b", re.IGNORECASE)


# A sentence that tells what is done by hand, by no one or already ("the rep still answers calls by hand",
# "we don't answer for them", "queue creation stays in Control Hub"); a negation later in the sentence
# ("it shows the meetings and it isn't allowed to change anything") leaves the need before it standing.
_NOT_OURS_RE = re.compile(r"\b(?:by\s+hand|manually|no\s+need|stays?\s+in)\b"
                          r"|^\W*(?:[\w'’-]+\s+){0,3}?(?:don'?t|do\s+not|doesn'?t|does\s+not|won'?t|will\s+not|never"
                          r"|isn'?t|aren'?t)\b", re.IGNORECASE)


# "which scope does it need for that call?": the API call told before, no Webex call of its own...
_THAT_CALL_RE = re.compile(r"\b(?:that|this|these|those)\s+(?:api\s+|rest\s+)?(?:calls?|requests?)\b", re.IGNORECASE)
# ...unless the post is about phone calls: "the receptionist answers that call"
_CALLING_RE = re.compile(r"\b(?:webex\s+calling|answer\w*|transfer\w*|hold|park|dial\w*|ring\w*|phones?|lines?"
                         r"|receptionists?|voicemail|call\s+(?:queues?|history|control))\b", re.IGNORECASE)


def focus_of(message: Message, prose: str, index: ScopeIndex) -> str:
    """In a long post, the sentences that ask for something, so context cannot drown the need;
    when those only ask ("which scope am I missing?") and the need is told before, the sentences
    that tell what the app does with them; the whole post when no sentence does."""
    if len(prose.split()) <= t.LONG_QUESTION_WORDS or prose != message.prose:
        return prose  # short, or read from another language (its English reading keeps only the known words)
    asking = asking_of(message, prose, lambda s: _lists_needs(s, index))  # "New hire flow: create the user"
    told = asking if _CALLING_RE.search(prose) else _THAT_CALL_RE.sub(" ", asking)
    query = build_query(told, index)
    if set(query.terms) & index.resource_terms and not query.only_context:  # "which scopes?" names none
        return asking
    return _telling(message, index) or prose


# "Not needed:", "Out of scope for now:", "Done:": a label that sets what follows aside
_SET_ASIDE_LABEL_RE = re.compile(r"^[^:]*\b(?:not|no|never|out\s+of\s+scope|done|skip|excluded|later)\b[^:]*:",
                                 re.IGNORECASE)


def _lists_needs(sentence: str, index: ScopeIndex) -> bool:
    """Whether a sentence lists needs after a label ("New hire flow: create the user, then ..."); not one that
    tells what is had, done by hand or set aside ("Already done:", "Plan B: ... manually", "Not needed:")."""
    return (opens_with_a_label(sentence, index) and not _SET_ASIDE_LABEL_RE.search(sentence)
            and not (_HAD_RE.search(sentence.split(":")[0]) or _ALREADY_RE.search(sentence)
                     or _NOT_OURS_RE.search(sentence)))


def _telling(message: Message, index: ScopeIndex) -> str | None:
    """The sentences that tell what the app does, with those that ask: each asks to do something
    the index knows of, and none tells what is done by hand, not at all or already ("the rep still
    answers calls by hand; we don't answer for them")."""
    telling = [s for s in message.sentences if not (_NOT_OURS_RE.search(s) or _ALREADY_RE.search(s))
               and _acts(build_query(s, index), index)]
    if not telling:
        return None
    return ended([s for s in message.sentences if s in telling or _states_need(s)])


def _acts(query: Query, index: ScopeIndex) -> bool:
    """Whether a sentence asks to do something with a candidate scope ("(acts as the user)" tells who)."""
    return query.intent is not None and not query.only_context and bool(index.rank(query))


# "the SCIM endpoints instead of /people": a path the prose sets aside is no evidence of the need.
_SET_ASIDE_RE = re.compile(r"\b(?:instead\s+of|rather\s+than|other\s+than|except)\s+(?:the\s+|using\s+)?[`'\"(]*$",
                           re.IGNORECASE)


def _endpoint_calls(text: str, index: ScopeIndex) -> list[Call]:
    """The endpoints the text mentions, less those it sets aside and a bare word after a slash that
    names no documented path ("types /meet in our tool" is a slash command)."""
    return [Call(e.text, e, "") for e in find_endpoints(text)
            if not _SET_ASIDE_RE.search(text[:max(text.find(e.text), 0)])
            and (e.method or e.host or e.path.strip("/").count("/") or index.endpoints.match(e))]


def _resource(call: Call) -> str | None:
    """The resource a pasted webhook call names (`"resource": "memberships"`), if any."""
    named = WEBHOOK_RESOURCE_RE.search(call.text)
    return named.group(1).lower() if named else None


def _dedupe(calls: list[Call]) -> tuple[Call, ...]:
    """Each call once; a URL without a method is dropped when the same path came with one. Webhooks
    told by the resource they watch are one call each, and a bare POST /v1/webhooks beside them none."""
    with_method = {c.endpoint.path for c in calls if c.endpoint and c.endpoint.method}
    watched = {c.text for c in calls if c.text.startswith(WEBHOOK_CREATED)}
    resources = {c.endpoint.text.lower() for c in calls if c.text in watched and c.endpoint} | {"all"}
    seen: set[tuple[str | None, str]] = set()
    kept = []
    for call in calls:
        key = (call.endpoint.method, call.endpoint.path) if call.endpoint else (None, call.words)
        if call.endpoint and not call.endpoint.method and call.endpoint.path in with_method:
            continue
        if call.text in watched:
            key = (None, call.text)
        elif watched and key == ("POST", "/v1/webhooks") and _resource(call) in resources | {None}:
            continue  # the webhook already told by its resource, or a bare POST /v1/webhooks beside it
        if key not in seen:
            seen.add(key)
            kept.append(call)
    return tuple(kept)


# A bot's token named in pasted code ("-H 'Authorization: Bearer $BOT_TOKEN'", "botToken"): the bot makes the call
_BOT_TOKEN_IN_CODE_RE = re.compile(r"(?<![a-z])bot[_-]?token\b", re.IGNORECASE)  # also WEBEX_BOT_TOKEN


# The body Webex sends with a 401: the token itself was refused, whatever scopes it holds
_TOKEN_REFUSED_RE = re.compile(r"requires\s+a\s+valid\s+access\s+token|invalid\s+(?:or\s+expired\s+)?access\s+token"
                               r"|authentication\s+credentials\s+were\s+missing\s+or\s+incorrect",  # the SDKs' 401
                               re.IGNORECASE)
_SCOPE_WORD_RE = re.compile(r"\b(?:scopes?|permissions?)\b", re.IGNORECASE)
_REFUSED_TOPIC = "token-refused"  # the guidance topic of a 401: explained only to a post that asks for a scope


def _topics(message: Message, prose: str, guidance: GuidanceFinder) -> tuple[str, ...]:
    """The guidance topics of the message as written and, for another language, as read in English; the
    bots topic also when the pasted code calls with a bot's token, the webhooks topic when it creates a webhook;
    a refused token's when the post asks about a scope (the word or a scope's name, in its words or its English
    reading), told there or in its pasted error body (a 401 with no scope asked of is no question of scopes)."""
    written = guidance.topics(message.prose or message.text)
    written += ("bots",) if _BOT_TOKEN_IN_CODE_RE.search(message.pasted) and "bots" not in written else ()
    written += ("webhooks",) if CREATES_WEBHOOK_CALL_RE.search(message.pasted) and "webhooks" not in written else ()
    written += (_REFUSED_TOPIC,) if _TOKEN_REFUSED_RE.search(message.pasted) and _REFUSED_TOPIC not in written else ()
    if not any(r.search(said) for r in (_SCOPE_WORD_RE, SCOPE_NAME_RE) for said in (message.prose, prose)):
        written = tuple(topic for topic in written if topic != _REFUSED_TOPIC)
    return written if prose == message.prose else tuple(dict.fromkeys(written + guidance.topics(prose)))


def _spelt_topics(message: Message, prose: str, guidance: GuidanceFinder, index: ScopeIndex) -> tuple[str, ...]:
    """The message's guidance topics; when it has none, those of its words with their slips repaired ("which scope
    for creatng webhoks")."""
    found = _topics(message, prose, guidance)
    if found or (fixed := index.speller.respelled(message.prose)) == message.prose:
        return found
    return _topics(replace(message, prose=fixed), fixed if prose == message.prose else prose, guidance)


def as_told(said: str, index: ScopeIndex) -> str:
    """Prose as the app's own story: less the quoted names of things, the scopes it rules out and what it says the
    app does not do; with the people it adds to a space marked as members."""
    return as_members(without_undone(without_ruled_out(without_titles(said)), index.lexicon), index)


def read_question(text: str, index: ScopeIndex, guidance: GuidanceFinder) -> Question:
    """Read one message: normalise, find evidence, translate, focus, find guidance topics."""
    message = normalise(text)
    told = lambda said: as_told(said, index)  # noqa: E731
    message = replace(message, prose=told(message.prose), sentences=tuple(told(s) for s in message.sentences))
    # the English words of the knowledge base, and who acts ("el token es de un admin")
    known = lambda w: index.lexicon.term(w) in index.postings or bool(index.lexicon.audiences(w))  # noqa: E731
    foreign = reading(message.prose, index.kb.vocabulary, known)
    gloss = lambda said: glossed(said, index.lexicon.glossary, known)  # noqa: E731
    if foreign is None and (english := gloss(message.prose)) != message.prose:  # "hunt group per api anlegen"
        message = replace(message, prose=english, sentences=tuple(gloss(s) for s in message.sentences))
    prose = foreign.english if foreign else message.prose
    sdk_paths = index.kb.vocabulary.sdk_paths
    calls = find_calls(message.pasted, sdk_paths) + find_calls(message.prose, sdk_paths)
    vocabulary = index.kb.vocabulary
    calls += webhook_mentions(message.prose, message.text, vocabulary.webhook_resources, vocabulary.webhook_firehose)
    calls += _endpoint_calls(message.prose, index) + _endpoint_calls(message.pasted, index)
    named = named_scopes(message.prose, index)  # not in pasted code: the app's
    return Question(message.text, message, prose, focus_of(message, prose, index), asking_of(message, prose),
                    foreign.language if foreign else None, tuple(named),
                    with_asked_method(_dedupe(calls), prose, index),
                    _spelt_topics(message, prose, guidance, index),
                    index.lexicon.audiences(" ".join(words(SCOPE_NAME_RE.sub(" ", prose)))))  # not "spark-admin:x"
