"""`python -m bot doctor`: checks each thing the bot needs and says what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from bot.service.config import ConfigError, Settings
from bot.service.wiring import database, webex_client
from bot.storage.database import DatabaseError
from bot.storage.inbox import Inbox
from bot.webex.client import WebexClient
from bot.webex.errors import describe
from bot.webex.webhooks import WANTED, ours, webhook_name

SYNC = "python -m bot webhooks sync --url https://YOUR-HOST/webhooks"


@dataclass(frozen=True)
class Finding:
    """One check's result: what was found and, when something is wrong, what to do."""

    ok: bool
    what: str
    fix: str = ""

    def __str__(self) -> str:
        return f"ok: {self.what}" if self.ok else f"PROBLEM: {self.what}\n  fix: {self.fix}"


def diagnose(env: Mapping[str, str], url: str | None) -> list[Finding]:
    """Settings, then the token and webhooks (when the settings allow), then the database."""
    try:
        settings = Settings.from_env(env)
    except ConfigError as error:
        findings = [Finding(False, "settings", str(error))]
    else:
        findings = [Finding(True, "settings")] + check_webex(settings, webex_client(settings), url)
    return findings + [check_database(env)]


def check_webex(settings: Settings, client: WebexClient, url: str | None) -> list[Finding]:
    """The token works, and our two webhooks exist, are active and point at the right URL."""
    try:
        me = client.me()
        hooks = ours(client.list_webhooks(), settings.webhook_prefix)
    except Exception as error:
        reason = describe(error, settings.api_base_url)
        if reason is None:
            raise
        return [Finding(False, "calling Webex failed", reason)]
    findings = [Finding(True, f"token belongs to {me.display_name or me.id}")]
    for resource, event in WANTED:
        findings.append(check_webhook([h for h in hooks if (h.resource, h.event) == (resource, event)],
                                      webhook_name(settings.webhook_prefix, resource, event), url))
    return findings


def check_webhook(found: list, name: str, url: str | None) -> Finding:
    """One wanted webhook: there, active, on https, and at `url` when one is given."""
    if not found:
        return Finding(False, f"webhook '{name}' is not registered", SYNC)
    hook = found[0]
    if hook.status != "active":
        return Finding(False, f"webhook '{name}' is {hook.status} (Webex disables it after failed deliveries)",
                       f"make the URL reachable, then {SYNC}")
    if not hook.target_url.startswith("https://"):
        return Finding(False, f"webhook '{name}' points at {hook.target_url}, not https", SYNC)
    if url and hook.target_url != url:
        return Finding(False, f"webhook '{name}' points at {hook.target_url}, not {url}",
                       SYNC.replace("https://YOUR-HOST/webhooks", url))
    return Finding(True, f"webhook '{name}' is active at {hook.target_url}")


def check_database(env: Mapping[str, str]) -> Finding:
    """The database opens, and how many events it holds that were never answered."""
    try:
        counts = Inbox(database(env)).counts()
    except DatabaseError as error:
        return Finding(False, "database", f"{error} (set DATABASE_URL)")
    note = f"; {counts['failed']} events given up on (see python -m bot report)" if counts["failed"] else ""
    return Finding(True, f"database opens, {counts['pending']} events waiting{note}")
