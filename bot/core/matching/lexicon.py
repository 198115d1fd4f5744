"""The domain language the engine reads questions with, built once from the knowledge base's
vocabulary: index terms, read/write verbs, who-acts cues, compare and reverse-lookup cues."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.core.knowledge import Vocabulary
from bot.core.matching import tuning as t
from bot.core.matching.language import glossary_of
from bot.core.text import STOPWORDS, Speller, stem, words

# Words that only say who acts or how; they steer audience/access, not the topic.
# ...and "custom" (a custom widget, custom tags) and "customize", whose stem is the customer's ("customize"
# still asks to change something, as a verb that names no topic)
_CUSTOM = frozenset({"custom", "customize", "customized", "customise", "customised", "customizing", "customising",
                     "customization", "customisation"})
NON_TOPICAL = frozenset({"admin", "administrator", "read", "write", "rw", "all", "behalf"}) | _CUSTOM
# After these a verb form is a noun: "an issue", "in order to", "the end", "my post".
# "non-admin", "not an admin", "we're definitely not doing any admin stuff", "I don't have any admin role",
# "nobody's an admin" (but not "no one is admin except me")
_NOT_ADMIN_RE = re.compile(r"\b(?:non|not|without|no|nothing|never|t"
                           r"|(?:nobody|no one)(?: s| is)(?!(?: \w+){0,3} (?:except|but|besides|apart)))"
                           r"(?: (?:an?|the|any|have|has|got|doing|really|"
                           r"definitely|even|actually|real)){0,3} (?:full |control hub |site |org |webex )*"
                           r"admin(?:istrator)?s?\b"
                           r"(?: (?:or )?(?:org|organization|company) wide)?"  # "no admin/org-wide webhook"
                           r"|\b(?:t|not|no|never)(?: [\w-]+){0,6}? (?:anything|any) admin\w*"  # "or anything admin"
                           r"|\b(?:t|not|no|never)(?: [\w-]+){0,3}? (?:spark )?admin (?:anything|stuff)\b")  # "spark-admin anything"
# "regular employees get errors", "normal users hit a 403", "for normal users the app fails": people with no
# admin role are the ones refused (not "creating normal users", where they are what an admin acts on)
_FAILS = r"(?:403|401|errors?|fail\w*|forbidden|denied|can t|cannot|unable|not able|aren t able|don t have access)"
_PLAIN_USERS = r"(?:regular|normal|ordinary) (?:users?|employees?|staff)\b"
_PLAIN_USERS_ACT_RE = re.compile(rf"\b{_PLAIN_USERS}(?: \w+){{0,8}}? {_FAILS}\b"
                                 rf"|\bfor {_PLAIN_USERS}(?: \w+){{0,6}}? {_FAILS}\b")
# "not compliance officer, just admin", "no compliance role": the officer does not act
_NOT_OFFICER_RE = re.compile(r"\b(?:non|not|without|no|never|t)(?: (?:an?|the|any|have|has|a|really|using|as)){0,2}"
                             r" compliance(?: officers?| roles?)?\b")
# "for all users, not just my own": beyond the user's own, so neither a word of the need nor a user cue
# "does this need an admin scope?", "whether it requires admin permissions", "we don't want admin scopes": a
# kind of scope in doubt or refused, not who acts ("we want admin permissions to list devices" says who does)
_ADMIN_SCOPE_DOUBTED_RE = re.compile(
    r"\b(?:if|whether|does|do|would|will)\b(?: [\w-]+){0,4}? (?:need|needs|require|requires) (?:an? |any )?"
    r"admin(?:[- ]level)? (?:scopes?|permissions?)\b"
    r"|\bis an? admin(?:[- ]level)? scope (?:needed|required)\b"
    r"|\b(?:don t want|do not want|without|no|avoid|rather not) (?:any )?admin(?:[- ]level)? scopes?\b")
BEYOND_OWN_RE = re.compile(r"\bnot\s+(?:just|only)\s+(?:(?:my|our|their|his|her)\s+own|mine|ours)\b", re.IGNORECASE)
# "any space I'm in" is one of the user's own spaces, not any space of the organization
_OWN_SPACES_RE = re.compile(r"\bany (?:space|room)s? (?:that )?(?:i|we|they|the (?:[\w-]+ ){0,2}users?|he|she) "
                            r"(?:(?:m|am|re|are|is) (?:a member of|in)|belongs? to|(?:has|have) joined)\b")
# "everyone waiting in the lobby", "everybody in the meeting": the people gathered there, not the whole org
_GATHERED_RE = re.compile(r"\b(?:everyone|everybody)(?= (?:who (?:is|are) )?(?:waiting\b|(?:in|on) "
                          r"(?:the|my|our|this|that|a|each) (?:[a-z]+ )?"  # "in a [membership] space"
                          r"(?:lobby|meeting|call|space|room|team|channel|webinar)\b))")
# "turning it into an integration for other users": an app other users sign in to, each for themself
_USED_BY_OTHERS_RE = re.compile(r"\b(?:app|apps|integration|integrations|tool|tools) for other users\b")


def _without_false_cues(joined: str) -> str:
    """The words less those that only look like who acts: "not just my own", "any space I'm in", "everyone in the
    lobby", "an app for other users"."""
    joined = BEYOND_OWN_RE.sub(" ", _NOT_OFFICER_RE.sub(" ", _ADMIN_SCOPE_DOUBTED_RE.sub(" ", joined)))
    return _USED_BY_OTHERS_RE.sub("app for users", _OWN_SPACES_RE.sub("my space", _GATHERED_RE.sub("people", joined)))


