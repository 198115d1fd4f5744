"""Every configuration or command-line mistake ends in one clear line and a non-zero exit, never a
traceback; `doctor` says what to fix."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from bot.storage.database import DatabaseError, normalize_url
from conftest import ROOT
from webex_standin import StandIn

URL = "https://bot.example.com/webhooks"


def bot(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ.get("PATH", ""), "HOME": "/tmp", "SCOPEBOT_RETRY_ATTEMPTS": "1", **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def one_clear_line(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert all(word in result.stderr for word in words), result.stderr
    return result.stderr


@pytest.fixture
def api():
    with StandIn() as server:
        server.state.tokens = {"right-token"}
        yield server


def webex_env(api: StandIn, token: str = "right-token") -> dict[str, str]:
    return {"WEBEX_BOT_TOKEN": token, "WEBEX_WEBHOOK_SECRET": "s", "WEBEX_API_BASE_URL": api.base_url}


def test_a_wrong_token(api) -> None:
    one_clear_line(bot("webhooks", "list", **webex_env(api, "wrong-token")), "401", "WEBEX_BOT_TOKEN")


def test_webex_unreachable() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}/v1/"
    one_clear_line(bot("webhooks", "list", WEBEX_BOT_TOKEN="t", WEBEX_WEBHOOK_SECRET="s",
                       WEBEX_API_BASE_URL=closed), "cannot reach Webex", closed)


@pytest.mark.parametrize("args, env, words", [
    (("webhooks", "list"), {"WEBEX_API_BASE_URL": "webexapis.com/v1"}, ("WEBEX_API_BASE_URL",)),
    (("webhooks", "sync", "--url", "http://bot.example.com/webhooks"), {}, ("--url", "https")),
    (("webhooks", "sync", "--url", "https:///webhooks"), {}, ("--url",)),
    (("webhooks", "list"), {"SCOPEBOT_RETRY_ATTEMPTS": "many"}, ("SCOPEBOT_RETRY_ATTEMPTS",)),
    (("run",), {"DATABASE_URL": "not a url"}, ("DATABASE_URL",)),
])
def test_bad_settings_and_urls(api, args: tuple, env: dict, words: tuple) -> None:
    one_clear_line(bot(*args, **{**webex_env(api), **env}), *words)


@pytest.mark.parametrize("url, words", [("nonsense", ("DATABASE_URL",)), ("mysql://u@h/db", ("sqlite", "postgresql")),
                                        ("sqlite:////proc/no/such/dir/state.sqlite3", ("cannot open the database",))])
def test_bad_database_urls(url: str, words: tuple) -> None:
    one_clear_line(bot("report", DATABASE_URL=url), *words)


def test_a_database_that_never_answers_times_out_with_a_clear_line() -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"postgresql://scopebot:secret@127.0.0.1:{silent.getsockname()[1]}/scopebot"
        line = one_clear_line(bot("report", DATABASE_URL=url, SCOPEBOT_DATABASE_CONNECT_TIMEOUT="2"),
                              "cannot open the database")
    assert "secret" not in line


def test_heroku_style_postgres_urls_get_the_installed_driver(postgres_server) -> None:
    assert normalize_url("postgres://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(DatabaseError):
        normalize_url("postgres://")
    heroku = postgres_server.replace("postgresql+psycopg://", "postgres://") + "/postgres"
    result = bot("report", DATABASE_URL=heroku)
    assert result.returncode == 0 and "Top unanswered" in result.stdout, result.stderr


def test_doctor_says_what_to_fix_then_all_is_well(api, tmp_path) -> None:
    env = {**webex_env(api), "DATABASE_URL": f"sqlite:///{tmp_path / 'state.sqlite3'}"}
    first = bot("doctor", "--url", URL, **env)
    assert first.returncode == 1 and "ok: token belongs to ScopeBot" in first.stdout
    assert first.stdout.count("is not registered") == 2 and "webhooks sync" in first.stdout
    assert bot("webhooks", "sync", "--url", URL, **env).returncode == 0
    healthy = bot("doctor", "--url", URL, **env)
    assert healthy.returncode == 0 and "PROBLEM" not in healthy.stdout and "database opens" in healthy.stdout
    moved = bot("doctor", "--url", "https://new.example.com/webhooks", **env)
    assert moved.returncode == 1 and f"points at {URL}" in moved.stdout


def test_doctor_reports_a_wrong_token_and_a_bad_database(api) -> None:
    result = bot("doctor", **webex_env(api, "wrong-token"), DATABASE_URL="nonsense")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "WEBEX_BOT_TOKEN" in result.stdout and "DATABASE_URL" in result.stdout


def test_a_procfile_start_with_bad_settings_stops_with_a_clear_line() -> None:
    from service_harness import free_port

    env = {"PATH": os.environ.get("PATH", ""), "WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s",
           "DATABASE_URL": "mysql://u@h/db"}
    result = subprocess.run([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{free_port()}",
                             "bot.service.app:create_app()"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot start: DATABASE_URL must be sqlite:// or postgresql://" in result.stderr
