"""Adaptive Cards (1.3) and stand-alone Markdown for answers.

Support staff forward these answers, so each one carries everything needed: the scope name,
who must authorize it, read or write, what it allows, endpoints, counterpart and a docs link.
"""

from __future__ import annotations

from typing import Any, Iterable

from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.knowledge import Area, KnowledgeBase, Scope
from bot.core.oauth import authorization_url

MAX_MARKDOWN_BYTES = 7439  # Webex rejects longer message text
MAX_ENDPOINTS = 5
MAX_UNLOCKED_ENDPOINTS = 40
EXAMPLE_QUESTIONS = (
    "what scope do I need to answer calls?",
    "read messages and post replies",
    "GET /v1/rooms",
    "spark-admin:calling_cdr_read",
    "compare spark:calls_read and spark:calls_write",
)

AUDIENCE_TEXT = {
    "user": ("User", "any user can authorize it for their own data"),
    "admin": ("Admin", "an administrator of the organization must authorize it"),
    "compliance": ("Compliance", "a Compliance Officer must authorize it"),
    "partner": ("Partner admin", "a partner administrator must authorize it"),
    "service-app": ("Service App", "used by a Service App that an admin authorized in Control Hub"),
}
ACCESS_TEXT = {"read": "Read", "write": "Write", "read-write": "Read and write"}
Card = dict[str, Any]


def _card(body: list[dict], actions: list[dict]) -> Card:
    card: Card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.3",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def _text(text: str, **style: Any) -> dict:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def _submit(title: str, **data: Any) -> dict:
    return {"type": "Action.Submit", "title": title, "data": data}


def _feedback(question: str, scopes: list[str]) -> list[dict]:
    return [
        _submit("Helpful", action="feedback", helpful=True, question=question, scopes=scopes),
        _submit("Not helpful", action="feedback", helpful=False, question=question, scopes=scopes),
    ]


def badges(scope: Scope) -> str:
    """One line: audience, access and state, e.g. 'Admin · Read · deprecated'."""
    parts = [AUDIENCE_TEXT[scope.audience][0], ACCESS_TEXT[scope.access]]
    if scope.deprecated:
        parts.append("deprecated")
    return " · ".join(parts)


def _scope_details(scope: Scope, kb: KnowledgeBase, max_endpoints: int = MAX_ENDPOINTS) -> list[dict]:
    """Body elements that explain one scope completely."""
    body = [
        _text(scope.name, size="Large", weight="Bolder", fontType="Monospace"),
        _text(f"{badges(scope)} · {kb.areas[scope.area].title}", isSubtle=True, spacing="None"),
        _text(scope.allows),
    ]
    if scope.deprecated:
        body.append(_text(f"Deprecated: {scope.deprecated}", color="Attention", weight="Bolder"))
    facts = [{"title": "Who authorizes", "value": AUDIENCE_TEXT[scope.audience][1]}]
    if scope.counterpart:
        facts.append({"title": "Counterpart", "value": scope.counterpart})
    if scope.alternative_to:
        facts.append({"title": "Usual choice", "value": scope.alternative_to})
    if scope.requires:
        facts.append({"title": "Also needed", "value": scope.requires})
    body.append({"type": "FactSet", "facts": facts})
    if scope.endpoints:
        shown, total = scope.endpoints[:max_endpoints], len(scope.endpoints)
        title = "Endpoints" if len(shown) == total else f"Example endpoints ({len(shown)} of {total})"
        body.append(_text(title, weight="Bolder", spacing="Medium"))
        body.append(_text(_bullets(str(e) for e in shown), fontType="Monospace", spacing="None"))
    if scope.notes:
        body.append(_text(scope.notes, isSubtle=True))
    return body


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def scope_card(scope: Scope, kb: KnowledgeBase, question: str = "",
               max_endpoints: int = MAX_ENDPOINTS) -> Card:
    """Everything about one scope, with buttons for its counterpart, related scopes and feedback."""
    actions = [{"type": "Action.OpenUrl", "title": "Open the docs", "url": scope.source}]
    if scope.counterpart:
        actions.append(_submit(f"Show {scope.counterpart}", action="scope", scope=scope.counterpart))
    if scope.related:
        actions.append(_submit("Related scopes", action="related", scope=scope.name))
    actions += _feedback(question or scope.name, [scope.name])
    return _card(_scope_details(scope, kb, max_endpoints), actions)


def _authorization(scopes: list[Scope]) -> list[dict]:
    """The ready authorization URL for the recommended (non-deprecated) scopes."""
    names = [s.name for s in scopes if not s.deprecated]
    if not names:
        return []
    return [
        _text("Authorization URL (replace the placeholders)", weight="Bolder", spacing="Medium"),
        _text(authorization_url(names), fontType="Monospace", spacing="None", isSubtle=True),
    ]


