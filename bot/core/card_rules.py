"""Checks a card against what Webex renders (Adaptive Cards 1.3) and against the card design.

Only the element and action types and properties that exist in schema 1.3 pass, so a card
that uses a newer feature (Table, Action.Execute, TextBlock.style...) is caught before it
reaches a client that would show an error instead of the answer. Webex shows at most five
buttons in a card; we count them in the card and in each card an Action.ShowCard opens. The
design rules are the ones the render test showed a phone needs: at most three buttons in a row
and three in view (the rest behind an Action.ShowCard), and no Markdown list inside a TextBlock
(it loses the right edge).
"""

from __future__ import annotations

import re
from typing import Any

from bot.core.actions import CardAction
from bot.core.layout import MAX_CARD_ACTIONS, MAX_IN_VIEW, MAX_ROW_ACTIONS

_MARKDOWN_LIST_RE = re.compile(r"(^|\n)\s*([-*+]|\d+[.)])\s")
_COMMON = {"type", "id", "spacing", "separator", "height", "isVisible", "requires", "fallback"}
_ELEMENTS: dict[str, set[str]] = {
    "TextBlock": {"text", "color", "fontType", "horizontalAlignment", "isSubtle", "maxLines", "size",
                  "weight", "wrap"},
    "RichTextBlock": {"inlines", "horizontalAlignment"},
    "Image": {"url", "altText", "backgroundColor", "horizontalAlignment", "selectAction", "size",
              "style", "width"},
    "ImageSet": {"images", "imageSize"},
    "Container": {"items", "selectAction", "style", "verticalContentAlignment", "bleed",
                  "backgroundImage", "minHeight"},
    "ColumnSet": {"columns", "selectAction", "style", "bleed", "minHeight", "horizontalAlignment"},
    "FactSet": {"facts"},
    "ActionSet": {"actions"},
    "Input.Text": {"isMultiline", "maxLength", "placeholder", "style", "inlineAction", "value",
                   "label", "isRequired", "errorMessage", "regex"},
    "Input.Toggle": {"title", "value", "valueOff", "valueOn", "wrap", "label", "isRequired",
                     "errorMessage"},
    "Input.ChoiceSet": {"choices", "isMultiSelect", "style", "value", "placeholder", "wrap", "label",
                        "isRequired", "errorMessage"},
}
_COLUMN = {"items", "backgroundImage", "bleed", "minHeight", "selectAction", "style",
           "verticalContentAlignment", "width"} | _COMMON
_ACTION_COMMON = {"type", "title", "iconUrl", "id", "style", "fallback", "requires"}
_ACTIONS: dict[str, set[str]] = {
    "Action.OpenUrl": {"url"},
    "Action.Submit": {"data", "associatedInputs"},
    "Action.ShowCard": {"card"},
    "Action.ToggleVisibility": {"targetElements"},
}
_TEXT_RUN = {"type", "text", "color", "fontType", "highlight", "isSubtle", "italic", "selectAction",
             "size", "strikethrough", "underline", "weight"}
_ENUMS = {
    "size": {"default", "small", "medium", "large", "extralarge"},
    "weight": {"default", "lighter", "bolder"},
    "color": {"default", "dark", "light", "accent", "good", "warning", "attention"},
    "fontType": {"default", "monospace"},
    "spacing": {"default", "none", "small", "medium", "large", "extralarge", "padding"},
    "horizontalAlignment": {"left", "center", "right"},
}


_ROOT = {"type", "version", "body", "actions", "$schema", "fallbackText", "speak", "lang", "minHeight",
         "verticalContentAlignment", "selectAction", "backgroundImage"}


def card_problems(card: Any) -> list[str]:
    """Every way `card` breaks the rules; an empty list means Webex can render it as designed."""
    if not isinstance(card, dict) or card.get("type") != "AdaptiveCard":
        return ["root: type must be 'AdaptiveCard'"]
    checker = _Checker()
    if card.get("version") != "1.3":
        checker.problems.append(f"root: version must be '1.3' (got {card.get('version')!r})")
    checker.check_card(card, "root")
    return checker.problems


