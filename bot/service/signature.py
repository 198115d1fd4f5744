"""Webex webhook signatures: hex HMAC-SHA1 of the raw body, keyed with the webhook secret."""

from __future__ import annotations

import hashlib
import hmac


def sign(body: bytes, secret: str) -> str:
    """The X-Spark-Signature value Webex sends for `body`."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha1).hexdigest()


def verify(body: bytes, secret: str, signature: str | None) -> bool:
    """True when `signature` is the body's signature (constant-time comparison); a header that is not
    ASCII is none (compare_digest refuses to compare such text)."""
    if not signature or not signature.isascii():
        return False
    return hmac.compare_digest(sign(body, secret), signature.strip().lower())
