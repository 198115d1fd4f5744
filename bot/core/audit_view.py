"""The reply to a scope audit, as a card and as Markdown: what to remove, what to add, the minimal
set and the authorization URL that asks for it, then why each scope is needed."""

from __future__ import annotations

from bot.core.answer import Answer
from bot.core.audit import ScopeAudit
from bot.core.calls_section import calls_elements, calls_markdown
from bot.core.card_parts import (Card, Element, bullet, card, feedback, heading, labelled, link_line,
                                 literal, quote, row, scope_button, show_card, text)
from bot.core.layout import MAX_CARD_ACTIONS, MAX_UNKNOWN_NAMES
from bot.core.safe_text import for_markdown, quoted_markdown
from bot.core.sureness import sureness_line

SCOPES_DOCS = "https://developer.webex.com/docs/integrations#scopes"
UNDESCRIBED = ("Tell me what the app does, or paste its code, and I will say which of these scopes it "
               "needs. Until then nothing is marked as unneeded.")
MATCHES = "The requested scopes match what the app does: nothing to remove or add."


def _verdict(audit: ScopeAudit) -> list[tuple[str, tuple[str, ...]]]:
    return [("Not needed (remove)", audit.unneeded), ("Missing (add)", audit.missing),
            ("Minimal set", audit.minimal)]


def _unknown(audit: ScopeAudit) -> tuple[list[str], int]:
    """The requested names that are no scope, as many as a card shows, and how many more."""
    shown = list(audit.unknown[:MAX_UNKNOWN_NAMES])
    return shown, len(audit.unknown) - len(shown)


def _copyable(label: str, value: str) -> list[Element]:
    """Our own URL or parameter (rebuilt on webexapis.com, every value encoded) in a read-only
    looking field: it wraps on a phone, where one unbroken line would be cut, and copies whole."""
    return [text(label, weight="Bolder", spacing="Medium"),
            {"type": "Input.Text", "id": "copy", "isMultiline": True, "value": value}]


def _corrected(audit: ScopeAudit) -> list[Element]:
    if not audit.minimal:
        return []
    if audit.authorization_url:
        return _copyable("Authorization URL with the minimal set", audit.authorization_url)
    return _copyable("The scope parameter of your authorization URL", f"scope={audit.scope_parameter}")


def _corrected_markdown(audit: ScopeAudit) -> str:
    if not audit.minimal:
        return ""
    if audit.authorization_url:
        return f"Authorization URL with the minimal set:\n```\n{audit.authorization_url}\n```"
    return f"The scope parameter of your authorization URL:\n```\nscope={audit.scope_parameter}\n```"


def audit_card(answer: Answer) -> Card:
    """The audit card; `answer.audit` must be set."""
    audit = answer.audit
    assert audit is not None
    body: list[Element] = [text(line, color="Warning", size="Small") for line in sureness_line(answer)]
    body += [quote(answer.question), heading("Scope audit")]
    if not audit.described:
        body.append(text(UNDESCRIBED))
    elif not audit.unneeded and not audit.missing:
        body.append(text(MATCHES))
    for label, names in _verdict(audit):
        body += labelled(label, names)
    unknown, more = _unknown(audit)
    if unknown:
        body.append(text("Not Webex scopes", weight="Bolder", spacing="Medium"))
        body += [literal(n, fontType="Monospace") for n in unknown]
        body += [text(f"…and {more} more.", size="Small", isSubtle=True)] if more else []
    body += [text("Why", weight="Bolder", spacing="Medium")] if answer.needs else []
    body += [bullet(f"{n.text} → {n.scope.name}", plain=True) for n in answer.needs]
    body += calls_elements(answer)
    body += _corrected(audit) + [link_line("Docs", SCOPES_DOCS)]
    explain = [e for name in audit.minimal[:MAX_CARD_ACTIONS] for e in scope_button(name, "Explain")]
    return card(body, row(show_card("Explain", explain), feedback(answer.question, list(audit.minimal))))


def audit_markdown(answer: Answer) -> list[str]:
    """The audit as Markdown paragraphs, the docs link last."""
    audit = answer.audit
    assert audit is not None
    parts = [*sureness_line(answer), f"**Scope audit** of {quoted_markdown(answer.question)}"]
    if not audit.described:
        parts.append(UNDESCRIBED)
    elif not audit.unneeded and not audit.missing:
        parts.append(MATCHES)
    parts += [f"{label}: " + ", ".join(f"`{n}`" for n in names) for label, names in _verdict(audit) if names]
    unknown, more = _unknown(audit)
    if unknown:
        parts.append("Not Webex scopes: " + ", ".join(for_markdown(n) for n in unknown)
                     + (f" …and {more} more" if more else ""))
    if answer.needs:
        parts.append("Why:\n" + "\n".join(f"- {for_markdown(n.text)} → `{n.scope.name}`" for n in answer.needs))
    parts += calls_markdown(answer)
    parts.append(_corrected_markdown(audit))
    return [p for p in parts if p] + [f"Docs: {SCOPES_DOCS}"]
