"""Guards matching quality on the benchmark's held-out paraphrase set (speed lives in make bench)."""

from __future__ import annotations

import sys

from bot.tools.evaluate import evaluate
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from questionset import build  # noqa: E402


def test_the_paraphrase_set_is_well_formed(kb) -> None:
    items = build(kb)
    assert len(items) > 1000 and len({i["q"] for i in items}) > 900
    for item in items:
        for name in item.get("expect", []) + item.get("all", []):
            assert kb.get(name) is not None and not kb[name].deprecated, item


def test_quality_on_held_out_paraphrases(kb, matcher) -> None:
    report = evaluate(matcher.answer, build(kb))
    assert report.top1.rate >= 0.95, report.summary()
    assert report.multi_recall >= 0.9, report.summary()
    assert report.decline_rate >= 0.95 and report.false_decline_rate < 0.03, report.summary()