def answer_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """The card for any answer: one scope, a plan of several, a comparison, or a decline."""
    if answer.kind == AnswerKind.DECLINE:
        return decline_card(answer)
    if answer.kind == AnswerKind.COMPARE:
        return compare_card(answer, kb)
    if answer.kind == AnswerKind.PLAN:
        return plan_card(answer, kb)
    need = answer.needs[0]
    unlocks = answer.kind == AnswerKind.UNLOCKS
    card = scope_card(need.scope, kb, answer.question,
                      MAX_UNLOCKED_ENDPOINTS if unlocks else MAX_ENDPOINTS)
    lead = _lead(answer, need)
    card["body"] = ([_text(lead, isSubtle=True)] + card["body"] + _alternatives(need)
                    + _authorization([need.scope]))
    return card


def _lead(answer: Answer, need: Need) -> str:
    if answer.kind == AnswerKind.UNLOCKS:
        return f"What {need.scope.name} unlocks:"
    if not answer.confident:
        return f"I am not sure, but this looks closest to \"{answer.question}\":"
    if need.via == Via.ENDPOINT:
        return f"For \"{answer.question}\": {need.evidence[0]} is documented under"
    return f"For \"{answer.question}\" you need:"


def _alternatives(need: Need) -> list[dict]:
    if not need.alternatives:
        return []
    names = ", ".join(f"{s.name} ({badges(s)})" for s in need.alternatives)
    label = "Also accepted" if need.via == Via.ENDPOINT else "Also close"
    return [_text(f"{label}: {names}", isSubtle=True)]


def plan_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """One least-privilege scope per need, with admin scopes and extra roles called out."""
    body = [_text(f"{len(answer.needs)} scopes for \"{answer.question}\"", size="Medium", weight="Bolder")]
    for need in answer.needs:
        scope = need.scope
        body.append({
            "type": "Container",
            "separator": True,
            "items": [
                _text(need.text, isSubtle=True),
                _text(scope.name, weight="Bolder", fontType="Monospace", spacing="None"),
                _text(f"{badges(scope)}: {scope.allows}", spacing="None"),
            ] + ([_text(f"Also needed: {scope.requires}", color="Warning")] if scope.requires else []),
        })
    admins = [n.scope.name for n in answer.needs if n.scope.is_admin]
    if admins:
        body.append(_text("Needs an administrator to authorize: " + ", ".join(admins), color="Attention"))
    body += _authorization([n.scope for n in answer.needs])
    scopes = answer.scopes
    actions = [_submit(f"Explain {name}", action="scope", scope=name) for name in scopes[:3]]
    return _card(body, actions + _feedback(answer.question, scopes))


def compare_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """Two or more scopes side by side."""
    shown = [n.scope for n in answer.needs[:3]]
    columns = []
    for scope in shown:
        items = [
            _text(scope.name, weight="Bolder", fontType="Monospace"),
            _text(badges(scope), isSubtle=True, spacing="None"),
            _text(scope.allows),
        ]
        if scope.endpoints:
            items.append(_text(_bullets(str(e) for e in scope.endpoints[:3]), fontType="Monospace"))
        columns.append({"type": "Column", "width": "stretch", "items": items})
    body = [_text("Side by side", size="Medium", weight="Bolder"), {"type": "ColumnSet", "columns": columns}]
    actions = [{"type": "Action.OpenUrl", "title": f"Docs: {s.name}", "url": s.source} for s in shown[:3]]
    return _card(body, actions + _feedback(answer.question, [s.name for s in shown])[: 5 - len(actions)])


def decline_card(answer: Answer) -> Card:
    """A polite refusal that says what the bot can do."""
    body = [
        _text("I only answer questions about Webex OAuth scopes.", weight="Bolder"),
        _text(f"I did not answer \"{answer.question}\" because {answer.why}."),
        _text("Try for example:", spacing="Medium"),
        _text(_bullets(EXAMPLE_QUESTIONS), spacing="None"),
    ]
    actions = [
        _submit("Show help", action="help"),
        _submit("This is a scope question", action="feedback", helpful=False,
                question=answer.question, scopes=[]),
    ]
    return _card(body, actions)


def help_card(kb: KnowledgeBase) -> Card:
    """What the bot does and how to ask."""
    body = [
        _text("scopebot tells you which OAuth scopes a Webex integration needs.", weight="Bolder"),
        _text("Ask in plain words, name a scope, paste an API endpoint, or list several needs in one "
              "sentence. I answer with the least-privilege scope for each need."),
        _text(_bullets(EXAMPLE_QUESTIONS), fontType="Monospace"),
        _text("Commands: help, list (areas), list AREA (scopes of an area), or a scope name.",
              isSubtle=True),
    ]
    return _card(body, [_submit("List areas", action="list")])


