"""The OAuth authorization URL an integration sends users to, with the scopes it needs."""

from __future__ import annotations

from typing import Iterable
from urllib.parse import quote, urlencode

AUTHORIZE_URL = "https://webexapis.com/v1/authorize"
ALWAYS_INCLUDED = "spark:kms"  # the developer portal adds it to every integration


def authorization_url(scopes: Iterable[str], client_id: str = "YOUR_CLIENT_ID",
                      redirect_uri: str = "YOUR_REDIRECT_URI", state: str = "YOUR_STATE") -> str:
    """The authorize URL with `scopes` space-separated and URL-encoded, spark:kms first as the
    portal writes it."""
    names = [ALWAYS_INCLUDED] + [s for s in dict.fromkeys(scopes) if s != ALWAYS_INCLUDED]
    query = urlencode({"client_id": client_id, "response_type": "code", "redirect_uri": redirect_uri,
                       "scope": " ".join(names), "state": state}, quote_via=quote, safe="")
    return f"{AUTHORIZE_URL}?{query}"
