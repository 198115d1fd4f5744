"""A clause reduced to what the ranker needs: weighted index terms, unknown words, what the
asker wants to do (read/write) and who acts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, reduce
from typing import TYPE_CHECKING, Callable

from bot.core.matching import tuning as t
from bot.core.matching.lexicon import BEYOND_OWN_RE, COPULAS, Lexicon
from bot.core.text import STOPWORDS, Speller, words

if TYPE_CHECKING:
    from bot.core.matching.index import ScopeIndex


@dataclass(frozen=True)
class Query:
    """A clause reduced to what the scorer needs."""

    text: str
    terms: dict[str, float]  # term -> factor: 1.0, less for a repaired typo, a cue word, a borrowed word
    unknown: int  # words that match nothing in the knowledge base
    intent: str | None  # "read", "write" or None
    audiences: frozenset[str]  # audience cues found
    known: int = 0  # words that match the knowledge base ('post a message': two, one term)
    repaired: int = 0  # words read as another after a typo repair
    context: int = 0  # known words that are part of a who-acts cue ("as a full admin")
    acted_on: str | None = None  # the resource term its verb acts on ("create two spaces": room)
    verbs_only: bool = False  # every word it knows says what to do, none to what ("enable")

    @property
    def only_context(self) -> bool:
        """Every known word says who acts, none what to do: a clause of context, not a need."""
        return self.known > 0 and self.context == self.known


# "the group spaces they're in", "a direct room": the kind of space, not the groups of the Groups API
_SPACE_KIND_RE = re.compile(r"\b(?:group|direct)[\s-]+(?=(?:spaces?|rooms?|chats?|conversations?)\b)",
                            re.IGNORECASE)
# "drop the recap into the project space", "drops a note in the chat": posting, not deleting (a "drop" that
# removes says from where: "drop him from the space")
_DROPPED_INTO_RE = re.compile(r"\bdrop(?:s|ped|ping)?\b(?=(?:\s+[\w'’-]+){1,8}?\s+(?:into|in|to|onto)\s+"
                              r"(?:[\w'’#-]+\s+){0,4}?(?:spaces?|rooms?|channels?|chats?|1:1s?|dms?)\b)",
                              re.IGNORECASE)
# people named by what they are to the org, as one word: whom a post goes to or who is put somewhere
_PEOPLE_NOUNS = (r"(?:people|persons?|users?|members?|colleagues?|teammates?|engineers?|assignees?|hires?|joiners?"
                 r"|starters?|employees?|experts?|staff|contractors?)")
# who a post is addressed to or who is put somewhere: "mention them", "drop the new hires into the space"
_SOMEONE = (r"(?:the\s+|all\s+|our\s+|my\s+|those\s+|these\s+|each\s+|every\s+|a\s+|new\s+)*"
            r"(?:them|him|her|someone|somebody|" + _PEOPLE_NOUNS + r")\b")
# "drop the new hires into the space": adding people, not posting a message
_DROPPED_PEOPLE_RE = re.compile(r"\bdrop(?:s|ped|ping)?(?=\s+" + _SOMEONE
                                + r"(?:\s+[\w'’-]+){0,4}?\s+(?:into|in|to)\b)", re.IGNORECASE)
# "@mention the assignee in the team space": a message that mentions someone is posted, not read
_MENTION_SOMEONE_RE = re.compile(r"@?\bmention(?:s|ed|ing)?(?=\s+" + _SOMEONE + ")", re.IGNORECASE)
# "add the new hires to the space", "create a space, add three new hires to it", "add a new person to that team":
# new people put in a space or a team are people, not a new space or team nor people to create
_NEW_PEOPLE_RE = re.compile(r"\bnew\s+(?=" + _PEOPLE_NOUNS + r"\b(?:\s+[\w'’-]+){0,3}?\s+"
                            r"(?:to|into|in)\s+(?:(?:[\w'’#-]+\s+){0,3}?(?:spaces?|rooms?|channels?|teams?)|it)\b)",
                            re.IGNORECASE)
# "fetch the replies under a thread": replies that are read are messages, not the act of replying
_THE_REPLIES_RE = re.compile(r"\b(the|all|its|their|any|thread)\s+replies\b", re.IGNORECASE)
# "call back the missed numbers", "call that person back", "ring them back": dialling, not reading a call
_CALL_BACK_RE = re.compile(r"\b(?:call|ring)(s|ing)?(?=\s+(?:(?:them|him|her|it|me|us"
                           r"|(?:the|that|each|those|a)\s+[\w-]+)\s+)?back\b)", re.IGNORECASE)
# "invite the participants to my meeting": who is invited are invitees (the Meeting Invitees API), not the
# participants of a meeting in progress that are muted or admitted
_INVITED_RE = re.compile(r"\b(invit(?:e|es|ing|ed))\s+(?:the\s+|all\s+|our\s+|my\s+|their\s+)?"
                         r"(?:participants?|attendees?)\b", re.IGNORECASE)
# A webhook or event name ("messages:created") names what happened, not what the app does.
_EVENT_NAME_RE = re.compile(r"\b([A-Za-z]+):(?:created|updated|deleted|started|ended|joined|left|changed)\b")
# a quoted name as written, and where one was taken out
_QUOTED = r'["“‘][^"“”‘’\n]{1,60}["”’]'
_TITLED = r'(?:""\s+)?'  # where a quoted name was taken out: the "" of 'into the "War Room" space'
# "the console we're building", "I'm writing a bot": what the asker makes is the app, not the need.
_MAKING_THE_APP_RE = re.compile(
    r"\b(?:we|i|we're|i'm|we’re|i’m)\s+(?:are\s+|am\s+)?(?:currently\s+|now\s+)?"
    r"(?:building|making|developing|writing|coding|creating|prototyping)\b"
    r"|\b(?:write|writing|build|building|make|making|develop|developing|code|coding|run|running|maintain"
    r"|maintaining)\s+(?:an?\s+|our\s+|my\s+)?"
    r"(?:(?:small|little|simple|quick|tiny|internal|custom|new|python|node|web|nightly)\s+)?"
    r"(?:(?!service\b)[\w-]+\s+){0,2}?"  # "a CRM softphone panel", not "a service app"
    r"(?:" + _QUOTED + r"\s+)?" + _TITLED +  # 'a "Today" tile': the app's name
    r"(?:program|script|app|application|tool|dashboard|widget|integration|job|portal|helper|pane|panel|sidebar"
    r"|extension|plugin|page|tile|wallboard|kiosk|console)\b",
    re.IGNORECASE)
# "we're a US company", "I am a university": who the asker is, not what the app does.
_WHO_WE_ARE_RE = re.compile(
    r"\b(?:we|i)(?:'re|’re|\s+are|'m|’m|\s+am)\s+an?\s+"
    r"(?:(?:small|large|big|global|local|growing|mid-?sized?|us|uk|eu"
    r"|german|french|dutch|swiss|european|american|canadian|australian|\d+-(?:person|people|seat))\s+)?"
    r"(?:company|corporation|startup|agency|business|firm|bank|hospital|university|school|college|shop|retailer"
    r"|nonprofit|non-profit)\b", re.IGNORECASE)  # "a contact center company" keeps its contact center
# "a webhook should wake up our service", "our backend service polls": the asker's own program, the app itself; not
# a Service App, a service account or a Webex service
_OUR_SERVICE_RE = re.compile(r"\b(?:our|my)\s+(?:own\s+)?(?:backend\s+|web\s+)?services?\b"
                             r"(?!\s*(?:apps?|accounts?|users?|desk|numbers?|providers?)\b)", re.IGNORECASE)
# "our security team says", "the data team wants", "the IT team creates the spaces", "for our sales team: ...": a
# group in the asker's company that speaks, acts or is served, not a Webex team ("add my colleague to the
# engineering team" is one)
_OUR_TEAM_RE = re.compile(
    r"\b(?:our|the|my)\s+(?:security|legal|hr|it|platform|dev|devops|engineering|sales|support|finance|facilities|qa"
    r"|data|ops|operations|marketing|product|infra|infrastructure|network|helpdesk|service\s+desk)\s+(?:team|folks)"
    r"(?=\s+(?:says|said|told|tells|wants|wanted|asked|asks|requires|required|insists|insisted|approved|rejected"
    r"|won't|will|would|needs|reviewed|keeps|is|are|was|were|has|have|already|still|usually|also|uses?|handles?"
    r"|does|creates?|deletes?|adds?|removes?|manages?|maintains?|updates?|owns?|runs?|sets|configures?"
    r"|provisions?)\b|\s*:)", re.IGNORECASE)
# "the team wants it to show ...": people who ask, not a Webex team (a verb of wanting or saying follows)
_TEAM_ASKS_RE = re.compile(r"\b(?:our|the|my)\s+team\s+(?=(?:wants?|wanted|asked|asks|says|said|told|tells|would\s+like"
                           r"|insists?|insisted|approved|rejected|requested|requests)\b)", re.IGNORECASE)
# "it stores my refresh token", "keeps its own refresh token", "runs on a refresh token from our IT manager",
# "anything extra for the refresh token?": the app's own OAuth credential, not a Service App's tokens that
# spark:applications_token fetches
_HELD_REFRESH_RE = re.compile(
    r"\b(?:stores?|stored|storing|holds?|holding|held|keeps?|keeping|kept|saves?|saved|saving|has|have|with|using"
    r"|uses?|runs?\s+on|for)\s+(?:a|the|my|our|its|their|his|her|each\s+user'?s|the\s+user'?s)\s+(?:own\s+)?"
    r"(?:oauth\s+)?refresh[\s_-]tokens?\b", re.IGNORECASE)
# "our token already has X", "the token only carries Y": the app's own token is context, not the
# user tokens that identity:tokens_* list and revoke.
_OWN_TOKEN_RE = re.compile(
    r"\b(?:our|my|the|its|this|your)\s+(?:own\s+|access\s+|oauth\s+|integration\s+)?token\s+"
    r"(?:already\s+|only\s+|currently\s+|now\s+)?(?:has|had|have|includes?|included|carries|carried|holds?|with)\b",
    re.IGNORECASE)
# "it just needs a Webex token", "runs with a token from our manager", "an admin's token": the app's credential, not
# the authorizations that identity:tokens_* list and revoke
_APP_TOKEN_RE = re.compile(
    r"\b(?:needs?|uses?|using|runs?\s+(?:with|on|under)|with|from|via)\s+(?:an?\s+|the\s+|our\s+|my\s+|its\s+)?"
    r"(?:(?:webex|admin'?s?|user'?s?|integration|personal|access|oauth|bearer|full[\s-]admin)\s+)*tokens?\b"
    r"(?!\s+(?:of|for)\s+(?:every|each|all|other|the\s+user|users))",
    re.IGNORECASE)
# A token is the credential the app calls with ("Token has X", "what do I need on the token?"), not the OAuth
# grants identity:tokens_* list and revoke, unless the text speaks of those, of many tokens ("delete a user's
# tokens", "expire every token") or of getting one
_TOKENS_API_RE = re.compile(r"\b(?:revok\w*|authori[sz]ations?|grants?|invalidat\w*|guests?|service\s+apps?'?s?"
                            r"|applications?|machine\s+accounts?|refresh)\b"
                            r"|\b(?:get|gets|getting|obtain\w*|fetch\w*|generat\w*|mint\w*|retriev\w*|issu\w*)\s+"
                            r"(?:an?\s+|the\s+|its\s+|their\s+|new\s+|access\s+)*tokens?\b"
                            r"|\bclick[\s-]+to[\s-]+call\s+tokens?\b", re.IGNORECASE)  # minted for visitors
_TOKEN_RE = re.compile(r"(?<!\bevery\s)(?<!\bany\s)(?<!\beach\s)\btoken\b", re.IGNORECASE)  # one, not "tokens"


# "user token", "the user's access token": the credential says who acts (the user), not the people it names
_USER_TOKEN_RE = re.compile(
    r"\b(?:the\s+)?users?(?:['’]s)?(?:[\s-]+level)?\s+(?:own\s+)?(?:oauth\s+|access\s+)?token\b", re.IGNORECASE)


def without_credential(text: str) -> str:
    """The text without the word "token" when it names the app's credential (see _TOKENS_API_RE); a user's
    token is left as who acts."""
    if _TOKENS_API_RE.search(text):
        return text
    return _TOKEN_RE.sub(" ", _USER_TOKEN_RE.sub("as the user", text))


# "our integration runs in Kubernetes", "we run the bot in a docker container", "the job runs on our own server":
# where the app runs is context, not a need that borrows a neighbour's topic (not "meetings hosted in our org",
# "calls running on a user's line")
_WHERE_IT_RUNS_RE = re.compile(
    r"\b(?:runs?|running|deployed|lives)\s+(?:in|on|inside)\s+(?:(?:an?|the|our|my|its|their)\s+)?(?:own\s+)?"
    r"(?:[\w.-]+\s+)?(?:kubernetes|k8s|docker|openshift|heroku|aws|azure|gcp|lambda|ec2|ecs|eks|aks|gke"
    r"|(?:clusters?|servers?|vms?|containers?|pods?|instances?|laptops?|machines?|raspberry\s+pi))\b", re.IGNORECASE)
# "who has to authorize it", "the person authorizing the app", "the authorizing user is a full admin": who grants
# the scopes, not the authorizations that identity:tokens_* list and revoke
_WHO_AUTHORIZES_RE = re.compile(
    r"(?:^|(?<=[,.;:?!(])|(?<=\band)|(?<=\bor)|(?<=\bbut))\s*who\s+"  # a question, not "the user who authorizes"
    r"(?:has\s+to\s+|must\s+|should\s+|needs?\s+to\s+|can\s+|will\s+)?authori[sz]es?\b"
    r"|\b(?:person|user|admin|account|one)\s+authori[sz]ing\b"
    r"|\bauthori[sz]ing\s+(?:user|person|admin|account)\b",
    re.IGNORECASE)
# "a user authorized my integration", "each user authorises once", "users authorize it themselves", "each user
# authorizes with their own account": who granted the app its scopes is context, not the authorizations that
# identity:tokens_* list and revoke.
_AUTHORIZED_APP_RE = re.compile(
    r"\bauthori[sz]e\s+(?:my|our|this|the)\s+(?:integration|app|application)\b"  # "users can't authorize our app"
    r"|\bauthori[sz]ed\s+(?:it|them|(?:my|our|the|this|that|their|an?)\s+(?:own\s+)?"
    r"(?:integration|app|application|service\s+app|bot|tool|script|token|scopes?)s?\b|with\s+(?:my|our|their|his|her)"
    r"\s+(?:own\s+)?account\b)|(?:\b(?:the\s+|each\s+|every\s+|our\s+)?(?:users?|people|hosts?|employees?)\s+)?"
    r"\bauthori[sz](?:es?|ed)\s+(?:(?:it|the\s+app)\s+)?(?:once|themselves|himself|herself"
    r"|with\s+(?:my|our|their|his|her|your)\s+(?:own\s+)?accounts?)\b"
    r"|\b(?:integration|app|application|tool|script|token)\s+(?:that\s+)?(?:they|we|i|you|users?|people|employees?)"
    r"\s+authori[sz](?:e|es|ed)\b"  # "the integration they authorize gets 403"
    # "Read-only, authorized by an admin", "our integration (authorized by a full admin)": who authorized the app
    r"|(?:^|(?<=[,;:(])|\b(?:it|our\s+(?:integration|app|tool|script|job))(?:\s+is|\s+was)?)\s*"
    r"authori[sz]ed\s+by\s+(?:an?\s+|the\s+|our\s+|my\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:admins?|administrators?|users?|officers?|hosts?|managers?|owners?|person|people)\b",
    re.IGNORECASE)
# "which scopes do I put in the authorize URL", "what do I tick on the consent screen": where scopes are chosen,
# with the verb that puts them there, is context, not a need (not the spark:kms of a portal URL, nor a webhook for
# an app being authorized)
_WHERE_SCOPES_GO_RE = re.compile(
    r"\b(?:(?:add|put|include|tick|check|select|choose|pick|enter|set|use)\s+(?:\w+\s+){0,2}?)?(?:in|into|on|to|for)"
    r"\s+(?:the|my|our|an?)\s+(?:oauth\s+)?(?:authori[sz](?:e|ation)\s+(?:url|link|request)|consent\s+(?:screen|page)"
    r"|developer\s+portal|(?:app|integration)(?:'s)?\s+(?:page|form|settings\s+page))\b", re.IGNORECASE)
# "add the six devs to it", "drop the on-call people into that team", "kick them out of it": the people
# added to a space or team or taken out of it become or stop being its members. Not a thing added ("add
# the file to the space"), and 'it' only when every container named before in the sentence is a space or
# a team (not "create a meeting for the project space and add the attendees to it"); in a clause of its
# own ("..., and then add the three leads to it"), 'it' is what the clause before named.
_JOINS_RE = re.compile(
    r"\b(?:add|adds|adding|invite|invites|inviting|drop|drops|put|puts)\s+(?P<added>(?:[\w'-]+,?\s+){1,8}?)"
    r"(?:to|into)\s+(?P<into>it|(?:the|that|this|each|their)\s+(?:[\w'-]+\s+){0,2}?" + _TITLED
    + r"(?:space|room|team)s?)\b"
    r"|\b(?:kick|kicks|remove|removes|removing)\s+(?P<removed>(?:[\w'-]+\s+){1,6}?)(?:out\s+of|from)\s+"
    r"(?P<outof>it|(?:the|that|this)\s+" + _TITLED + r"(?:space|room))\b"
    # "create a space, add the six people from our roster by email": people added with no place said join
    # the space the sentence named last
    r"|\b(?:add|adds|adding|invite|invites|inviting|pulls?\s+in|pulling\s+in)\s+"
    r"(?P<joined>(?:[\w'-]+(?:,\s*|\s+)){0,6}?[\w'-]+)(?=\s+(?:by|from|with|who|on|via|using|as|based)(?![\w-])"
    r"|\s*[,.;:()!?]|\s*$)"
    # "everyone in that department gets added to it", "kicks out anyone whose ...": people said before the verb,
    # or taken out with no place said
    r"|\b(?P<gotten>(?:(?!and\b)[\w'-]+\s+){1,6}?)(?:gets?|is|are)\s+(?:being\s+)?(?:added|invited)\s+(?:to|into)\s+"
    r"(?P<gotinto>it|(?:the|that|this|each|their)\s+(?:[\w'-]+\s+){0,2}?" + _TITLED + r"(?:space|room|team)s?)\b"
    r"|\b(?:kick|kicks|kicking)\s+out\s+(?P<ousted>(?:[\w'-]+\s+){0,3}?[\w'-]+)(?=\s+(?:who|whose|that|from)\b"
    r"|\s*[,.;:()!?]|\s*$)", re.IGNORECASE)
_OF_WHOM_RE = re.compile(r"\s+(?:of|in|from|at)\s+", re.IGNORECASE)  # what tells which people, after them
_CONTAINER_RE = re.compile(r"\b(?:spaces?|rooms?|teams?|groups?|meetings?|webinars?|queues?|(?<!on-)(?<!on\s)calls?"
                           r"|lists?)\b", re.IGNORECASE)  # not the "on-call" of the people on duty
_SENTENCE_END_RE = re.compile(r"(?<!\d)[.!?](?:\s|$)")  # not a list's "2. add the leads"
MEMBERS_MARK = " as members"  # what `as_members` adds; taken out again wherever a clause is shown
# "the people in a space", "who the users in that room are": the space's members, not the space
_PEOPLE_IN_RE = re.compile(r"\b(?:people|persons|users|everyone|folks)\s+in\s+(?:a|the|that|this|each|every|their"
                           r"|our|my|its|one|his|her)\s+(?:(?:new|group|shared)\s+)?" + _TITLED + r"(?:space|room)\b",
                           re.IGNORECASE)


def as_members(text: str, index: "ScopeIndex") -> str:
    """The text with MEMBERS_MARK after the people it adds to a space or takes out of one: people told by
    a people word or a role ("the on-call engineers"), with nothing else the knowledge base names."""
    lexicon, roles = index.lexicon, index.kb.vocabulary.people_words

    def told(match: re.Match[str]) -> str:
        who = next(g for g in match.group("added", "removed", "joined", "gotten", "ousted") if g)
        container = match.group("into") or match.group("outof") or match.group("gotinto") or "it"
        said = words(_OF_WHOM_RE.split(who)[0])  # "the people of that department": the people
        pairs = {" ".join(pair) for pair in zip(said, said[1:])} & roles  # "the account exec"
        rest = [w for w in said if w not in roles and w != "new"  # "each new engineer": new people, no new thing
                and not any(w in pair.split() for pair in pairs)]
        terms = {lexicon.term(w) for w in rest} & index.postings.keys()
        if terms - lexicon.people_terms or not (terms or pairs or roles & set(said)):
            return match.group(0)  # a thing ("the file"), or no one said ("the tab")
        if container.lower() == "it" and not _into_a_space(text, match):
            return match.group(0)
        return match.group(0) + MEMBERS_MARK
    return _PEOPLE_IN_RE.sub(lambda m: m.group(0) + MEMBERS_MARK, _JOINS_RE.sub(told, text))


def _into_a_space(text: str, match: re.Match[str]) -> bool:
    """Whether the 'it' people are added to, or the place left unsaid, is a space or a team: every container the
    sentence named before is one ('it' with none named is what the clause before made); with no place said, one
    must be named, in the sentence or else last in the post ("... creates a space. It adds everyone on the rota")."""
    before = text[:match.start()]
    named = [n.lower() for n in _CONTAINER_RE.findall(_SENTENCE_END_RE.split(before)[-1])]
    if match.group("joined") or match.group("ousted"):
        named = named or [n.lower() for n in _CONTAINER_RE.findall(before)[-1:]]
        if not named:
            return False
    return all(n.startswith(("space", "room", "team")) for n in named)


# "we never post anything", "it doesn't change anything", "we don't create extra spaces inside the team": what
# the app does not do, to the end of its clause
_UNDONE_RE = re.compile(
    r"\b(?:don'?t|doesn'?t|didn'?t|do\s+not|does\s+not|never|won'?t|will\s+not|no\s+longer|nobody|no[\s-]one)\s+"
    r"(?:(?:need|want|have|plan)\s+to\s+|ever\s+|actually\s+|even\s+)?(?P<verb>[a-z]+)"
    r"(?P<rest>(?:(?!\s+(?:and|but|so|because|while|then|only|just)\b)[^.,;:!?\n—–(])*)", re.IGNORECASE)
_WE_RE = re.compile(r"\b(?:we|i)(?:\s+(?:really|just|also|even|still))?\s*$", re.IGNORECASE)  # "we don't read"
# "we only read them", "we just list it" (not "but it does create spaces"): the sentence refers back
_REFERS_BACK_RE = re.compile(
    r"^[^.!?\n]*(?:\b(?:them|those|these|ones)\b|\b[a-z]+s?\s+it\b(?!\s+(?:does|is|will|can)\b))", re.IGNORECASE)
# "so the teacher  .": the gap a removed clause leaves before its stop, which would join two sentences into one
_GAP_BEFORE_STOP_RE = re.compile(r"[ \t]{2,}(?=[.,;:!?])")
_READS = frozenset({"read", "reads", "list", "lists", "fetch", "fetches", "pull", "pulls", "download", "downloads"})
# "...; it only downloads", "at all": the denied read is set against what the app does
_INSTEAD_RE = re.compile(r"^[^.!?\n]*\b(?:only|just|at\s+all)\b", re.IGNORECASE)


# 'the "Compliance Review" space', 'a team called "Admins"', 'the "Users" or "Compliance" categories': quoted names
# of things, no words of the need nor of who acts
_TITLE_RE = re.compile(r"(?P<named>\b(?:called|named|titled):?\s+)?" + _QUOTED +
                       r"(?(named)|(?=(?:\s*(?:,|or|and)\s*" + _QUOTED + r")*\s+(?:spaces?|rooms?|teams?|channels?"
                       r"|groups?|categor(?:y|ies)|queues?|locations?|sites?|workspaces?|projects?|folders?|tabs?)\b))",
                       re.IGNORECASE)


# 'posts "AA holiday schedules updated" into our space', 'send a short "meeting booked"': the words of a message
# the app posts, no need of the app's (lower case only: 'POST "https://..."' is an HTTP method)
_POSTED_RE = re.compile(r"(?P<verb>\b(?:post|posts|posting|posted|send|sends|sending|sent)\s+(?:(?:a|an|the)\s+)?"
                        r"(?:[\w-]+\s+)?)" + _QUOTED)


def without_titles(text: str) -> str:
    """The text less the quoted names of things ('the "Compliance" category' is no compliance officer) and
    the quoted words of the messages it posts."""
    return _POSTED_RE.sub(r'\g<verb>""', _TITLE_RE.sub(lambda m: (m.group("named") or "") + '""', text))


# "with no human around to log in or refresh anything", "nobody who clicks through a consent screen": what no
# person does, to the end of its clause
_NO_ONE_RE = re.compile(r"\b(?:nobody|no[\s-]one|no\s+(?:human|person|people|user|users|admin|admins))\b"
                        r"(?:\s+[a-z]+){0,2}?\s+(?:to|who|that)\s+[^.,;:!?\n]*", re.IGNORECASE)


def without_undone(text: str, lexicon: Lexicon) -> str:
    """The text less what it says the app does not do: a denied verb that changes something, or reads
    when we or never deny it or the sentence sets it against what the app does, with the rest of its
    clause; only the verb when the sentence goes on to refer back to what it named ("we never delete
    messages, we only read them"). Else a denied read is a failure ("the token doesn't list devices",
    "I don't see the messages")."""
    def kept(match: re.Match[str]) -> str:
        verb = match.group("verb").lower()
        ours = (match.group(0).lower().startswith(("never", "no longer")) or _WE_RE.search(text[:match.start()])
                or _INSTEAD_RE.match(text[match.start():]))
        if lexicon.verb_forms.get(verb) != "write" and not (verb in _READS and ours):
            return match.group(0)  # "it doesn't list the devices": a failure, not a need denied
        return match.group("rest") if _REFERS_BACK_RE.match(text[match.end():]) else " "
    return _GAP_BEFORE_STOP_RE.sub("", _UNDONE_RE.sub(kept, _NO_ONE_RE.sub(" ", text)))


_NEGATORS = frozenset({"no", "without", "nor"})  # "no message bodies, no member lists"
_NOT_THE = frozenset({"the", "a", "an", "any"})  # "just the list, not the messages"
_OR = frozenset({"or", "nor"})
_DO_NOT = frozenset({"don", "dont", "doesn", "didn"})  # "don't", as words() splits it
_UNWANTED_RE = re.compile(r"(?:t )?(?:need|want|care about)(?: the| any| a)? ")  # "don't care about the..."


def _unwanted_from(raw: list[str], i: int) -> int:
    """After "don't", how many words "need X", "want the X" or "care about X" rule out (0: none)."""
    after = " ".join(raw[i + 1:i + 5]) + " "
    m = _UNWANTED_RE.match(after)
    return len(m.group(0).split()) + t.NEGATED_WORDS if m else 0


def without_negated(raw: list[str], names_resource: Callable[[str], bool]) -> list[str]:
    """The words, less those a negation rules out: up to two words after 'no', 'without' or
    'nor', after 'not the' ('not the messages'), 'not' before a resource ('not meeting
    recordings') or "don't need/want/care about", and the words an 'or' adds to them ('no xAPI
    commands or statuses'); 'not' before a verb ('not able to read') stays."""
    kept, skip = [], 0
    for i, word in enumerate(raw):
        if skip:
            skip -= 1
            if word in _OR:
                skip = 1  # the word after 'or' is ruled out too
            elif not skip and i + 1 < len(raw) and raw[i + 1] in _OR:
                skip = 1  # the 'or' itself
            continue
        if word in _NEGATORS or (word == "not" and i + 1 < len(raw) and names_resource(raw[i + 1])):
            skip = t.NEGATED_WORDS
        elif word in _DO_NOT and (wanted := _unwanted_from(raw, i)):
            skip = wanted
        elif word == "not" and i + 1 < len(raw) and raw[i + 1] in _NOT_THE:
            skip = t.NEGATED_WORDS + 1
        kept.append(word)
    return kept


_SUBJECTS = frozenset({"i", "we"})  # "a space I moderate"; "meetings he hosts" says whose
# "the messages people send me": what someone else does to the resource says which, not what the app does
_OTHERS = frozenset({"people", "someone", "somebody", "others", "they", "users", "customers", "colleagues", "anyone"})
_BE = frozenset({"m", "am", "are", "re", "is", "s"})
_RELATIVE = frozenset({"that", "which"})
# "the user who signed in", "the admin who authorized it", "someone who's leaving": 'who' before one of these,
# after a word for the actor, says which actor and asks nothing (unlike "the users who joined", "the admin who
# changed it")
_ACTORS = frozenset({"user", "users", "someone", "anyone", "admin", "admins", "employee", "employees", "host",
                     "customer", "customers", "one", "colleague", "colleagues", "manager", "managers"})
_SIGNS_IN = frozenset({"signed", "signs", "logged", "logs", "authorized", "authorised", "authorizes", "authorises",
                       "installed", "installs", "consented", "asks", "asked", "uses", "owns", "runs", "s", "is", "are"})


def without_relative(raw: list[str], names_resource: Callable[[str], bool],
                     is_action: Callable[[str], bool] = lambda word: True) -> list[str]:
    """The words, less a relative clause that says which resource ("a space I moderate", "a room
    I'm in", "the meetings we host", "the messages that people send me"): its verb is not what the
    asker wants to do. After someone else, only a verb of reading or changing (`is_action`) goes:
    "the meetings others host" keeps its hosts."""
    kept, i = [], 0
    while i < len(raw):
        relative = raw[i] in _RELATIVE and i + 1 < len(raw) and raw[i + 1] in _SUBJECTS | _OTHERS
        i += relative  # "the messages that people send me"
        acts = i + 1 < len(raw) and is_action(raw[i + 1])  # "scim users" has no verb after its 'users'
        if ((raw[i] in _SUBJECTS and not _has_object(raw, i) or raw[i] in _OTHERS and (relative or acts))
                and kept and names_resource(kept[-1])):
            other = raw[i] in _OTHERS
            i += 1 + (i + 1 < len(raw) and raw[i + 1] in _BE)
            i += i < len(raw) and (not other or is_action(raw[i]))  # the verb
            continue
        kept.append(raw[i])
        i += 1
    return kept


_OBJECT_OPENERS = frozenset({"a", "an", "new"})  # not "the": "the messages I sent the customer" says which


def _has_object(raw: list[str], i: int) -> bool:
    """Whether "we" or "I" at `i` opens a clause of its own, its verb taking an object ("for each meeting room
    we create a workspace"), unlike a relative clause that says which ("the meetings we host")."""
    return i + 2 < len(raw) and raw[i + 2] in _OBJECT_OPENERS


_API_WORDS = frozenset({"api", "apis"})


def named_apis(kept: list[str]) -> set[int]:
    """Positions of the words that name an API ("the Authorizations API", "Call Controls API"):
    the one or two words right before 'API'."""
    return {j for i, word in enumerate(kept) if word in _API_WORDS for j in (i - 1, i - 2)
            if j >= 0 and kept[j] not in STOPWORDS and all(kept[k] not in STOPWORDS for k in range(j, i))}


# "the spaces I'm (or "im") a member of", "a space where the user is a member", "the teams my user is a member
# of": which spaces or teams, the asker's own; not a question about memberships (kept: the space, the team)
_MEMBER_OF_RE = re.compile(
    r"\b(spaces?|rooms?|teams?)\s+(?:(?:where|that|which|in\s+which)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:user|users|i|we|they|he|she|person|people|nobody|no\s+one|none\s+of\s+(?:us|them)"
    r"|nobody\s+from\s+(?:[\w-]+\s+){0,2}?)\s*(?:is|are|am|'m|’m|'re|’re)|im)(?:n['’]?t|\s+not)?\s+"
    r"(?:already\s+)?(?:an?\s+)?members?(?:\s+of)?\b", re.IGNORECASE)
# "spaces inside the team", "the people within one of our locations": what follows one of these names where
# the thing is, not the thing
_CONTAINING = frozenset({"inside", "within", "under"})  # not "at": "look at the messages"
_IN_EACH = frozenset({"in", "at"})  # before "each" or "every": where each of the things is
_CONTAINER_FILLERS = frozenset({"the", "a", "an", "one", "of", "our", "my", "their", "its", "each", "that", "this",
                                "existing", "new", "same"})
# "the people at one of our locations", "users assigned to the Leeds location": after a thing, where it is;
# not when, nor how many: "members at the time of the meeting", "a message at the start of each call", "at least"
_WHERE_IT_IS = (("at",), ("assigned", "to"))
_WHEN_OR_HOW_MANY = frozenset({"time", "times", "start", "end", "moment", "beginning", "least", "most", "all",
                               "once", "first", "last", "night", "noon", "midnight", "weekend", "weekends"})


# "I'm a full admin", "as a site admin", "we are org admins": who asks, said in words of an admin role
_ASKER_ROLE_RE = re.compile(r"\b(?:i m|i am|as|we re|we are)\s+(?:an?\s+|the\s+)?((?:[\w-]+\s+){0,2}?"
                           r"(?:admin|admins|administrator|administrators))\b")


# ...of which these say only how much the admin may do (a partner or a site admin is its own audience)
_ADMIN_RANKS = frozenset({"full", "global", "super", "org", "organization", "organisation", "company", "tenant",
                          "admin", "admins", "administrator", "administrators"})


def asker_role_words(joined: str) -> set[str]:
    """The words of an admin role the asker says they hold ("I'm a full admin"): who acts, which the audience
    cues read, not what to do; "full" would otherwise ask for the roles scope ("the Full Administrator role")."""
    return {word for m in _ASKER_ROLE_RE.finditer(joined) for word in m.group(1).split()} & _ADMIN_RANKS


def actor_whos(kept: list[str]) -> set[int]:
    """Positions of a 'who' that says which actor ("the user who signed in"), not who did something."""
    return {i for i in range(1, len(kept) - 1)
            if kept[i] == "who" and kept[i - 1] in _ACTORS and kept[i + 1] in _SIGNS_IN}


def contained_words(kept: list[str], is_resource: Callable[[str], bool]) -> set[int]:
    """Positions of the words that name a container: right after 'inside', 'within' or 'under', or 'in each'
    and 'at every', past determiners ("within one of our locations", "the devices in each workspace"); and
    the thing named after a thing and 'at' or 'assigned to' ("the people at one of our locations")."""
    found, after = set(), False
    for i, word in enumerate(kept):
        if word in _CONTAINING or (word in _IN_EACH and kept[i + 1:i + 2] in (["each"], ["every"])):
            after = True
        elif after and word not in _CONTAINER_FILLERS:
            found.add(i)
            after = False
        elif i and is_resource(kept[i - 1]) and (said := _where_it_is(kept, i)):
            found |= _thing_named(kept, i + said, is_resource)
    return found


def placing_words(kept: list[str], is_resource: Callable[[str], bool]) -> set[int]:
    """Positions of a verb that says where the thing named before it is ("the users assigned to the Leeds
    location"): where it is, not an action to do."""
    return {i for i in range(1, len(kept)) if is_resource(kept[i - 1]) and _where_it_is(kept, i) > 1}


def _where_it_is(kept: list[str], i: int) -> int:
    """How many words from `i` say where a thing is ('at', 'assigned to'), or 0."""
    return next((len(words) for words in _WHERE_IT_IS if tuple(kept[i:i + len(words)]) == words), 0)


def _thing_named(kept: list[str], start: int, is_resource: Callable[[str], bool]) -> set[int]:
    """The position of the first thing named from `start`, past fillers and a few other words (a name); none
    when the words say when or how many, not where."""
    rest = [i for i in range(start, len(kept)) if kept[i] not in _CONTAINER_FILLERS][:t.CONTAINER_REACH]
    if rest and kept[rest[0]] in _WHEN_OR_HOW_MANY:
        return set()
    return next(({i} for i in rest if is_resource(kept[i])), set())


# A colon or semicolon ends a piece: no relative clause or negation reaches across it.
_PIECE_END_RE = re.compile(r"[:;](?=\s)")


# "create a meeting for the team", "a bot for our team": the people a thing is made for, not the Teams API
# ("the members for the team", "the members for the team space" keep it)
_FOR_THE_TEAM_RE = re.compile(
    r"(\b(?!(?:members?|memberships?|people|users?|everyone|persons?)\b)[\w'’-]+)\s+for\s+"
    r"(?:the|my|our|his|her|their)\s+(?:whole\s+|entire\s+)?team\b(?!\s+(?:spaces?|members?|memberships?)\b)",
    re.IGNORECASE)


# What the app is, has, or where it runs: context, not the need
# "+1 same issue here", "similar problem": a reply in a thread that tells of someone else's problem, no need
_SAME_ISSUE_RE = re.compile(r"\b(?:same|similar)\s+(?:issue|problem|error)s?\b(?:\s+(?:here|too|as\s+well))?",
                            re.IGNORECASE)
# "delete the ones that have been offline for 30 days", "remove those which are older than a year": which of the
# things named before, told by their state after the verb that acts on them; the need is what is done to them, not
# reading that state ("and the ones that are tagged get removed", "for the ones that were recorded" keep theirs)
_WHICH_ONES_RE = re.compile(r"\b(?!(?:and|or|but|for|of|with|to|from|in|on|at|by|that|the)\b)([a-z]+)\s+((?:the\s+)?"
                            r"(?:ones|those|them))\s+(?:that|which|who)\s+(?:have\s+been|has\s+been|had\s+been|are"
                            r"|were|is|was)\s+[^,.;:!?()]*", re.IGNORECASE)
_CONTEXT = (_SAME_ISSUE_RE, _OWN_TOKEN_RE, _MAKING_THE_APP_RE, BEYOND_OWN_RE, _AUTHORIZED_APP_RE, _WHO_WE_ARE_RE,
            _WHERE_SCOPES_GO_RE, _OUR_TEAM_RE, _TEAM_ASKS_RE, _WHO_AUTHORIZES_RE, _APP_TOKEN_RE, _WHERE_IT_RUNS_RE,
            _HELD_REFRESH_RE, _OUR_SERVICE_RE)

# "a user's display name", "displayName": the name a person shows, a noun; "display" is no verb that reads there
_DISPLAY_NAME_RE = re.compile(r"\bdisplay[\s_-]?(names?)\b", re.IGNORECASE)

# "someone else's recording", "a meeting for someone else": another user's, another user, as the knowledge base says it
_SOMEONE_ELSES_RE = re.compile(r"\b(?:someone|somebody|anyone|anybody)\s+else(['’]s)?\b", re.IGNORECASE)

# "that token call", "the REST call", "an API call": a request to the API, not a phone call
_API_CALL_RE = re.compile(r"\b(api|rest|https?|token|sdk|endpoint|graphql|backend|server|network)\s+calls?\b",
                          re.IGNORECASE)
# "every call is 401", "each call fails": requests the API refused (the status may be read out of the text already:
# "every call is ."), not phone calls
_REFUSED_CALLS_RE = re.compile(r"\b(every|each|all|any)\s+calls?\b(?=\s+(?:is|are|was|were|returns?|returned|fails?"
                               r"|failed|gives?|gets?)(?:\s+(?:with\s+)?(?:an?\s+)?(?:4\d\d|unauthori[sz]ed|forbidden)"
                               r"|\s*[.,;!?]|\s*$))", re.IGNORECASE)

# "a read-only admin runs it", "it runs as a full admin": who runs the app (a who-acts cue), not a need to run
_APP_RUN = r"(?:it|this|that|the\s+(?:script|tool|job|app|integration|report))"
_RUNS_IT_RE = re.compile(r"\b((?:(?:a|an|the|our|my)\s+)?(?:[\w-]+\s+){0,2}?(?:admins?|administrators?|users?"
                         r"|officers?))\s+runs\s+" + _APP_RUN + r"\b", re.IGNORECASE)
_IT_RUNS_AS_RE = re.compile(r"\b" + _APP_RUN + r"\s+runs\s+(?=(?:as|under|with)\b)", re.IGNORECASE)
# "Admin authorizes.", "a full admin authorises it once": who grants the app its scopes (a who-acts cue), not the
# authorizations that identity:tokens_* list and revoke; said as a sentence of its own, not as an event ("get notified
# when an admin authorizes my service app")
_ADMIN_AUTHORIZES_RE = re.compile(
    r"(?:^|(?<=[,.;:?!(]))\s*((?:(?:a|an|the|our|my)\s+)?(?:[\w-]+\s+)?(?:admins?|administrators?))\s+"
    r"authori[sz]es\b(?:\s+(?:it|the\s+(?:app|integration|tool|script)))?", re.IGNORECASE)

# "POST /locations", "POST https://webexapis.com/v1/rooms": the HTTP method creates; it posts no message
_HTTP_POST_RE = re.compile(r"\bPOST(?=\s+(?:/|https?://))")

# "create webhooks", "manage the webhooks": a webhook's own scope is the one of what it watches, told apart; the
# verb creates no message, space or meeting. Not a Contact Center subscription (made with its config scope), nor
# webhooks made through the Messaging MCP server (spark:webhooks_write).
_MAKES_WEBHOOKS_RE = re.compile(r"\b(?:creat\w*|register\w*|set\s+up|setting\s+up|manag\w*)\s+"
                                r"(?:(?:an?|the|my|our|some|a\s+few)\s+)?(webhooks?)\b"
                                r"(?!\s+subscriptions?)(?![^.?!\n]*\bmcp\b)", re.IGNORECASE)

# "a nightly dump of all users", "dumps every queue to CSV": an export, as developers say it
_DUMP_RE = re.compile(r"\bdump(s|ed|ing)?\b", re.IGNORECASE)

# "who actually showed up", "how many people turned up", "how long each person stayed": who attended a meeting, as
# people say it (not "the message shows up in the space")
_SHOWED_UP_RE = re.compile(r"\b(who|whoever|people|attendees|participants|students|guests|candidates|everyone|anyone"
                           r"|nobody|they)\s+(?:(?:actually|really|truly)\s+)?(?:showed|show|shows|turned|turn|turns)"
                           r"\s+up\b", re.IGNORECASE)
_STAYED_RE = re.compile(r"\bhow\s+long\s+(each\s+(?:person|one|attendee|participant)|they|people|everyone|attendees"
                        r"|participants)\s+(?:stayed|stays|stay)\b", re.IGNORECASE)
# A span of time ("for 6 months", "an hour after", "once a month") says when, not what: "month" and "hour" are
# words of billing reports and schedules.
_SPAN_RE = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|nine|ten|twelve|eighteen|few|several)"
                      r"\s+(?:months?|hours?)\b", re.IGNORECASE)

