"""Turns a Webex message into the question: the bot's @mention removed, HTML reduced to text."""

from __future__ import annotations

import base64
import binascii
import html
import re

from bot.webex.client import BotIdentity, IncomingMessage

_MENTION_RE = re.compile(
    r"<spark-mention\b[^>]*data-object-id=\"(?P<id>[^\"]+)\"[^>]*>(?P<name>.*?)</spark-mention>",
    re.IGNORECASE | re.DOTALL,
)
_TAG_RE = re.compile(r"<[^>]+>")
_PRE_RE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.IGNORECASE | re.DOTALL)
_QUOTE_RE = re.compile(r"<blockquote\b[^>]*>(.*?)</blockquote>", re.IGNORECASE | re.DOTALL)
_BREAK_RE = re.compile(r"<br\s*/?>|</(?:p|div|li|h\d|tr)>", re.IGNORECASE)


def _html_lines(markup: str) -> str:
    """HTML as text that keeps its lines: code blocks fenced, quotes marked with '>', so the
    answer engine can tell pasted code and quoted text from the question."""
    markup = _PRE_RE.sub(lambda m: "\n```\n" + _TAG_RE.sub("", m[1]) + "\n```\n", markup)
    markup = _QUOTE_RE.sub(lambda m: "\n" + "\n".join("> " + line for line in
                                                      _TAG_RE.sub("\n", m[1]).splitlines() if line.strip()) + "\n",
                           markup)
    return html.unescape(_TAG_RE.sub(" ", _BREAK_RE.sub("\n", markup)))


def _tidy(text: str) -> str:
    """Spaces collapsed within each line; blank lines dropped; the lines themselves kept."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _uuid_of(person_id: str) -> str:
    """The UUID inside a Webex id (`ciscospark://us/PEOPLE/<uuid>`, base64), or the id itself."""
    try:
        decoded = base64.b64decode(person_id + "=" * (-len(person_id) % 4), validate=False).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return person_id.lower()
    return decoded.rsplit("/", 1)[-1].lower() if "/" in decoded else person_id.lower()


def same_person(a: str, b: str) -> bool:
    """Webex writes one person's id in two forms (base64 and bare UUID); compare either."""
    return bool(a) and bool(b) and (a == b or _uuid_of(a) == _uuid_of(b))


def question_text(message: IncomingMessage, bot: BotIdentity) -> str:
    """The message with the bot's mention removed (from the HTML when there is some)."""
    if message.html:
        def keep_others(m: re.Match) -> str:
            return "" if same_person(m["id"], bot.id) else m["name"]

        text = _html_lines(_MENTION_RE.sub(keep_others, message.html))
    else:
        text = message.text or ""
        for name in bot.names:
            text = re.sub(rf"^\s*@?{re.escape(name)}\b[\s,:]*", "", text, flags=re.IGNORECASE)
    return _tidy(text)


def mentions_bot(message: IncomingMessage, bot: BotIdentity) -> bool:
    return any(same_person(p, bot.id) for p in message.mentioned_people)
