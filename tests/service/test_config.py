"""Settings: the service refuses to run unsigned unless local mode is asked for explicitly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.service.config import ConfigError, Settings
from bot.service.signature import sign, verify
from conftest import ROOT


def test_secret_is_required_unless_local_mode() -> None:
    with pytest.raises(ConfigError, match="WEBEX_WEBHOOK_SECRET"):
        Settings.from_env({"WEBEX_BOT_TOKEN": "t"})
    settings = Settings.from_env({"WEBEX_BOT_TOKEN": "t", "SCOPEBOT_LOCAL_MODE": "1"})
    assert settings.local_mode and settings.webhook_secret is None


def test_defaults_and_trailing_slash() -> None:
    settings = Settings.from_env({"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s",
                                  "WEBEX_API_BASE_URL": "http://127.0.0.1:9/v1", "PORT": "9000"})
    assert settings.api_base_url == "http://127.0.0.1:9/v1/" and settings.port == 9000
    assert Settings.from_env({"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s"}).api_base_url == \
        "https://webexapis.com/v1/"


def test_bad_numbers_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="PORT must be a number"):
        Settings.from_env({"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s", "PORT": "eighty"})


def test_run_with_token_but_no_secret_refuses_to_start() -> None:
    env = {"PATH": os.environ.get("PATH", ""), "WEBEX_BOT_TOKEN": "t"}
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 2 and "WEBEX_WEBHOOK_SECRET" in result.stderr


def test_signature_matches_webex_definition() -> None:
    import hashlib
    import hmac

    body = b'{"id":"1"}'
    assert sign(body, "k") == hmac.new(b"k", body, hashlib.sha1).hexdigest()
    assert verify(body, "k", sign(body, "k").upper())
    assert not verify(body, "k", "0" * 40) and not verify(body, "k", None) and not verify(body, "k", "")


def test_the_default_database_lives_in_the_data_directory_not_where_the_bot_starts(tmp_path) -> None:
    from bot.service.config import database_url

    assert database_url({}) == f"sqlite:///{ROOT / 'data' / 'scopebot-state.sqlite3'}"
    data = tmp_path / "state"
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    env = {"PATH": os.environ.get("PATH", ""), "SCOPEBOT_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=elsewhere, env=env, input="answer calls\nsing me a song\n",
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "spark:calls_write" in result.stdout
    assert (data / "scopebot-state.sqlite3").exists() and list(elsewhere.iterdir()) == []


def test_the_integrations_links_reach_the_bots_answers() -> None:
    from bot.service import wiring

    env = {"WEBEX_BOT_TOKEN": "t", "WEBEX_WEBHOOK_SECRET": "s", "WEBEX_CLIENT_ID": "C0ffee",
           "WEBEX_REDIRECT_URI": "https://bot.example.com/oauth"}
    settings = Settings.from_env(env)
    assert settings.links.ready
    handler = wiring.build(settings).tools.handler
    card = handler.handle_text("what scope do I need to answer calls").card
    assert "client_id=C0ffee" in str(card)