# "keeps the hunt groups in sync with the HR system", "syncs hunt group membership from our HR system": what another
# system holds written into Webex, an update (not "sync the locations into ServiceNow", which reads them); not an
# identity provider, whose users come in through SCIM ("sync users from our identity provider")
_SOURCES = r"(?:hr|hris|workday|sap|successfactors|bamboohr|erp|crm|ats|lms|csv|spreadsheet|database)"
_THEIRS = r"(?:the\s+|our\s+|their\s+)?"
_KEPT_IN_SYNC_RE = re.compile(r"\bkeep(?:s|ing)?\s+((?:\S+\s+){1,6}?)in\s+sync\s+with\s+" + _THEIRS + _SOURCES
                              + r"\b", re.IGNORECASE)
_SYNCED_FROM_RE = re.compile(r"\bsync(?:s|ed|ing|hroni[sz]e[sd]?)?\s+((?:\S+\s+){1,6}?)from\s+" + _THEIRS + _SOURCES
                             + r"\b", re.IGNORECASE)


# What a text names, read as what it is, in this order (each rewrite reads the text the ones before it left)
_READINGS = ((_CALL_BACK_RE, r"dial\1"), (_INVITED_RE, r"\1 people"), (_NEW_PEOPLE_RE, ""), (_DROPPED_PEOPLE_RE, "add"),
             (_MENTION_SOMEONE_RE, "post to"), (_DROPPED_INTO_RE, "post"), (_THE_REPLIES_RE, r"\1 messages"),
             (_SPACE_KIND_RE, ""), (_EVENT_NAME_RE, r"\1 events"), (_MEMBER_OF_RE, r"\1"), (_FOR_THE_TEAM_RE, r"\1"),
             (_DISPLAY_NAME_RE, r"\1"), (_SOMEONE_ELSES_RE, r"another user\1"), (_DUMP_RE, r"export\1"),
             (_SHOWED_UP_RE, r"\1 joined"), (_SPAN_RE, " "), (_STAYED_RE, r"how long \1 attended"),
             (_KEPT_IN_SYNC_RE, r"update \1"), (_SYNCED_FROM_RE, r"update \1"),
             (_HTTP_POST_RE, "create"), (_MAKES_WEBHOOKS_RE, r"\1"), (_RUNS_IT_RE, r"as \1"), (_IT_RUNS_AS_RE, " "),
             (_ADMIN_AUTHORIZES_RE, r"as \1"), (_WHICH_ONES_RE, r"\1 \2"),
             *((pattern, " ") for pattern in _CONTEXT))


