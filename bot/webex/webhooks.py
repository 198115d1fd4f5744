"""Registers the bot's two webhooks, and only touches webhooks whose name has our prefix."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.webex.client import Webhook, WebexClient

WANTED = (("messages", "created"), ("attachmentActions", "created"))


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"{verb}: {name}" for verb in ("created", "updated", "deleted", "unchanged")
                for name in getattr(self, verb)]


def webhook_name(prefix: str, resource: str, event: str) -> str:
    return f"{prefix} {resource} {event}"


def ours(hooks: list[Webhook], prefix: str) -> list[Webhook]:
    return [h for h in hooks if h.name == prefix or h.name.startswith(prefix + " ")]


def _needs_update(hook: Webhook, name: str, url: str, secret: str | None) -> bool:
    secret_differs = secret is not None and hook.secret is not None and hook.secret != secret
    return hook.name != name or hook.target_url != url or hook.status != "active" or secret_differs


def sync_webhooks(client: WebexClient, url: str, secret: str | None, prefix: str) -> SyncReport:
    """Make our webhooks exactly the wanted ones pointing at `url`: create the missing, update
    (and reactivate) the changed, delete our stale or duplicate ones."""
    report = SyncReport()
    mine = ours(client.list_webhooks(), prefix)
    for resource, event in WANTED:
        name = webhook_name(prefix, resource, event)
        matching = [h for h in mine if (h.resource, h.event) == (resource, event)]
        matching.sort(key=lambda h: (h.target_url != url, h.status != "active"))
        if not matching:
            client.create_webhook(name, url, resource, event, secret)
            report.created.append(name)
            continue
        keep, *extra = matching
        if _needs_update(keep, name, url, secret):
            client.update_webhook(keep.id, name, url, secret)
            report.updated.append(name)
        else:
            report.unchanged.append(name)
        for hook in extra:
            client.delete_webhook(hook.id)
            report.deleted.append(f"{hook.name} ({hook.id}, duplicate)")
    for hook in mine:
        if (hook.resource, hook.event) not in WANTED:
            client.delete_webhook(hook.id)
            report.deleted.append(f"{hook.name} ({hook.id}, stale)")
    return report


def delete_webhooks(client: WebexClient, prefix: str, webhook_id: str | None = None) -> list[str]:
    """Delete one of our webhooks by id, or all of ours; never anyone else's."""
    deleted = []
    for hook in ours(client.list_webhooks(), prefix):
        if webhook_id is None or hook.id == webhook_id:
            client.delete_webhook(hook.id)
            deleted.append(f"{hook.name} ({hook.id})")
    return deleted