class _Checker:
    """Walks one card, collecting problems and counting the buttons of each (shown) card."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self._buttons: list[int] = []  # per card being walked: the root, then any shown card in it

    def check_card(self, card: dict, where: str) -> None:
        self._buttons.append(0)
        self.walk_card(card, where)
        buttons = self._buttons.pop()
        if not self._buttons and buttons > MAX_IN_VIEW:
            self.problems.append(f"card: {buttons} buttons in view, the design allows {MAX_IN_VIEW}; "
                                 "put the rest behind an Action.ShowCard")
        elif buttons > MAX_CARD_ACTIONS:
            self.problems.append(f"{where}: {buttons} buttons, Webex shows at most {MAX_CARD_ACTIONS} "
                                 "in a card")

    def walk_card(self, card: dict, where: str) -> None:
        unknown = set(card) - _ROOT
        if unknown:
            self.problems.append(f"{where}: unknown properties {sorted(unknown)}")
        body = card.get("body", [])
        if not isinstance(body, list) or not body:
            self.problems.append(f"{where}: body must be a non-empty list")
            body = []
        for i, element in enumerate(body):
            self.element(element, f"{where}.body[{i}]")
        self.actions(card.get("actions", []), f"{where}.actions")

    def props(self, obj: dict, allowed: set[str], where: str) -> None:
        extra = set(obj) - allowed
        if extra:
            self.problems.append(f"{where}: properties not in Adaptive Cards 1.3: {sorted(extra)}")
        for prop, values in _ENUMS.items():
            if prop in obj and str(obj[prop]).lower() not in values:
                self.problems.append(f"{where}: {prop}={obj[prop]!r} is not one of {sorted(values)}")

    def element(self, element: Any, where: str) -> None:
        if not isinstance(element, dict) or element.get("type") not in _ELEMENTS:
            kind = element.get("type") if isinstance(element, dict) else type(element).__name__
            self.problems.append(f"{where}: element type {kind!r} is not in Adaptive Cards 1.3")
            return
        kind = element["type"]
        self.props(element, _ELEMENTS[kind] | _COMMON, where)
        if kind == "TextBlock":
            self.text_block(element, where)
        elif kind == "RichTextBlock":
            self.rich_text(element, where)
        elif kind == "FactSet":
            self.fact_set(element, where)
        elif kind == "Container":
            items = element.get("items")
            if not isinstance(items, list) or not items:
                self.problems.append(f"{where}: Container needs items")
            for i, item in enumerate(items or []):
                self.element(item, f"{where}.items[{i}]")
        elif kind == "ColumnSet":
            self.column_set(element, where)
        elif kind == "ActionSet":
            self.actions(element.get("actions"), f"{where}.actions")

    def text_block(self, element: dict, where: str) -> None:
        value = element.get("text")
        if not (isinstance(value, str) and value.strip()):
            self.problems.append(f"{where}: TextBlock needs non-empty text")
        elif _MARKDOWN_LIST_RE.search(value):
            self.problems.append(f"{where}: a Markdown list in a TextBlock loses its right edge; "
                                 "use one TextBlock or ColumnSet per item")

    def rich_text(self, element: dict, where: str) -> None:
        inlines = element.get("inlines")
        if not isinstance(inlines, list) or not inlines:
            self.problems.append(f"{where}: RichTextBlock needs inlines")
        for i, run in enumerate(inlines or []):
            is_run = isinstance(run, dict) and run.get("type") == "TextRun"
            if not is_run or not isinstance(run.get("text"), str):
                self.problems.append(f"{where}.inlines[{i}]: must be a TextRun with text")
            else:
                self.props(run, _TEXT_RUN, f"{where}.inlines[{i}]")

    def fact_set(self, element: dict, where: str) -> None:
        facts = element.get("facts")
        if not isinstance(facts, list) or not facts or not all(
            isinstance(f, dict) and set(f) == {"title", "value"}
            and all(isinstance(v, str) and v for v in f.values()) for f in facts
        ):
            self.problems.append(f"{where}: FactSet facts must be a non-empty list of "
                                 "{title, value} strings")

    def column_set(self, element: dict, where: str) -> None:
        for c, column in enumerate(element.get("columns", [])):
            cwhere = f"{where}.columns[{c}]"
            if not isinstance(column, dict) or column.get("type") != "Column":
                self.problems.append(f"{cwhere}: must be a Column")
                continue
            self.props(column, _COLUMN, cwhere)
            for i, item in enumerate(column.get("items", [])):
                self.element(item, f"{cwhere}.items[{i}]")

    def actions(self, actions: Any, where: str) -> None:
        if not isinstance(actions, list):
            self.problems.append(f"{where}: must be a list")
            return
        if len(actions) > MAX_ROW_ACTIONS:
            self.problems.append(f"{where}: {len(actions)} buttons in one row cut their titles; "
                                 f"at most {MAX_ROW_ACTIONS}")
        for i, action in enumerate(actions):
            self._buttons[-1] += 1
            self.action(action, f"{where}[{i}]")

    def action(self, action: Any, where: str) -> None:
        if not isinstance(action, dict) or action.get("type") not in _ACTIONS:
            kind = action.get("type") if isinstance(action, dict) else action
            self.problems.append(f"{where}: action type {kind!r} is not in Adaptive Cards 1.3")
            return
        self.props(action, _ACTIONS[action["type"]] | _ACTION_COMMON, where)
        if not (isinstance(action.get("title"), str) and action["title"].strip()):
            self.problems.append(f"{where}: needs a title")
        if action["type"] == "Action.OpenUrl" and not str(action.get("url", "")).startswith("https://"):
            self.problems.append(f"{where}: Action.OpenUrl needs an https url")
        if action["type"] == "Action.Submit":
            self.submit_data(action.get("data", {}), where)
        if action["type"] == "Action.ShowCard":
            inner = action.get("card")
            if not isinstance(inner, dict) or inner.get("type") != "AdaptiveCard":
                self.problems.append(f"{where}: Action.ShowCard needs a card")
                return
            self.check_card(inner, f"{where}.card")

    def submit_data(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            self.problems.append(f"{where}: Action.Submit data must be an object")
        elif data.get("action") not in {a.value for a in CardAction}:
            self.problems.append(f"{where}: data action {data.get('action')!r} is not a CardAction")