_EVENT_NOUNS = frozenset({"changes", "updates", "edits"})  # "membership changes"
# A post that opens with one of these tells first when something happens ("after each meeting ends we pull
# the transcript"): the first of these verbs is that event, unless the asker does it, and the need comes after it
_TRIGGER_OPENERS = frozenset({"when", "whenever", "after", "once"})  # or "each time", "every time"; not "as a host"
_ASKERS = frozenset({"i", "we", "you"})
_EVENT_VERBS = frozenset({"end", "ends", "ended", "start", "starts", "started", "join", "joins", "joined", "begin",
                          "begins", "finish", "finishes", "finished", "leave", "leaves", "left"})
_NOUN_MAKERS = frozenset({"a", "an", "the", "this", "my", "our", "your", "their", "its", "in", "no",
                          "any", "some", "each", "every"})
# After these a verb form tells a state: "which scope is correct", "the forwarding is set".
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# what a yes-no question with no verb that acts asks of a setting: whether it is on, off, enabled, set
_A_STATE = frozenset({"on", "off", "enabled", "disabled", "active", "set"})


def _asks_a_state(raw: list[str], found: tuple[int, str] | None, participles: frozenset[str]) -> str | None:
    """A yes-no question about a setting's state asks to read it: "is DND on for me?" (no verb that acts), "is
    call forwarding enabled for my line?" (its verb a participle)."""
    if raw[:1] not in (["is"], ["are"]):
        return None
    said = raw[found[0]] in participles if found else any(w in _A_STATE for w in raw[2:])
    return "read" if said else None


def _doubles(verb: str) -> bool:
    """Whether a verb doubles its last consonant before an ending: set -> setting, drop -> dropped."""
    return len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou"


