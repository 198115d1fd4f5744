"""The request side of the pipeline: verify the signature, then parse the envelope.

Each step returns a Rejection (the 4xx to answer) or None to go on; nothing here calls Webex.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.service.signature import verify

HANDLED_EVENTS = {("messages", "created"): "message", ("attachmentActions", "created"): "action"}
# base64url ids or UUIDs; nothing that changes a URL path, nor longer than the inbox's event_id column holds
_ID_RE = re.compile(r"^[A-Za-z0-9_=-]{1,255}$")


@dataclass(frozen=True)
class Rejection:
    """Why a webhook request is refused, and with which status."""

    status: int
    message: str


def check_signature(body: bytes, secret: str | None, signature: str | None) -> Rejection | None:
    """Webex signs each body with the webhook secret; unsigned is 401, wrong is 403 (no secret: local mode)."""
    if secret is None:
        return None
    if not signature:
        return Rejection(401, "missing X-Spark-Signature")
    if not verify(body, secret, signature):
        return Rejection(403, "signature does not match")
    return None


def check_size(received: int, declared: int | None, limit: int | None) -> Rejection | None:
    """A body sent in chunks (no Content-Length) is cut at the limit without a word: one that reaches it is
    refused as too large, like a declared one over it, not checked against a signature it cannot match."""
    if limit is not None and declared is None and received >= limit:
        return Rejection(413, "body too large")
    return None


def check_content_type(mimetype: str) -> Rejection | None:
    """Webhooks are JSON; anything declaring another type is refused."""
    if mimetype and mimetype != "application/json" and not mimetype.endswith("+json"):
        return Rejection(415, "expected application/json")
    return None


def envelope_problem(envelope: Any) -> str | None:
    """Why a parsed body is not a webhook envelope we can act on, or None."""
    if not isinstance(envelope, dict):
        return "body must be a JSON object"
    for key in ("resource", "event"):
        if not isinstance(envelope.get(key), str):
            return f"'{key}' must be a string"
    data = envelope.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not _ID_RE.match(data["id"]):
        return "'data.id' must be a Webex id"
    for key in ("personId", "personEmail", "roomId"):
        if key in data and not isinstance(data[key], str):
            return f"'data.{key}' must be a string"
    return None


def parse(body: bytes) -> tuple[dict[str, Any] | None, Rejection | None]:
    """The envelope in `body`, or why it is not one."""
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, Rejection(400, "body is not JSON")
    problem = envelope_problem(envelope)
    return (None, Rejection(400, problem)) if problem else (envelope, None)


def kind_of(envelope: dict[str, Any]) -> str | None:
    """'message' or 'action' for the events the bot handles, None for the rest."""
    return HANDLED_EVENTS.get((envelope["resource"], envelope["event"]))
