"""Adaptive Cards (1.3) for every reply, laid out for Webex on a desktop and on a phone.

People forward these answers, so each card quotes the question and carries everything needed:
the scope names on lines of their own, who must authorize them, read or write, what they allow,
endpoints, what goes with them, and the docs link last. The building blocks are in card_parts.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from bot.core.actions import CardAction
from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.audit_view import audit_card
from bot.core.calls_section import calls_elements
from bot.core.card_parts import (Card, Element, badges, bullet, button_row, card, feedback, heading,
                                 labelled, link_line, literal, name_line, names_in, open_url, prose,
                                 quote, row, scope_button, show_card, submit, text)
from bot.core.endpoints import shown_on
from bot.core.knowledge import Area, KnowledgeBase, Scope
from bot.core.layout import (MAX_CARD_ACTIONS, MAX_CHOICES, MAX_COMPARED, MAX_COMPARED_ENDPOINTS,
                             MAX_ENDPOINTS, MAX_UNLOCKED_ENDPOINTS)
from bot.core.oauth import AppLinks
from bot.core.sureness import sureness_line

EXAMPLE_QUESTIONS = (
    "what scope do I need to answer calls?",
    "read messages and post replies",
    "GET /v1/rooms",
    "spark-admin:calling_cdr_read",
    "compare spark:calls_read and spark:calls_write",
)
SCOPES_INSTEAD = "Once the right app and person authorize it, this takes:"
SCOPES_AS_INTEGRATION = "An integration doing the same for a user would take:"
NOT_SURE_OF_SCOPE = "Not sure of this scope: check it against what you need."
WHO_AUTHORIZES = {
    "user": "any user, for their own data",
    "admin": "an administrator of the organization",
    "compliance": "a Compliance Officer",
    "partner": "a partner administrator",
    "service-app": "a Service App that an admin authorized in Control Hub",
}


# Who must authorize a plan's scopes that a user alone cannot, by who acts in them
MUST_AUTHORIZE = {
    "admin": "An administrator must authorize",
    "compliance": "A Compliance Officer must authorize",
    "partner": "A partner administrator must authorize",
    "service-app": "Only a Service App an admin authorized in Control Hub holds",
}


def authorizers(answer: Answer) -> list[tuple[str, list[str]]]:
    """The plan's scopes that need more than a user, under who must authorize them, in the plan's order:
    a Compliance Officer's are not any administrator's to grant."""
    by_who: dict[str, list[str]] = {}
    for scope in dict.fromkeys(need.scope for need in answer.needs if need.scope.is_admin):
        by_who.setdefault(scope.audience, []).append(scope.name)
    return [(MUST_AUTHORIZE[who], names) for who, names in by_who.items()]


def plan_heading(answer: Answer) -> str:
    """How many scopes a plan recommends, and how many needs they come from when scopes granted together add
    to them ("2 needs, 4 scopes in all"): the count matches the numbered needs below it."""
    needs, scopes = len(answer.needs), len(answer.scopes)
    return f"{scopes} scopes cover" if scopes == needs else f"{needs} needs, {scopes} scopes in all, cover"


def goes_with(scope: Scope, need: Need | None = None) -> tuple[str, ...]:
    """Scopes to grant together with `scope`: for an answered need, those its call requires."""
    return tuple(s.name for s in need.together) if need is not None else scope.requires_scopes


def scope_body(scope: Scope, kb: KnowledgeBase, max_endpoints: int = MAX_ENDPOINTS,
               need: Need | None = None) -> list[Element]:
    """Body elements that explain one scope completely, the docs link excepted."""
    area = kb.areas[scope.area].title
    body = [name_line(scope.name, prominent=True), badges(scope),
            text(area, size="Small", isSubtle=True, spacing="None"), prose(scope.allows)]
    if scope.deprecated:
        body.append(prose(f"**Deprecated:** {scope.deprecated}", color="Warning"))
    body.append(text(f"**Who authorizes:** {WHO_AUTHORIZES[scope.audience]}"))
    body += labelled("Goes together with", goes_with(scope, need))
    if scope.requires:  # with the roles the authorizing person needs: "held by Full administrator or ..."
        body.append(prose(f"**Also needed:** {scope.requires}"))
    body += _endpoints(scope, max_endpoints)
    body += labelled("Counterpart", [scope.counterpart] if scope.counterpart else [])
    body += labelled("Usual choice instead", [scope.alternative_to] if scope.alternative_to else [])
    if scope.notes:
        body.append(prose(scope.notes, isSubtle=True, spacing="Medium"))
    return body + labelled("Mentioned above", _mentioned(scope))


def _mentioned(scope: Scope) -> list[str]:
    """Scope names the sentences mention that are not yet on a line of their own."""
    shown = {scope.name, scope.counterpart, scope.alternative_to, *goes_with(scope)}
    said = " ".join(t for t in (scope.allows, scope.deprecated, scope.requires, scope.notes) if t)
    return [name for name in names_in(said) if name not in shown]


def _endpoints(scope: Scope, limit: int) -> list[Element]:
    if not scope.endpoints:
        return []
    shown, total = scope.endpoints[:limit], len(scope.endpoints)
    on, calls = shown_on(shown)
    title = f"Endpoints{on}" if len(shown) == total else f"Endpoints{on} ({len(shown)} of {total})"
    return [text(title, weight="Bolder", spacing="Medium")] + [
        text(call, fontType="Monospace", size="Small", spacing="None") for call in calls]


def _authorize(scopes: Iterable[Scope], links: AppLinks) -> Element | None:
    """The authorization button when the integration's settings are there; none without them (how to set
    them is the operator's business, said where the bot starts, not in answers people forward)."""
    names = [s.name for s in scopes if not s.deprecated]
    url = links.authorize(names) if names else None
    return open_url("Authorize", url) if url else None


