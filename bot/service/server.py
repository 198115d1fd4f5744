"""Starts the webhook service under gunicorn (what `make run` does when a token is set).

gunicorn.conf.py (beside the bot package) supplies the rest: $WEB_CONCURRENCY web workers, the
answering process, a graceful shutdown window and JSON logs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

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

