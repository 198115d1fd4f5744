"""Stage 1: a chat message as developers write it, split into the prose that states the need
and the pasted material around it (code, curl, error bodies, quotes, greetings, signatures).

The prose goes to the word ranker; the pasted material is searched for explicit evidence
(endpoints, SDK calls) only, so a long stack trace or JSON body cannot drown the need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_plus

from bot.core.endpoints import WEBEX_DOMAIN
from bot.core.matching import tuning as t

_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_EMOJIS = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]"
_EMOJI_RE = re.compile(_EMOJIS)
# an emoji after words and before a new sentence ("first integration ever 😅 I need"): a sentence end;
# "post a ✅ message" stays one sentence
_EMOJI_ENDS_RE = re.compile(r"(?<=\w)[ \t]*" + _EMOJIS + r"+(?=[ \t]+(?:[A-Z]|(?:i|we|my|our|it|this|that)\b))")
_FENCE_RE = re.compile(r"```(?:[\w+-]*\n)?(.*?)(?:```|$)", re.DOTALL)
_INLINE_CODE_RE = re.compile(r"`([^`\n]+)`")
_JSON_BODY_RE = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}", re.DOTALL)
_ERROR_WORDS_RE = re.compile(r"trackingid|\"message\"|\"errors\"|\"description\"", re.IGNORECASE)
_CODE_LINE_RE = re.compile(
    r"^\s*(?:\$\s|>>>|curl\s|import\s+[\w.]+(?:\s+as\s+\w+)?\s*;?$|from\s+[\w.]+\s+import\b"
    r"|(?:const|let|var)\s+\w+\s*=|await\s+[\w.]+\(|async\s+(?:def|function)\b|def\s+\w+\(|return\s.*[;)]\s*$"
    r"|print\(|console\.|headers?\s*[=:]\s*[{\[]|traceback\b|file\s+\".*\",\s+line\b|at\s+\S+\s+\(|[}\])]"
    r"|[\w.\[\]'\"]+\s*=\s*\S|[\w.]+\([^)]*\)?\s*[;{]?\s*$|-[A-Za-z]\s|--[a-z-]+\b"
    r"|\w+(?:\.\w+)*(?:Error|Exception):|HTTP/\d)",
    re.IGNORECASE,
)
_GREETING_RE = re.compile(
    r"^\s*(?:hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening)|dear"
    r"|(?:morning|afternoon|evening)(?=\s*(?:all|everyone|folks|team|guys|people|[,!.:;-]|$)))\b"
    r"(?:\s+(?:all|everyone|folks|team|there|guys|people|devs|experts|webex\s+team))?\s*[,!.:;-]*\s*",
    re.IGNORECASE,
)
# "sorry if this was asked before", "I searched the space but couldn't find it", "apologies for the newbie
# question", "I keep forgetting which scope": chat manners about the asking, never a need ("the space" here is where
# people ask)
_PREAMBLE_RE = re.compile(
    r"(?:^|(?<=[.!?,]\s))\s*(?:(?:sorry|apologies|apologi[sz]e)\s+(?:if|for|in\s+advance)\b[^.!?,]*"
    r"|i\s+(?:searched|looked|checked|googled)\b[^.!?,]*?\b(?:could\s*n[o']?t|can\s*n[o']?t|didn'?t|did\s+not"
    r"|cannot)\s+find\s+(?:it|this|that|anything|an?\s+answer|the\s+answer|one)"
    r"(?:\s+(?:there|here|anywhere|online))?(?=\s*[.!?,;:-]|\s*$)"
    r"|(?:quick|dumb|silly|stupid|noob|newbie|beginner)\s+question(?=\s*[.!?,;:-])"
    r"|i(?:\s+have|'ve)?\s+(?:lost\s+track\s+of|forgot|keep\s+forgetting|(?:can'?t|cannot|don'?t)\s+remember)"
    r"(?=\s+(?:which|what)\b))\s*[.!?:,;-]*",
    re.IGNORECASE,
)
_SIGN_OFF_RE = re.compile(
    r"^\s*(?:thanks|thank\s+you|thx|tia|cheers|regards|best(?:\s+regards)?|kind\s+regards|br|--+)"
    r"\b[^?]{0,40}$",
    re.IGNORECASE,
)

_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)\s]*\)")
_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>|<@\w+>")
_FOREIGN_URL_RE = re.compile(
    rf"\b(?:https?://|javascript:|data:)(?![\w.-]*\b{WEBEX_DOMAIN}\b)\S+", re.IGNORECASE)
# "the API call" means a request, not a phone call; so does "that call" in a message that
# shows a request (POST /v1/meetings): "transfer that call" stays a phone call elsewhere.
_API_CALL_RE = re.compile(r"\b(?:api|rest|http|sdk)\s+calls?\b", re.IGNORECASE)
# "call external APIs", "calling the endpoint": calling an API is sending a request, not a phone call
_CALL_AN_API_RE = re.compile(r"\bcall(?:s|ed|ing)?(?=\s+(?:(?:the|an?|our|their|its|this|that|these|those|other|"
                             r"external|third[\s-]party|webex|rest|some|any)\s+){0,2}(?:apis?|endpoints?)\b)",
                             re.IGNORECASE)
_THAT_CALL_RE = re.compile(r"\b(?:that|this|these|those|each|the\s+same)\s+calls?\b"
                           r"(?!\s+(?:queues?|park|pickup|history|recordings?|forwarding|cent(?:er|re)|settings|logs?))",
                           re.IGNORECASE)
# "that delete call needs", "the GET call returns 403": a call named by its HTTP method is a request (not "the post
# call summary": a call's summary)
_METHOD_CALL_RE = re.compile(r"\b((?:that|this|the|a|each|every)\s+(?:delete|get|post|put|patch)\s+)calls?\b"
                             r"(?=\s*(?:$|[?.,!;:)]|(?:needs?|requires?|fails?|failed|returns?|returned|gives?|gave"
                             r"|works?|worked|is|was|to|for|with|on|in|and|but|that|which|from)\b))", re.IGNORECASE)
_REQUEST_RE = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE)\s+(?:https?://\S+|/\S+)")
# "lorem ipsum lorem ipsum ...": words of up to 40 characters (an unbounded word is tried at every start of a long run)
_REPEAT_RE = re.compile(r"\b((?:\S{1,40}\s+){1,3}?)\1{3,}", re.IGNORECASE)
_NAME_LINE_RE = re.compile(r"^[-~\s]*[A-Z][a-z]+(?:\s+[A-Z][a-z.]*){0,2}\s*$")


@dataclass(frozen=True)
class Message:
    """A question split into what it says and what it pastes."""

    text: str  # the whole message, invisible characters removed, whitespace collapsed
    prose: str  # the sentences that state the need, pasted material removed
    pasted: str  # code, curl lines, error bodies: searched for endpoints and SDK calls only
    sentences: tuple[str, ...] = ()  # the prose, one sentence each


def _take_code(text: str) -> tuple[str, list[str]]:
    """Fenced blocks and code-looking inline spans out of the text (inline names stay as prose)."""
    pasted = [m.group(1) for m in _FENCE_RE.finditer(text)]
    text = _FENCE_RE.sub("\n", text)

    def inline(m: re.Match[str]) -> str:
        span = m.group(1)
        if "(" in span or "=" in span:
            pasted.append(span)
            return " "
        return span

    return _INLINE_CODE_RE.sub(inline, text), pasted


def _take_error_bodies(text: str) -> tuple[str, list[str]]:
    bodies = [m.group(0) for m in _JSON_BODY_RE.finditer(text) if _ERROR_WORDS_RE.search(m.group(0))]
    for body in bodies:
        text = text.replace(body, "\n")
    return text, bodies


def _without_noise(text: str) -> str:
    """No images, HTML, mention tags or links to other sites (a link keeps its words), and a phrase
    repeated over and over said once: none of it states a need, all of it could drown one."""
    text = _IMAGE_RE.sub(" ", _SCRIPT_RE.sub(" ", text))
    text = _LINK_RE.sub(lambda m: f"{m[1]} {m[2]}", text)
    text = _FOREIGN_URL_RE.sub(" ", _TAG_RE.sub(" ", text))
    return _REPEAT_RE.sub(r"\1", text)


def _is_prose_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.startswith(">"):
        return False
    if line.startswith(("    ", "\t")) and not stripped.endswith("?"):
        return False
    return not _CODE_LINE_RE.match(stripped) or (stripped.endswith("?") and " " in stripped)


# A line that starts a list item ("- ", "2) ", "b. ", "step 3") is no continuation of the line before.
_ITEM_START_RE = re.compile(r"^\s*(?:[-*•+]\s|\(?\d{1,2}[.)]|\(?[a-h]\)|step\s+\d)", re.IGNORECASE)


# A line that ends on one of these stops mid-sentence ("... posted into a" / "Webex space").
_MID_SENTENCE_RE = re.compile(r"\b(?:a|an|the|our|my|your|their|its|his|her|to|of|in|into|on|onto|for|with|by|from"
                              r"|at|and|or|but|through|via|as|than|is|are|was|were)$", re.IGNORECASE)
SENTENCE_ENDS = (".", "!", "?", ":", ";")  # a text that ends on one of these ends its sentence or clause


def _unwrapped(lines: list[str]) -> list[str]:
    """Hard-wrapped paragraphs (mail, editors) as one line each: a long prose line that ends without
    punctuation goes on in the next prose line when that one starts in lower case, or the long line
    stops mid-sentence ("... into a" / "Webex space"); never into a list item."""
    joined: list[str] = []
    for line in lines:
        before, after = (joined[-1].rstrip() if joined else ""), line.strip()
        if (len(before) >= t.WRAPPED_LINE_CHARS and not before.endswith(SENTENCE_ENDS) and after
                and not _ITEM_START_RE.match(line) and (not after[0].isupper() or _MID_SENTENCE_RE.search(before))
                and _is_prose_line(before) and _is_prose_line(line)):
            joined[-1] = f"{before} {after}"
        else:
            joined.append(line)
    return joined


def _drop_greeting_and_sign_off(lines: list[str]) -> list[str]:
    """Without "Hi folks," at the start, "sorry if this was asked before" anywhere and "Thanks! / -- Priya" at
    the end."""
    if lines:
        lines[0] = _GREETING_RE.sub("", lines[0], count=1)
    lines = [kept for line in lines if (kept := _PREAMBLE_RE.sub(" ", line).strip())]
    while len(lines) > 1 and (_SIGN_OFF_RE.match(lines[-1]) or _NAME_LINE_RE.match(lines[-1])):
        lines.pop()
    if lines and _SIGN_OFF_RE.match(lines[-1]) and not lines[-1].rstrip().endswith("?"):
        lines.pop()
    return lines


# An item marker inside a line ("...: 1. list devices 2. reboot them", "step 2 GET the message",
# "look up -> send -> schedule"): an item starts there, and its own "1." ends no sentence. Numbers count
# only as a run from one that opens the text, follows a colon or what the app should do ("set it to 1.
# Then ..." is no list); arrows only as a chain of steps ("GET x -> 403" is none); "(1)" stays inside
# its sentence ("it should (1) create a space, (2) add people").
# After an arrow, a step: a word in lower case, or a verb of what an app does in capitals ("Get rooms -> Get
# messages -> Delete flagged ones"); "Control Hub -> Calling -> Features" is a breadcrumb.
STEP_AFTER_ARROW = (r"(?=\s+(?:(?-i:[a-z])|(?:get|list|create|post|send|delete|update|add|remove|read|fetch|find|look"
                    r"|check|set|assign|schedule|invite|download|upload|reply|pull|push|move|change|rename|provision"
                    r"|poll|grab|show|enable|disable|register|revoke)\b))")
_INLINE_ITEM_RE = re.compile(r"(?:^|(?<=\s)|(?<=:))(?:(?:(\d{1,2})[.)]|step\s+(\d{1,2})\b[:.)]?)(?=\s+[A-Za-z])"
                             r"|(?:->|=>|→)" + STEP_AFTER_ARROW + ")", re.IGNORECASE)
_ITEM_MARK_RE = re.compile(r"^(?:\d{1,2}[.)]|step\s+\d{1,2}\.)$", re.IGNORECASE)
_RUN_OPENS_RE = re.compile(r"(?:^|[:\-–—]|\b(?:should|must|needs?\s+to|wants?\s+to|will|steps?))\s*$", re.IGNORECASE)


def _items_apart(prose: str) -> str:
    """The prose with a line break before each inline list item."""
    numbered: list[int] = []
    arrows: list[int] = []
    for found in _INLINE_ITEM_RE.finditer(prose):
        number = found.group(1) or found.group(2)
        if number is None:
            arrows.append(found.start())
        elif int(number) == len(numbered) + 1 and (numbered or _RUN_OPENS_RE.search(prose[:found.start()])):
            numbered.append(found.start())
    starts = (numbered if len(numbered) >= 2 else []) + (arrows if len(arrows) >= 2 else [])
    for start in sorted(starts, reverse=True):
        prose = prose[:start] + "\n" + prose[start:]
    return prose


def sentence_of(clause: str, sentences: tuple[str, ...]) -> str:
    """The sentence a clause was taken from (its first words found there, before any words in brackets: "read only
    (pull the registrants ...)" holds its neighbour's words), else the clause itself."""
    start = " ".join((clause.split(" (", 1)[0] or clause).lower().split()[:3])
    return next((s for s in sentences if start in " ".join(s.lower().split())), clause)


def sentences_of(prose: str) -> tuple[str, ...]:
    """Sentence-ish pieces: split at . ! ? line ends and list items, keeping the question mark."""
    parts = [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", _items_apart(prose)) if p and p.strip()]
    pieces: list[str] = []
    for part in parts:  # "1." alone is the marker of the item after it
        if pieces and _ITEM_MARK_RE.match(pieces[-1]):
            part = f"{pieces.pop()} {part}"
        pieces.append(part)
    return tuple(pieces)


def _as_requests(prose: str, shows_request: bool) -> str:
    """API calls named as such read as requests, not phone calls."""
    prose = _CALL_AN_API_RE.sub("request", _API_CALL_RE.sub("API request", _METHOD_CALL_RE.sub(r"\1request", prose)))
    return _THAT_CALL_RE.sub("that request", prose) if shows_request else prose


# "read/write my settings", "read+write", "R/W access", "CRUD on spaces": the accesses said in short
_READ_WRITE_RE = re.compile(r"\bread\s*[/+&-]\s*(write|change|update|edit|modify)\b|\br\s*/\s*w\b", re.IGNORECASE)
_CRUD_RE = re.compile(r"\bcrud\b", re.IGNORECASE)


def _both_accesses(prose: str) -> str:
    """The accesses said in short ("read/write", "CRUD") spelt out, so each is a need."""
    prose = _CRUD_RE.sub("create, read, update and delete", prose)
    return _READ_WRITE_RE.sub(lambda m: f"read and {m[1] or 'write'}", prose)


# `scope=spark%3Akms%20meeting%3Aschedules_read` in a pasted authorize URL: the scopes, URL-encoded
_SCOPE_PARAM_RE = re.compile(r"\b(scopes?=)([\w%+.:-]*%3[Aa][\w%+.:-]*)")


def _decoded_scopes(text: str) -> str:
    """The text with the scope parameter of an authorize URL decoded, so the scopes in it read as names."""
    return _SCOPE_PARAM_RE.sub(lambda m: f"{m[1]}{unquote_plus(m[2])} ", text)


def normalise(question: str) -> Message:
    """Split a chat message into prose and pasted material."""
    text = _decoded_scopes(_INVISIBLE_RE.sub("", question))
    text = _EMOJI_RE.sub(" ", _EMOJI_ENDS_RE.sub(".", text))
    text, code = _take_code(text)
    text, errors = _take_error_bodies(text)
    text = _without_noise(text)
    lines = _unwrapped(text.splitlines()) or [text]
    pasted = code + errors + [line for line in lines if line.strip() and not _is_prose_line(line)]
    prose_lines = _drop_greeting_and_sign_off([line.strip() for line in lines if _is_prose_line(line)])
    prose = _both_accesses(_as_requests("\n".join(prose_lines), shows_request=bool(_REQUEST_RE.search(text))))
    whole = " ".join(_INVISIBLE_RE.sub("", question).split())
    return Message(whole, " ".join(prose.split()), "\n".join(pasted), sentences_of(prose))