def _more(scope: Scope, alternatives: Sequence[str] = ()) -> Element | None:
    """Other scopes to look at: the alternatives, the counterpart, a comparison with related ones."""
    others = list(dict.fromkeys([*alternatives, *([scope.counterpart] if scope.counterpart else [])]))
    body = [e for name in others for e in scope_button(name)]
    if scope.related:
        body += [text("Related scopes, side by side", weight="Bolder", spacing="Medium"),
                 button_row(submit("Compare", CardAction.RELATED, scope=scope.name))]
    return show_card("More", body)


def scope_card(scope: Scope, kb: KnowledgeBase, question: str = "",
               max_endpoints: int = MAX_ENDPOINTS, links: AppLinks = AppLinks()) -> Card:
    """Everything about one scope, with its authorization link, related scopes and feedback."""
    lead = [quote(question)] if question else [text("About this scope", size="Small", isSubtle=True)]
    auth = _authorize([scope], links)
    body = lead + scope_body(scope, kb, max_endpoints) + [link_line("Docs", scope.source)]
    return card(body, row(auth, _more(scope), feedback(question or scope.name, [scope.name])))


def answer_card(answer: Answer, kb: KnowledgeBase, links: AppLinks = AppLinks()) -> Card:
    """The card for any answer: one scope, a plan, a comparison, guidance, a choice or a decline."""
    builders = {AnswerKind.DECLINE: lambda: decline_card(answer),
                AnswerKind.COMPARE: lambda: compare_card(answer, kb),
                AnswerKind.PLAN: lambda: plan_card(answer, kb, links),
                AnswerKind.GUIDANCE: lambda: guidance_card(guidance_topics(answer, kb), answer.question,
                                                           answer.needs, not answer.confident),
                AnswerKind.CLARIFY: lambda: clarify_card(answer),
                AnswerKind.AUDIT: lambda: audit_card(answer)}
    return builders.get(answer.kind, lambda: single_card(answer, kb, links))()


def guidance_notes(answer: Answer, kb: KnowledgeBase) -> list[Element]:
    """The explanations a scope answer touches (a service app, the Compliance Officer role), each
    short: its title, summary, what to do instead and its first source."""
    body: list[Element] = []
    for topic in guidance_topics(answer, kb):
        label, said = what_to_do(topic, answer.needs)
        body += [text(f"**Note: {topic.title}.** {topic.summary}", spacing="Large", separator=True),
                 text(f"**{label}:** {said}", size="Small"), link_line("About this", topic.source[0])]
    return body


def what_to_do(topic: Any, needs: Sequence[Need]) -> tuple[str, str]:
    """What a topic tells the asker to do, and its label: what the app already does on its own token when
    every need is that work ("my bot needs to post messages"), else what to do instead."""
    if topic.already_does(n.scope.name for n in needs):
        return "Already covered", topic.already
    return "Instead", topic.instead


def scopes_heading(topics: Sequence[Any], needs: Sequence[Need]) -> str:
    """What the scopes beside an explanation are: what the right app takes, or, when the app asked about
    already does the work, what an integration doing it for a user would take."""
    covered = any(t.already_does(n.scope.name for n in needs) for t in topics)
    return SCOPES_AS_INTEGRATION if covered else SCOPES_INSTEAD


def guidance_topics(answer: Answer, kb: KnowledgeBase) -> list[Any]:
    """The guidance topics an answer names (its explanation, or notes beside its scopes), as far
    as the knowledge base has them."""
    known = kb.guidance
    return [known[t] for t in answer.guidance if t in known]


