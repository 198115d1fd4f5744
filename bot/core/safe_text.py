"""User text made safe to echo in a reply: one inert line that quotes, never acts.

A question is echoed so a forwarded answer makes sense, but whatever the asker typed must not
reach the reply live: no mention (`<@all>`), link, image, HTML, Markdown formatting, zero-width or
bidi-override character. `one_line` cleans and caps; `for_markdown` also escapes for Webex
Markdown, where the text is parsed; cards show `one_line` text in a RichTextBlock TextRun, which
no client parses as Markdown.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.layout import MAX_ECHO_CHARS

ELLIPSIS = "…"
# Controls, format characters (zero-width, bidi overrides), private use, surrogates, unassigned.
_DROP_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_ANGLES = str.maketrans({"<": "‹", ">": "›"})  # look-alikes: no tag, mention or HTML can form
_SCHEME_RE = re.compile(r":(?=//)")  # https://x -> https[:]//x, and any other "://" too
# A dot a client could read as part of a host name: before a top-level domain (evil.com, evil.co, evil.app), after
# "www", or in an address (boss@evil.example); not in code ("api.messages.create", "webex.meetings.register").
_TLDS = ("[a-z]{2}|com|net|org|edu|gov|mil|int|info|biz|pro|name|mobi|aero|asia|coop|museum|jobs|travel|app|dev"
         "|cloud|site|online|xyz|tech|store|shop|blog|page|link|live|club|top|icu|vip|web|xxx|one|zip|mov|work|art")
_DOT_RE = re.compile(rf"(?<=[A-Za-z0-9])\.(?=(?:{_TLDS})(?![A-Za-z0-9-]))|(?<=\bwww)\.", re.IGNORECASE)
_ADDRESS_RE = re.compile(r"@[A-Za-z0-9.-]+")  # boss@evil.example: every dot of the domain
_LIST_START_RE = re.compile(r"^(\d+)([.)])")  # "1. x" would start an ordered list
_SECRET_RE = re.compile(r"(?i)(bearer\s+|access_token\s*[=:]\s*['\"]?|token\s*[=:]\s*['\"])[\w.~+/=-]{8,}")
_MARKDOWN_RE = re.compile(r"([\\`*_{}\[\]()#+\-!|~=^$&])")


_ILL_FORMED_RE = re.compile(r"[\x00\ud800-\udfff]")


def well_formed(text: str) -> str:
    """The text as every database keeps it and every JSON reader takes it: no NUL (PostgreSQL refuses it) and
    no lone surrogate (how Python keeps a byte that was not UTF-8; no UTF-8 encodes it), each of those made a
    replacement character, so a question still gets its answer."""
    return _ILL_FORMED_RE.sub("\ufffd", text)


def without_secrets(text: str) -> str:
    """`text` with pasted access tokens blanked out ("Bearer ‹token›"), so no reply repeats one."""
    return _SECRET_RE.sub(r"\1‹token›", text)


def one_line(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`text` on one line without invisible or control characters or access tokens, at most
    `limit` characters."""
    text = without_secrets(text)
    kept = "".join(" " if ch.isspace() else ch for ch in unicodedata.normalize("NFC", text)
                   if ch.isspace() or unicodedata.category(ch) not in _DROP_CATEGORIES)
    line = " ".join(kept.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + ELLIPSIS
    return defang(line)


def defang(text: str) -> str:
    """Links, addresses and tags written so no client turns them into something live."""
    text = text.translate(_ANGLES)
    text = _SCHEME_RE.sub("[:]", text)
    text = _ADDRESS_RE.sub(lambda m: m.group(0).replace(".", "[.]"), text)
    return _DOT_RE.sub("[.]", text)


def for_markdown(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`one_line(text)` with every Markdown control character backslash-escaped."""
    escaped = _MARKDOWN_RE.sub(r"\\\1", one_line(text, limit))
    return _LIST_START_RE.sub(r"\1\\\2", escaped)


def quoted_markdown(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """The user's words as an inert quotation for a Markdown reply: “…”."""
    return f"“{for_markdown(text, limit)}”"
