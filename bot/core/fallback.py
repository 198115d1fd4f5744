"""Stand-alone Markdown for every reply: what a client without cards shows, and what a notification
or a forward carries. Each says everything its card says, within Webex's message size limit."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.audit_view import audit_markdown
from bot.core.calls_section import calls_markdown
from bot.core.card_parts import badge_text
from bot.core.cards import (EXAMPLE_QUESTIONS, NOT_SURE_OF_SCOPE, WHO_AUTHORIZES, authorizers, goes_with,
                            guidance_sources, guidance_topics, plan_heading, scopes_heading, what_to_do)
from bot.core.endpoints import shown_on
from bot.core.knowledge import Area, KnowledgeBase, Scope
from bot.core.layout import (MAX_CHOICES, MAX_COMPARED, MAX_COMPARED_ENDPOINTS, MAX_ENDPOINTS,
                             MAX_MARKDOWN_BYTES, MAX_SENTENCE_CHARS, MAX_UNLOCKED_ENDPOINTS)
from bot.core.oauth import AppLinks
from bot.core.safe_text import for_markdown, quoted_markdown
from bot.core.sureness import sureness_line

SHORTENED = "\n\n(answer shortened)"


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def scope_markdown(scope: Scope, kb: KnowledgeBase, max_endpoints: int = MAX_ENDPOINTS,
                   docs: bool = True, need: Need | None = None) -> str:
    """A stand-alone Markdown explanation of one scope, its docs link last."""
    lines = [f"**`{scope.name}`** ({badge_text(scope)}; {kb.areas[scope.area].title})", scope.allows]
    if scope.deprecated:
        lines.append(f"**Deprecated:** {scope.deprecated}")
    lines.append(f"Who authorizes: {WHO_AUTHORIZES[scope.audience]}.")
    if goes_with(scope, need):
        lines.append("Goes together with: " + _names(goes_with(scope, need)))
    if scope.requires:
        lines.append(f"Also needed: {scope.requires}")
    if scope.endpoints:
        on, calls = shown_on(scope.endpoints[:max_endpoints])
        some = f" ({len(calls)} of {len(scope.endpoints)})" if len(calls) < len(scope.endpoints) else ""  # as the card
        lines.append(f"Endpoints{on}{some}: " + ", ".join(f"`{call}`" for call in calls))
    related = [f"counterpart: `{scope.counterpart}`"] if scope.counterpart else []
    related += [f"usual choice instead: `{scope.alternative_to}`"] if scope.alternative_to else []
    if related:
        joined = "; ".join(related)
        lines.append(joined[:1].upper() + joined[1:])
    if scope.notes:
        lines.append(scope.notes)
    if docs:
        lines.append(f"Docs: {scope.source}")
    return "\n\n".join(lines)


def _authorization(scopes: Iterable[Scope], links: AppLinks) -> str:
    """'Authorize: URL' when the integration's settings are there; nothing without them."""
    names = [s.name for s in scopes if not s.deprecated]
    url = links.authorize(names) if names else None
    return f"Authorize: {url}" if url else ""


def _assumed(answer: Answer) -> list[str]:
    if answer.confident:
        return []
    return [f"I assumed: {for_markdown(a, MAX_SENTENCE_CHARS)}" for a in answer.assumptions]


def _single(answer: Answer, kb: KnowledgeBase, links: AppLinks) -> list[str]:
    need = answer.needs[0]
    unlocks = answer.kind == AnswerKind.UNLOCKS
    parts = [*sureness_line(answer), f"Asked: {quoted_markdown(answer.question)}", *_assumed(answer),
             _lead(answer, need)]
    parts.append(scope_markdown(need.scope, kb, MAX_UNLOCKED_ENDPOINTS if unlocks else MAX_ENDPOINTS,
                                docs=False, need=need))
    close = answer.alternatives[:MAX_CHOICES]
    if close:
        parts.append(("Also accepted: " if need.via == Via.ENDPOINT else "Also close: ") + _names(close))
    parts += calls_markdown(answer) + _notes(answer, kb)
    return parts + [_authorization([need.scope, *need.together], links), f"Docs: {need.scope.source}"]


def _lead(answer: Answer, need: Need) -> str:
    if answer.kind == AnswerKind.UNLOCKS:
        return "What this scope unlocks:"
    if need.via == Via.ENDPOINT and need.evidence:
        return f"The API call {for_markdown(need.evidence[0])} is documented under:"
    return "You need:" if answer.confident else "The closest scope:"


def _plan(answer: Answer, kb: KnowledgeBase, links: AppLinks) -> list[str]:
    parts = [*sureness_line(answer), f"**{plan_heading(answer)} {quoted_markdown(answer.question)}:**"]
    parts += _assumed(answer)
    for i, need in enumerate(answer.needs, 1):
        scope = need.scope
        line = (f"{i}. {for_markdown(need.text)} → `{scope.name}` ({badge_text(scope)}): {scope.allows}")
        if goes_with(scope, need):
            line += " Goes together with " + _names(goes_with(scope, need)) + "."
        if scope.requires:
            line += f" Also needed: {scope.requires}"
        parts.append(line)
    parts += [f"{label}: {_names(names)}" for label, names in authorizers(answer)]
    if answer.alternatives:
        parts.append("Also close: " + _names(answer.alternatives[:MAX_CHOICES]))
    parts += calls_markdown(answer) + _notes(answer, kb)
    scopes = [s for n in answer.needs for s in (n.scope, *n.together)]
    return parts + [_authorization(scopes, links), _docs(scopes)]


