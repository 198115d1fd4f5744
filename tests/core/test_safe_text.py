"""Hostile user text is echoed as one inert line: no mention, link, image, HTML or formatting."""

from __future__ import annotations

import json

import re
import unicodedata

import pytest
from hypothesis import given, strategies as st

from bot.core.safe_text import ELLIPSIS, MAX_ECHO_CHARS, for_markdown, one_line, quoted_markdown

LIVE_MARKDOWN = re.compile(r"(?<!\\)[*_`\[\]()#!|~]")  # a control character left unescaped


@pytest.mark.parametrize("hostile, gone", [
    ("<@all> look at this", "<@"),
    ("<@personEmail:boss@example.com|Boss> hi", "<@"),
    ("<b>bold</b><script>alert(1)</script>", "<"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ("see https://evil.example/login now", "https://"),
    ("see www.evil.example", "www.evil"),
    ("mail me: boss@evil.example", "@evil.example"),
    ("[click here](https://evil.example)", "://"),
    ("![pixel](https://evil.example/p.png)", "://"),
])
def test_tags_mentions_and_links_are_inert(hostile: str, gone: str) -> None:
    for text in (one_line(hostile), for_markdown(hostile)):
        assert gone not in text


@pytest.mark.parametrize("hostile", [
    "**bold** __under__ *it* _it_", "`code` ```fence```", "# heading", "- a list", "+ a list",
    "1. a list", "> a quote", "| a | table |", "~~strike~~", "[a](b)", "![i](p.png)", "\\*escaped\\*",
])
def test_markdown_control_characters_are_escaped(hostile: str) -> None:
    escaped = for_markdown(hostile)
    assert not LIVE_MARKDOWN.search(escaped)
    assert not re.match(r"\d+[.)]|[-+>#] ", escaped)


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e",
                                       "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f",
                                       "\x00", "\x1b", "\x7f"])
def test_zero_width_bidi_and_control_characters_are_removed(invisible: str) -> None:
    assert one_line(f"pay{invisible}gnp.com") == "paygnp[.]com"


@pytest.mark.parametrize("said, echoed", [
    ("webex.meetings.register()", "webex.meetings.register()"),  # code reads as written
    ("api.messages.create(roomId=rid)", "api.messages.create(roomId=rid)"),
    ("developer.webex.com", "developer.webex[.]com"),  # a host name does not
    ("evil.co.uk/login", "evil[.]co[.]uk/login"), ("EVIL.APP", "EVIL[.]APP"),
    ("www.evil.example", "www[.]evil.example"),
])
def test_code_keeps_its_dots_and_host_names_lose_theirs(said: str, echoed: str) -> None:
    assert one_line(said) == echoed


def test_echo_is_one_line_and_capped() -> None:
    assert one_line("first\nsecond\r\nthird\u2028fourth\tfifth") == "first second third fourth fifth"
    long = one_line("word " * 100)
    assert len(long) == MAX_ECHO_CHARS and long.endswith(ELLIPSIS)
    assert quoted_markdown("a question") == "“a question”"


def test_ordinary_questions_read_the_same() -> None:
    assert one_line("what scope do I need to answer calls?") == "what scope do I need to answer calls?"
    assert one_line("GET /v1/rooms") == "GET /v1/rooms"
    assert for_markdown("spark:calls_write") == "spark:calls\\_write"


@given(st.text())
def test_any_text_comes_out_inert(text: str) -> None:
    line = one_line(text)
    assert "\n" not in line and "<" not in line and ">" not in line and "://" not in line
    assert len(line) <= MAX_ECHO_CHARS + 12  # defanging adds a few characters
    assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in line)
    assert not LIVE_MARKDOWN.search(for_markdown(text))


def test_pasted_access_tokens_are_never_echoed(handler) -> None:
    token = "NmE2ZGQ0YzktOTAxNi00ZTk2LWE4N2EtZjQzNWQ5MmNiYjI5"
    reply = handler.handle_text(f'curl -H "Authorization: Bearer {token}" https://webexapis.com/v1/rooms')
    assert token not in reply.markdown and token not in json.dumps(reply.card)
    assert token not in json.dumps([c.to_json() for c in reply.answer.calls]) and "‹token›" in reply.markdown
