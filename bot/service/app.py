"""The Flask app factory: `create_app()` is the gunicorn entry point (`bot.service.app:create_app()`).

It wires the parts (bot.service.wiring) and registers the webhooks and health blueprints, and the
playground's with PLAYGROUND=1 (alone when WEBEX_BOT_TOKEN is not set: webhooks then answer 503);
the answering runs in its own process (bot.service.answerer). Building the app makes no network
call and opens no database connection.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from bot.core.handler import Handler
from bot.core.knowledge import load_knowledge
from bot.core.oauth import SETTINGS_HINT, AppLinks
from bot.service import tuning, wiring
from bot.service.config import Settings, playground_only
from bot.service.health_routes import health
from bot.service.logs import setup_logging
from bot.service.playground_routes import HANDLER, playground
from bot.service.webhook_routes import SERVICE, webhooks
from bot.storage.database import DatabaseError

log = logging.getLogger("scopebot.app")


def _register_errors(app: Flask) -> None:
    """JSON errors: 4xx as Flask says; 503 + Retry-After when the database is out of reach (Webex
    will deliver again); 500 for anything unexpected."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Any:
        return jsonify(error=exc.description or exc.name), exc.code or 500

    @app.errorhandler(DatabaseError)
    def database_down(exc: DatabaseError) -> Any:
        log.error("database unavailable", extra={"error": str(exc)})
        return jsonify(error="busy, retry later"), 503, {"Retry-After": "5"}

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Any:
        log.exception("unexpected error")
        return jsonify(error="internal error"), 500


def warm_up(app: Flask) -> None:
    """Open the database now, after the app is built and before the first webhook waits for it;
    when it is out of reach, the first webhook tries again (and gets 503 if it still is)."""
    service = app.extensions[SERVICE]
    if service is None:
        return
    try:
        service.database.engine
    except DatabaseError as error:
        log.error("database unavailable", extra={"error": str(error)})


def create_app(settings: Settings | None = None, service: wiring.Service | None = None) -> Flask:
    """The service's Flask app: it stores verified webhook events for the answering process, and
    serves the playground when the settings ask for it (PLAYGROUND=1)."""
    setup_logging()
    if settings is None and service is None and playground_only():
        log.warning("no WEBEX_BOT_TOKEN: serving the playground alone; webhooks answer 503")
        return build_app(None, _links_noted(Handler(load_knowledge(), links=AppLinks.from_settings(os.environ))))
    service = service or wiring.build(settings or Settings.from_env())
    if service.settings.local_mode:
        log.warning("local mode: webhook signatures are NOT checked")
    _links_noted(service.tools.handler)
    return build_app(service, playground_handler(service.tools.handler) if service.settings.playground else None)


def _links_noted(handler: Handler) -> Handler:
    """`handler`, once the log has said how to give its answers an Authorize button when they have none."""
    if not handler.links.ready:
        log.info(SETTINGS_HINT)
    return handler


def playground_handler(handler: Handler) -> Handler:
    """The playground's handler, sharing `handler`'s knowledge, matcher and the integration's
    links, without a recorder, so nothing asked there is stored."""
    return Handler(handler.kb, handler.matcher, links=handler.links)


def build_app(service: wiring.Service | None, answers: Handler | None) -> Flask:
    """The app around `service` (None: webhooks answer 503) with the playground answering through
    `answers` (None: no playground, / is 404)."""
    app = Flask("scopebot")
    app.config["MAX_CONTENT_LENGTH"] = tuning.MAX_BODY_BYTES
    app.extensions[SERVICE] = service
    app.register_blueprint(webhooks)
    app.register_blueprint(health)
    if answers is not None:
        app.extensions[HANDLER] = answers
        app.register_blueprint(playground)
    _register_errors(app)
    log.info("started", extra={"webhooks": service is not None, "playground": answers is not None})
    return app