def _notes(answer: Answer, kb: KnowledgeBase) -> list[str]:
    """The explanations a scope answer touches, each in a short paragraph."""
    return [f"**Note: {t.title}.** {t.summary} {': '.join(what_to_do(t, answer.needs))} ({t.source[0]})"
            for t in guidance_topics(answer, kb)]


def _docs(scopes: Iterable[Scope]) -> str:
    return "Docs: " + " ".join(dict.fromkeys(s.source for s in scopes))


def _compare(answer: Answer, kb: KnowledgeBase) -> list[str]:
    shown = [n.scope for n in answer.needs[:MAX_COMPARED]]
    why = [for_markdown(answer.why, MAX_SENTENCE_CHARS)] if answer.why else []
    return ([f"**Side by side**, for {quoted_markdown(answer.question)}:"] + why
            + ["\n\n---\n\n".join(scope_markdown(s, kb, MAX_COMPARED_ENDPOINTS) for s in shown)])


def guidance_markdown(topics: Sequence[Any], question: str = "", needs: Sequence[Need] = (),
                      unsure: bool = False) -> str:
    """The explanation of a guidance answer, as Markdown, with the scopes the need takes."""
    parts = [f"Asked: {quoted_markdown(question)}"] if question else []
    for topic in topics:
        parts.append(f"**{topic.title}**\n\n{topic.summary}")
        parts.append("\n".join(f"- {p}" for p in topic.points))
        label, said = what_to_do(topic, needs)
        parts += [f"**{label}:** {said}"] if said else []
    if not topics:
        parts.append("I have no explanation for this yet; say `help` to see what I can answer.")
    if needs:
        parts += [NOT_SURE_OF_SCOPE] if unsure else []
        parts.append(f"**{scopes_heading(topics, needs)}** " + _names(dict.fromkeys(
            name for n in needs for name in (n.scope.name, *goes_with(n.scope, n)))))
    sources = guidance_sources(topics, needs)
    return fit_markdown("\n\n".join(p for p in parts if p), "Docs: " + " ".join(sources) if sources else "")


def _clarify(answer: Answer) -> list[str]:
    parts = [f"Asked: {quoted_markdown(answer.question)}", "**Which one do you mean?**"]
    parts += [f"I assumed: {for_markdown(a, MAX_SENTENCE_CHARS)}" for a in answer.assumptions]
    parts += [f"{i}. `{s.name}` ({badge_text(s)}): {s.allows}"
              for i, s in enumerate(answer.readings[:MAX_CHOICES], 1)]
    return parts + ["Ask again with the one you mean, or name the scope."]


def _decline(answer: Answer) -> list[str]:
    return [f"Asked: {quoted_markdown(answer.question)}",
            f"I only answer questions about Webex OAuth scopes, and I did not answer this: "
            f"{for_markdown(answer.why, MAX_SENTENCE_CHARS)}.",
            "Try for example: " + "; ".join(f"`{q}`" for q in EXAMPLE_QUESTIONS)]


def answer_markdown(answer: Answer, kb: KnowledgeBase, links: AppLinks = AppLinks()) -> str:
    """Markdown that says everything the answer's card says, within Webex's message size limit."""
    if answer.kind == AnswerKind.GUIDANCE:
        return guidance_markdown(guidance_topics(answer, kb), answer.question, answer.needs, not answer.confident)
    builders = {AnswerKind.DECLINE: lambda: _decline(answer),
                AnswerKind.AUDIT: lambda: audit_markdown(answer),
                AnswerKind.PLAN: lambda: _plan(answer, kb, links),
                AnswerKind.COMPARE: lambda: _compare(answer, kb),
                AnswerKind.CLARIFY: lambda: _clarify(answer)}
    parts = [p for p in builders.get(answer.kind, lambda: _single(answer, kb, links))() if p]
    docs = parts.pop() if parts[-1].startswith("Docs: ") else ""
    return fit_markdown("\n\n".join(parts), docs)


def help_markdown() -> str:
    """What the bot does and how to ask."""
    return ("**scopebot** tells you which OAuth scopes a Webex integration needs. Ask in plain words, "
            "name a scope, paste an API endpoint, or list several needs in one sentence. Examples: "
            + "; ".join(f"`{q}`" for q in EXAMPLE_QUESTIONS) + ". Commands: `help`, `list`, `list AREA`.")


def list_markdown(kb: KnowledgeBase, area: Area | None) -> str:
    """The areas, or the scopes of one area."""
    if area is None:
        lines = [f"- `{a.name}`: {a.title} ({len(kb.in_area(a.name))} scopes)" for a in kb.areas.values()]
        return "**Scope areas** (say `list AREA`):\n" + "\n".join(lines)
    lines = [f"- `{s.name}` ({badge_text(s)})" for s in kb.in_area(area.name)]
    return fit_markdown(f"**{area.title}**: {area.summary}\n" + "\n".join(lines))


def fit_markdown(text: str, tail: str = "") -> str:
    """`text` then `tail` (the docs link, kept last), cut on a character boundary to Webex's byte
    limit, saying that it was cut."""
    ending = f"\n\n{tail}" if tail else ""
    if len((text + ending).encode("utf-8")) <= MAX_MARKDOWN_BYTES:
        return text + ending
    room = MAX_MARKDOWN_BYTES - len((SHORTENED + ending).encode("utf-8"))
    return text.encode("utf-8")[:room].decode("utf-8", errors="ignore") + SHORTENED + ending
