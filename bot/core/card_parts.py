"""The building blocks every card is made of: text, scope names, badges, quotes and buttons.

Their sizes follow the numbers in bot/core/layout.py.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from bot.core.actions import CardAction
from bot.core.knowledge import Scope
from bot.core.layout import (LONG_NAME_CHARS, LONG_RUN_CHARS, MAX_ROW_ACTIONS, MAX_SENTENCE_CHARS,
                             PROMINENT_NAME_CHARS)
from bot.core.safe_text import one_line, without_secrets

Card = dict[str, Any]
Element = dict[str, Any]
_NAME_RE = re.compile(r"(?<![\w/.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*:[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*")
NON_BREAKING_HYPHEN = "\u2011"
ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN_CHARS + 1},}}")

AUDIENCE_BADGE = {"user": ("USER", "Good"), "admin": ("ADMIN", "Accent"),
                  "compliance": ("COMPLIANCE", "Warning"), "partner": ("PARTNER ADMIN", "Accent"),
                  "service-app": ("SERVICE APP", "Accent")}
ACCESS_BADGE = {"read": "READ", "write": "WRITE", "read-write": "READ + WRITE"}


def card(body: list[Element], actions: Iterable[Element] = ()) -> Card:
    """An Adaptive Card 1.3 with `body` and, when there are any, `actions`."""
    built: Card = {"type": "AdaptiveCard", "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                   "version": "1.3", "body": body}
    actions = list(actions)
    if actions:
        built["actions"] = actions
    return built


def text(value: str, **style: Any) -> Element:
    """A wrapping TextBlock of our own words (Markdown in it is rendered)."""
    return {"type": "TextBlock", "text": value, "wrap": True, **style}


def breakable(value: str) -> str:
    """`value` with a zero-width space in every long unbroken run (a pasted URL, a call, a long
    path), so it wraps on a phone instead of being cut; a copy of such a run carries the breaks,
    so the texts meant to be copied whole (scope names, authorization URLs) do not use it."""
    return _LONG_RUN_RE.sub(lambda m: ZERO_WIDTH_SPACE.join(_chunks(m.group(0))), value)


def _chunks(run: str) -> list[str]:
    return [run[i:i + LONG_RUN_CHARS] for i in range(0, len(run), LONG_RUN_CHARS)]


def names_in(value: str) -> list[str]:
    """The scope names a sentence mentions, in order, each once."""
    return list(dict.fromkeys(_NAME_RE.findall(value)))


def keep_names(value: str) -> str:
    """`value` with the hyphens of scope names made non-breaking, so no name splits across lines
    in a sentence; the names to copy are on lines of their own (see `labelled`)."""
    return _NAME_RE.sub(lambda m: m.group(0).replace("-", NON_BREAKING_HYPHEN), value)


def prose(value: str, **style: Any) -> Element:
    """Our own sentence, which may mention scope names."""
    return text(keep_names(value), **style)


def literal(value: str, limit: int = MAX_SENTENCE_CHARS, **style: Any) -> Element:
    """Text that may hold the asker's words: cleaned, and in a TextRun no client parses."""
    run = {"type": "TextRun", "text": breakable(one_line(value, limit)), **style}
    return {"type": "RichTextBlock", "inlines": [run]}


def quote(question: str) -> Element:
    """The question on one line, so a forwarded card makes sense to someone who never saw it."""
    words = f"“{breakable(keep_names(one_line(question)))}”"
    return {"type": "RichTextBlock", "inlines": [
        {"type": "TextRun", "text": "Asked: ", "isSubtle": True, "size": "Small"},
        {"type": "TextRun", "text": words, "isSubtle": True, "size": "Small", "italic": True},
    ]}


def heading(value: str) -> Element:
    """A card's title line."""
    return text(value, size="Medium", weight="Bolder")


def name_line(name: str, prominent: bool = False, **style: Any) -> Element:
    """A scope name alone on a monospace line, so it reads whole and copies cleanly."""
    if prominent and len(name) <= PROMINENT_NAME_CHARS:
        size = "Medium"
    else:
        size = "Small" if len(name) > LONG_NAME_CHARS else "Default"
    return text(name, fontType="Monospace", weight="Bolder", size=size, **style)


