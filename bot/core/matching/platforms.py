"""Questions about another product's scopes or bots (Slack, Discord, Microsoft Teams...) are
not about Webex, however much they share its words (channels, messages, bots); questions about
using the Webex app are not about an integration's scopes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from bot.core.knowledge import Vocabulary
from bot.core.matching import tuning as t
from bot.core.matching.calls import CHAIN_RE, URL_RE
from bot.core.matching.evidence import SCOPE_NAME_RE, asks_for_more, reports_failure
from bot.core.matching.lexicon import any_of
from bot.core.matching.normalise import sentences_of

if TYPE_CHECKING:
    from bot.core.matching.question import Question

_SCOPE_ASKED_RE = re.compile(r"\b(?:scopes?|permissions?|40[13]|forbidden|unauthori[sz]ed|api\s+access"
                             r"|(?:which|what)\s+access)\b", re.IGNORECASE)
# What a limit question says of when or through which call it meets the limit is no action asked for:
# "the max size of the text when posting a message", "max length via POST /v1/messages".
_WHEN_RE = re.compile(r"\b(?:when|while|whenever)\b[^?.!]*", re.IGNORECASE)
# "we don't use any APIs or integrations", "I'm not using any API": developer words denied are none
_DENIED_RE = re.compile(r"\b(?:not|don't|dont|do\s+not|never)\s+(?:\w+\s+){0,2}?(?:use|using|involve|involving|touch)"
                         r"(?:\s+(?:any|an|the|our))?(?:\s+(?:apis?|integrations?|sdks?|bots?|code|or|and))+\b")
# "how many buttons can a card have", "how many failures before it is disabled", "how many messages per minute":
# a limit; "how many licenses are left per type", "how many users do we have, and can my app list them" count data
_HOW_MANY_CAN_RE = re.compile(
    r"\bhow\s+many\b(?:[^?.!,;]|\.(?=\w))*?\b(?:(?:can|could)\s+(?:\w+\s+){0,3}?(?:have|hold|contain|take|create"
    r"|register|schedule|send|post)|before|at\s+once|at\s+most|allowed"
    r"|per\s+(?:second|minute|hour|day|week|month))\b", re.IGNORECASE)
# "is there a scope or tier that raises the rate limit?": a scope asked of as a way past a limit, not for access
_PAST_A_LIMIT_RE = re.compile(r"\b(?:scopes?|permissions?)\b[^?.!]{0,40}?\b(?:raises?|increases?|lifts?|bypass(?:es)?"
                              r"|higher)\b", re.IGNORECASE)
_CALL_RE = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE)\s+\S+")
_CLAUSE_RE = re.compile(r",\s*(?:and|but|or)\s+|;\s*", re.IGNORECASE)  # "is there a max per user, and how can I ..."
_BRACKETS_RE = re.compile(r"\([^()]*\)")
# "Why did my webhook get disabled?", "What's the max page size?", "Does Webex retry?", "Can I rename my app?",
# "Which date formats does it accept?": a question about how something behaves that no scope answers
_BEHAVIOUR_RE = re.compile(
    r"\bwhy\s+(?:did|does|do|was)\b|\bwhat(?:'s|\s+is)\s+(?:the\s+)?(?:max|maximum"
    r"|limit|difference)\b|\bwhat(?:'s|\s+is)\s+wrong\b|\bwhat\s+am\s+i\s+doing\s+wrong\b|\bis\s+there\s+(?:a|any)\s+"
    r"(?:limit|cap|max|sandbox|free|trial)\b|\bdoes\s+webex\s+(?:retry|resend|support|encrypt|charge)\b"
    r"|\bcan\s+(?:i|we)\s+(?:rename|reuse|rotate|extend)\b"
    r"|\bis\s+(?:this|that|it)\s+(?:by\s+design|expected|normal|a\s+bug)\b"
    r"|\bwhat\s+happens\s+(?:if|when)\b|\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?formats?\s+(?:does|do|is|are)\b",
    re.IGNORECASE)
# "What happens if my app adds a person twice?": the action is the case asked about, not one asked to be done
_CASE_ASKED_RE = re.compile(r"\bwhat\s+happens\s+(?:if|when)\b[^?.!]*", re.IGNORECASE)
# "the recordings are missing from the response", "the list comes back empty", "it can't post": data the app does
# not get or an action it cannot do, as a refusal often shows
_FAILS_OR_EMPTY_RE = re.compile(r"\b(?:missing|empty|nothing|blank|no\s+(?:results|items|data|records)"
                                  r"|only\s+(?:see|sees|get|gets|returns?)|can'?t|cannot|unable|fails?|failed|error)\b",
                                  re.IGNORECASE)
# A product named as where the app runs or is built: "hosted on AWS", "deployed to our k8s cluster", "a GitLab
# job", "a GitHub Action"; not as what it asks about ("my GitHub app", "a Slack bot")
_RUNS_THERE_RE = re.compile(r"\b(?:host(?:ed|ing)?|runs?|running|deploy(?:ed)?|lives?|sits?)\s+(?:is\s+|are\s+)?"
                            r"(?:on|in|to|at|from)?\s*(?:(?:an?|the|our|my|their)\s+)?(?:own\s+)?$")
_RUNS_ON_RE = re.compile(r"\s+(?:clusters?|pipelines?|jobs?|ci|runners?|actions?|lambdas?|functions?|instances?"
                         r"|servers?|buckets?|vms?|containers?|pods?|workflows?)\b")
# "a helper for people moving off Slack", "we migrated from Zoom": the product left behind is not the subject
_LEFT_RE = re.compile(r"\b(?:mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|switch(?:es|ed|ing)?|com(?:e|es|ing)|came)"
                      r"\s+(?:off|away\s+from|over\s+from|from)\s+(?:of\s+)?$")
_WEBEX_SCOPE_ASKED_RE = re.compile(r"\bwebex\s+(?:scopes?|permissions?|side)\b", re.IGNORECASE)
_HOW_TO_RE = re.compile(r"^\W*how\s+(?:do|can|could|would|should)\s+(?:i|we|you)\b|^\W*how\s+to\b", re.IGNORECASE)
# "Where in Control Hub do I ...", "Where can I see my org ID in Control Hub?", "How do I give someone a role in
# Control Hub?": a click path in the admin portal
_WHERE_IN_HUB_RE = re.compile(r"^\W*(?:where\b.*\bcontrol\s*hub\b|how\s+(?:do|can|could|should)\s+(?:i|we)\b.*"
                              r"\b(?:in|from)\s+(?:the\s+)?control\s*hub\b)", re.IGNORECASE)


# "scopes etc. are already sorted", "permissions are fine", "(X is granted, creation works)", "posting works
# fine", "not a permissions problem", "we already have all the scopes we need", "my token is fine": the post says
# its access is in place; "400 Bad Request", "409 Conflict", "429 Too Many Requests": the API let the call in and
# refused it for something no scope changes
_ACCESS_FINE_RE = re.compile(
    r"(?:(?<!which )(?<!what )\b(?:scopes?|permissions?)\b(?:[^.!?]|etc\.){0,30}?\b(?:are|is|seem|seems)\s+"
    r"(?:all\s+|already\s+|definitely\s+)?(?:fine|ok|okay|sorted|good|correct|in\s+place"
    r"|not\s+the\s+(?:issue|problem))\b"
    r"|\b(?:scopes?|permissions?)\s+(?:isn'?t|aren'?t)\s+the\s+(?:issue|problem)\b"
    r"|\bis\s+granted\b[^.!?]{0,30}?\bworks\b|\bworks\s+fine\b|\bit\s+works\b"
    r"|\b(?:not|isn'?t|is\s+not)\s+(?:an?\s+)?(?:scopes?|permissions?|access)\s+(?:problem|issue|question|thing)\b"
    r"|\bnothing\s+to\s+do\s+with\s+(?:the\s+)?(?:scopes?|permissions?)\b"
    r"|\b(?:i|we|it)\s+(?:already\s+)?(?:have|has)\s+(?:all\s+)?the\s+(?:scopes?|permissions?)\s+(?:i|we|it)\s+need\b"
    r"|\b(?:access\s+)?token\s+(?:is|seems)\s+(?:fine|ok|okay|good|valid)\b|\bworks\s+(?:great|perfectly|well)\b"
    r"|\b\w+ing\s+(?:\w+\s+){0,3}?works(?=\s*[(,;])"  # "downloading files works (GET ...)"
    r")(?![^.!?]*\?)"  # not asked: "which scope is correct?"
    r"|\b(?:400\s+bad\s+request|409\s+conflict|429\s+too\s+many\s+requests)\b",  # the API let the call in
    re.IGNORECASE)
# "I have spark:messages_write.", "my token has spark:people_read;", "with spark:rooms_read, can I sort ...": a scope
# held, in place for what it covers
_HOLDS_SCOPE_RE = re.compile(r"\b(?:(?:i|we)\s+(?:already\s+)?(?:have|hold)|(?:my|our|the)\s+token\s+has)\s+"
                             + SCOPE_NAME_RE.pattern + r"(?=\s*[.;])|(?:^|(?<=[.!?]\s))\s*with\s+"
                             + SCOPE_NAME_RE.pattern + r"\s*,", re.IGNORECASE)
# "the formatting is the problem", "the mention is the issue": the post names what is wrong, and it is no access
_OTHER_PROBLEM_RE = re.compile(r"\bthe\s+(?!scopes?\b|permissions?\b|token\b|access\b|auth\w*\b|roles?\b)\w+\s+is"
                               r"\s+the\s+(?:issue|problem)\b", re.IGNORECASE)
# "GET /v1/people/me works, how do I parse the JSON?": the call shown works; it covers only what it reads or changes
_CALL_WORKS_RE = re.compile(_CALL_RE.pattern + r"\s+(?:works|worked|is\s+working)\b")
# "listing works fine, just dial doesnt", "but posting is not allowed": something still fails
_STILL_FAILS_RE = re.compile(r"\b(?:but|however|except|just|only)\b[^.!?]*\b(?:not|never|no)\b|\bcannot\b"
                             r"|\b(?:does|do|did|is|are|was|wo|ca|could|would)n'?t\b", re.IGNORECASE)


# Microsoft Graph's permission names: a resource, a dotted Read or ReadWrite and an optional reach
# ("Chat.ReadWrite", "Presence.Read.All", "ChannelMessage.Read.Group"); xAPI paths read no such verb.
_GRAPH_PERMISSION_RE = re.compile(r"\b[A-Z][A-Za-z]+\.(?:Read|ReadWrite|ReadBasic)(?:\.(?:All|Group|Chat|Shared))?\b")


def asks_for_access(text: str) -> bool:
    """Whether the text names a scope, a permission or a 401/403, other than as a way past a limit or as
    access said to be in place ("scopes etc. are already sorted")."""
    return bool(_SCOPE_ASKED_RE.search(_ACCESS_FINE_RE.sub(" ", _PAST_A_LIMIT_RE.sub(" ", text))))


# "can I add spark-admin:people_read to the bot token?", "give the bot X": a scope asked for, whatever works already
_ASKS_TO_ADD_RE = re.compile(r"\b(?:add|give|grant|request|enable|assign)\b[^.?!]{0,30}?" + SCOPE_NAME_RE.pattern)


def access_settled(q: "Question", covered: bool, names_resource: Callable[[str], bool]) -> str | None:
    """Why a post that says its scopes are in place asks about something else, or None: it reports no
    failure, and its asking sentences ask nothing of scopes, nothing more ("what else ...?"), and about
    no resource beyond what the scopes it names cover (`covered`), and ask for no scope to be added ("posting
    works fine. Can I add spark-admin:people_read to the bot's token?" asks about that scope). A scope said to
    be held settles only what it covers; a call said to work, only a question that names no other resource."""
    found, beyond = _ACCESS_FINE_RE.search(q.text), q.asking
    if found is None and (found := _HOLDS_SCOPE_RE.search(q.text)) and not covered:
        return None  # "We have meeting:schedules_read. How do I reschedule?": a need beyond the scope held
    if found is None and (found := _OTHER_PROBLEM_RE.search(q.text)):
        covered = True  # what the post names as wrong is no access: the resources it names are not asked about
    if found is None and (found := _CALL_WORKS_RE.search(q.text)):
        covered, beyond = False, _CALL_WORKS_RE.sub(" ", q.asking)  # a resource named beside the call is another
    if (found is None or reports_failure(q.text) or _STILL_FAILS_RE.search(q.text) or asks_for_access(q.asking)
            or asks_for_more(q.asking) or (names_resource(beyond) and not covered)
            or _ASKS_TO_ADD_RE.search(q.asking)):
        return None
    return f"you say the scopes are in place (\"{found.group(0)}\"); this asks about something else"


# "our mobile app", "a little desktop app", "desktop app for me": an app being built, not the Webex app
_OUR_APP_RE = re.compile(r"\b(?:our|their|a|an)\s+(?:own\s+)?(?:\w+\s+)?(?:desktop|mobile)\s+apps?\b"
                         r"|\b(?:desktop|mobile)\s+apps?\s+for\s+(?:me|us|myself|ourselves)\b")


class PlatformFinder:
    """Says which other product a question is about, when it names one and not Webex."""

    def __init__(self, vocab: Vocabulary):
        self._others = any_of(vocab.other_platforms)
        self._hosting = frozenset(vocab.hosting_platforms)
        chats = [p for p in vocab.other_platforms if p not in self._hosting]
        # a sentence that opens in another product ("In Slack, which bot token scope ...?") asks about its side
        self._opens_there = re.compile(r"^\W*(?:in|on|for|over\s+in)\s+(?:the\s+)?(?P<product>"
                                       + "|".join(re.escape(p) for p in chats) + r")\b") if chats else None
        self._webex = any_of(vocab.webex_words)
        self._app_usage = any_of(vocab.app_usage_cues)
        self._developer = any_of(vocab.developer_words)
        self._actions = any_of(vocab.app_actions)
        self._sides = any_of(vocab.other_platform_sides)
        self._facts = any_of(vocab.platform_fact_cues)
        self._coding = any_of(vocab.programming_cues)

    def other_side(self, asking: str) -> str | None:
        """Another product's API named in a sentence that asks ("for the Zoom side I need ...", "In Slack, which
        scope ...?"), whatever the rest of the message says of Webex; not in one that asks for a Webex scope too
        ("which delegated permission in Graph reads the calendar, and which Webex scope creates the meeting?")."""
        sides = [p for p in (self._sides, self._opens_there) if p is not None]
        return next((found.groupdict().get("product") or found.group(0) for sentence in sentences_of(asking.lower())
                     for pattern in sides
                     if (found := pattern.search(sentence)) and not _WEBEX_SCOPE_ASKED_RE.search(sentence)), None)

    def other_platform(self, text: str) -> str | None:
        """The other product a question names as its subject, when it names no Webex word; a hosting
        product named only as where the app runs or is built ("hosting is our own k8s cluster", "a GitLab
        job") is not its subject, a chat product always is ("our community is hosted on Discord"). A
        Microsoft Graph permission ("CallRecords.Read.All") names Microsoft Graph."""
        lowered = text.lower()
        if self._webex and self._webex.search(lowered):
            return None
        if _GRAPH_PERMISSION_RE.search(text):
            return "Microsoft Graph"
        if self._others is None:
            return None
        return next((found.group(0) for found in self._others.finditer(lowered)
                     if not _LEFT_RE.search(lowered[:found.start()])  # "people moving off Slack"
                     and (found.group(0) not in self._hosting or not (_RUNS_ON_RE.match(lowered, found.end())
                     or _RUNS_THERE_RE.search(lowered[max(0, found.start() - t.RUNS_THERE_REACH):found.start()])))),
                    None)

    def speaks_of_building(self, text: str) -> bool:
        """Whether the text names Webex or speaks of building against an API ("scope", "integration")."""
        lowered = text.lower()
        return any(found is not None and found.search(lowered) for found in (self._webex, self._developer))

    def app_usage(self, text: str) -> str | None:
        """The phrase that shows a question is about using the Webex app ("on my Mac"), when no
        word says it is about building against the API ("scope", "integration")."""
        lowered = _OUR_APP_RE.sub(" ", text.lower())
        found = self._app_usage.search(lowered) if self._app_usage else None
        said = self._app_usage.sub(" ", _DENIED_RE.sub(" ", lowered)) if found else ""  # "not using any API" is none
        if found is None or (self._developer and self._developer.search(said)):
            return None
        return found.group(0)

    def answered_elsewhere(self, q: "Question", words_only: bool, sure: bool,
                           acts: Callable[[str], bool]) -> str | None:
        """Why a question is not about an integration's scopes, or None: read only from its words,
        it asks how to use the Webex app (unless those words point surely at a scope); or the
        sentences that ask ask for a documented limit or lifetime and name no scope, and the others
        ask for nothing to be done (`acts` tells whether a text asks to do something to a resource);
        or it tells of a programming matter, asks for nothing to be done and says nothing of access; or it
        asks how something behaves in a shape no scope answers ("is there a sandbox?", "is this by design?"),
        with no call, scope or guidance topic, nothing said to fail or come back missing, and nothing done to a
        resource anywhere in the post."""
        if words_only and (usage := (None if sure else self.app_usage(q.text)) or self.how_to_use(q.text)):
            return f"this reads as a question about using the Webex app or Control Hub (\"{usage}\"), not about the " \
                   "scopes an integration needs"
        if not q.named and (fact := self.platform_fact(q.asking)) and not acts(self._others_asked(q.asking)):
            return f"this asks about a limit or a fact the Webex docs state (\"{fact}\"), not about the scopes an " \
                   "integration needs"
        cue = self.programming(q.text)  # "gives a CORS error. How do I get around it?"
        # the addresses and calls a programming question shows are what it works on ("pull id and title out of
        # curl URL output", "api.messages.list(roomId=x) is slow, can I cache it?")
        shown = _CALL_RE.sub(" ", CHAIN_RE.sub(" ", URL_RE.sub(" ", q.asking))).lower()
        if (not q.named and cue and not acts(self._coding.sub(" ", shown))
                and not asks_for_access(q.text)):
            return f"this asks a programming question (\"{cue}\"), not about the scopes an integration needs"
        if (not q.named and not q.topics and not q.calls and (asked := _BEHAVIOUR_RE.search(q.asking))
                and not asks_for_access(q.text) and not _FAILS_OR_EMPTY_RE.search(q.text)
                and not acts(_CASE_ASKED_RE.sub(" ", q.prose))):
            return f"this asks how something behaves (\"{asked.group(0)}\"), not about the scopes an integration needs"
        return None

    def programming(self, text: str) -> str | None:
        """The phrase that shows a text is about general programming ("cors"), if any."""
        found = self._coding.search(text.lower()) if self._coding else None
        return found.group(0) if found else None

    def _others_asked(self, asking: str) -> str:
        """The sentences and clauses that ask, less those about a limit ("how long is a token valid? also
        list the rooms"), when or through which call a limit is met, and options in brackets ("how do
        people handle this (split into several messages?)")."""
        parts = [c for s in sentences_of(asking) for c in _CLAUSE_RE.split(s)]
        others = " ".join(p for p in parts if not self.platform_fact(p))
        return _CALL_RE.sub(" ", _WHEN_RE.sub(" ", _BRACKETS_RE.sub(" ", others)))

    def platform_fact(self, text: str) -> str | None:
        """The phrase that shows a text asks about a documented limit or lifetime ("max size",
        "how long is ... valid"), when it asks nothing of scopes, permissions or a refusal."""
        lowered = " ".join(text.lower().split())
        found = (self._facts.search(lowered) if self._facts else None) or _HOW_MANY_CAN_RE.search(lowered)
        return found.group(0) if found and not asks_for_access(lowered) else None

    def how_to_use(self, text: str) -> str | None:
        """A short "how do I ... in Webex" about something a person does in the app, or "where in Control Hub ..."
        and "how do I ... in Control Hub", with no word of building against the API ("how do i mute in webex"),
        asks how to use the app or the admin portal, however clear the scope its words suggest."""
        lowered = " ".join(text.lower().split())
        if len(lowered.split()) > t.HOW_TO_USE_MAX_WORDS or (self._developer and self._developer.search(lowered)):
            return None
        in_the_app = (_HOW_TO_RE.search(lowered) and self._webex and self._webex.search(lowered)
                      and self._actions and self._actions.search(lowered))
        return lowered.rstrip("?!. ") if _WHERE_IN_HUB_RE.search(lowered) or in_the_app else None
