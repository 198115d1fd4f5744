"""Checks a card against what Webex renders: Adaptive Cards 1.3, at most five buttons.

Only the element and action types and properties that exist in schema 1.3 pass, so a card
that uses a newer feature (Table, Action.Execute, TextBlock.style...) is caught before it
reaches a client that would show an error instead of the answer.
"""

from __future__ import annotations

from typing import Any

MAX_ACTIONS = 5
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
_ENUMS = {
    "size": {"default", "small", "medium", "large", "extralarge"},
    "weight": {"default", "lighter", "bolder"},
    "color": {"default", "dark", "light", "accent", "good", "warning", "attention"},
    "fontType": {"default", "monospace"},
    "spacing": {"default", "none", "small", "medium", "large", "extralarge", "padding"},
    "horizontalAlignment": {"left", "center", "right"},
}


def card_problems(card: Any) -> list[str]:
    """Every way `card` breaks the rules; an empty list means Webex can render it."""
    problems: list[str] = []
    if not isinstance(card, dict) or card.get("type") != "AdaptiveCard":
        return ["root: type must be 'AdaptiveCard'"]
    if card.get("version") != "1.3":
        problems.append(f"root: version must be '1.3' (got {card.get('version')!r})")
    unknown = set(card) - {"type", "version", "body", "actions", "$schema", "fallbackText", "speak",
                           "lang", "minHeight", "verticalContentAlignment", "selectAction",
                           "backgroundImage"}
    if unknown:
        problems.append(f"root: unknown properties {sorted(unknown)}")
    body = card.get("body", [])
    if not isinstance(body, list) or not body:
        problems.append("root: body must be a non-empty list")
        body = []
    counter = [0]
    for i, element in enumerate(body):
        _check_element(element, f"body[{i}]", problems, counter)
    _check_actions(card.get("actions", []), "actions", problems, counter)
    if counter[0] > MAX_ACTIONS:
        problems.append(f"card: {counter[0]} actions, Webex shows at most {MAX_ACTIONS}")
    return problems


def _check_props(obj: dict, allowed: set[str], where: str, problems: list[str]) -> None:
    extra = set(obj) - allowed
    if extra:
        problems.append(f"{where}: properties not in Adaptive Cards 1.3: {sorted(extra)}")
    for prop, values in _ENUMS.items():
        if prop in obj and str(obj[prop]).lower() not in values:
            problems.append(f"{where}: {prop}={obj[prop]!r} is not one of {sorted(values)}")


def _check_element(element: Any, where: str, problems: list[str], counter: list[int]) -> None:
    if not isinstance(element, dict) or element.get("type") not in _ELEMENTS:
        kind = element.get("type") if isinstance(element, dict) else type(element).__name__
        problems.append(f"{where}: element type {kind!r} is not in Adaptive Cards 1.3")
        return
    kind = element["type"]
    _check_props(element, _ELEMENTS[kind] | _COMMON, where, problems)
    if kind == "TextBlock" and not (isinstance(element.get("text"), str) and element["text"].strip()):
        problems.append(f"{where}: TextBlock needs non-empty text")
    elif kind == "FactSet":
        facts = element.get("facts")
        if not isinstance(facts, list) or not facts or not all(
            isinstance(f, dict) and set(f) == {"title", "value"}
            and all(isinstance(v, str) and v for v in f.values()) for f in facts
        ):
            problems.append(f"{where}: FactSet facts must be a non-empty list of {{title, value}} strings")
    elif kind == "Container":
        items = element.get("items")
        if not isinstance(items, list) or not items:
            problems.append(f"{where}: Container needs items")
        for i, item in enumerate(items or []):
            _check_element(item, f"{where}.items[{i}]", problems, counter)
    elif kind == "ColumnSet":
        for c, column in enumerate(element.get("columns", [])):
            cwhere = f"{where}.columns[{c}]"
            if not isinstance(column, dict) or column.get("type") != "Column":
                problems.append(f"{cwhere}: must be a Column")
                continue
            _check_props(column, _COLUMN, cwhere, problems)
            for i, item in enumerate(column.get("items", [])):
                _check_element(item, f"{cwhere}.items[{i}]", problems, counter)
    elif kind == "ActionSet":
        _check_actions(element.get("actions"), f"{where}.actions", problems, counter)


def _check_actions(actions: Any, where: str, problems: list[str], counter: list[int]) -> None:
    if not isinstance(actions, list):
        problems.append(f"{where}: must be a list")
        return
    for i, action in enumerate(actions):
        awhere = f"{where}[{i}]"
        counter[0] += 1
        if not isinstance(action, dict) or action.get("type") not in _ACTIONS:
            kind = action.get("type") if isinstance(action, dict) else action
            problems.append(f"{awhere}: action type {kind!r} is not in Adaptive Cards 1.3")
            continue
        _check_props(action, _ACTIONS[action["type"]] | _ACTION_COMMON, awhere, problems)
        if not (isinstance(action.get("title"), str) and action["title"].strip()):
            problems.append(f"{awhere}: needs a title")
        if action["type"] == "Action.OpenUrl" and not str(action.get("url", "")).startswith("https://"):
            problems.append(f"{awhere}: Action.OpenUrl needs an https url")
        if action["type"] == "Action.Submit" and not isinstance(action.get("data", {}), (dict, str)):
            problems.append(f"{awhere}: Action.Submit data must be an object or a string")
