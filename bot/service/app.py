"""The Flask app factory: `create_app()` is the gunicorn entry point (`bot.service.app:create_app()`).

It wires the parts (bot.service.wiring) and registers the webhooks and health blueprints; the
answering runs in its own process (bot.service.answerer). Building the app makes no network call
and opens no database connection.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from bot.service import tuning, wiring
from bot.service.config import Settings
from bot.service.health_routes import health
from bot.service.logs import setup_logging
from bot.service.webhook_routes import webhooks
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
    try:
        app.extensions["scopebot"].database.engine
    except DatabaseError as error:
        log.error("database unavailable", extra={"error": str(error)})


def create_app(settings: Settings | None = None, service: wiring.Service | None = None) -> Flask:
    """The service's Flask app: it stores verified webhook events for the answering process."""
    setup_logging()
    service = service or wiring.build(settings or Settings.from_env())
    if service.settings.local_mode:
        log.warning("local mode: webhook signatures are NOT checked")
    app = Flask("scopebot")
    app.config["MAX_CONTENT_LENGTH"] = tuning.MAX_BODY_BYTES
    app.extensions["scopebot"] = service
    app.register_blueprint(webhooks)
    app.register_blueprint(health)
    _register_errors(app)
    log.info("started")
    return app
