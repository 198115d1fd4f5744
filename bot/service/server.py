"""Starts the webhook service under gunicorn (what `make run` does when a token is set), and the
playground on loopback beside local mode.

gunicorn.conf.py (beside the bot package) supplies the rest: $WEB_CONCURRENCY web workers, the
answering process, a graceful shutdown window and JSON logs.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
from pathlib import Path

from flask import Flask
from werkzeug.serving import make_server

from bot.service.config import ConfigError, Settings, playground_only
from bot.storage.database import DatabaseError, normalize_url

GUNICORN_CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def check_settings() -> Settings | None:
    """gunicorn's on_starting check, so a Procfile start fails as clearly as `make run`: None when
    the playground is served alone (PLAYGROUND=1, no WEBEX_BOT_TOKEN), else `settings_or_exit()`."""
    return None if playground_only() else settings_or_exit()


def settings_or_exit() -> Settings:
    """The settings, or exit 2 after one line saying what is wrong."""
    try:
        settings = Settings.from_env()
        normalize_url(settings.database_url)
    except (ConfigError, DatabaseError) as error:
        print(f"cannot start: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    return settings


def serve() -> int:
    """Check the settings, then replace this process with gunicorn serving create_app()."""
    settings = settings_or_exit()
    os.execvp(sys.executable, [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONFIG),
                               "--bind", f"0.0.0.0:{settings.port}", "bot.service.app:create_app()"])
    return 0  # not reached


def serve_in_background(app: Flask, port: int) -> str:
    """Serve `app` on 127.0.0.1:`port` from a daemon thread, quietly; its URL. OSError when the port
    is taken."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines in the terminal
    with socket.create_server(("127.0.0.1", port)) as listener:  # bound here: werkzeug would exit instead
        server = make_server("127.0.0.1", port, app, threaded=True, fd=listener.fileno())
    threading.Thread(target=server.serve_forever, name="scopebot-playground", daemon=True).start()
    return f"http://127.0.0.1:{port}/"
