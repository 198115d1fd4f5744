"""The knowledge base as plain JSON-ready data, for `kb export --json` and tools built on it.

Field names are a contract: add fields, never rename or remove them.
"""

from __future__ import annotations

from typing import Any

from bot.core.endpoints import Endpoint
from bot.core.knowledge import Guidance, KnowledgeBase, Role, Scope


def endpoint_data(endpoint: Endpoint) -> dict[str, Any]:
    """One endpoint: method, host, path, what it needs besides its scope, and its note."""
    return {
        "method": endpoint.method,
        "host": endpoint.host,
        "path": endpoint.path,
        "requires_scopes": list(endpoint.requires_scopes),
        "roles": list(endpoint.roles),
        "note": endpoint.note,
        "when": list(endpoint.when),
    }


def scope_data(scope: Scope) -> dict[str, Any]:
    """One scope entry with its endpoints; `deprecated` is null or the reason."""
    return {
        "name": scope.name,
        "area": scope.area,
        "audience": scope.audience,
        "access": scope.access,
        "allows": scope.allows,
        "endpoints": [endpoint_data(e) for e in scope.endpoints],
        "requires_scopes": list(scope.requires_scopes),
        "roles": list(scope.roles),
        "covers": list(scope.covers),
        "alternative_to": scope.alternative_to,
        "deprecated": scope.deprecated,
        "source": scope.source,
    }


def role_data(role: Role) -> dict[str, Any]:
    """One admin role, persona or licence."""
    return {"id": role.id, "title": role.title, "kind": role.kind, "summary": role.summary, "source": role.source}


def guidance_data(topic: Guidance) -> dict[str, Any]:
    """One guidance topic."""
    return {
        "id": topic.id,
        "title": topic.title,
        "summary": topic.summary,
        "points": list(topic.points),
        "instead": topic.instead,
        "cues": list(topic.cues),
        "scopes": list(topic.scopes),
        "source": list(topic.source),
        "explains_403_for": topic.explains_403_for,
        "applies_to": topic.applies_to,
        "see_also": list(topic.see_also),
        "offers": topic.offers,
        "offered_for": list(topic.offered_for),
        "offered_for_pairs": [[sorted(a), sorted(b)] for a, b in topic.offered_for_pairs],
        "cue_pairs": [[sorted(a), sorted(b)] for a, b in topic.cue_pairs],
        "already": topic.already,
        "already_scopes": list(topic.already_scopes),
    }


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """Every scope, role and guidance topic, in file order, and the read scope of each webhook
    resource."""
    return {
        "scopes": [scope_data(s) for s in kb.scopes],
        "roles": [role_data(r) for r in kb.roles.values()],
        "guidance": [guidance_data(g) for g in kb.guidance.values()],
        "webhook_resources": dict(kb.vocabulary.webhook_resources),
    }
