"""The app factory: building the app calls no one; the bot's identity is fetched once, on first need."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.service.app import create_app
from bot.service.config import Settings
from service_harness import wait_for
from test_service import message_event


def test_building_the_app_makes_no_call_and_identity_is_fetched_once(standin, tmp_path) -> None:
    settings = Settings.from_env({"WEBEX_BOT_TOKEN": "t",
                                  "WEBEX_API_BASE_URL": standin.base_url, "SCOPEBOT_LOCAL_MODE": "1",
                                  "DATABASE_URL": f"sqlite:///{tmp_path / 'db' / 'state.sqlite3'}"})
    before = len(standin.requests())
    app = create_app(settings)
    service = app.extensions["scopebot"]
    try:
        assert standin.requests()[before:] == []
        questions = [standin.add_message(f"lazy identity {i}: answer calls") for i in range(6)]
        client = app.test_client()
        with ThreadPoolExecutor(6) as pool:
            statuses = list(pool.map(lambda q: client.post("/webhooks", json=message_event(q)).status_code,
                                     questions))
        assert statuses == [202] * 6 and standin.requests()[before:] == []
        service.worker.start()
        wait_for(lambda: len([m for m in standin.sent() if "lazy identity" in m["markdown"]]) == 6)
        assert standin.requests()[before:].count(("GET", "/v1/people/me")) == 1
    finally:
        service.worker.shutdown()