def badges(scope: Scope) -> Element:
    """Small labels: who authorizes (user, admin, compliance...), read or write, deprecated."""
    label, color = AUDIENCE_BADGE[scope.audience]
    shown = [(label, color), (ACCESS_BADGE[scope.access], "Default")]
    if scope.deprecated:
        shown.append(("DEPRECATED", "Warning"))
    columns = [{"type": "Column", "width": "auto", "spacing": "Medium" if i else "None",
                "items": [text(word, size="Small", weight="Bolder", color=color, wrap=False)]}
               for i, (word, color) in enumerate(shown)]
    return {"type": "ColumnSet", "columns": columns, "spacing": "Small"}


def badge_text(scope: Scope) -> str:
    """The badges as words, e.g. 'Admin · Read', for the Markdown fallback."""
    parts = [AUDIENCE_BADGE[scope.audience][0].title(), ACCESS_BADGE[scope.access].title()]
    return " · ".join(parts + (["deprecated"] if scope.deprecated else []))


def bullet(value: str, plain: bool = False) -> Element:
    """One list item with a hanging indent (a Markdown list would lose the right edge)."""
    item = literal(value) if plain else prose(value, spacing="None")
    return {"type": "ColumnSet", "spacing": "Small", "columns": [
        {"type": "Column", "width": "auto", "items": [text("•", spacing="None")]},
        {"type": "Column", "width": "stretch", "spacing": "Small", "items": [item]},
    ]}


def labelled(label: str, names: Iterable[str]) -> list[Element]:
    """A bold label followed by scope names, each on its own line."""
    names = list(names)
    if not names:
        return []
    return [text(label, weight="Bolder", spacing="Medium")] + [name_line(n, spacing="None") for n in names]


def link_label(url: str) -> str:
    """A short name for a link: its host and the last part of its path."""
    parts = [p for p in url.split("/")[2:] if p]
    return parts[0] if len(parts) < 2 else f"{parts[0]}/…/{parts[-1]}"


def link_line(label: str, url: str) -> Element:
    """A link written as Markdown, e.g. 'Docs: developer.webex.com/…/call-controls'."""
    return text(f"{label}: [{link_label(url)}]({url})", size="Small", spacing="Small")


def submit(title: str, action: CardAction, **data: Any) -> Element:
    """A button that submits `action` with `data`."""
    return {"type": "Action.Submit", "title": title, "data": action.data(**data)}


def open_url(title: str, url: str) -> Element:
    """A button that opens `url`."""
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def button_row(*buttons: Element) -> Element:
    """Buttons in the body, sharing one row."""
    return {"type": "ActionSet", "actions": list(buttons)}


def scope_button(name: str, label: str = "Show") -> list[Element]:
    """A scope's name on its own line and a short button under it that shows the scope (a name in
    the button's title would be cut on a phone)."""
    return [name_line(name, spacing="Medium"), button_row(submit(label, CardAction.SCOPE, scope=name))]


def show_card(title: str, body: list[Element]) -> Element | None:
    """A button that opens `body` under the card (more buttons, each row short); None if empty."""
    return _opening(title, body) if body else None


def _opening(title: str, body: list[Element]) -> Element:
    return {"type": "Action.ShowCard", "title": title, "card": {"type": "AdaptiveCard", "body": body}}


def feedback(question: str, scopes: list[str]) -> Element:
    """The vote buttons, behind one button so they do not crowd the answer's own actions."""
    votes = [submit(title, CardAction.FEEDBACK, helpful=helpful, question=without_secrets(question), scopes=scopes)
             for title, helpful in (("Helpful", True), ("Not helpful", False))]
    return _opening("Feedback", [text("Did this answer help?", size="Small", isSubtle=True),
                                 button_row(*votes)])


def row(*actions: Element | None) -> list[Element]:
    """The card's own buttons, without the empty ones, at most MAX_ROW_ACTIONS of them."""
    kept = [a for a in actions if a is not None]
    if len(kept) > MAX_ROW_ACTIONS:
        raise ValueError(f"{len(kept)} actions in one row; move some behind an Action.ShowCard")
    return kept
