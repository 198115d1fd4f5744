"""POST /webhooks: verify, parse, store in the inbox, answer 202. Nothing here calls Webex, so
Webex gets its answer in milliseconds; the answering process (bot.service.answerer) does the rest."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from flask import Blueprint, current_app, jsonify, request

from bot.service import intake
from bot.service.logs import elapsed_ms
from bot.service.wiring import Service

log = logging.getLogger("scopebot.app")
webhooks = Blueprint("webhooks", __name__)
SERVICE = "scopebot"  # the app.extensions key of the Service; None when only the playground runs
NO_TOKEN = ("this instance has no WEBEX_BOT_TOKEN and serves only the playground; set WEBEX_BOT_TOKEN "
            "and WEBEX_WEBHOOK_SECRET to answer webhooks")


def _service() -> Service | None:
    return current_app.extensions[SERVICE]


def _reject(rejection: intake.Rejection) -> Any:
    if rejection.status == 403:
        log.warning("rejected webhook with a wrong signature")
    return jsonify(error=rejection.message), rejection.status


@webhooks.post("/webhooks")
def receive() -> Any:
    """Store a verified event before acknowledging it, so it survives any crash after the 202."""
    start, service = time.monotonic(), _service()
    if service is None:
        return jsonify(error=NO_TOKEN), 503
    body = request.get_data(cache=False)
    rejection = (intake.check_size(len(body), request.content_length, current_app.config["MAX_CONTENT_LENGTH"])
                 or intake.check_signature(body, service.settings.webhook_secret,
                                           request.headers.get("X-Spark-Signature"))
                 or intake.check_content_type(request.mimetype))
    if rejection:
        return _reject(rejection)
    envelope, rejection = intake.parse(body)
    if rejection or envelope is None:
        return _reject(rejection or intake.Rejection(400, "no envelope"))
    kind = intake.kind_of(envelope)
    if kind is None:
        return jsonify(status="ignored"), 202
    event_id = envelope["data"]["id"]
    if not service.inbox.add(kind, event_id, json.dumps(envelope)):
        log.info("duplicate ignored", extra={"kind": kind, "event_id": event_id})
        return jsonify(status="duplicate"), 202
    log.info("stored", extra={"kind": kind, "event_id": event_id, "ms": elapsed_ms(start)})
    return jsonify(status="accepted"), 202
