"""Explicit evidence in a question, strongest first: scope names and API endpoints."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import OSA

from bot.core.answer import Need, Via
from bot.core.endpoints import EndpointQuery
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching import tuning as t
from bot.core.matching.calls import Call
from bot.core.matching.index import ScopeIndex
from bot.core.matching.normalise import sentences_of
from bot.core.matching.query import build_query
from bot.core.text import words

SCOPE_NAME_RE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9_-]*[A-Za-z0-9])")
# A path segment that is an id (base64 "Y2lzY29..." or a UUID): it names nothing
_ID_SEGMENT_RE = re.compile(r"^(?=[A-Za-z0-9_=-]*\d)[A-Za-z0-9_=-]{16,}$")
_BARE_NAME_RE = re.compile(r"(?<![\w:-])([a-z]+(?:_[a-z]+)+)(?![\w:])", re.IGNORECASE)


def named_scopes(question: str, index: ScopeIndex) -> list[Scope]:
    """Scopes the question spells out (`spark:calls_write`, a slip of it, or `calling_cdr_read`)."""
    found: list[Scope] = []
    for name in dict.fromkeys(m.group(1) for m in SCOPE_NAME_RE.finditer(question)):  # each name read once
        scope = index.kb.get(name) or closest_name(name, index)
        if scope and scope not in found:
            found.append(scope)
    for m in _BARE_NAME_RE.finditer(question):
        candidates = index.bare_names.get(m.group(1).lower(), [])
        if candidates:
            scope = min(candidates, key=lambda s: t.AUDIENCE_ORDER.index(s.audience))
            if scope not in found:
                found.append(scope)
    return found


# "we can't request spark:all", "I'd rather not use X", "prefer not X", "X is out": a scope ruled out is no need,
# no scope the app has and no question about it; "without X?", "can't get X to work", "we can't use X, it returns 403"
# and "instead of X" ask about X or report it failing
_TO_ASK = r"(?:request|requesting|ask\s+for|asking\s+for|grant|granting|tick|ticking|add|adding|include)"
_TO_REQUEST = r"(?:use|using|" + _TO_ASK.removeprefix("(?:")  # using it too
_RULED_OUT_BEFORE_RE = re.compile(
    r"\b(?:(?:can'?t|cannot|can\s+not|won'?t)\s+" + _TO_ASK +
    r"|(?:mustn'?t|must\s+not|shouldn'?t|should\s+not|not\s+allowed\s+to|trying\s+not\s+to)\s+" + _TO_REQUEST +
    r"|(?:don'?t|do\s+not)\s+want(?:\s+to\s+" + _TO_REQUEST + r")?"
    r"|(?:rather|prefer(?:ably)?|preferring)\s+not(?:\s+to)?(?:\s+" + _TO_REQUEST + r")?"
    r"|avoid(?:\s+" + _TO_REQUEST + r")?"
    r"|(?:was|were|am|are)\s+(?:about|going|tempted)\s+to\s+(?:just\s+)?" + _TO_REQUEST +  # "... and that feels wrong"
    r"|instead\s+of(?:\s+" + _TO_REQUEST + r")?|rather\s+than(?:\s+" + _TO_REQUEST + r")?)"
    r"\s+(?:(?:the|a|an|broad|full)\s+)*[`'\"]?$", re.IGNORECASE)
_RULED_OUT_AFTER = (r"[`'\"]?\s+(?:(?:is|was|are)\s+(?:out(?!\s+of)|off\s+the\s+table|too\s+broad|overkill"
                    r"|not\s+allowed|(?:not\s+|no\s+)(?:an\s+)?option)|(?:isn'?t|aren'?t)\s+(?:an\s+)?option)\b")
_NAME_RULED_OUT_RE = re.compile(SCOPE_NAME_RE.pattern + _RULED_OUT_AFTER, re.IGNORECASE)  # "spark:all is out"


# "everything except spark-admin:x", "the token is missing X": a scope said to be lacking
_LACKING_BEFORE_RE = re.compile(r"(?:\b(?:everything|all(?:\s+the)?(?:\s+scopes)?)\s+(?:except|but)"
                                r"|\b(?:missing|lacks?|lacking))\s+(?:the\s+)?[`'\"]?$", re.IGNORECASE)


def said_before(pattern: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """`pattern`, which ends at the end of what it reads ("... except X"), found just before `at`: within
    NAME_CONTEXT_REACH characters, so a post of many names is not read again from its start for each."""
    return pattern.search(text, max(0, at - t.NAME_CONTEXT_REACH), at)


def lacking(text: str, index: ScopeIndex) -> list[Scope]:
    """The scopes the text says the app lacks ("has everything except spark-admin:devices_read")."""
    return named_scopes(" ".join(m.group(1) for m in SCOPE_NAME_RE.finditer(text)
                                 if said_before(_LACKING_BEFORE_RE, text, m.start())), index)


def without_ruled_out(text: str) -> str:
    """The text less the scope names it rules out ("we can't request spark:all", "spark:all is out", with
    what rules them out after them): they are no evidence of the need, as names or as words."""
    text = _NAME_RULED_OUT_RE.sub(" ", text)
    for m in reversed(list(SCOPE_NAME_RE.finditer(text))):
        if ruling := said_before(_RULED_OUT_BEFORE_RE, text, m.start()):
            text = text[:ruling.start()] + " " + text[m.end():]  # "we'd rather not use X" goes with X
    return text


_CONTEXT_BEFORE_RE = re.compile(
    r"\b(?:have|has|had|hold|holds|held|ticked|checked|selected|enabled|using|use|uses|used|with|granted|requested|"
    r"added|got|already|only|includes?|including|currently|right\s+now|on\s+the\s+(?:app|integration|token)"
    r"|(?:gave|given|give)\s+(?:my|our|the)\s+(?:app|integration|token))\b"
    r"[\w\s,:`'\"-]{0,12}$", re.IGNORECASE)  # "scopes on the app right now: X Y", "gave my integration X"
# "X is already on the app", "X's been granted": told after the name, what the app has
_HELD_AFTER_RE = re.compile(r"[`'\"]?\s*(?:is|are|'s|has\s+been|have\s+been)\s+(?:already\s+)?"
                            r"(?:on\s+(?:the|our|my)\s+(?:app|integration|token)|granted|selected|ticked|checked"
                            r"|enabled|requested|added|included|there)\b", re.IGNORECASE)
# "a colleague told me we need X, another said Y": names someone else guessed, not the question
_GUESSED_BEFORE_RE = re.compile(r"\b(?:said|says|suggested|suggests|recommended|claims|thinks"
                                r"|told\s+(?:me|us)\s+(?:we|i|you)\s+need)\b[\w\s,`'\"-]{0,12}$", re.IGNORECASE)


def guesses_differ(text: str) -> bool:
    """Whether the text names several scopes, each someone else's guess ("one colleague said X,
    another said Y"): conflicting guesses, so the need it describes decides, not the names. One
    guess checked ("ChatGPT says X, correct?") is a question about that scope."""
    names = list(SCOPE_NAME_RE.finditer(text))
    return len(names) > 1 and all(said_before(_GUESSED_BEFORE_RE, text, m.start()) for m in names)


# "can I use spark-compliance:events_read ...?": a name the question asks about using
_ASKS_TO_USE_RE = re.compile(r"\b(?:can|could|should|may|must|do|does)\s+(?:i|we|my\s+app|our\s+app|it)\s+"
                             r"(?:still\s+|even\s+|just\s+)?use\s*[`'\"]?$", re.IGNORECASE)


# "rooms_read isn't enough", "spark:calls_read doesn't work": a name said to fall short is what
# the app has, not what it asks for.
_FALLS_SHORT_AFTER_RE = re.compile(
    r"^\W{0,3}(?:alone\s+)?(?:(?:is|was|does|did)\s*(?:n['’]t|not)|isnt|doesnt|didnt)\s+(?:seem\s+to\s+)?"
    r"(?:enough|sufficient|suffice|work|working)\b"
    r"|^\W{0,3}(?:alone\s+)?(?:fails|failed|gives\s+(?:me\s+)?(?:a\s+)?40[13]|returns\s+(?:a\s+)?40[13]|not\s+enough)\b",
    re.IGNORECASE)
# "is spark:kms enough to read messages?", "spark:people_read alone sufficient for that?": whether
# a name suffices is a question about the need the text describes.
_SUFFICES_AFTER_RE = re.compile(r"^\W{0,3}(?:alone\s+|by\s+itself\s+|on\s+its\s+own\s+)?(?:is\s+|are\s+)?"
                                r"(?:be\s+)?(?:enough|sufficient|suffices?)\b", re.IGNORECASE)


def asked_names(text: str, index: ScopeIndex) -> list[Scope]:
    """Scopes the text names as what it asks about, not as what the app already has
    ("I have spark:rooms_write" or "calling it with spark:rooms_write" say what is there)."""
    kept, held_end = [], None
    for m in SCOPE_NAME_RE.finditer(text):
        listed = held_end is not None and _LIST_JOIN_RE.fullmatch(text[held_end:m.start()])  # "have X and Y"
        if ((said_before(_CONTEXT_BEFORE_RE, text, m.start()) or listed or _HELD_AFTER_RE.match(text, m.end()))
                and not said_before(_ASKS_TO_USE_RE, text, m.start())):
            held_end = m.end()
        else:
            kept.append(m)
    return named_scopes(" ".join(m.group(0) for m in kept), index) if kept else []


# what stands between two names of one list ("X and Y", "X, Y")
_LIST_JOIN_RE = re.compile(r"[`'\"]?\s*(?:,|and|or|&|\+|/|,\s*and)?\s*[`'\"]?", re.IGNORECASE)
_TOTAL_RE = re.compile(r"\b(?:final|complete|full|whole|total|entire)\s+(?:scopes?\s+)?(?:list|set)\b(?!\s+of\b)"
                       r"|\btotal\s+scopes\b"
                       r"|\bin\s+total\b|\b(?:all\s+together|altogether)\b", re.IGNORECASE)


_WHETHER_RE = re.compile(r"(?:^|[.!?]\s+|[,:—–-]\s*|\b(?:so|and|but)\s+)(?:(?:should|shall|can|could|will|would|may|must)"
                         r"\s+(?:i|we|you|it|they|my|our|the|this|that|[a-z-]+:|(?:adding|giving|granting|requesting"
                         r"|using|asking\s+for)\s)"  # "will adding X let ...?", "would X be enough?"
                         r"|(?:does|is|are)\s+(?:it|this|that|the|[a-z-]+:))", re.IGNORECASE)  # not "do I need X?"


# "do I need spark:all ...?", "does our app really require X?", "does X also let me ...?": whether a named
# scope is what a need takes ("can I give my bot X?" asks whether it may hold it)
_NEEDS_NAMED_RE = re.compile(r"\bdo(?:es)?\s+(?:i|we|it|my|our|the|this|that)(?:\s+\w+){0,2}?\s+(?:need|require)"
                             r"\s+(?:the\s+)?[`'\"]?[a-z-]+:"
                             r"|\bdoes\s+[`'\"]?[a-z-]+:\S+\s+(?:also\s+)?(?:let|allow|cover|include|give)"
                             # "X: will that let me answer calls?", "can I use X to send xAPI commands?"
                             r"|[a-z-]+:\S+\W+(?:will|would|does|can)\s+(?:that|it|this)\s+(?:also\s+)?"
                             r"(?:let|allow|cover|work\s+for|be\s+enough)"
                             r"|\b(?:can|could|should)\s+(?:i|we)\s+(?:just\s+)?use\s+[`'\"]?[a-z-]+:\S+"
                             r"\s+(?:to|for)\s",
                             re.IGNORECASE)


# "which scopes?", "what permissions does it need": the asking sentences ask for every scope, not one
_SEVERAL_RE = re.compile(r"\b(?:scopes|permissions)\b", re.IGNORECASE)


def asks_for_several(asking: str) -> bool:
    """Whether the asking sentences ask for scopes, not one scope ("which scopes?")."""
    return bool(_SEVERAL_RE.search(asking))


def asks_if_needed(text: str) -> bool:
    """Whether the text asks whether a named scope is what a need takes."""
    return bool(_NEEDS_NAMED_RE.search(text))


_TO_USE_RE = re.compile(r"\b(?:right|correct|request|use|tick|pick|choose|enough)\b", re.IGNORECASE)


def asks_which_to_use(text: str) -> bool:
    """Whether the text asks if a scope is the one to request ("is that the right one?"), not
    whether it is still valid: a deprecated one then gives way to its replacement."""
    return asks_whether(text) and bool(_TO_USE_RE.search(text))


def asks_whether(text: str) -> bool:
    """Whether the text asks a yes/no question ("should we ask for X?", "does X include admin
    scopes?", "can I give guests X?"): an answer naming X back is then not sure."""
    return bool(_WHETHER_RE.search(text))


def asks_for_the_total(text: str) -> bool:
    """Whether the text asks for every scope the app will hold, those it has included."""
    return bool(_TOTAL_RE.search(text))


_MORE_RE = re.compile(r"\b(?:now|also|too|next\s+step|new\s+requirements?|what\s+else|in\s+addition|additionally"
                      r"|for\s+both|both\s+(?:parts|steps|things)"
                      r"|as\s+well|next\s+(?:sprint|release|version|phase|iteration)"
                      r"|what\s+(?:do|would|should)\s+(?:i|we)\s+(?:have|need)\s+to\s+add"
                      r"|(?:have|need)\s+to\s+add\s+(?:the\s+ability|support|a\s+feature|the\s+option|functionality"
                      r"|\w+\s+(?:creation|deletion|support)))\b",
                      re.IGNORECASE)


def asks_for_more(text: str) -> bool:
    """Whether the text asks for more than the app does today ("now we also want ...")."""
    return bool(_MORE_RE.search(text)) and not reports_failure(text)


_MISSING_RE = re.compile(r"\b(?:missing|lacking|lacks)\b", re.IGNORECASE)


def asks_what_is_missing(text: str) -> bool:
    """Whether the text asks what the app lacks ("What's missing?", "what am I missing")."""
    return bool(_MISSING_RE.search(text))


def without_total(text: str) -> str:
    """The text less the sentence that asks for the whole list ('the final list' names no need) and
    the words that ask for a narrower scope ("or is there a narrower one?" names none either)."""
    kept = " ".join(s for s in sentences_of(text) if not _TOTAL_RE.search(s))
    return _NARROWER_RE.sub(" ", kept).strip() or text


# "..., or is there a narrower scope?", "or something more specific", "is there a least-privilege option": the asker
# wants the need's own scope, and these words name none
_NARROWER_RE = re.compile(
    r"[,;]?\s*(?:\bor\s+)?(?:is\s+there\s+|are\s+there\s+|do\s+(?:i|we)\s+have\s+)?(?:an?\s+|some\s+)?"
    r"(?:narrower|smaller|more\s+(?:specific|limited|granular|restricted)|less\s+(?:powerful|privileged|broad)"
    r"|least[\s-]+privilege(?:d)?)\s+(?:scopes?|permissions?|options?|ones?|alternatives?)\b"
    r"|[,;]?\s*\bor\s+something\s+(?:narrower|smaller|more\s+specific)\b", re.IGNORECASE)


# "GET /rooms only returns my own spaces", "not just the ones I'm in": the call works, yet gives too little
_TOO_LITTLE_RE = re.compile(r"\bonly\s+(?:returns?|shows?|gives?|gets?|sees?)\b|\breturns?\s+only\b"
                            r"|\bnot\s+(?:just|only)\s+(?:the\s+ones|my|mine|our|the\s+(?:spaces?|rooms?|ones))\b",
                            re.IGNORECASE)


def gives_too_little(text: str) -> bool:
    """Whether the text says a call returns less than what is wanted: its own scope may not be the answer."""
    return bool(_TOO_LITTLE_RE.search(text))


def fall_short(text: str) -> bool:
    """Whether every scope the text names is said to fall short ("rooms_read isn't enough") or
    asked to suffice ("is spark:kms enough to read messages?"): then the need it describes is
    the question."""
    names = [*SCOPE_NAME_RE.finditer(text), *_BARE_NAME_RE.finditer(text)]
    return bool(names) and all(_FALLS_SHORT_AFTER_RE.search(text[m.end():])
                               or _SUFFICES_AFTER_RE.search(text[m.end():]) for m in names)


def closest_name(text: str, index: ScopeIndex) -> Scope | None:
    """A scope name typed with a slip (`spark:call_write`), if one is clearly meant."""
    typed = text.lower()
    best = min(index.kb.scopes, key=lambda s: (OSA.distance(s.key, typed), s.deprecated is not None))
    return best if OSA.distance(best.key, typed) <= 2 else None


def without_names(question: str) -> list[str]:
    """The question's words with scope names removed (their parts are not cue words)."""
    return words(SCOPE_NAME_RE.sub(" ", question))


def audience_rank(audience: str, cues: frozenset[str]) -> int:
    """Least privilege first, except that an audience the question names comes first; a service
    app acts with an admin's scopes, never a user's."""
    order = list(t.AUDIENCE_ORDER)
    named = [cue for cue in ("compliance", "partner", "admin") if cue in cues]
    named += ["admin", "service-app"] if "service-app" in cues else []
    for cue in named:
        order.remove(cue)
        order.insert(0, cue)
    return order.index(audience)


def _note_fits(note: str | None, asked: str) -> bool:
    """An endpoint documented for one value of a parameter ("resource=uc_counters") fits a call
    only when the call names that value."""
    if not note or "=" not in note:
        return True
    return note.partition("=")[2].strip().lower() in asked.lower()


def named_for(scope: Scope, path: str) -> bool:
    """Whether the scope's name holds one of the path's resource words: of the scopes granted
    together for POST /v1/devices/activationCode, spark-admin:devices_write is the call's own."""
    name_words = set(words(scope.name.replace("_", " ")))
    return any(w in name_words for w in words(path) if w != "v1")


def endpoint_need(endpoint: EndpointQuery, cues: frozenset[str], index: ScopeIndex) -> Need | None:
    """The scope that documents `endpoint`; an undocumented path is read as words, if clear."""
    matches = [m for m in index.endpoints.match(endpoint) if _note_fits(m.endpoint.note, endpoint.text)]
    if not matches:
        intent = None if endpoint.method is None else ("read" if endpoint.method == "GET" else "write")
        segments = endpoint.path.split("/")
        path_words = " ".join(w for segment in segments if not _ID_SEGMENT_RE.match(segment)
                              for w in words(segment) if w != "v1")
        query = build_query(path_words, index, intent)
        if _of_another_person(segments):
            query = replace(query, audiences=query.audiences | {"admin"})
        ranked = index.rank(query)
        if not ranked or ranked[0].coverage < t.CONFIDENT_FROM:
            return None
        top = ranked[0]
        return Need(endpoint.text, top.scope, Via.WORDS, top.evidence, score=top.coverage)
    owners = sorted(
        {m.owner for m in matches},
        key=lambda s: (
            endpoint.method is None and not any(m.owner == s and m.endpoint.method == "GET" for m in matches),
            bool(s.deprecated), bool(s.alternative_to), audience_rank(s.audience, cues),
            not named_for(s, endpoint.path), s.name,
        ),
    )
    documented = next(str(m.endpoint) for m in matches if m.owner == owners[0])
    return Need(endpoint.text, owners[0], Via.ENDPOINT, (documented,), tuple(owners[1:]))


def _of_another_person(segments: list[str]) -> bool:
    """Whether a path acts on a person it names by id (.../people/{id}/...), not on /people/me: an admin's call."""
    return any(s == "people" and (_ID_SEGMENT_RE.match(after) or after.startswith("{"))
               for s, after in zip(segments, segments[1:]))


_REFUSED = r"403|401|forbidden|unauthori[sz]ed|not\s+authori[sz]ed|access\s+denied|permission\s+denied"
REFUSED_RE = re.compile(rf"\b(?:{_REFUSED})\b", re.IGNORECASE)  # the API said no
_FAILURE_RE = re.compile(
    rf"\b(?:{_REFUSED}|fails?|failed|failing|no\s+longer|stopped\s+working|not\s+working|doesn'?t\s+work"
    r"|what\s+changed|instead|replacement|replaced|deprecated)\b", re.IGNORECASE)


# "listing works fine", "GET /v1/rooms works", "creating normal meetings already works", "the read part works": that
# call is granted; "the delete never worked", "posting worked until yesterday" are no such thing.
# Between the verb and "works", no word that joins another clause, negates, limits or tells a failure.
_NOT_AN_OBJECT = (r"and|but|while|although|though|except|besides|it|that|when|if|until|else|never|not|no|longer"
                  r"|only|sometimes|ever|errors?|forbidden|\d{3}|fails?|failed")
_GERUND_OBJECT = rf"(?<=ing)(?:\s+(?!(?:{_NOT_AN_OBJECT})\b)[\w'-]*[A-Za-z][\w'-]*){{0,5}}?"
# not after "except", "besides", "but", "apart from", with or without "the" ("all but the delete works")
_SET_APART = "".join(rf"(?<!\b{word}\s)(?<!\b{word}\sthe\s)" for word in ("except", "besides", "but", "from"))
# where the call stands in the pasted code: "the details call right before it works fine"
_PLACED = r"(?:\s+(?:right\s+|just\s+)?(?:before|above|after|below)(?:\s+(?:it|that|this))?)?"
_WORKS_RE = re.compile(_SET_APART + r"\b(?:(GET|POST|PUT|PATCH|DELETE)\s+(\S+?)|([A-Za-z]+)"
                       rf"(?:{_GERUND_OBJECT}|\s+(?:part|call|calls|request|requests|step|side){_PLACED})?)"
                       r"\s+(?:(?:still|also|just|already)\s+)?"
                       r"(?:works|worked|is\s+fine|succeeds|succeeded|goes\s+through|went\s+through"
                       r"|returns?(?!\s+(?i:nothing|empty|null|no)\b)"  # "GET /v1/people returns the roles"
                       r"(?!(?:\s+\S+){0,4}?\s+['\"]?(?i:\d{3}|errors?|forbidden|unauthori[sz]ed|denied|refused|fails?"
                       r"|failed)\b))\b"  # not "returns 403", "returns HTTP 403", "returns an 'insufficient scope' error"
                       r"(?!\s+(?:until|till|before|only|sometimes|intermittently)\b)")


def working_calls(text: str, index: ScopeIndex) -> set[tuple[str, str | None]]:
    """The calls the text says work, as (method, path), the path None when told by a verb; a verb told also
    as ("", verb), for SDK calls named by it ("read works": forwarding.read)."""
    forms, found = index.lexicon.method_forms, set()
    for m in _WORKS_RE.finditer(text):
        if m.group(1):
            found.add((m.group(1), _bare(m.group(2))))
        elif method := forms.get(m.group(3).lower()):
            found |= {(method, None), ("", m.group(3).lower())}
    return found


def said_to_work(call: Call, works: set[tuple[str, str | None]]) -> bool:
    """Whether a pasted call is one the text says works: by its method and path, or, for an SDK call with
    no documented path, by its method's name ("read works, configure gets 403"; not "list works" for a read)."""
    endpoint = call.endpoint
    if endpoint is None:
        return bool(call.chain) and ("", call.chain[-1].lower()) in works
    return any(endpoint.method == method and path in (None, _bare(endpoint.path)) for method, path in works)


def _bare(path: str) -> str:
    return path.split("?")[0].rstrip("/").lower()


_INSTEAD_RE = re.compile(r"\binstead\b|\bswitch\s+to\b|\bsomething\s+else\b"
                         r"|\bis\s+there\s+(?:a\s+different|another)\s+(?:one|scope)\b"
                         r"|\bwhat\s+should\s+(?:it|we|i|they)\s+(?:be|use|request|ask\s+for)\b", re.IGNORECASE)


def asks_instead(text: str) -> bool:
    """Whether the text asks what to use in place of something ("what should it be instead?")."""
    return bool(_INSTEAD_RE.search(text))


def reports_failure(text: str) -> bool:
    """Whether the text says something stopped working or asks what replaces it."""
    return bool(_FAILURE_RE.search(text))


def successor(need: Need, kb: KnowledgeBase) -> Need:
    """A deprecated scope said to fail gives way to the one its note names (the evidence keeps
    the old name, for the note that says so)."""
    new = replacement(need.scope, kb)
    return need if new is None else replace(need, scope=new)


def replacement(scope: Scope, kb: KnowledgeBase) -> Scope | None:
    """The scope a deprecated one's note points to ("... use spark-compliance:messages_write")."""
    if not scope.deprecated:
        return None
    return next((s for m in SCOPE_NAME_RE.finditer(scope.deprecated) if (s := kb.get(m.group(1))) and s != scope),
                None)
