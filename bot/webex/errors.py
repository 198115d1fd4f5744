"""One clear line for a failed call to Webex, saying what to fix (for the command line)."""

from __future__ import annotations

import requests
from webexpythonsdk.exceptions import ApiError

HINTS = {
    401: "Webex refused the token (401 Unauthorized): WEBEX_BOT_TOKEN is wrong, revoked or expired; "
         "copy the bot's token again from developer.webex.com (My Webex Apps)",
    403: "Webex says the bot may not do this (403 Forbidden): check the token is the bot's own",
    404: "Webex does not know this (404 Not Found): check WEBEX_API_BASE_URL ends in /v1/",
}


def describe(error: BaseException, base_url: str) -> str | None:
    """What went wrong talking to Webex at `base_url`, in one line; None when `error` is not about Webex."""
    if isinstance(error, ApiError):
        return HINTS.get(error.status_code) or f"Webex answered {error.status_code}: {error.message or error}"[:300]
    if isinstance(error, requests.Timeout):
        return f"Webex at {base_url} did not answer in time: check the network or SCOPEBOT_WEBEX_TIMEOUT"
    if isinstance(error, requests.ConnectionError):
        return f"cannot reach Webex at {base_url}: check WEBEX_API_BASE_URL and the network (proxy, DNS, firewall)"
    if isinstance(error, requests.RequestException):
        return f"cannot call Webex at {base_url}: {type(error).__name__}: {error}"[:300]
    return None