def _as_meant(text: str, lexicon: Lexicon) -> str:
    """The text with what it names read as what it is (a device, "dial back", "post") and the app's setting left
    out (who we are, where it runs), so that what is left is the need; an API call is read before the credential
    words go ("that token call" must not leave a bare "call")."""
    requests = _REFUSED_CALLS_RE.sub(r"\1 request", _API_CALL_RE.sub(r"\1 request", text))
    return reduce(lambda said, reading: reading[0].sub(reading[1], said), _READINGS,
                  lexicon.as_named(without_credential(requests)))


def repaired_term(word: str, index: "ScopeIndex") -> str | None:
    """The term of the word's repaired spelling ("transcrpts"), not for a verb form ("order" is no "older")."""
    fixed = None if word in index.lexicon.verb_forms else index.speller.correct(word)
    return index.lexicon.term(fixed) if fixed else None


@lru_cache(maxsize=t.QUERIES_KEPT)  # the stages after the first answer read the same clauses again
def build_query(text: str, index: "ScopeIndex", intent_override: str | None = None) -> Query:
    """Read `text` against the index: its terms, how strongly, what is unknown (kept: never change a Query)."""
    lexicon, speller = index.lexicon, index.speller
    pieces = [words(piece) for piece in _PIECE_END_RE.split(_as_meant(text, lexicon))]  # "for Calling users: ..."
    joined = " ".join(word for piece in pieces for word in piece)
    cue_matches = lexicon.cue_matches(joined)
    in_cues = set(" ".join(cue_matches).split())
    # Words of a cue phrase ("control hub") say who acts, not what to do; a one-word cue can
    # still be the verb ("provision users").
    in_phrases = set(" ".join(c for c in cue_matches if " " in c).split())
    in_products = lexicon.product_words(joined)  # "for Webex Contact Center": where, not what
    roles = asker_role_words(joined)
    terms: dict[str, float] = {}
    unknown = known = repaired = context = 0
    previous = ""
    is_resource = lambda w: lexicon.term(w) in index.resource_terms  # noqa: E731
    acts = lambda w: lexicon.term(w) in lexicon.verb_terms  # noqa: E731
    read = [without_relative(without_negated(piece, is_resource), is_resource, acts) for piece in pieces]
    kept = [w for piece in read for w in piece]
    api_names, contained, which_actor = named_apis(kept), contained_words(kept, is_resource), actor_whos(kept)
    placing = placing_words(kept, is_resource)
    for i, word in enumerate(kept):
        term, after = lexicon.term(word), previous
        previous = word
        if (term is None or (after in COPULAS and term in lexicon.verb_terms) or i in which_actor or word in roles
                or i in placing):
            continue  # "which licenses are assigned" tells a state; "the user who signed in" asks nothing
        factor = t.CUE_WORD_FACTOR if word in in_cues else t.API_NAME_FACTOR if i in api_names else 1.0
        if i in contained:
            factor *= t.CONTAINER_FACTOR
        if term in lexicon.verb_terms:
            factor *= t.VERB_FACTOR
        if term in index.postings:
            terms[term] = max(terms.get(term, 0.0), factor)
            known += 1
            context += word in in_cues or word in in_products or term in lexicon.product_terms
            continue
        fixed_term = repaired_term(word, index)
        if fixed_term in index.postings:
            terms[fixed_term] = max(terms.get(fixed_term, 0.0), t.CORRECTED_FACTOR * factor)
            known += 1
            repaired += 1
        elif word not in in_cues and not speller.is_stopword_slip(word):
            unknown += 1
    asked, verb = _the_verb(read, in_phrases, lexicon, speller)
    intent = intent_override or lexicon.intent(asked, verb)
    acted = lexicon.acted_on(asked, verb, index.resource_terms)
    return Query(text, _as_posted(terms, intent, acted, index), unknown, intent, lexicon.audiences(joined), known,
                 repaired, context, acted, bool(terms) and terms.keys() <= lexicon.verb_terms)


