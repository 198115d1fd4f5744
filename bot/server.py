"""Starts the webhook service under gunicorn on $PORT (what `make run` does with a token)."""

from __future__ import annotations

import os
import sys

from bot.config import ConfigError, Settings


def serve() -> int:
    """Check the settings, then replace this process with gunicorn serving create_app()."""
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"cannot start: {exc}", file=sys.stderr)
        return 2
    args = ["gunicorn", "--bind", f"0.0.0.0:{settings.port}", "--workers", os.environ.get("WEB_CONCURRENCY", "2"),
            "--graceful-timeout", "30", "bot.app:create_app()"]
    os.execvp(sys.executable, [sys.executable, "-m", *args])
    return 0  # not reached
