"""Service settings, read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from bot.webex.client import WebexClient

DEFAULT_API_BASE_URL = "https://webexapis.com/v1/"
DEFAULT_DATABASE_URL = "sqlite:///scopebot-state.sqlite3"


def database_url(env: Mapping[str, str] | None = None) -> str:
    """$DATABASE_URL (any SQLAlchemy URL), else a SQLite file in the working directory."""
    env = os.environ if env is None else env
    return env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL


class ConfigError(RuntimeError):
    """The service cannot start with these settings; the message says what to set."""


def _list(value: str | None, lower: bool = False) -> frozenset[str]:
    """A comma- or space-separated setting as a set."""
    items = (value or "").replace(",", " ").split()
    return frozenset(i.lower().lstrip("@") if lower else i for i in items)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Settings:
    """What the webhook service needs to run."""

    bot_token: str
    webhook_secret: str | None
    api_base_url: str = DEFAULT_API_BASE_URL
    port: int = 8080
    local_mode: bool = False  # accept unsigned webhooks: for trying the bot locally only
    database_url: str = DEFAULT_DATABASE_URL
    workers: int = 4
    queue_size: int = 1000
    webhook_prefix: str = "scopebot"
    webex_timeout: int = 20
    retry_attempts: int = 4
    retry_base_delay: float = 0.5
    allowed_domains: frozenset[str] = frozenset()
    allowed_rooms: frozenset[str] = frozenset()

    def client(self) -> "WebexClient":
        """The Webex client these settings describe."""
        from bot.webex.retry import RetryPolicy
        from bot.webex.client import WebexClient

        policy = RetryPolicy(attempts=self.retry_attempts, base_delay=self.retry_base_delay)
        return WebexClient(self.bot_token, self.api_base_url, self.webex_timeout, policy)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        token = env.get("WEBEX_BOT_TOKEN", "").strip()
        if not token:
            raise ConfigError("WEBEX_BOT_TOKEN is not set (the bot's access token from the developer portal)")
        secret = env.get("WEBEX_WEBHOOK_SECRET", "").strip() or None
        local = _flag(env.get("SCOPEBOT_LOCAL_MODE"))
        if secret is None and not local:
            raise ConfigError(
                "WEBEX_WEBHOOK_SECRET is not set: without it anyone could post fake webhooks. "
                "Set it (and register the webhooks with it), or set SCOPEBOT_LOCAL_MODE=1 to try "
                "the bot locally without signatures."
            )
        base = env.get("WEBEX_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL
        try:
            return cls(
                bot_token=token,
                webhook_secret=secret,
                api_base_url=base if base.endswith("/") else base + "/",
                port=int(env.get("PORT", "8080")),
                local_mode=local,
                database_url=database_url(env),
                workers=int(env.get("SCOPEBOT_WORKER_THREADS", "4")),
                queue_size=int(env.get("SCOPEBOT_QUEUE_SIZE", "1000")),
                webex_timeout=max(1, int(env.get("SCOPEBOT_WEBEX_TIMEOUT", "20"))),
                retry_attempts=max(1, int(env.get("SCOPEBOT_RETRY_ATTEMPTS", "4"))),
                retry_base_delay=float(env.get("SCOPEBOT_RETRY_BASE_DELAY", "0.5")),
                allowed_domains=_list(env.get("WEBEX_ALLOWED_DOMAINS"), lower=True),
                allowed_rooms=_list(env.get("WEBEX_ALLOWED_ROOMS")),
            )
        except ValueError as exc:
            raise ConfigError(f"a numeric setting is not a number: {exc}") from None