def inflections(verb: str) -> set[str]:
    """A verb's present forms: list, lists, listing; create, creating; set, setting; copy, copies."""
    forms = {verb, verb + "s", verb + "es", verb + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    if verb.endswith("y"):
        forms.add(verb[:-1] + "ies")
    if _doubles(verb):
        forms.add(verb + verb[-1] + "ing")
    return forms


# The passive with "get" ("the digest gets posted into the space"): its "get" is no read
_GETS = frozenset({"get", "gets", "got", "getting", "gotten"})
# ...when a thing gets done somewhere ("gets posted into the space", "gets deleted after 90 days"); not an adjective
# before its noun ("get registered devices") nor a person getting something ("we got rejected")
_AFTER_PASSIVE = frozenset({"", "into", "to", "in", "on", "onto", "from", "by", "as", "at", "after", "automatically",
                            "right", "immediately", "straight", "once", "every", "each", "there", "too", "and",
                            "back"})
_GETTERS = frozenset({"i", "we", "you", "they", "he", "she", "me", "us"})
_RELATIVES = frozenset({"that", "which", "who", "what"})  # "every message that gets posted there": which ones
_WHEN = frozenset({"when", "whenever", "if", "time"})  # "... notice when / every time the user gets added": the event
_IRREGULAR_PARTICIPLES = {"send": "sent", "make": "made", "put": "put", "set": "set", "write": "written",
                          "build": "built", "run": "run", "hold": "held"}


def _names_a_thing(word: str, verb_forms: Mapping[str, str]) -> bool:
    """Whether a word after a resource word is a noun the resource word describes ("recording link")."""
    return (word.isalpha() and word not in STOPWORDS and word not in _PLACING and word not in verb_forms
            and not word.endswith("ly"))


def participles(verb: str) -> set[str]:
    """A verb's past participle: posted, created, dropped, copied, and the irregular ones (sent, made)."""
    if verb in _IRREGULAR_PARTICIPLES:
        return {_IRREGULAR_PARTICIPLES[verb]}
    if verb.endswith("e"):
        return {verb + "d"}
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        return {verb[:-1] + "ied"}
    forms = {verb + "ed"}
    if _doubles(verb):
        forms.add(verb + verb[-1] + "ed")
    return forms


_UNSPACED_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff]")  # Japanese or Chinese: words are not spaced


