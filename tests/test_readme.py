"""The README matches the code: every setting the code reads, every command, the health body."""

from __future__ import annotations

import re
import subprocess
import sys

from bot.cli import build_parser
from bot.core.knowledge import load_knowledge
from conftest import ROOT

README = (ROOT / "README.md").read_text()
SETTING = re.compile(r'"((?:SCOPEBOT|WEBEX)_[A-Z_]+|RETENTION_DAYS|DATABASE_URL|WEB_CONCURRENCY|PORT|PLAYGROUND)"')


def settings_read_by_the_code() -> set[str]:
    files = [*(ROOT / "bot").rglob("*.py"), ROOT / "gunicorn.conf.py"]
    return {name for path in files for name in SETTING.findall(path.read_text())}


def test_every_setting_the_code_reads_is_documented() -> None:
    names = settings_read_by_the_code()
    assert {"WEB_CONCURRENCY", "RETENTION_DAYS", "SCOPEBOT_DATA_DIR", "DATABASE_URL", "PLAYGROUND"} <= names
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


def test_try_it_in_a_minute_comes_first_and_shows_what_the_code_prints() -> None:
    from bot.service.config import DEFAULT_PORT
    from bot.core.oauth import SETTINGS_HINT
    from bot.tools.local import BANNER, PLAYGROUND_LINE

    section = README.split("## Try it in a minute", 1)[1].split("\n## ", 1)[0]
    assert README.index("## Try it in a minute") < README.index("## Quick start") < README.index("## Running it")
    assert f"$ make run\n.venv/bin/python -m bot run\n{BANNER}\n{SETTINGS_HINT}\n" in section
    assert PLAYGROUND_LINE.format(url=f"http://127.0.0.1:{DEFAULT_PORT}/") in section
    procfile_command = (ROOT / "Procfile").read_text().split("web:", 1)[1].strip()
    assert f"PLAYGROUND=1 PORT=8080 .venv/bin/{procfile_command}" in section


def test_the_playground_endpoints_answer_with_the_documented_fields() -> None:
    from bot.service.app import build_app
    from bot.core.handler import Handler

    client = build_app(None, Handler(load_knowledge())).test_client()
    asked = client.post("/playground/ask", json={"question": "GET /v1/rooms"}).get_json()
    assert set(asked) == {"question", "card", "markdown", "json"} and asked["json"]["text"] == asked["markdown"]
    pressed = client.post("/playground/action", json={"data": {"action": "help"}}).get_json()
    assert set(pressed) == {"card", "markdown"}
    said = " ".join(README.split())
    assert ('`POST /playground/ask` with `{"question": "..."}`, answered with `question`, `card`, `markdown` '
            "and `json`") in said
    assert ("`POST /playground/action` with a button's `{\"data\": {...}}`, answered with `card` and "
            "`markdown`") in said
    assert client.get("/?q=GET%20/v1/rooms").status_code == 200 and "`/?q=GET%20/v1/rooms`" in README
