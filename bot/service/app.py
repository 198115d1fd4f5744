"""The Flask app: receives Webex webhooks, checks them, and hands them to the background worker.

`create_app()` is the gunicorn entry point (`bot.service.app:create_app()`). A request is only
verified, parsed and queued, so Webex gets its answer in milliseconds; the Webex calls happen
on the worker threads.
"""

from __future__ import annotations

import atexit
import json
import logging
import re
import time
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from bot.service.access import AccessPolicy
from bot.service.config import Settings
from bot.storage.database import open_database
from bot.service.pipeline import HANDLED_EVENTS, EventProcessor
from bot.storage.feedback import FeedbackStore
from bot.core.handler import Handler
from bot.core.knowledge import load_knowledge
from bot.service.logs import elapsed_ms, setup_logging
from bot.service.signature import verify
from bot.storage.handled import HandledStore
from bot.webex.client import WebexClient
from bot.service.worker import Worker

MAX_BODY_BYTES = 1024 * 1024
_ID_RE = re.compile(r"^[A-Za-z0-9_=-]{1,512}$")  # base64url ids or UUIDs; nothing that changes a URL path
log = logging.getLogger("scopebot.app")


def _envelope_problem(envelope: Any) -> str | None:
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


def _json_error(status: int, message: str) -> tuple[Response, int]:
    return jsonify(error=message), status


def create_app(settings: Settings | None = None, client: WebexClient | None = None) -> Flask:
    """Build the service: knowledge, matcher, Webex client, shared store, worker, routes."""
    setup_logging()
    settings = settings or Settings.from_env()
    client = client or settings.client()
    engine = open_database(settings.database_url)
    handler = Handler(load_knowledge(), recorder=FeedbackStore(engine))
    bot = client.me()
    handled = HandledStore(engine)
    handled.prune()  # ids older than Webex's redelivery window are of no more use
    access = AccessPolicy(settings.allowed_domains, settings.allowed_rooms)
    processor = EventProcessor(handler, client, handled, bot, access)
    worker = Worker(processor.process, settings.workers, settings.queue_size)
    atexit.register(worker.shutdown)
    if settings.local_mode:
        log.warning("local mode: webhook signatures are NOT checked")
    log.info("started", extra={"bot_id": bot.id, "bot_name": bot.display_name})

    app = Flask("scopebot")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions["scopebot"] = {"worker": worker, "processor": processor, "settings": settings}

    @app.post("/webhooks")
    def webhooks() -> Any:
        start = time.monotonic()
        body = request.get_data(cache=False)
        if settings.webhook_secret:
            signature = request.headers.get("X-Spark-Signature")
            if not signature:
                return _json_error(401, "missing X-Spark-Signature")
            if not verify(body, settings.webhook_secret, signature):
                log.warning("rejected webhook with a wrong signature")
                return _json_error(403, "signature does not match")
        if request.mimetype and request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
            return _json_error(415, "expected application/json")
        try:
            envelope = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return _json_error(400, "body is not JSON")
        problem = _envelope_problem(envelope)
        if problem:
            return _json_error(400, problem)
        if (envelope["resource"], envelope["event"]) not in HANDLED_EVENTS:
            return jsonify(status="ignored"), 202
        if not worker.submit(envelope):
            log.error("queue full, asking Webex to retry", extra={"event_id": envelope["data"]["id"]})
            response = jsonify(error="busy, retry later")
            response.headers["Retry-After"] = "5"
            return response, 503
        log.info("queued", extra={"resource": envelope["resource"], "event_id": envelope["data"]["id"],
                                  "ms": elapsed_ms(start)})
        return jsonify(status="accepted"), 202

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify(status="ok", pending=worker.pending())

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        return _json_error(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        log.exception("unexpected error")
        return _json_error(500, "internal error")

    return app
