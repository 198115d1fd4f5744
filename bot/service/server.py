"""Starts the webhook service under gunicorn (what `make run` does when a token is set).

gunicorn.conf.py (beside the bot package) supplies the rest: $WEB_CONCURRENCY web workers, the
answering process, a graceful shutdown window and JSON logs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bot.service.config import Settings
from bot.storage.database import normalize_url

GUNICORN_CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def serve() -> int:
    """Check the settings (ConfigError or DatabaseError say what is wrong), then replace this
    process with gunicorn serving create_app()."""
    settings = Settings.from_env()
    normalize_url(settings.database_url)
    os.execvp(sys.executable, [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONFIG),
                               "--bind", f"0.0.0.0:{settings.port}", "bot.service.app:create_app()"])
    return 0  # not reached
