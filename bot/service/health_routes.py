"""GET /healthz: the process is up and serving (no database or Webex call, so it stays cheap)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

health = Blueprint("health", __name__)


@health.get("/healthz")
def healthz() -> Any:
    return jsonify(status="ok")
