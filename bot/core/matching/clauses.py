"""Several needs in one sentence: split into clauses, rank each, keep one need per distinct scope."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Callable

from bot.core.answer import Need, Via
from bot.core.knowledge import Scope
from bot.core.matching import tuning as t
from bot.core.matching.explain import twin
from bot.core.matching.index import Ranked, ScopeIndex
from bot.core.matching.normalise import STEP_AFTER_ARROW
from bot.core.matching.query import Query, build_query
from bot.core.text import STOPWORDS, is_common_word, words

CLAUSE_SPLIT_RE = re.compile(
    r"\s*(?:[,;]|\s[+&—–]\s|\band\s+also\b|\bas\s+well\s+as\b|\balong\s+with\b|\balongside\b|\btogether\s+with\b"
    r"|\bnext\s+to\b|\bin\s+addition\s+to\b|\band\b|\balso\b|\bplus\b"
    r"|\bthen\b|\bwhile\b|\bbut\b"
    r"|\bso\s+(?:that\s+)?(?=(?:i|we)\s+can\b)"  # "a webhook when it ends so I can download the recording"
    r"|(?<=\s)(?:->|=>|→)" + STEP_AFTER_ARROW +  # "look up -> send", not "Hub -> Calling"
    r"|:(?=\s+(?:when|whenever|after|before|once|each\s+time|every\s+time)\b)"  # "Focus mode: when the user ..."
    r"|:(?=\s+(?:it|we|they|the\s+(?:app|tool|script|bot|integration|service\s+app))\s+[a-z]+s?\b)"  # "...: it reads"
    r"|(?<=[\w)\]\"'])[.!?]+(?=\s|$)"  # sentence ends, also after a bracket or quote
    r"|(?:^|(?<=\s)|(?<=:))(?:\(?\d{1,2}[.)]|[a-h]\)|[-*•]|step\s+\d{1,2}\b[:.)]?)(?=\s))\s*",  # 1) 2. a) - step 3
    re.IGNORECASE,
)
# A clause that says when something happens ("after the agent logs in", "when someone leaves") is
# the trigger of a need, not a need: its words are context, its who-acts cues still count. A delay is no
# event ("after 60 days delete it").
_DELAY = (r"\s+(?:\d+|an?|one|two|three|four|five|six|seven|ten|thirty|ninety|a\s+few|several)"
          r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b")
_TRIGGER_RE = re.compile(r"\s*(?:after(?!" + _DELAY + r")|when|whenever|once|before|each\s+time|every\s+time"
                         r"|as\s+soon\s+as)\b", re.IGNORECASE)
# A clause that only tells a past or ongoing event of its subject ("- meeting ends", "An employee left",
# "A user's account got compromised") is a trigger too; "delete messages that got flagged" is not.
_EVENT_ONLY_RE = re.compile(
    r"^\W*(?:(?:the|a|an|my|our|each|every|one\s+of\s+our)\s+)?(?:[\w-]+(?:'s)?\s+){0,2}?[\w-]+\s+(?:ends|ended|starts"
    r"|started|begins|began|finishes|finished|is\s+over|left|quit|resigned|(?:signs|signed|logs|logged)\s+in"
    r"|(?:got|was|were|has\s+been|have\s+been)\s+\w+ed)(?:\s+the\s+(?:company|org|organi[sz]ation))?\W*$",
    re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)


def _tells_an_event(part: str, index: ScopeIndex) -> bool:
    """Whether the clause only tells an event: no relative pronoun, and no verb of its own first."""
    first = part.split()[0].lower().strip("-*•,.:;") if part.split() else ""
    return (bool(_EVENT_ONLY_RE.match(part)) and not _RELATIVE_RE.search(part)
            and first not in index.lexicon.verb_forms)


# A clause with no verb that narrows what went before to its owner ("only my own meetings", "mine
# only", "read only") says whose or how much, not what to do; "the transcripts only" still asks.
_RESTRICTION_RE = re.compile(r"^\W*(?:only|just|but\s+only)\b|\bonly\W*$", re.IGNORECASE)
_OWNER_RE = re.compile(r"\b(?:my|mine|our|ours|own|their|his|her|i|we)\b", re.IGNORECASE)


def _narrows(part: str, query: Query, index: ScopeIndex) -> bool:
    """Whether a verbless clause only narrows the one before: to an owner, or with no resource."""
    if query.intent is not None or not _RESTRICTION_RE.search(part):
        return False
    return bool(_OWNER_RE.search(part)) or not set(query.terms) & index.resource_terms


# ...and so is one that ends a clause ("add an invitee when someone is added in Outlook").
_TRIGGER_TAIL_RE = re.compile(r"(?<!\bat)\s(?:after|when|whenever|each\s+time|every\s+time|as\s+soon\s+as|once"
                              r"(?!\s+(?:a|an|per|every|more|again|or|and|in|at|on|daily|weekly|monthly|nightly"
                              r"|hourly|each|during)\b))\b.*$",  # not "once a month", "once daily", "at once"
                              re.IGNORECASE)
# Before a trigger's first verb, the asker (or its app) wanting it: that verb is the need, the
# trigger has none ("after the meeting we want to pull ..."; not "when someone has to join").
_APP_RE = r"(?:my|our|the|an?)\s+(?:[\w-]+\s+){0,2}?(?:app|tool|script|bot|integration|service|job)"
_WANTS_RE = re.compile(r"\b(?:i|we|it|they|" + _APP_RE + r")\s+"
                       r"(?:(?:want|wants|need|needs|has|have|am\s+going|are\s+going|is\s+going)\s+to"
                       r"|(?:want|need)\s+" + _APP_RE + r"\s+to"  # "I want our notes app to"
                       r"|should|must|can)$", re.IGNORECASE)
# ...or wanting a thing itself, with no verb: "after each meeting we want both the transcript".
_WANTS_THING_RE = re.compile(r"\b(?:i|we|they)\s+(?:want|need)\b", re.IGNORECASE)
# ...or the app itself acting after a trigger told without a verb: "after each session our tool downloads".
_APP_ACTS_RE = re.compile(r"\b(?:we|" + _APP_RE + r")$", re.IGNORECASE)
_PARENS_RE = re.compile(r"\([^()]*\)")
# "which the HR team uses to delete old teams", "the AV team deletes retired devices", "created by hand": in a
# story, what someone else does or did is told, not asked of the app
_DONE_BY_OTHERS_RE = re.compile(
    r"\b(?:by\s+hand|manually)\b|\b(?:the|our|their)\s+(?:[\w-]+\s+){0,2}?(?:team|admins|administrators|department"
    r"|folks|staff)\s+(?:already\s+|still\s+|usually\s+|also\s+)?(?:uses?|handles?|does|creates?|deletes?|adds?"
    r"|removes?|manages?|maintains?|updates?|owns?|runs?|sets|configures?|provisions?|takes\s+care)\b",
    re.IGNORECASE)


def done_by_others(clause: str) -> bool:
    """Whether a clause tells what someone else does ("the HR team creates the onboarding teams"): no need of
    the app's."""
    return bool(_DONE_BY_OTHERS_RE.search(clause))