def single_card(answer: Answer, kb: KnowledgeBase, links: AppLinks = AppLinks()) -> Card:
    """One scope answering the question, with how sure the answer is and what else is close."""
    need = answer.needs[0]
    unlocks = answer.kind == AnswerKind.UNLOCKS
    alternatives = answer.alternatives[:MAX_CHOICES]
    auth = _authorize([need.scope, *need.together], links)
    body = _sureness(answer) + [quote(answer.question)] + _assumed(answer)
    if need.via == Via.ENDPOINT and need.evidence:
        body.append(literal(need.evidence[0], fontType="Monospace", size="Small"))
    body.append(text(_lead(answer, need), size="Small", spacing="Small"))
    body += scope_body(need.scope, kb, MAX_UNLOCKED_ENDPOINTS if unlocks else MAX_ENDPOINTS, need)
    body += labelled("Also accepted" if need.via == Via.ENDPOINT else "Also close", alternatives)
    body += calls_elements(answer) + guidance_notes(answer, kb) + [link_line("Docs", need.scope.source)]
    more = _more(need.scope, alternatives)
    return card(body, row(auth, more, feedback(answer.question, answer.scopes)))


def _lead(answer: Answer, need: Need) -> str:
    if answer.kind == AnswerKind.UNLOCKS:
        return "What this scope unlocks:"
    if need.via == Via.ENDPOINT:
        return "is documented under:" if need.evidence else "This API call is documented under:"
    return "You need:" if answer.confident else "The closest scope:"


def _sureness(answer: Answer) -> list[Element]:
    return [text(line, color="Warning", size="Small") for line in sureness_line(answer)]


def _assumed(answer: Answer) -> list[Element]:
    """What an answer that is not sure took for granted."""
    if answer.confident or not answer.assumptions:
        return []
    return [text("I assumed:", size="Small", spacing="Small")] + [bullet(a, plain=True) for a in answer.assumptions]


def plan_card(answer: Answer, kb: KnowledgeBase, links: AppLinks = AppLinks()) -> Card:
    """One least-privilege scope per need, with what goes with them and who must authorize."""
    body = _sureness(answer) + [quote(answer.question), heading(f"{plan_heading(answer)} this")]
    body += _assumed(answer)
    for need in answer.needs:
        scope = need.scope
        items = [literal(need.text, isSubtle=True, size="Small"), name_line(scope.name, spacing="Small"),
                 badges(scope), prose(scope.allows, spacing="Small")]
        items += labelled("Goes together with", goes_with(scope, need))
        items += [prose(f"**Also needed:** {scope.requires}", size="Small")] if scope.requires else []
        body.append({"type": "Container", "separator": True, "spacing": "Medium", "items": items})
    body += [e for label, names in authorizers(answer) for e in labelled(label, names)]
    body += calls_elements(answer) + guidance_notes(answer, kb)
    auth = _authorize([s for n in answer.needs for s in (n.scope, *n.together)], links)
    body += _docs([n.scope for n in answer.needs])
    explained = answer.scopes[:MAX_CARD_ACTIONS]
    explain = [e for name in explained for e in scope_button(name, "Explain")]
    close = answer.alternatives[:min(MAX_CHOICES, MAX_CARD_ACTIONS - len(explained))]
    if close:
        explain += [text("Also close", weight="Bolder", spacing="Large")]
        explain += [e for name in close for e in scope_button(name)]
    return card(body, row(auth, show_card("Explain", explain), feedback(answer.question, answer.scopes)))


def _docs(scopes: Iterable[Scope]) -> list[Element]:
    """The docs links, last: one line per distinct page."""
    pages = dict.fromkeys(s.source for s in scopes)
    return [link_line("Docs", url) for url in pages]


def compare_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """Two or three scopes one above the other, so they read on a phone too."""
    shown = [n.scope for n in answer.needs[:MAX_COMPARED]]
    body = [quote(answer.question), heading("Side by side")] + ([prose(answer.why)] if answer.why else [])
    for scope in shown:
        items = [name_line(scope.name), badges(scope), prose(scope.allows, spacing="Small")]
        items += _endpoints(scope, MAX_COMPARED_ENDPOINTS)
        body.append({"type": "Container", "separator": True, "spacing": "Medium", "items": items})
    body += _docs(shown)
    more = show_card("More", [e for s in shown for e in scope_button(s.name)])
    return card(body, row(more, feedback(answer.question, [s.name for s in shown])))