def list_card(kb: KnowledgeBase, area: Area | None) -> Card:
    """The areas, or the scopes of one area."""
    if area is None:
        facts = [{"title": a.name, "value": f"{a.title}: {len(kb.in_area(a.name))} scopes"}
                 for a in kb.areas.values()]
        body = [_text("Scope areas (say: list AREA)", weight="Bolder"), {"type": "FactSet", "facts": facts}]
    else:
        facts = [{"title": s.name, "value": badges(s)} for s in kb.in_area(area.name)]
        body = [_text(f"{area.title}: {area.summary}", weight="Bolder"), {"type": "FactSet", "facts": facts}]
    return _card(body, [])


# ----- Markdown fallbacks ------------------------------------------------------------------


def scope_markdown(scope: Scope, kb: KnowledgeBase, max_endpoints: int = MAX_ENDPOINTS) -> str:
    """A stand-alone Markdown explanation of one scope."""
    lines = [f"**`{scope.name}`** ({badges(scope)}; {kb.areas[scope.area].title})", scope.allows]
    if scope.deprecated:
        lines.append(f"**Deprecated:** {scope.deprecated}")
    lines.append(f"Who authorizes: {AUDIENCE_TEXT[scope.audience][1]}.")
    if scope.requires:
        lines.append(f"Also needed: {scope.requires}")
    if scope.endpoints:
        lines.append("Endpoints: " + ", ".join(f"`{e}`" for e in scope.endpoints[:max_endpoints]))
    extra = []
    if scope.counterpart:
        extra.append(f"counterpart `{scope.counterpart}`")
    if scope.alternative_to:
        extra.append(f"usual choice `{scope.alternative_to}`")
    extra.append(f"docs {scope.source}")
    joined = "; ".join(extra)
    lines.append(joined[:1].upper() + joined[1:])
    return "\n\n".join(lines)


def answer_markdown(answer: Answer, kb: KnowledgeBase) -> str:
    """Markdown that says everything the card says, within Webex's message size limit."""
    if answer.kind == AnswerKind.DECLINE:
        text = (f"I only answer questions about Webex OAuth scopes, and I did not answer "
                f"\"{answer.question}\" because {answer.why}. Try for example: "
                + "; ".join(f"`{q}`" for q in EXAMPLE_QUESTIONS))
    elif answer.kind == AnswerKind.PLAN:
        parts = [f"**{len(answer.needs)} scopes for \"{answer.question}\":**"]
        parts += [f"{i}. {n.text} → `{n.scope.name}` ({badges(n.scope)}): {n.scope.allows}"
                  + (f" Also needed: {n.scope.requires}" if n.scope.requires else "")
                  for i, n in enumerate(answer.needs, 1)]
        admins = [n.scope.name for n in answer.needs if n.scope.is_admin]
        if admins:
            parts.append("Needs an administrator to authorize: " + ", ".join(f"`{a}`" for a in admins))
        parts.append(_authorization_markdown([n.scope for n in answer.needs]))
        text = "\n\n".join(p for p in parts if p)
    elif answer.kind == AnswerKind.COMPARE:
        text = "**Side by side:**\n\n" + "\n\n---\n\n".join(
            scope_markdown(n.scope, kb) for n in answer.needs[:3])
    else:
        need = answer.needs[0]
        limit = MAX_UNLOCKED_ENDPOINTS if answer.kind == AnswerKind.UNLOCKS else MAX_ENDPOINTS
        text = _lead(answer, need) + "\n\n" + scope_markdown(need.scope, kb, limit)
        if need.alternatives:
            text += "\n\n" + ("Also accepted: " if need.via == Via.ENDPOINT else "Also close: ") + ", ".join(
                f"`{s.name}` ({badges(s)})" for s in need.alternatives)
        auth = _authorization_markdown([need.scope])
        text += f"\n\n{auth}" if auth else ""
    return fit_markdown(text)


def _authorization_markdown(scopes: list[Scope]) -> str:
    names = [s.name for s in scopes if not s.deprecated]
    return f"Authorization URL (replace the placeholders): {authorization_url(names)}" if names else ""


def fit_markdown(text: str) -> str:
    """Cut text to Webex's byte limit on a character boundary, saying that it was cut."""
    data = text.encode("utf-8")
    if len(data) <= MAX_MARKDOWN_BYTES:
        return text
    marker = "\n\n(answer shortened)"
    room = MAX_MARKDOWN_BYTES - len(marker.encode("utf-8"))
    return data[:room].decode("utf-8", errors="ignore") + marker
