"""The edge to the Webex REST API, through webexpythonsdk.

Only this module talks to Webex; it turns SDK objects into small typed records so the rest of
the service never depends on SDK internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, TypeVar

from webexpythonsdk import WebexAPI

from bot.webex.retry import RetryPolicy, with_retries

T = TypeVar("T")

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"


@dataclass(frozen=True)
class BotIdentity:
    """Who the bot is, from people/me."""

    id: str
    display_name: str = ""
    nick_name: str = ""
    emails: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Names people type to mention the bot, longest first."""
        first = self.display_name.split(" ")[0] if self.display_name else ""
        return tuple(sorted({n for n in (self.display_name, self.nick_name, first) if n}, key=lambda n: (-len(n), n)))


@dataclass(frozen=True)
class IncomingMessage:
    """A message the bot was sent or mentioned in."""

    id: str
    room_id: str
    room_type: str = "direct"
    parent_id: str | None = None
    person_id: str = ""
    person_email: str = ""
    text: str = ""
    html: str | None = None
    mentioned_people: tuple[str, ...] = field(default_factory=tuple)
    markdown: str = ""
    created: str = ""  # ISO 8601 as Webex writes it, so comparable as a string


@dataclass(frozen=True)
class CardAction:
    """A press on a card button (an attachmentActions resource)."""

    id: str
    message_id: str
    room_id: str
    person_id: str = ""
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Webhook:
    """One registered webhook."""

    id: str
    name: str
    target_url: str
    resource: str
    event: str
    status: str = "active"
    secret: str | None = None


def _get(obj: Any, name: str, default: Any = None) -> Any:
    value = getattr(obj, name, None)
    return default if value is None else value


def _message(m: Any) -> IncomingMessage:
    return IncomingMessage(
        id=m.id, room_id=m.roomId, room_type=_get(m, "roomType", "direct"),
        parent_id=_get(m, "parentId"), person_id=_get(m, "personId", ""),
        person_email=_get(m, "personEmail", ""), text=_get(m, "text", ""), html=_get(m, "html"),
        mentioned_people=tuple(_get(m, "mentionedPeople", ())), markdown=_get(m, "markdown", ""),
        created=str(_get(m, "created", "")),
    )


class WebexClient:
    """The few Webex calls the bot makes, each retried within `policy` on transient failures.

    The SDK's own rate-limit handling would wait forever; ours waits a bounded number of times.
    """

    def __init__(self, token: str, base_url: str, timeout: int, policy: RetryPolicy):
        self.api = WebexAPI(access_token=token, base_url=base_url, single_request_timeout=timeout,
                            wait_on_rate_limit=False)
        self.policy = policy

    def _call(self, what: str, call: Callable[[], T], repeatable: bool = True) -> T:
        return with_retries(call, what, self.policy, repeatable)

    def me(self) -> BotIdentity:
        """Who the token belongs to (people/me)."""
        person = self._call("people.me", self.api.people.me)
        return BotIdentity(person.id, _get(person, "displayName", ""), _get(person, "nickName", ""),
                           tuple(_get(person, "emails", ())))

    def get_message(self, message_id: str) -> IncomingMessage:
        """One message, by id."""
        return _message(self._call("messages.get", lambda: self.api.messages.get(message_id)))

    def recent_messages(self, room_id: str, parent_id: str | None, limit: int) -> list[IncomingMessage]:
        """The newest `limit` messages of a room (of one thread when `parent_id` is given)."""
        def listing() -> list[Any]:
            return list(islice(self.api.messages.list(roomId=room_id, parentId=parent_id, max=limit), limit))

        return [_message(m) for m in self._call("messages.list", listing)]

    def person_email(self, person_id: str) -> str:
        """The first email of a person ('' when they have none)."""
        emails = _get(self._call("people.get", lambda: self.api.people.get(person_id)), "emails", ())
        return emails[0] if emails else ""

    def get_action(self, action_id: str) -> CardAction:
        a = self._call("attachment_actions.get", lambda: self.api.attachment_actions.get(action_id))
        inputs = _get(a, "inputs", {})
        return CardAction(a.id, _get(a, "messageId", ""), _get(a, "roomId", ""), _get(a, "personId", ""),
                          dict(inputs) if isinstance(inputs, dict) else {})

    def send(self, room_id: str, markdown: str, card: dict | None = None,
             parent_id: str | None = None) -> str:
        """Post a reply (with its card, when there is one); returns the new message id.

        Retried here only when Webex surely did not post it; otherwise the caller retries later,
        after checking the room (see bot.service.steps.reply)."""
        kwargs: dict[str, Any] = {"roomId": room_id, "markdown": markdown}
        if parent_id:
            kwargs["parentId"] = parent_id
        if card is not None:
            kwargs["attachments"] = [{"contentType": CARD_CONTENT_TYPE, "content": card}]
        return self._call("messages.create", lambda: self.api.messages.create(**kwargs), repeatable=False).id

    def list_webhooks(self) -> list[Webhook]:
        return [Webhook(w.id, w.name, w.targetUrl, w.resource, w.event, _get(w, "status", "active"),
                        _get(w, "secret")) for w in self._call("webhooks.list", lambda: list(self.api.webhooks.list()))]

    def create_webhook(self, name: str, target_url: str, resource: str, event: str,
                       secret: str | None) -> None:
        self._call("webhooks.create", lambda: self.api.webhooks.create(
            name=name, targetUrl=target_url, resource=resource, event=event, secret=secret))

    def update_webhook(self, webhook_id: str, name: str, target_url: str, secret: str | None) -> None:
        extra = {"secret": secret} if secret else {}
        self._call("webhooks.update", lambda: self.api.webhooks.update(
            webhook_id, name=name, targetUrl=target_url, status="active", **extra))

    def delete_webhook(self, webhook_id: str) -> None:
        self._call("webhooks.delete", lambda: self.api.webhooks.delete(webhook_id))
