"""A small load run in every test suite: every question answered exactly once despite faults."""

from __future__ import annotations

from loadtest import run_load


def test_every_question_answered_exactly_once_under_load_and_faults() -> None:
    result = run_load(n=120, concurrency=12, fault_rate=0.05, workers=2, timeout=60)
    assert result.acked == 120
    assert (result.answered_once, result.duplicates, result.missing) == (120, 0, 0)