def _the_verb(pieces: list[list[str]], in_phrases: set[str], lexicon: Lexicon,
              speller: Speller) -> tuple[list[str], tuple[int, str] | None]:
    """The words that may ask (not those of a cue phrase: "not call control") and the verb that says read or
    write among them; after a label the verb that opens the next piece ("DM cleanup for myself: list my
    messages"), not the noun the label is made of (cleanup, export, sync)."""
    asked = [[w for w in piece if w not in in_phrases] for piece in pieces]
    flat = [w for piece in asked for w in piece]
    if len(asked) > 1 and asked[1] and asked[1][0] in lexicon.verb_forms:
        found = lexicon.verb_at(asked[1], speller)
        if found:
            return flat, (len(asked[0]) + found[0], found[1])
    return flat, lexicon.verb_at(flat, speller)


def _as_posted(terms: dict[str, float], intent: str | None, acted: str | None, index: "ScopeIndex") -> dict[str, float]:
    """The terms less what a posted message holds: a summary with no meeting named ("post a summary message"),
    and at half weight what a message posted to a space or a person carries ("post the meeting summary into
    the team space")."""
    lexicon = index.lexicon
    if intent == "write" and lexicon.posted_terms & terms.keys() and lexicon.meeting_term not in terms:
        terms = {term: f for term, f in terms.items() if term not in lexicon.content_terms}
    if acted != lexicon.message_term:
        return terms
    return {term: f * (t.POSTED_CONTENT_FACTOR if term not in lexicon.recipients and term != acted
                       and term not in lexicon.verb_terms else 1.0) for term, f in terms.items()}


def names_a_resource(text: str, index: "ScopeIndex") -> bool:
    """Whether the text names something an API acts on ("the user's meeting transcripts")."""
    query = build_query(text, index)
    return bool(set(query.terms) & index.resource_terms) and not query.only_context


def asks_to_act(text: str, index: "ScopeIndex") -> bool:
    """Whether the text asks for something to be done (read or write) to a resource ("list the rooms"),
    not only about a thing, nor only what to do ("what headers should I set")."""
    query = build_query(text, index)
    return query.intent is not None and bool(set(query.terms) & index.resource_terms)