def guidance_card(topics: Sequence[Any], question: str = "", needs: Sequence[Need] = (),
                  unsure: bool = False) -> Card:
    """An explanation for questions whose answer is not a scope (bots, admin roles...), and the
    scopes the need takes once the right kind of app or person authorizes them, if any.

    Each topic has id, title, summary, points (list of str), instead (str) and source (URLs)."""
    body: list[Element] = [quote(question)] if question else []
    for i, topic in enumerate(topics):
        body.append(heading(topic.title) | ({"separator": True, "spacing": "Large"} if i else {}))
        body.append(text(topic.summary))
        body += [bullet(p) for p in topic.points]
        label, said = what_to_do(topic, needs)
        body += [text(f"**{label}:** {said}", spacing="Medium")] if said else []
    if not topics:
        body.append(text("I have no explanation for this yet; say help to see what I can answer."))
    body += _scopes_instead(needs, unsure, scopes_heading(topics, needs))
    body += [link_line("Docs", url) for url in guidance_sources(topics, needs)]
    ids = [t.id for t in topics]
    scopes = [n.scope.name for n in needs]
    explain = show_card("Explain", [e for name in scopes[:MAX_CARD_ACTIONS] for e in scope_button(name, "Explain")])
    return card(body, row(submit("Help", CardAction.HELP), explain, feedback(question or ", ".join(ids), scopes)))


def guidance_sources(topics: Sequence[Any], needs: Sequence[Need] = ()) -> list[str]:
    """The links a guidance answer ends with: each topic's main page, then the docs of the scopes the need
    takes ("a 403 on the call queues": the integrations guide and the telephony reference, not the Meetings
    guide the admin-role topic also cites for its point about site admins)."""
    return list(dict.fromkeys([*(t.source[0] for t in topics if t.source), *(n.scope.source for n in needs)]))


def _scopes_instead(needs: Sequence[Need], unsure: bool, heading_text: str) -> list[Element]:
    if not needs:
        return []
    body: list[Element] = [text(heading_text, weight="Bolder", spacing="Large", separator=True)]
    body += [text(NOT_SURE_OF_SCOPE, color="Warning", size="Small", spacing="None")] if unsure else []
    for need in needs:
        body += [name_line(need.scope.name, spacing="Small"), badges(need.scope)]
        body += labelled("Goes together with", goes_with(need.scope, need))
    return body


def clarify_card(answer: Answer) -> Card:
    """Two or three readings of the question, each with a button that shows its scope."""
    body = [heading("Which one do you mean?"), quote(answer.question)] + _assumed(answer)
    for scope in answer.readings[:MAX_CHOICES]:
        items = [literal(scope.allows), name_line(scope.name, spacing="Small"), badges(scope),
                 button_row(submit("Show this scope", CardAction.SCOPE, scope=scope.name))]
        body.append({"type": "Container", "separator": True, "spacing": "Medium", "items": items})
    return card(body)


def decline_card(answer: Answer) -> Card:
    """A polite refusal that says what the bot can do, without presuming what was asked."""
    body = [quote(answer.question),
            text("I only answer questions about Webex OAuth scopes.", weight="Bolder"),
            literal(f"I did not answer this: {answer.why}."),
            text("Try for example:", spacing="Medium")]
    body += [bullet(q) for q in EXAMPLE_QUESTIONS]
    return card(body, row(submit("Help", CardAction.HELP), submit("Areas", CardAction.LIST),
                          feedback(answer.question, [])))


def help_card(kb: KnowledgeBase) -> Card:
    """What the bot does and how to ask."""
    body = [heading("scopebot: which OAuth scopes a Webex integration needs"),
            text("Ask in plain words, name a scope, paste an API endpoint, or list several needs in "
                 "one sentence. I answer with the least-privilege scope for each need."),
            text("For example:", spacing="Medium")]
    body += [bullet(q) for q in EXAMPLE_QUESTIONS]
    body.append(text("Commands: help, list (the areas), list AREA (the scopes of an area), or a "
                     "scope name.", isSubtle=True, spacing="Medium"))
    return card(body, row(submit("List areas", CardAction.LIST)))


def list_card(kb: KnowledgeBase, area: Area | None) -> Card:
    """The areas, or the scopes of one area, each name on its own line."""
    if area is None:
        body = [heading("Scope areas"), text("Say list AREA to see an area's scopes.", isSubtle=True)]
        for a in kb.areas.values():
            body += [name_line(a.name, spacing="Medium"),
                     text(f"{a.title}: {len(kb.in_area(a.name))} scopes", spacing="None")]
        return card(body, row(submit("Help", CardAction.HELP)))
    body = [heading(area.title), text(area.summary)]
    for scope in kb.in_area(area.name):
        body += [name_line(scope.name, spacing="Medium"), badges(scope)]
    return card(body, row(submit("List areas", CardAction.LIST)))
