"""The OAuth authorization URL an integration sends users to, with the scopes it needs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import quote, urlencode

AUTHORIZE_URL = "https://webexapis.com/v1/authorize"
ALWAYS_INCLUDED = "spark:kms"  # the developer portal adds it to every integration


def authorization_url(scopes: Iterable[str], client_id: str, redirect_uri: str, state: str) -> str:
    """The authorize URL with `scopes` space-separated and URL-encoded, spark:kms first as the
    portal writes it."""
    names = [ALWAYS_INCLUDED] + [s for s in dict.fromkeys(scopes) if s != ALWAYS_INCLUDED]
    return authorize_url({"client_id": client_id, "response_type": "code", "redirect_uri": redirect_uri,
                          "scope": " ".join(names), "state": state})


def authorize_url(params: Mapping[str, str]) -> str:
    """Webex's authorize endpoint with `params`, every value URL-encoded (spaces as %20)."""
    return f"{AUTHORIZE_URL}?{urlencode(params, quote_via=quote, safe='')}"


# Said to whoever runs the bot when answers can carry no Authorize button; never in the answers themselves
SETTINGS_HINT = ("Answers carry no Authorize button: set WEBEX_CLIENT_ID and WEBEX_REDIRECT_URI (your integration's) "
                 "to add one.")


@dataclass(frozen=True)
class AppLinks:
    """The integration's client id and redirect URI, read at the edge, so answers can carry an
    authorization link that works instead of one with placeholders."""

    client_id: str = ""
    redirect_uri: str = ""
    state: str = "scopebot"

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> "AppLinks":
        """The links from WEBEX_CLIENT_ID and WEBEX_REDIRECT_URI in `settings` (os.environ at the edge)."""
        return cls(settings.get("WEBEX_CLIENT_ID", ""), settings.get("WEBEX_REDIRECT_URI", ""))

    @property
    def ready(self) -> bool:
        """True when both settings are there, so a link can be made."""
        return bool(self.client_id.strip() and self.redirect_uri.strip())

    def authorize(self, scopes: Iterable[str]) -> str | None:
        """The working authorization URL for `scopes`, or None without the settings."""
        if not self.ready:
            return None
        return authorization_url(scopes, self.client_id.strip(), self.redirect_uri.strip(), self.state)
