"""Service settings, read once from the environment; this module builds nothing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from bot.core.oauth import AppLinks
from bot.service import tuning

DEFAULT_API_BASE_URL = "https://webexapis.com/v1/"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATABASE_FILE = "scopebot-state.sqlite3"
DEFAULT_PORT = 8080


class ConfigError(RuntimeError):
    """The service cannot start with these settings; the message says what to set."""


def data_dir(env: Mapping[str, str] | None = None) -> Path:
    """$SCOPEBOT_DATA_DIR, else data/ beside the bot's source: where the default SQLite file lives."""
    env = os.environ if env is None else env
    return Path(env.get("SCOPEBOT_DATA_DIR", "").strip() or DEFAULT_DATA_DIR)


def database_url(env: Mapping[str, str] | None = None) -> str:
    """$DATABASE_URL as given, else a SQLite file in the data directory."""
    env = os.environ if env is None else env
    return env.get("DATABASE_URL", "").strip() or f"sqlite:///{data_dir(env) / DATABASE_FILE}"


def database_connect_timeout(env: Mapping[str, str] | None = None) -> float:
    """SCOPEBOT_DATABASE_CONNECT_TIMEOUT: seconds to wait for the database server to answer."""
    env = os.environ if env is None else env
    return _number(env, "SCOPEBOT_DATABASE_CONNECT_TIMEOUT", tuning.DATABASE_CONNECT_TIMEOUT, float, 1)


def listen_port(env: Mapping[str, str] | None = None) -> int:
    """$PORT: where the service listens (and, in local mode, the playground), 1 to 65535."""
    port = int(_number(os.environ if env is None else env, "PORT", DEFAULT_PORT, least=1))
    if port > MAX_PORT:
        raise ConfigError(f"PORT must be at most {MAX_PORT}, not {port}")
    return port


def playground_enabled(env: Mapping[str, str] | None = None) -> bool:
    """PLAYGROUND=1: the service also serves the web playground at / (off by default in production)."""
    return _flag((os.environ if env is None else env).get("PLAYGROUND"))


def playground_only(env: Mapping[str, str] | None = None) -> bool:
    """PLAYGROUND=1 without WEBEX_BOT_TOKEN: the playground alone, with no webhooks and no answering process."""
    env = os.environ if env is None else env
    return playground_enabled(env) and not env.get("WEBEX_BOT_TOKEN", "").strip()


def _list(value: str | None, lower: bool = False) -> frozenset[str]:
    """A comma- or space-separated setting as a set."""
    items = (value or "").replace(",", " ").split()
    return frozenset(i.lower().lstrip("@") if lower else i for i in items)


def _flag(value: str | None) -> bool:
    """A yes/no setting: 1, true, yes or on mean yes."""
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _number(env: Mapping[str, str], name: str, default: float, kind: type = int, least: float = 0) -> float:
    """A numeric setting, `default` when unset; a ConfigError naming it when malformed or too small."""
    raw = env.get(name, "").strip()
    try:
        value = kind(raw) if raw else default
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if value < least:
        raise ConfigError(f"{name} must be at least {least}, not {raw}")
    return value


MAX_PORT = 65535


@dataclass(frozen=True)
class Settings:
    """What the webhook service needs to run."""

    bot_token: str
    webhook_secret: str | None
    api_base_url: str = DEFAULT_API_BASE_URL
    port: int = DEFAULT_PORT
    local_mode: bool = False  # accept unsigned webhooks: for trying the bot locally only
    playground: bool = False  # also serve the web playground at /
    database_url: str = ""
    database_connect_timeout: float = tuning.DATABASE_CONNECT_TIMEOUT
    workers: int = tuning.WORKER_THREADS
    webhook_prefix: str = "scopebot"
    webex_timeout: int = tuning.WEBEX_TIMEOUT_SECONDS
    retry_attempts: int = tuning.WEBEX_RETRY_ATTEMPTS
    retry_base_delay: float = tuning.WEBEX_RETRY_BASE_DELAY
    allowed_domains: frozenset[str] = frozenset()
    allowed_rooms: frozenset[str] = frozenset()
    lease_seconds: float = tuning.LEASE_SECONDS
    redelivery_base_delay: float = tuning.REDELIVERY_BASE_DELAY
    redelivery_max_delay: float = tuning.REDELIVERY_MAX_DELAY
    event_deadline: float = tuning.EVENT_DEADLINE_SECONDS
    poll_seconds: float = tuning.POLL_SECONDS
    retention_days: float = tuning.RETENTION_DAYS
    links: AppLinks = AppLinks()  # WEBEX_CLIENT_ID and WEBEX_REDIRECT_URI: answers carry an Authorize button

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """The settings in `env` (default: os.environ); ConfigError says what is missing or wrong."""
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
        return cls(
            bot_token=token, webhook_secret=secret, api_base_url=_api_base_url(env),
            port=listen_port(env), local_mode=local, playground=playground_enabled(env),
            database_url=database_url(env), database_connect_timeout=database_connect_timeout(env),
            workers=int(_number(env, "SCOPEBOT_WORKER_THREADS", tuning.WORKER_THREADS, least=1)),
            webex_timeout=int(_number(env, "SCOPEBOT_WEBEX_TIMEOUT", tuning.WEBEX_TIMEOUT_SECONDS, least=1)),
            retry_attempts=int(_number(env, "SCOPEBOT_RETRY_ATTEMPTS", tuning.WEBEX_RETRY_ATTEMPTS, least=1)),
            retry_base_delay=_number(env, "SCOPEBOT_RETRY_BASE_DELAY", tuning.WEBEX_RETRY_BASE_DELAY, float),
            allowed_domains=_list(env.get("WEBEX_ALLOWED_DOMAINS"), lower=True),
            allowed_rooms=_list(env.get("WEBEX_ALLOWED_ROOMS")),
            links=AppLinks.from_settings(env),
            **_inbox_settings(env),
        )


def _inbox_settings(env: Mapping[str, str]) -> dict[str, float]:
    """The inbox's lease, redelivery and retention settings (see bot.service.tuning)."""
    return {
        "lease_seconds": _number(env, "SCOPEBOT_LEASE_SECONDS", tuning.LEASE_SECONDS, float, 0.1),
        "redelivery_base_delay": _number(env, "SCOPEBOT_REDELIVERY_BASE_DELAY", tuning.REDELIVERY_BASE_DELAY, float),
        "redelivery_max_delay": _number(env, "SCOPEBOT_REDELIVERY_MAX_DELAY", tuning.REDELIVERY_MAX_DELAY, float),
        "event_deadline": _number(env, "SCOPEBOT_EVENT_DEADLINE", tuning.EVENT_DEADLINE_SECONDS, float),
        "poll_seconds": _number(env, "SCOPEBOT_POLL_SECONDS", tuning.POLL_SECONDS, float, 0.01),
        "retention_days": retention_days(env),
    }


def retention_days(env: Mapping[str, str] | None = None) -> float:
    """RETENTION_DAYS: how long stored question text is kept."""
    return _number(os.environ if env is None else env, "RETENTION_DAYS", tuning.RETENTION_DAYS, float, 0)


def _api_base_url(env: Mapping[str, str]) -> str:
    """WEBEX_API_BASE_URL with its trailing slash; a ConfigError when it is not an http(s) URL."""
    base = env.get("WEBEX_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL
    if not base.startswith(("https://", "http://")) or len(base.split("/")) < 4 or not base.split("/")[2]:
        raise ConfigError(f"WEBEX_API_BASE_URL must be an http(s) URL like {DEFAULT_API_BASE_URL}, not {base!r}")
    return base if base.endswith("/") else base + "/"