_NOT_DONE_RE = re.compile(r"^\W*(?:not|never|no|nothing|don'?t|doesn'?t|won'?t|without|nor)\b", re.IGNORECASE)
_ABOUT_SCOPES_RE = re.compile(r"\b(?:scopes?|permissions?)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"it", "them", "this", "that", "there", "these", "those", "ones"})


@dataclass(frozen=True)
class Clause:
    """One clause of a several-need question: its need, its query and its eligible candidates."""

    need: Need
    query: Query
    ranked: list[Ranked]

    def coverage_of(self, scope: Scope) -> float:
        """How much of this clause `scope` explains (0 when it is not a candidate)."""
        return next((r.coverage for r in self.ranked if r.scope == scope), 0.0)


def eligible(ranked: list[Ranked], query: Query, index: ScopeIndex, minimum: float = 0.0) -> list[Ranked]:
    """Candidates that explain enough of the question, best score first: a scope the priors
    favour must not hide a better explained one, nor answer with too little evidence."""
    return [r for r in ranked if r.coverage >= minimum and r.coverage >= floor(r, query, index)]


def floor(candidate: Ranked, query: Query, index: ScopeIndex) -> float:
    """The coverage a match needs: more when it rests on one word among words the knowledge
    base does not know, which is how everyday questions brush the domain ("how to make
    coffee", "reverse a linked list": a verb as common as 'list' adds no evidence), unless
    that word names the scope's resource and the known words outnumber the unknown ones
    ("CDRs for billing every hour"), or is a strong word of hardly any scope and no everyday
    English ("click2dial from our CRM", not "what time does the store close"). A generic verb
    with no object is no evidence at all. A long post that names the scope's resource, or holds
    one of its phrasings word for word, needs less: its context dilutes any scope's share."""
    if set(candidate.evidence) <= index.generic_verbs:
        return float("inf")  # a generic verb alone ("can I add more") says what to do, not to what
    if (candidate.names_resource or candidate.phrased) and len(query.text.split()) >= t.DILUTED_QUERY_WORDS:
        return t.DILUTED_DECLINE_BELOW  # a long post names its resource, or phrases the scope, among much context
    if not query.unknown or len(set(candidate.evidence) - index.common_verbs) > 1:
        return t.DECLINE_BELOW
    if candidate.names_resource and query.unknown < query.known:
        return t.DECLINE_BELOW  # named in context
    rare = {term for term in candidate.strong if len(index.postings[term]) <= t.DISTINCTIVE_POSTINGS}
    distinctive = rare and query.unknown <= query.known and any(  # judged on the word typed, not its stem
        index.lexicon.term(word) in rare and not is_common_word(word) for word in words(query.text))
    return t.DECLINE_BELOW if distinctive else t.LONE_WORD_MIN


def clear_guess(ranked: list[Ranked], index: ScopeIndex, acted_on: str | None) -> Ranked | None:
    """When nothing passes the decline line: a candidate that names its resource, rests on more than
    one word that is no verb ("the org's details": not "space exploration news") or on the resource the
    question's verb acts on ("display my spaces"), and leads clearly."""
    if not ranked:
        return None
    top = ranked[0]
    nouns = set(top.evidence) - index.lexicon.verb_terms
    if not top.names_resource or (len(nouns) < 2 and acted_on not in nouns) or top.coverage < t.GUESS_FROM:
        return None
    return top if len(ranked) == 1 or top.score - ranked[1].score >= t.CLEAR_LEAD else None


def best_need(text: str, ranked: list[Ranked]) -> Need:
    """The top candidate as a need, with the near-ties and its rival readings as alternatives."""
    top = ranked[0]
    alternatives = tuple(r.scope for r in ranked[1:4] if r.coverage >= t.DECLINE_BELOW and (
        top.score - r.score <= t.ALTERNATIVE_MARGIN or is_rival(top, r)))
    return Need(text, top.scope, Via.WORDS, top.evidence, alternatives, top.coverage)


def is_rival(top: Ranked, other: Ranked) -> bool:
    """Another product's scope for the resource the question names ('my recordings': of
    meetings or of calls), for the same actor and access, close behind: a second reading."""
    return (top.score - other.score <= t.RIVAL_MARGIN and other.coverage >= t.DECLINE_BELOW
            and other.scope.area != top.scope.area
            and other.names_resource and top.names_resource and other.scope.access == top.scope.access
            and other.scope.audience == top.scope.audience)


def need_text(clause: str, verbs: set[str]) -> str:
    """The clause without leading filler ("what scopes do I need to answer calls" -> "answer
    calls"), for showing which need a scope answers."""
    kept = clause.split()
    while len(kept) > 1 and (w := kept[0].lower().strip("?,.!")) in STOPWORDS and w not in verbs:
        kept.pop(0)
    return " ".join(kept).rstrip("?.!")


def one_scope_suffices(best: Ranked | None, clauses: list[Clause], index: ScopeIndex,
                       audiences: frozenset[str] = frozenset()) -> bool:
    """True when the clauses are one need worded as a list ("recordings and transcripts"):
    a single scope explains every clause's topic words and most of each clause on its own, and
    is as good as each clause's best (a message names its space, yet "create spaces" is a need
    of its own; "teams and team memberships" are two), and the clauses
    neither ask to do different things (read one thing, write another) nor name different
    actors."""
    if best is None or best.coverage < t.SUFFICES_FROM:
        return False
    if len({c.query.audiences for c in clauses if c.query.audiences}) > 1:
        return False
    if len({c.query.intent for c in clauses if c.query.intent}) > 1:
        return False
    covered = best.strong | index.lexicon.verb_terms
    return all(set(c.need.evidence) <= covered and c.coverage_of(best.scope) >= t.SUFFICES_FROM
               and _as_good_as_the_best(best.scope, c, index, audiences) for c in clauses)


def _as_good_as_the_best(scope: Scope, clause: Clause, index: ScopeIndex, audiences: frozenset[str]) -> bool:
    """Whether `scope` is as likely as the clause's best, with who acts read from the whole question."""
    ranked = index.rank(replace(clause.query, audiences=clause.query.audiences | audiences))
    mine = next((r.score for r in ranked if r.scope == scope), float("-inf"))
    return bool(ranked) and ranked[0].score - mine <= t.ALTERNATIVE_MARGIN


# "create a new one", "delete the old ones", "add two members to the Sales one": 'one' after these, or after
# them and one word, stands for a thing named before.
_ONE_RE = re.compile(r"\b(?:a|an|the|new|old|another|each|that|this|which|existing)\s+(?:[\w-]+\s+)?ones?\b"
                     r"(?!\s+(?!if\b|when\b|for\b|from\b|to\b|in\b|of\b)[a-z])",  # not 'a new one space'
                     re.IGNORECASE)


def _pronoun_words(text: str) -> list[str]:
    """The clause's words, lower case, but 'IT' (the department) is no 'it'; 'a new one' is 'ones'."""
    return [w.lower() for w in re.findall(r"[A-Za-z]+", _ONE_RE.sub(" ones ", text)) if w != "IT"]


_LABEL_RE = re.compile(r"^([^:]{3,80}:)\s+([A-Za-z-]+)")


def _after_the_label(part: str, index: ScopeIndex) -> list[str]:
    """A clause that opens with a verbless label ("Incident tool: spin up a space ...") as the label,
    kept as context, and what the label introduces: the need starts at the verb after the colon."""
    m = _label(part, index)
    after = m.group(2).lower() if m else ""
    return [m.group(1), part[m.start(2):]] if m and (after in index.lexicon.verb_forms or after in _EVERY) else [part]


_EVERY = frozenset({"all", "every", "each"})  # "Admin report for the site: all meetings hosted by anyone"


def _is_label(part: str) -> bool:
    """Whether a part ends on a colon: a label `_after_the_label` split off, or a line that introduces the
    items after it ("Flow we want:"); either is context, not a need."""
    return part.rstrip().endswith(":")


def opens_with_a_label(part: str, index: ScopeIndex) -> bool:
    """Whether the text opens with a verbless label and goes on with a verb ("New hire flow: create the user")."""
    return len(_after_the_label(part, index)) == 2


def _label(part: str, index: ScopeIndex) -> re.Match[str] | None:
    """The verbless label a text opens with, if any: not one that names a product or, in a few words, a
    resource ("Call queues: read the agents ..."), which says what the clause is about."""
    m = _LABEL_RE.match(part)
    if not m or index.lexicon.product_words(m.group(1).lower()):
        return None
    if any(w.lower().strip(",.;!?()") in index.lexicon.verb_forms for w in m.group(1).split()):
        return None  # "Provisioning:", "admin-run:" stay labels
    said = words(m.group(1))
    names = any(index.lexicon.term(w) in index.resource_terms for w in said)
    return None if names and len(said) <= t.RESOURCE_LABEL_WORDS else m


def _after_the_trigger(part: str, index: ScopeIndex) -> list[str]:
    """A trigger clause that goes on to ask something ("after it ends pull the transcript") as
    the trigger and the need: the need starts at the verb after the trigger's own."""
    if not _TRIGGER_RE.match(part):
        return [part]
    written = _PARENS_RE.sub(" ", part).split()  # "before each town hall our tool (signed in as ...) locks it"
    verbs = [i for i, w in enumerate(written) if i and w.lower().strip(",.;:!?") in index.lexicon.verb_forms]
    if verbs and _WANTS_RE.search(" ".join(written[:verbs[0]])):
        return [" ".join(written[:verbs[0]]), " ".join(written[verbs[0]:])]  # "after the meeting we want to pull"
    if not verbs and (wanted := _WANTS_THING_RE.search(part)):  # "after each meeting we want both the transcript"
        return [part[:wanted.end()], part[wanted.end():]]
    if len(verbs) == 1 and (_APP_ACTS_RE.search(" ".join(written[:verbs[0]]))  # "after each session our tool pulls"
                            or _told_its_state(written, verbs[0])):
        return [" ".join(written[:verbs[0]]), " ".join(written[verbs[0]:])]
    return [" ".join(written[:verbs[1]]), " ".join(written[verbs[1]:])] if len(verbs) > 1 else [part]


_BE = frozenset({"is", "are", "was", "were", "been"})


def _told_its_state(written: list[str], verb: int) -> bool:
    """Whether a trigger says what state its thing is in before the one verb that follows ("once it's stored on
    our side move the recording", "when the meeting is over send a summary"): that verb is the need's, unless it
    is the state itself ("when a message is posted")."""
    said = [w.lower().replace("\u2019", "'") for w in written[1:verb - 1]]
    return not written[verb].lower().endswith("ed") and any(w in _BE or w.endswith("'s") for w in said)


def _without_trigger_tail(part: str, index: ScopeIndex) -> Query:
    """The clause's query, less a trigger at its end when what comes before it asks to do
    something to a topic, or the trigger names nothing the knowledge base has ("mark as read when played": the
    verb then acts on what a clause beside it names; "I get a 403 when listing messages" keeps its tail)."""
    whole = build_query(part, index)
    head = _TRIGGER_TAIL_RE.sub("", part)
    if head == part:
        return whole
    before = build_query(head, index)
    acts = before.intent is not None and set(before.terms) - index.lexicon.verb_terms
    bare = before.intent is not None and not set(build_query(part[len(head):], index).terms) & index.resource_terms
    return replace(before, audiences=whole.audiences) if acts or bare else whole


def _topic_donors(queries: list[Query], verbs: frozenset[str]) -> list[Query | None]:
    """For each clause, the nearest clause after it that names a topic, else the nearest before it: the one a
    clause with only a verb borrows from (worked out once, not searched again for each such clause)."""
    topical = [i for i, q in enumerate(queries) if set(q.terms) - verbs]
    donors: list[Query | None] = []
    for i in range(len(queries)):
        after, before = bisect_right(topical, i), bisect_left(topical, i) - 1
        at = topical[after] if after < len(topical) else topical[before] if before >= 0 else None
        donors.append(queries[at] if at is not None else None)
    return donors


def _referents(told: list[Query], verbs: frozenset[str]) -> list[Query | None]:
    """For each clause, the clause before it that a pronoun in it stands for: that one, or when that one only
    refers back itself, what it stands for ("grab the recording, push it to S3, then remove it"; "list my
    recordings, download them, delete the old ones"); none after a clause that names nothing."""
    referents: list[Query | None] = []
    last: Query | None = None
    for query in told:
        referents.append(last)
        if set(query.terms) - verbs or not refers_back(query.text):
            last = query if query.terms else None
    return referents


def clause_queries(parts: list[str], index: ScopeIndex,
                   apart: frozenset[str] = frozenset()) -> list[tuple[Query, bool, frozenset[str]]]:
    """Each part's query, and whether it refers back to the clause before; a part with only a
    verb borrows the topic of its neighbour, a pronoun borrows the nouns of the clause before,
    who-acts cues said alone hold for all (so does who acts `apart`, said outside these parts), a
    compliance officer named once acts in the clauses after (in all when named alone: "Which
    spark-compliance scopes?"), a pronoun after a trigger ("when a message matches, delete it") borrows
    the trigger's nouns, and an admin, partner or service app named once is handed on to the clauses
    after that name no one ("as admin, read a user's settings and then change them"), until one names
    the user, and back to a clause the one naming it refers to."""
    told = [_without_trigger_tail(p, index) for p in parts]  # what each part names, a trigger's too
    queries = [replace(q, terms={}, intent=None) if q.only_context or _TRIGGER_RE.match(p) or _is_label(p)
               or _tells_an_event(p, index) or _narrows(p, q, index) else q
               for p, q in zip(parts, told)]  # when, whose, or a label: no need
    queries = [_continued(q, queries[i - 1], index) if i else q for i, q in enumerate(queries)]
    shared_cues = frozenset().union(*(q.audiences for q in queries if not q.terms)) | apart
    officer = shared_cues & {"compliance"}  # "compliance officer tool: watch events and delete messages"
    actor: frozenset[str] = frozenset()
    out = []
    verbs = index.lexicon.verb_terms
    webhook = index.lexicon.term("webhook")
    donors = _topic_donors(queries, verbs)
    referents = _referents(told, verbs)
    for i, q in enumerate(queries):
        if set(q.terms) - verbs == {webhook}:
            continue  # "receive a webhook": its scope is the watched resource's, told elsewhere
        if set(q.terms) <= verbs | _actor_terms(q.text, index):  # only a verb ("and list them"): it needs a topic
            donor = donors[i]
            if q.intent is None or donor is None or _ABOUT_SCOPES_RE.search(q.text) or _NOT_DONE_RE.match(q.text):
                continue  # "which scope do I add", "not writing anything": no need of its own
            topic = {term: weight for term, weight in donor.terms.items() if term not in verbs}
            # the neighbour's words in brackets: shown as what the verb acts on ("delete them (read my messages)")
            q = replace(donor, text=f"{q.text} ({donor.text})", intent=q.intent, terms=q.terms | topic)
        terms = q.terms
        referent = referents[i]
        back = referent is not None and refers_back(q.text)
        if back:
            own = set(q.terms) & index.resource_terms  # "DM them": the message is the need, 'them' its object
            if q.intent is None and not own:
                continue  # "I use it daily": about what came before, neither doing nor naming anything
            factor = t.BORROWED_FACTOR / 2 if own else t.BORROWED_FACTOR
            if q.acted_on == index.lexicon.message_term:
                factor *= t.POSTED_CONTENT_FACTOR  # "post a chart of them into the space": them is what is posted
            terms = {term: factor for term in referent.terms if term not in verbs} | q.terms
        officer = officer or q.audiences & {"compliance"}
        handed = frozenset() if q.audiences or officer else actor - {"compliance"}  # an officer named acts on
        actor = q.audiences - {"user"} or (frozenset() if "user" in q.audiences else actor)
        audiences = (q.audiences | shared_cues) or officer or handed
        out.append((replace(q, terms=terms, audiences=audiences), back, handed))
    return _actor_shared_back(out)


def _actor_shared_back(out: list[tuple[Query, bool, frozenset[str]]]) -> list[tuple[Query, bool, frozenset[str]]]:
    """A clause that refers back to the one before acts on what it named, so who acts in it acts there
    too when that one names no one ("list the devices, then delete them from the org as an admin"); not an
    officer, nor an admin beside one ("then as an admin pull the compliance events for those spaces")."""
    for i in range(len(out) - 1, 0, -1):
        (before, back_before, handed), (query, back, _) = out[i - 1], out[i]
        actor = query.audiences - {"user", "compliance"}
        if back and actor and not before.audiences and not query.audiences & {"user", "compliance"}:
            out[i - 1] = (replace(before, audiences=actor), back_before, handed)
    return out


def _continued(query: Query, before: Query, index: ScopeIndex) -> Query:
    """A short verbless part that names a resource ("... to the person's name and department via the People
    API") goes on with the list of the part before: it does what that part does."""
    if query.intent is not None or before.intent is None or not 2 < len(query.text.split()) <= 8:
        return query
    if not set(query.terms) & index.resource_terms or _OBJECT_RE.search(query.text):
        return query  # "message them", "ring each of them": a verb the lists lack acts on someone
    return replace(query, intent=before.intent)


_OBJECT_RE = re.compile(r"\b(?:them|him)\b|(?<!\bfor\s)(?<!\bto\s)\b(?:her|us|me)\W*$", re.IGNORECASE)


def _actor_terms(text: str, index: ScopeIndex) -> set[str]:
    """The terms of the who-acts phrases of two words or more in a clause that name no resource
    ("our compliance officer needs to list"; not "all users"): they say who does it, not to what."""
    joined = " ".join(words(text))
    return {term for cue in index.lexicon.cue_matches(joined) if " " in cue
            for word in cue.split() if (term := index.lexicon.term(word)) and term not in index.resource_terms}


_IN_PARENS_SPLIT_RE = re.compile(r";|\s[+&]\s")


def refers_back(text: str) -> bool:
    """Whether a clause refers back to what was told before it ("then delete them")."""
    return bool(_PRONOUNS & set(_pronoun_words(text)))


def _aside(bracket: str, index: ScopeIndex) -> str:
    """A bracket as one clause: its commas never split it ("(queues, teams, entry points)"), nor do " + ", " & "
    and ";" when it names no resource ("(Flask + pandas)", "(full + site admin)"; not "(recordings + transcripts)")."""
    bracket = bracket.replace(",", " ")
    if set(build_query(bracket, index).terms) & index.resource_terms:
        return bracket
    return _IN_PARENS_SPLIT_RE.sub(" ", bracket)


# "add the customer and the on-call engineer to it": two people added to one place, one need; said as two
# whole clauses ("add the customer to it and add the on-call engineer to it") so the split at "and" keeps both
_SHARED_PLACE_RE = re.compile(
    r"\b(add|adds|adding|invite|invites|inviting|remove|removes|removing|kick|kicks|kicking)\s+"
    r"([^,.;:!?\n]{1,40}?)\s+and\s+([^,.;:!?\n]{1,40}?)\s+(to|into|from|out\s+of)\s+([^,.;:!?\n]{1,40})",
    re.IGNORECASE)


def clause_parts(question: str, index: ScopeIndex) -> list[str]:
    """The question's clauses: split where a new need may start, a bracket kept whole, a label or a trigger
    set apart from the need it introduces."""
    question = _PARENS_RE.sub(lambda m: _aside(m.group(0), index), question)
    question = _SHARED_PLACE_RE.sub(r"\1 \2 \4 \5 and \1 \3 \4 \5", question)
    split = _with_trigger_verbs([p for p in CLAUSE_SPLIT_RE.split(question) if p and p.strip()], index)
    return [q for p in split for label in _after_the_label(p, index) for q in _after_the_trigger(label, index)]


def _with_trigger_verbs(parts: list[str], index: ScopeIndex) -> list[str]:
    """The parts with a bare verb that ends a trigger's event kept in it ("get notified when my meetings start
    and end": the meetings end; nothing is ended)."""
    out: list[str] = []
    for part in parts:
        said = part.split()
        if out and len(said) == 1 and said[0].lower() in index.lexicon.verb_forms and _TRIGGER_TAIL_RE.search(out[-1]):
            out[-1] = f"{out[-1]} and {part.strip()}"
        else:
            out.append(part)
    return out


def clause_needs(question: str, index: ScopeIndex, likeliest: bool = True,
                 skip: Callable[[str], bool] = lambda text: False,
                 actor: frozenset[str] = frozenset()) -> list[Clause]:
    """One need (with the clause it came from) per clause about a distinct scope; examples in
    parentheses ("(queues, teams, entry points)") stay one clause. With `likeliest`, a clause whose
    likeliest reading explains too little states no need (answers); without, any reading that
    passes counts (to doubt an answer that may miss a need). Clauses `skip` tells are read apart; `actor`
    acts in all, when the post says who acts outside the question."""
    parts = clause_parts(question, index)
    if len(parts) < 2:
        return []
    found: list[tuple[int, Clause]] = []
    left: list[tuple[int, Query, list[Ranked]]] = []  # clauses that do something, too weak on their own
    beside: list[tuple[int, Query, list[Ranked]]] = []  # ...and those whose verb acts on their best's resource
    backs: set[int] = set()  # the clauses that refer back to the one before ("then delete them")
    lenient = len(question.split()) <= t.LIST_OF_NEEDS_WORDS  # a list of needs, not a story around one
    before = ""
    for at, (q, refers_back, handed) in enumerate(clause_queries(parts, index, actor)):
        if skip(q.text):
            before = q.text
            continue
        if refers_back:
            backs.add(at)
        clauses, every = [c for _, c in found], index.rank(q)
        theirs = _for_actor(every, handed)  # the candidates for who acts
        ranked = eligible(theirs, q, index, t.CLAUSE_MIN)
        ranked = _best_read(ranked, theirs, [c.need.scope for c in clauses]) if likeliest else ranked
        ranked = ranked if ranked and _states_a_need(ranked[0], q) else []
        ranked = ranked or _acted_on_in(lenient, every, q, index)
        ranked = ranked or (_twin_of(clauses[-1], every, q) if refers_back and clauses else [])
        ranked = ranked or (_named(every) if _BOTH_RE.search(before) else [])
        ranked = prefer_linked(ranked, [c.need.scope for c in clauses])
        if ranked:
            _add(found, at, Clause(best_need(need_text(q.text, index.lexicon.verbs), ranked), q, ranked))
        elif acting := _acting(theirs, q, index):
            left.append((at, q, acting))
        if not ranked and (chosen := _on_its_object(theirs, q, index)):
            beside.append((at, q, chosen))
        before = q.text
    _complete(found, left, beside, index)
    found = _own(found) if not lenient else found
    return _same_actor(_acts_on_the_same(sorted(found, key=lambda pair: pair[0]), backs, index), index)


def _own(found: list[tuple[int, Clause]]) -> list[tuple[int, Clause]]:
    """A story's needs without what it tells someone else does ("the HR team creates the onboarding teams"),
    unless that is all it tells: then the app may do it too."""
    return [(at, c) for at, c in found if not done_by_others(c.query.text)] or found


def _complete(found: list[tuple[int, Clause]], left: list[tuple[int, Query, list[Ranked]]],
              beside: list[tuple[int, Query, list[Ranked]]], index: ScopeIndex) -> None:
    """Clauses too weak on their own that complete the needs found: one that acts on a resource another
    clause reads or changes ("list the groups, then add people to one"), and, beside other needs, one whose
    verb acts on what its best scope is for ("... and create two extra spaces inside it (#design, #backend)"), after
    them and only beside needs the clauses state themselves."""
    stated = bool(found)
    for at, q, acting in left:
        twins = _twins(found, left, at)
        if chosen := [r for r in acting if r.scope.name in twins][:1]:
            _add(found, at, Clause(best_need(need_text(q.text, index.lexicon.verbs), chosen), q, chosen))
    for at, q, chosen in beside if stated else []:  # after every need stated: never the one that leads
        if all(other != at for other, _ in found):
            _add(found, _BESIDE + at, Clause(best_need(need_text(q.text, index.lexicon.verbs), chosen), q, chosen))


_BESIDE = 10_000  # where `_complete` puts the needs it adds beside the stated ones: after all of them


def _acts_on_the_same(found: list[tuple[int, Clause]], backs: set[int], index: ScopeIndex) -> list[Clause]:
    """A clause that refers back to the need before it ("list every recording on the site, then move them to
    the bin") acts on the same things: its scope becomes that need's read/write twin when the twin is among
    its best candidates and its own words chose either another audience's form of it or, close behind, a
    scope of a resource the twin's evidence does not name ("list my call recordings and bin the old ones")."""
    out: list[Clause] = []
    for at, clause in found:
        before = out[-1].need.scope if out else None
        wanted = index.kb.get(before.counterpart or "") if before and at in backs else None
        ranked = index.rank(clause.query)[:t.TWIN_AMONG] if wanted else []
        close = next((r for r in ranked if r.scope == wanted), None)
        if close and all(c.need.scope != wanted for _, c in found) and (
                twin(clause.need.scope, index.kb) == wanted or _same_things(close, ranked[0], clause.query, index)):
            clause = replace(clause, need=replace(clause.need, scope=wanted))
        out.append(clause)
    return out


def _same_things(close: Ranked, best: Ranked, query: Query, index: ScopeIndex) -> bool:
    """Whether the twin `close` does what the clause asks, close behind its best, which names no resource
    the twin's evidence leaves out ("create a space inside that team" keeps the space)."""
    return (_does_as_asked(close, query) and best.score - close.score <= t.RIVAL_MARGIN
            and not (set(best.evidence) - set(close.evidence)) & index.resource_terms)


def _same_actor(clauses: list[Clause], index: ScopeIndex) -> list[Clause]:
    """A clause told who acts ("as admin, list the org's call recordings, then purge them") whose words chose
    another audience's form of a need's read/write twin ("spark:recordings_write") takes the twin: one app
    acts as one actor throughout."""
    found = {c.need.scope for c in clauses}
    counterparts = [s for c in clauses if (s := index.kb.get(c.need.scope.counterpart or ""))]
    out = []
    for clause in clauses:
        own, told = clause.need.scope, _acting_as(clause.query.audiences)
        twins = [twin for twin in counterparts if twin.audience in told and own.audience not in told
                 and twin.name.partition(":")[2] == own.name.partition(":")[2]]
        if twins and twins[0] not in found:
            clause = replace(clause, need=replace(clause.need, scope=twins[0]))
        out.append(clause)
    return out


def _acting_as(audiences: frozenset[str]) -> frozenset[str]:
    """Who acts, with the scopes it authorizes: a service app is authorized with admin scopes."""
    return audiences | {"admin"} if "service-app" in audiences else audiences


def _best_read(ranked: list[Ranked], theirs: list[Ranked], found: list[Scope]) -> list[Ranked]:
    """The clause's candidates that pass its line, when the best of them is about as likely as the
    best candidate for who acts, or is a need found already (the clause goes on with it: "create a
    hunt group and add the staff to it"). Else none: a likelier reading that explains too little
    ("edit a message ... on the user's behalf" reads as spark:messages_write) gives the runner-up no
    need; the rules for clauses that act on a resource they name may still find one."""
    if ranked and (theirs[0].score - ranked[0].score <= t.ALTERNATIVE_MARGIN or ranked[0].scope in found):
        return ranked
    return []


def _add(found: list[tuple[int, Clause]], at: int, clause: Clause) -> None:
    """`clause` among those found, at its place in the question, unless its scope is there already."""
    if all(c.need.scope != clause.need.scope for _, c in found):
        found.append((at, clause))


def _acting(ranked: list[Ranked], query: Query, index: ScopeIndex) -> list[Ranked]:
    """Among a clause's best candidates, those that do what it asks to do and name their resource or
    rest on two words besides the verb: too weak alone, one of them may complete another clause's need."""
    if query.intent is None:
        return []
    return [r for r in ranked[:t.TWIN_AMONG] if r.coverage >= t.TWIN_CLAUSE_MIN and _does_as_asked(r, query)
            and (r.names_resource or len(set(r.evidence) - index.lexicon.verb_terms) >= 2)]


def _twins(found: list[tuple[int, Clause]], left: list[tuple[int, Query, list[Ranked]]], at: int) -> set[str]:
    """The read/write counterparts of the needs found that ask to do something and of the other weak
    clauses' best scopes: a clause that acts on a resource another clause reads or changes completes it."""
    scopes = [c.need.scope for _, c in found if c.query.intent] + [acting[0].scope for other, _, acting in left
                                                                    if other != at]
    return {s.counterpart for s in scopes if s.counterpart}


def _for_actor(ranked: list[Ranked], handed: frozenset[str]) -> list[Ranked]:
    """The candidates of a clause whose actor was handed on from a clause before: an admin or a
    partner named earlier never makes a later clause a compliance officer's."""
    return [r for r in ranked if r.scope.audience != "compliance"] if handed else ranked


def without_calls(prose: str, calls: list[str]) -> str:
    """The prose with its pasted calls left out: what the words say beside them."""
    for call in calls:
        prose = prose.replace(call, " ")
    return prose


def asks_beyond(words: str, found: set[Scope], index: ScopeIndex) -> bool:
    """Whether the words beside a post's pasted calls (`without_calls`) have a clause that asks for a scope the
    calls did not give ("... GET /v1/meetings, and then archive their recordings"): they may miss a need."""
    return any(c.need.scope not in found for c in clause_needs(words, index, likeliest=False))


def _states_a_need(best: Ranked, query: Query) -> bool:
    """A clause states a need when it asks to do something, names its best scope's resource, or
    holds more than one word of it; one side word ("I test it on my mac") is context."""
    return query.intent is not None or best.names_resource or len(best.evidence) > 1


def _twin_of(before: Clause, ranked: list[Ranked], query: Query) -> list[Ranked]:
    """A clause that acts on what the clause before named ("list the subscriptions and create a
    new one") needs that need's read/write twin, when the twin is among its best."""
    twin = before.need.scope.counterpart
    return [r for r in ranked[:t.TWIN_AMONG] if twin and r.scope.name == twin and r.scope.access == query.intent]


# "both the summary and the transcript", "either the recording or the notes": the second is a need as the first is
_BOTH_RE = re.compile(r"(?:^|\s)both\s+(?:the\s+|my\s+|our\s+|their\s+)?\S+", re.IGNORECASE)


def _named(ranked: list[Ranked]) -> list[Ranked]:
    """The best candidate when it names its resource with enough of the clause (the second of a pair)."""
    return [r for r in ranked[:1] if r.names_resource and r.coverage >= t.CLAUSE_NAMED_MIN]


def _acted_on_in(listed: bool, ranked: list[Ranked], query: Query, index: ScopeIndex) -> list[Ranked]:
    """`_acted_on` in a list of needs, or on the larger share a story's clause needs; not when the
    story's clause tells what someone else does."""
    if not listed and done_by_others(query.text):
        return []
    return _acted_on(ranked, query, index, t.CLAUSE_NAMED_MIN if listed else t.STORY_ACTED_MIN)


def _on_its_object(ranked: list[Ranked], query: Query, index: ScopeIndex) -> list[Ranked]:
    """The best candidate when the clause's verb acts on the resource it is for ("create two extra spaces
    inside it", "post that link into the team space"), leads and explains a little of the clause: enough to
    complete a post whose other clauses state needs, not to answer alone."""
    if query.intent is None or done_by_others(query.text) or not ranked:
        return []
    on_it = [r for r in ranked[:2] if query.acted_on in index.named_for(r.scope)]
    if len(on_it) == 2 and on_it[0].score - on_it[1].score <= t.ALTERNATIVE_MARGIN:
        return []  # two scopes for it tie ("resolve each user id"): a later clause may tell which
    return [r for r in on_it[:1] if r is ranked[0] and _does_as_asked(r, query) and r.coverage >= t.OBJECT_ACTED_MIN]


def _acted_on(ranked: list[Ranked], query: Query, index: ScopeIndex, minimum: float) -> list[Ranked]:
    """A clause that does something to a resource it names ("create a team for each project")
    is a need however much else it says, given `minimum` of the clause (more in a long story than
    in a list of needs); the best such candidate, if any."""
    if query.intent is None:
        return []
    return [r for r in _named(ranked) if _does_as_asked(r, query) and r.coverage >= minimum
            and not set(r.evidence) <= index.generic_verbs]


def _does_as_asked(candidate: Ranked, query: Query) -> bool:
    """Whether the candidate's access is what the clause asks to do (read, or write)."""
    return candidate.scope.access in (query.intent, "read-write")


def prefer_linked(ranked: list[Ranked], found: list[Scope]) -> list[Ranked]:
    """Among near-ties, the scope that needs already found link to, their counterparts first: after "create a
    space", "add people" means the space's members, not a meeting's invitees; after "list my call recordings",
    "recycle-bin the old ones" changes call recordings, not the related meeting recordings."""
    counterparts = {s.counterpart.lower() for s in found if s.counterpart}
    linked = {name.lower() for s in found for name in s.related} | counterparts
    families = {_family(s) for s in found} - {""}
    for tells in (lambda r: r.scope.key in counterparts,
                  lambda r: r.scope.key in linked or _family(r.scope) in families):
        if not ranked or tells(ranked[0]):
            return ranked
        if near := next((r for r in _near_ties(ranked) if tells(r)), None):
            return [near] + [x for x in ranked if x is not near]
    return ranked


def _near_ties(ranked: list[Ranked]) -> list[Ranked]:
    """The candidates after the first that score within ALTERNATIVE_MARGIN of it."""
    return [r for r in ranked[1:] if ranked[0].score - r.score <= t.ALTERNATIVE_MARGIN]


def _family(scope: Scope) -> str:
    """The product a scope's name opens with when it names one ("wholesale" in
    spark-admin:wholesale_customers_write): its subscribers are Wholesale subscribers too."""
    first = scope.name.partition(":")[2].split("_")[0]
    return first if first in _FAMILIES else ""


_FAMILIES = frozenset({"wholesale", "broadworks"})  # partner products whose resources share names