def any_of(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for any of the phrases, as whole words where the script spaces its words
    (None for no phrases)."""
    if not phrases:
        return None
    spaced = [re.escape(p) for p in phrases if not _UNSPACED_RE.search(p)]
    unspaced = [re.escape(p) for p in phrases if _UNSPACED_RE.search(p)]
    parts = ([r"(?<![\w.])(?:" + "|".join(spaced) + r")(?![\w])"] if spaced else []) + unspaced
    return re.compile("|".join(parts))


# A verb form right before one of these names a kind of it: an access token, a refresh token.
_NOUNS_NAMED_BY_VERBS = frozenset({"token", "tokens"})
# what a lookup verb turns into another: "resolve emails to users", "map numbers to people"
_IDS_OR_NAMES = frozenset({"id", "ids", "uuid", "uuids", "name", "names", "email", "emails", "address", "addresses",
                           "number", "numbers"})
_WANTING = frozenset({"to", "should", "must", "can", "could", "will", "would", "shall"})  # "... be created"
# "a provisioning job", "our reporting dashboard": a verb's -ing form before one of these names the app
# (not "team", "bot": "removing team members", "posting bot messages" are actions on them)
_APP_NOUNS = frozenset({"job", "jobs", "script", "scripts", "tool", "tools", "tooling", "app", "apps", "flow",
                        "workflow", "service", "pipeline", "integration", "dashboard", "portal", "system",
                        "project", "platform", "solution", "provider", "vendor", "widget", "kiosk", "kiosks",
                        "console", "plugin", "module", "helper", "runbook", "runbooks", "playbook", "checklist",
                        "process", "automation", "routine"})  # not "extension", "page": Calling's
# Words that say where a thing is or goes, not what it is: "share the link in the space".
_PLACING = frozenset({"in", "into", "to", "on", "onto", "at", "from", "for", "with", "inside", "under", "via",
                      "through", "by", "within", "across"})
# What may stand before a verb that tells what the app itself does: who (the asker, the app) and how ("should").
_THE_APP_DOES = _APP_NOUNS | frozenset({
    "i", "we", "it", "my", "our", "the", "this", "then", "also", "and", "first", "next",
    "later", "afterwards", "finally", "should", "will", "would", "must", "can", "could", "to", "needs", "need", "has",
    "have", "want", "wants", "automatically", "just", "bot", "little", "small", "new"})
# After one of these verbs, a status or an error tells what came back, not what the app does: "gets 400 when
# creating a room", "got an error", "returns forbidden" ("post errors", "post 500 messages" are needs).
_OUTCOME_VERBS = frozenset({"get", "gets", "got", "getting", "receive", "receives", "received", "return", "returns",
                            "returned", "returning", "throw", "throws", "hit", "hits", "give", "gives", "gave"})
_OUTCOMES = frozenset({"400", "401", "403", "404", "429", "500", "error", "errors", "exception", "forbidden",
                       "unauthorized"})
_BEFORE_AN_OUTCOME = frozenset({"a", "an", "me", "us", "back", "http"})  # "gets me a 403", "returns HTTP 401"


def tells_an_outcome(said: list[str], at: int) -> bool:
    """Whether the word at `at` tells what a call got back ("gets a 403", "returns HTTP 401", "gave us an
    error"): no action asked for, neither read nor write nor an HTTP method."""
    if said[at] not in _OUTCOME_VERBS:
        return False
    after = next((w for w in said[at + 1:at + 4] if w not in _BEFORE_AN_OUTCOME), "")
    return after in _OUTCOMES or (len(after) == 3 and after.isdigit() and after[0] in "12345")


# "the recordings call gives me 403", "it gave us an error": what came back, not "what does X give me?"
_GIVES_AN_OUTCOME_RE = re.compile(r"\b(?:gives?|gave|giving)\s+(?:me|us)\s+(?:an?\s+|the\s+)?(?:http\s+)?(?:"
                                  + "|".join(sorted(_OUTCOMES)) + r"|nothing|empty)\b")
# "the config key Audio.Microphones.Mute", "configuration Audio.Ultrasound.MaxVolume": a setting, not a command
_CONFIG_BEFORE_RE = re.compile(r"\b(?:config|configs|configuration|configurations|setting|settings)\b", re.IGNORECASE)


def says_no_admin(text: str) -> bool:
    """Whether the text says the person acting is no admin ("I'm not an admin", "non-admin users", "regular
    employees get errors")."""
    said = " ".join(words(text))
    return bool(_NOT_ADMIN_RE.search(said) or _PLAIN_USERS_ACT_RE.search(said))


class Lexicon:
    """Maps words to index terms and reads intent (read/write) and who acts from a question."""

    def __init__(self, vocab: Vocabulary):
        # Equivalent words share one term, whichever form is typed: the group's first word, stemmed
        # ("posting", "post" and "messages" all become the term of "message"); a group led by a word the
        # stemmer must leave alone lists its forms itself ("department" is not "departing").
        self.keep = vocab.keep_words
        self.glossary = glossary_of(vocab)  # other languages' API words, for English posts that carry some
        kept = lambda w: w if w in self.keep else stem(w)  # noqa: E731
        self.canonical = {w: kept(group[0]) for group in vocab.equivalents for w in group}
        self.canonical.update({stem(w): stem(group[0]) for group in vocab.equivalents if group[0] not in self.keep
                               for w in group})
        # every present form of a method verb and the HTTP method it asks for ('creating' -> POST)
        self.method_forms = {form: method for method, verbs in vocab.method_verbs.items()
                             for verb in verbs for form in inflections(verb)}
        self.verbs = vocab.read_verbs | vocab.write_verbs
        self.verb_forms = {form: "read" for v in vocab.read_verbs for form in inflections(v)}
        self.verb_forms.update({form: "write" for v in vocab.write_verbs for form in inflections(v)})
        self.done_forms = frozenset(form for v in vocab.write_verbs for form in participles(v))  # "posted"
        self.lookup_forms = frozenset(form for v in vocab.lookup_verbs for form in inflections(v))
        self.object_forms = frozenset(form for v in vocab.object_verbs for form in inflections(v))
        self.object_done = frozenset(form for v in vocab.object_verbs for form in participles(v))  # "is posted"
        self.recipients = frozenset({self.term("space"), self.term("person")})  # where a posted message goes
        self._people = frozenset(w for w in vocab.people_words if " " not in w)
        self.compare_cues = vocab.compare_cues
        self.product_terms = frozenset(stem(w) for w in vocab.webex_words if " " not in w)  # say no need
        self.product_names = any_of(sorted(vocab.product_names, key=len, reverse=True))
        self.reverse = [re.compile(r"\b" + re.escape(p) + r"\b") for p in vocab.reverse_cues]
        self.verb_terms = {stem(w) for w in self.verbs if w not in self.canonical and w not in _CUSTOM}
        self.cues = [(audience, pattern) for audience, phrases in vocab.audience_cues.items()
                     if (pattern := any_of(phrases))]
        # Cue words ("logged in user", "control hub", "org") mostly say who acts, not what about:
        # they count half as topic words, and never against the question as unknown words.
        phrases = sorted((p for ps in vocab.audience_cues.values() for p in ps), key=len, reverse=True)
        self.cue_phrases = any_of(phrases)
        self._actors = {self.term(w) for w in ("person", "host", "agent")}  # who can change things
        self.content_terms = frozenset(t for w in vocab.content_words if (t := self.term(w)))
        self.message_term, self.meeting_term = self.term("message"), self.term("meeting")
        self.posted_terms = frozenset({self.message_term, self.term("space")})
        self.people_terms = frozenset(self.term(w) for w in ("people", "members", "bot"))  # who joins a space
        roots = "|".join(re.escape(r) for r in vocab.xapi_roots)
        self._xapi = re.compile(rf"\b(?:{roots})(?:(?:\.[A-Z][A-Za-z]*)*\.(?P<dot>[A-Z][A-Za-z]*)"
                                rf"|(?: [A-Z][A-Za-z]*)+ (?P<space>[A-Z][A-Za-z]*))\b(?!-)") if roots else None
        self._xapi_verbs = vocab.xapi_command_verbs
        models = sorted(vocab.device_models, key=len, reverse=True)
        self._models = re.compile(r"\b(?:" + "|".join(re.escape(m) + "s?" for m in models) + r")\b",
                                  re.IGNORECASE) if models else None

    def product_words(self, joined: str) -> set[str]:
        """The words of the Webex product names in the (lower-case, joined) words ("contact center")."""
        return set(" ".join(self.product_names.findall(joined)).split()) if self.product_names else set()

    def as_named(self, text: str) -> str:
        """The text with what a model or a path names read as what it is: a device, an xAPI command or status."""
        return self.as_devices(self.as_xapi_paths(text))

    def as_xapi_paths(self, text: str) -> str:
        """The text with each xAPI command path ("UserInterface.Message.Alert.Display", or three or more names
        apart: "Audio Microphones Mute") read as "xapi command", and each other path as "xapi status"
        ("RoomAnalytics.PeopleCount.Current"); not a product's name ("Video Mesh Node Restart") nor a
        configuration named so ("the config key Audio.Microphones.Mute")."""
        if self._xapi is None:
            return text

        def read(m: re.Match[str]) -> str:
            last, path = (m["dot"] or m["space"]).lower(), m.group(0).lower()
            if self.product_words(path) or _CONFIG_BEFORE_RE.search(text, max(0, m.start() - t.CONFIG_REACH),
                                                                    m.start()):
                return m.group(0)
            return " xapi command " if last in self._xapi_verbs else " xapi status "
        return self._xapi.sub(read, text)

    def as_devices(self, text: str) -> str:
        """The text with each device model ("Room Kits", "a Desk Pro") read as a device: its "room" is no space."""
        return self._models.sub("device", text) if self._models else text

    def term(self, word: str) -> str | None:
        """The index term for a lower-case word, or None for words that carry no topic."""
        if word in STOPWORDS or word in NON_TOPICAL or word.isdigit() or len(word) < 2:
            return None
        if word in self.canonical:
            return self.canonical[word]
        term = word if word in self.keep else stem(word)
        return self.canonical.get(term, term)

    def intent(self, raw: list[str], found: tuple[int, str] | None) -> str | None:
        """What to do, read or write: what the verb `verb_at` found says, unless the question asks a state; without
        a verb, a participle wanted ("which scope should be granted so the bot can read messages" reads)."""
        return _asks_a_state(raw, found, self.done_forms) or (found[1] if found else self._wanted(raw))

    def verb_at(self, raw: list[str], speller: Speller) -> tuple[int, str] | None:
        """Where the first verb that says read or write stands, and which it says; later ones are usually
        nouns (a schedule). Present forms count (deletes, scheduling) but not participles ("is recorded",
        "has authorized"), which describe a state, nor nouns that share a stem (settings), nor a verb's
        form after an article or possessive ("an issue", "in order to") or a topic word ("membership
        changes")."""
        previous, trigger = "", bool(raw) and (raw[0] in _TRIGGER_OPENERS or raw[1:2] == ["time"])  # "when ... ends"
        for i, word in enumerate(raw):
            if trigger and word in _EVENT_VERBS and previous not in _ASKERS:  # not "when I end the meeting"
                previous, trigger = word, False  # the event that triggers: what happens, not what to do
                continue
            following = raw[i + 1] if i + 1 < len(raw) else ""
            if self._passive_get(raw, i, previous):  # "the digest gets posted into the space"
                if not (trigger or _WHEN & set(raw[:i])):
                    return i + 1, "write"
                previous, trigger = word, False  # "(notice) when a message gets posted": the event
                continue
            if word in self.lookup_forms and _IDS_OR_NAMES & set(raw[i + 1:i + 1 + t.LOOKUP_REACH]):
                return i, "read"  # "resolve the role IDs to names"; not "resolve an issue"
            if word not in self.verb_forms and word not in speller:
                word = speller.correct(word) or word
            if (word in self.verb_forms and previous not in _NOUN_MAKERS | COPULAS
                    and following not in _NOUNS_NAMED_BY_VERBS
                    and not (word.endswith("ing") and following in _APP_NOUNS)
                    and not tells_an_outcome(raw, i)
                    and not self._names_a_kind(previous, word)):
                return means(raw, i, self.verb_forms) or (i, self.verb_forms[word])
            previous = word
        return None

    def _passive_get(self, raw: list[str], i: int, previous: str) -> bool:
        """Whether "get" at `i` makes a passive of the write verb after it ("the digest gets posted into the
        space"), or "is" one of a verb that names what it makes ("the recap is posted to the team space")."""
        done, after = raw[i + 1] if i + 1 < len(raw) else "", raw[i + 2] if i + 2 < len(raw) else ""
        passive = (raw[i] in _GETS and done in self.done_forms) or (
            raw[i] in COPULAS and done in self.object_done and "as" not in raw[max(0, i - 2):i]  # "as it is posted"
            and bool({self.term(w) for w in raw[i + 2:]} & self.recipients))  # not "posted to our archive"
        return passive and previous not in _GETTERS | _RELATIVES and after in _AFTER_PASSIVE

    def acted_on(self, raw: list[str], found: tuple[int, str] | None, resources: frozenset[str]) -> str | None:
        """The resource term the verb `verb_at` found acts on, when the app or the asker does it ("then post
        the link", "our tool should create"; not "our admins create", "feel free to DM me"): the message an
        object verb makes when it goes to a space or a person ("post the link into the team space", "DM the
        assignee"; not "post the metrics to Datadog", nor a gerund: "a room-scheduling app"), or a resource
        word a few words after the verb that is the thing itself ("create a couple of spaces"; not "the
        recording link", nor where: "in the space"); None for nothing named ("delete it")."""
        if not found or not set(raw[:found[0]]) <= _THE_APP_DOES:
            return None
        at = found[0]
        if raw[at] in self.object_forms and not raw[at].endswith("ing"):
            said = {self.term(w) for w in raw[at + 1:]}
            return self.term(raw[at]) if said & self.recipients or self._people & set(raw[at + 1:]) else None
        for i, word in enumerate(raw[at + 1:at + 1 + t.OBJECT_REACH], at + 1):
            if word in _PLACING:
                return None
            if (term := self.term(word)) in resources:
                return None if i + 1 < len(raw) and _names_a_thing(raw[i + 1], self.verb_forms) else term
        return None

    def _wanted(self, raw: list[str]) -> str | None:
        """A participle wanted ("a workspace to be created", "should be deleted"): what its verb says."""
        return next((said for i in range(2, len(raw))
                     if raw[i - 1] == "be" and raw[i - 2] in _WANTING and (said := self._passive(raw[i]))), None)

    def _passive(self, word: str) -> str | None:
        """What a regular past participle says ('created' -> write, 'listed' -> read), if a verb's."""
        stems = (word[:-1], word[:-2], word[:-3]) if word.endswith("ed") else ()
        return next((self.verb_forms[s] for s in stems if s in self.verb_forms), None)

    def _names_a_kind(self, before: str, word: str) -> bool:
        """'membership changes', 'message updates': one of these after a topic word that is no
        actor names a kind of event, not an action ('a user updates' is an action)."""
        topic = self.term(before)
        return (word in _EVENT_NOUNS and topic is not None and topic not in self.verb_terms
                and topic not in self._actors and before not in self.verb_forms)

    def audiences(self, joined: str) -> frozenset[str]:
        """Who the words say acts: admin, compliance, partner, service-app, user; someone who is
        "not an admin" or a "non admin user" is a user, and "not compliance officer" no officer."""
        joined, denied = _NOT_ADMIN_RE.subn(" ", _without_false_cues(joined))
        found = frozenset(a for a, pattern in self.cues if pattern.search(joined))
        return found | {"user"} if denied else found

    def cue_matches(self, joined: str) -> list[str]:
        """The who-acts phrases found in a lower-case, space-joined question, and the phrase that
        overlaps each one's end ("full admin token" holds "full admin" and "admin token")."""
        if not self.cue_phrases:
            return []
        found = []
        for m in self.cue_phrases.finditer(joined):
            found.append(m.group(0))
            space = joined.find(" ", m.start(), m.end())
            while space != -1:
                more = self.cue_phrases.match(joined, space + 1)
                if more and more.end() > m.end():
                    found.append(more.group(0))
                    break
                space = joined.find(" ", space + 1, m.end())
        return found

    def asks_to_compare(self, raw: list[str]) -> bool:
        return bool(set(raw) & self.compare_cues)

    def asks_what_it_unlocks(self, raw: list[str]) -> bool:
        """Whether the words ask what a named scope unlocks ("what does X give me?"); not a call that
        "gives me 403", which tells what came back."""
        joined = _GIVES_AN_OUTCOME_RE.sub(" ", " ".join(raw))
        return any(p.search(joined) for p in self.reverse)


def means(raw: list[str], i: int, verb_forms: dict[str, str]) -> tuple[int, str] | None:
    """The verb after "by" that says how the goal at `i` is reached: it is the call ("archive a space by deleting
    it" writes, "keep a backup by exporting the messages" reads)."""
    for j in range(i + 1, len(raw) - 1):
        if raw[j] == "by" and raw[j + 1].endswith("ing") and raw[j + 1] in verb_forms:
            return j + 1, verb_forms[raw[j + 1]]
    return None
