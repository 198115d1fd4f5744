"""`python -m bot webhooks ...` against the stand-in: create, update, reactivate, delete ours only."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from webex_standin import StandIn

URL = "https://bot.example.com/webhooks"


@pytest.fixture
def standin():
    with StandIn() as server:
        yield server


def cli(standin: StandIn, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "WEBEX_BOT_TOKEN": "t",
                   "WEBEX_WEBHOOK_SECRET": "s3cret", "WEBEX_API_BASE_URL": standin.base_url, **env}
    return subprocess.run([sys.executable, "-m", "bot", "webhooks", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=60)


def hooks(standin: StandIn) -> dict[str, dict]:
    return {h["name"]: h for h in standin.state.webhooks.values()}


def test_sync_creates_both_webhooks_then_is_idempotent(standin) -> None:
    first = cli(standin, "sync", "--url", URL)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("created:") == 2
    made = hooks(standin)
    assert {(h["resource"], h["event"], h["targetUrl"], h["secret"]) for h in made.values()} == {
        ("messages", "created", URL, "s3cret"), ("attachmentActions", "created", URL, "s3cret")}
    second = cli(standin, "sync", "--url", URL)
    assert second.stdout.count("unchanged:") == 2 and "created:" not in second.stdout


def test_sync_updates_reactivates_and_deletes_only_our_stale_ones(standin) -> None:
    old = standin.add_webhook(name="scopebot messages created", targetUrl="https://old.example.com/webhooks",
                              resource="messages", event="created", status="disabled", secret="s3cret")
    stale = standin.add_webhook(name="scopebot memberships created", targetUrl=URL, resource="memberships",
                                event="created")
    foreign = standin.add_webhook(name="someone else's hook", targetUrl="https://x.example.com",
                                  resource="messages", event="created")
    result = cli(standin, "sync", "--url", URL)
    assert result.returncode == 0, result.stderr
    now = standin.state.webhooks
    assert now[old["id"]]["targetUrl"] == URL and now[old["id"]]["status"] == "active"
    assert stale["id"] not in now and foreign["id"] in now
    assert "updated: scopebot messages created" in result.stdout
    assert "created: scopebot attachmentActions created" in result.stdout


def test_list_and_delete_touch_only_ours(standin) -> None:
    cli(standin, "sync", "--url", URL)
    foreign = standin.add_webhook(name="other", targetUrl="https://x.example.com", resource="rooms", event="all")
    listed = cli(standin, "list").stdout.splitlines()
    assert len(listed) == 2 and all(URL in line for line in listed)
    deleted = cli(standin, "delete")
    assert deleted.stdout.count("deleted:") == 2 and list(standin.state.webhooks) == [foreign["id"]]


def test_sync_needs_an_https_url_and_settings(standin) -> None:
    assert cli(standin, "sync", "--url", "http://insecure").returncode == 2
    assert "WEBEX_BOT_TOKEN" in cli(standin, "list", WEBEX_BOT_TOKEN="").stderr
