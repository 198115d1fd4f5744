"""Whole-knowledge-base checks beyond per-entry validation, and summary statistics."""

from __future__ import annotations

from urllib.parse import urlparse

from bot.core import cards, fallback
from bot.core.card_rules import card_problems
from bot.core.knowledge import KnowledgeBase
from bot.core.matching import Matcher
from bot.core.matching.lookups import admin_twin


def check_knowledge(kb: KnowledgeBase, matcher: Matcher | None = None) -> list[str]:
    """Every problem found: asymmetric counterparts, bad links, examples, synonyms or names that
    resolve to another scope, and cards (scope and area lists) or fallbacks Webex would not accept
    or the card design does not allow."""
    matcher = matcher or Matcher(kb)
    vocabulary = kb.vocabulary
    problems: list[str] = [f"vocabulary: webhook resource {resource} names unknown scope {name}"
                           for resource, name in vocabulary.webhook_resources.items() if kb.get(name) is None]
    problems += [f"vocabulary: firehose resource {resource} is no webhook resource"
                 for resource in vocabulary.webhook_firehose if resource not in vocabulary.webhook_resources]
    problems += [f"vocabulary: admin_lists_whole names {name}, no user read scope with an admin form"
                 for name in vocabulary.admin_lists_whole if not ((named := kb.get(name)) and admin_twin(named, kb))]
    for scope in kb.scopes:
        where = f"{scope.area}: {scope.name}"
        if scope.counterpart:
            other = kb[scope.counterpart]
            if other.counterpart is None or other.counterpart.lower() != scope.key:
                problems.append(f"{where}: counterpart {other.name} does not point back")
        if scope.name in scope.related or scope.counterpart in scope.related:
            problems.append(f"{where}: related lists itself or its counterpart")
        link = urlparse(scope.source)
        if link.scheme != "https" or not link.netloc or " " in scope.source:
            problems.append(f"{where}: source {scope.source!r} is not a well-formed https link")
        got = matcher.answer(scope.name).scopes
        if got[:1] != [scope.name]:
            problems.append(f"{where}: asking its name gives {got[:1]}")
        accepted = {scope.name, scope.alternative_to}
        # A deprecated scope's synonyms lead to its replacement: the bot never recommends it.
        synonyms = () if scope.deprecated else scope.synonyms
        for kind, phrases in (("example", scope.examples), ("synonym", synonyms)):
            for phrase in phrases:
                got = matcher.answer(phrase).scopes
                if not accepted & set(got[:1]):
                    problems.append(f"{where}: {kind} {phrase!r} resolves to {got[:1] or 'a decline'} "
                                    "(reword it, or list it under ambiguous_synonyms)")
        for issue in card_problems(cards.scope_card(scope, kb)):
            problems.append(f"{where}: card: {issue}")
        size = len(fallback.scope_markdown(scope, kb).encode("utf-8"))
        if size > fallback.MAX_MARKDOWN_BYTES:
            problems.append(f"{where}: Markdown fallback is {size} bytes")
    for area in [None, *kb.areas.values()]:
        for issue in card_problems(cards.list_card(kb, area)):
            problems.append(f"{area.name if area else 'areas'}: list card: {issue}")
    return problems


def knowledge_stats(kb: KnowledgeBase) -> dict:
    """Counts for `kb stats --json`."""
    return {
        "scopes": len(kb.scopes),
        "endpoints": sum(len(s.endpoints) for s in kb.scopes),
        "areas": {name: len(kb.in_area(name)) for name in kb.areas},
    }

