"""The speller repairs slips against the knowledge base's words, and its memory of repairs stays bounded."""

from __future__ import annotations

import pytest

from bot.core import text
from bot.core.text import Speller


def test_a_text_is_respelled_word_by_word_and_known_words_stay() -> None:
    speller = Speller(["webhooks", "create", "creating"])
    assert speller.respelled("Scope for creatng webhoks, Webex?") == "Scope for creating webhooks, Webex?"


def test_the_memory_of_repairs_starts_afresh_past_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "REPAIRS_KEPT", 3)
    speller = Speller(["webhooks"])
    for word in ("webhoks", "webhoocks", "wbehooks", "webhoosk", "webhhooks"):
        assert speller.correct(word) == "webhooks"
    assert len(speller._cache) <= 3
