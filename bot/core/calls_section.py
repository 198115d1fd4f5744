"""The calls table of an answer to pasted code, for the card and the Markdown alike: one row per
API call, its METHOD and path and its scopes, and the calls that could not be mapped, said so."""

from __future__ import annotations

from bot.core.answer import Answer, CallScopes
from bot.core.card_parts import Element, literal, name_line, text
from bot.core.layout import MAX_CALL_ROWS
from bot.core.safe_text import for_markdown

NOT_MAPPED = "Not mapped: no documented Webex API call matches it; check the API reference."


def shows_calls(answer: Answer) -> bool:
    """Whether the answer lists its calls: several calls, or one that could not be mapped."""
    return len(answer.calls) >= 2 or any(not c.mapped for c in answer.calls)


def _request(call: CallScopes) -> str:
    host = f"https://{call.host}" if call.host and call.host != "webexapis.com" else ""
    return f"{call.method or '?'} {host}{call.path}" if call.path else ""


def _title(answer: Answer) -> str:
    mapped = sum(c.mapped for c in answer.calls)
    return f"API calls found: {len(answer.calls)} ({mapped} mapped)"


def calls_elements(answer: Answer) -> list[Element]:
    """The card's calls table, or nothing when the answer has no calls to list."""
    if not shows_calls(answer):
        return []
    body: list[Element] = [text(_title(answer), weight="Bolder", spacing="Large")]
    for call in answer.calls[:MAX_CALL_ROWS]:
        items = [literal(call.call, fontType="Monospace", size="Small", isSubtle=True)]
        items += [literal(_request(call), fontType="Monospace", size="Small")] if call.path else []
        items += [name_line(n, spacing="None") for n in call.scopes] or [
            text(NOT_MAPPED, size="Small", color="Warning", spacing="None")]
        body.append({"type": "Container", "separator": True, "spacing": "Small", "items": items})
    return body + _more_calls(answer)


def _hidden(answer: Answer) -> int:
    """How many calls are left out of the table."""
    return max(0, len(answer.calls) - MAX_CALL_ROWS)


def _more_calls(answer: Answer) -> list[Element]:
    hidden = _hidden(answer)
    return [text(f"…and {hidden} more calls.", size="Small", isSubtle=True)] if hidden else []


def calls_markdown(answer: Answer) -> list[str]:
    """The Markdown calls table: a line per call."""
    if not shows_calls(answer):
        return []
    lines = []
    for call in answer.calls[:MAX_CALL_ROWS]:
        request = f" = {for_markdown(_request(call))}" if call.path else ""
        scopes = ", ".join(f"`{n}`" for n in call.scopes) or NOT_MAPPED
        lines.append(f"- {for_markdown(call.call)}{request} → {scopes}")
    lines += [f"- …and {_hidden(answer)} more calls."] if _hidden(answer) else []
    return [f"**{_title(answer)}**\n" + "\n".join(lines)]
