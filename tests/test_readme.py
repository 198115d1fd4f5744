"""The README matches the code: every setting the code reads, every command, the health body."""

from __future__ import annotations

import re
import subprocess
import sys

from bot.cli import build_parser
from conftest import ROOT

README = (ROOT / "README.md").read_text()
SETTING = re.compile(r'"((?:SCOPEBOT|WEBEX)_[A-Z_]+|RETENTION_DAYS|DATABASE_URL|WEB_CONCURRENCY|PORT)"')


def settings_read_by_the_code() -> set[str]:
    files = [*(ROOT / "bot").rglob("*.py"), ROOT / "gunicorn.conf.py"]
    return {name for path in files for name in SETTING.findall(path.read_text())}


def test_every_setting_the_code_reads_is_documented() -> None:
    names = settings_read_by_the_code()
    assert {"WEB_CONCURRENCY", "RETENTION_DAYS", "SCOPEBOT_DATA_DIR", "DATABASE_URL"} <= names
    assert sorted(n for n in names if f"`{n}" not in README) == []


def test_every_command_is_in_help_and_in_the_readme() -> None:
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {"report", "purge", "doctor", "work"} <= commands
    shown = subprocess.run([sys.executable, "-m", "bot", "--help"], cwd=ROOT, capture_output=True, text=True).stdout
    assert all(name in shown for name in commands)
    assert sorted(c for c in commands if f"python -m bot {c}" not in README and f"bot {c}" not in README) == []


def test_the_health_body_is_the_documented_one() -> None:
    from bot.service.health_routes import health
    from flask import Flask

    app = Flask("t")
    app.register_blueprint(health)
    body = app.test_client().get("/healthz").get_json()
    assert body == {"status": "ok"} and '`GET /healthz` answers `{"status": "ok"}`' in README
