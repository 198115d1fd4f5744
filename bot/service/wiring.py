"""The composition root: builds every part of the service from Settings, and nothing else does.

Building makes no network call and opens no database connection: the bot's identity is fetched
from Webex on first need, and the database is opened on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from bot.core.handler import Handler
from bot.core.knowledge import load_knowledge
from bot.service import pipeline, steps, tuning
from bot.service.access import AccessPolicy
from bot.service.config import Settings, database_connect_timeout, database_url
from bot.service.lazy import Lazy
from bot.service.worker import Schedule, Worker
from bot.storage.database import Database
from bot.storage.feedback import FeedbackStore, recording_for
from bot.storage.inbox import Claimed, Inbox
from bot.webex.client import WebexClient
from bot.webex.retry import RetryPolicy


@dataclass(frozen=True)
class Service:
    """The parts of a running service."""

    settings: Settings
    database: Database
    inbox: Inbox
    tools: pipeline.Tools
    worker: Worker


def webex_client(settings: Settings) -> WebexClient:
    """The Webex client the settings describe, retrying transient failures as tuned."""
    policy = RetryPolicy(settings.retry_attempts, settings.retry_base_delay, tuning.WEBEX_RETRY_MAX_DELAY,
                         tuning.WEBEX_MAX_RETRY_AFTER)
    return WebexClient(settings.bot_token, settings.api_base_url, settings.webex_timeout, policy)


def database(env: Mapping[str, str] | None = None) -> Database:
    """The database the environment names (DatabaseError when its URL is wrong), for the command line."""
    return Database(database_url(env), database_connect_timeout(env))


def schedule(settings: Settings) -> Schedule:
    return Schedule(lease=settings.lease_seconds, base_delay=settings.redelivery_base_delay,
                    max_delay=settings.redelivery_max_delay, deadline=settings.event_deadline,
                    poll=settings.poll_seconds, drain=tuning.DRAIN_SECONDS)


def build(settings: Settings) -> Service:
    """Every part of the service, ready to start."""
    db = Database(settings.database_url, settings.database_connect_timeout)
    client = webex_client(settings)
    handler = Handler(load_knowledge(), recorder=FeedbackStore(db), links=settings.links)
    tools = pipeline.Tools(handler=handler, client=client,
                           identity=Lazy(client.me),
                           access=AccessPolicy(settings.allowed_domains, settings.allowed_rooms))
    inbox = Inbox(db)

    def handle(claimed: Claimed) -> str:
        event = pipeline.Event(claimed.kind, claimed.envelope["data"], attempt=claimed.attempts)
        with recording_for(f"{claimed.kind}:{claimed.event_id}"):
            return pipeline.run(event, tools, steps.STEPS)

    return Service(settings, db, inbox, tools, Worker(inbox, handle, schedule(settings), settings.workers))
