"""The scorer of question sets: what counts as right, and names compared without case."""

from __future__ import annotations

import pytest

from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.knowledge import KnowledgeBase
from bot.tools.evaluate import evaluate, successors


def test_scope_names_are_compared_without_case(kb: KnowledgeBase) -> None:
    scope = kb.get("Identity:one_time_password")
    answer = Answer("q", AnswerKind.SCOPE, (Need("q", scope, Via.WORDS),))
    report = evaluate(lambda q: answer, [{"q": "q", "expect": ["identity:one_time_password"],
                                          "all": ["IDENTITY:one_time_password"]}])
    assert report.top1.hits == 1 and report.multi_complete.hits == 1


def test_a_wrong_first_scope_and_a_missing_one_are_misses(kb: KnowledgeBase) -> None:
    answer = Answer("q", AnswerKind.SCOPE, (Need("q", kb.get("spark:rooms_read"), Via.WORDS),))
    report = evaluate(lambda q: answer, [{"q": "q", "expect": ["spark:rooms_write"],
                                          "all": ["spark:rooms_write"]}])
    assert report.top1.hits == 0 and report.multi_complete.hits == 0 and report.top1.total == 1


def test_an_empty_expect_is_scored_by_its_guidance_alone() -> None:
    answer = Answer("q", AnswerKind.GUIDANCE, guidance=("bots",))
    report = evaluate(lambda q: answer, [{"q": "q", "expect": [], "guidance": ["bots"]}])
    assert report.top1.total == 0 and report.guidance.hits == 1 and report.right.hits == 1


def test_a_scope_no_label_names_is_counted_apart_not_as_wrong(kb: KnowledgeBase) -> None:
    needs = tuple(Need("q", kb.get(name), Via.WORDS) for name in ("spark:rooms_write", "spark:messages_write"))
    answer = Answer("q", AnswerKind.PLAN, needs)
    report = evaluate(lambda q: answer, [{"q": "q", "expect": ["spark:rooms_write"], "all": ["spark:rooms_write"]},
                                         {"q": "q", "all": ["spark:rooms_write", "spark:messages_write"]}])
    assert report.right.hits == 2 and (report.extra.hits, report.extra.total) == (1, 2)


def test_all_true_needs_every_expected_scope_and_a_bad_label_is_named(kb: KnowledgeBase) -> None:
    answer = Answer("q", AnswerKind.SCOPE, (Need("q", kb.get("spark:rooms_write"), Via.WORDS),))
    report = evaluate(lambda q: answer, [{"q": "q", "expect": ["spark:rooms_write", "spark:memberships_write"],
                                          "all": True}])
    assert report.top1.hits == 1 and report.multi_complete.hits == 0
    with pytest.raises(ValueError, match="item 1 .*'all' must be a list"):
        evaluate(lambda q: answer, [{"q": "q", "expect": ["spark:rooms_write"], "all": "spark:rooms_write"}])


def test_a_label_naming_a_deprecated_scope_is_met_by_its_replacement(kb: KnowledgeBase) -> None:
    renamed = successors(kb)
    assert renamed["spark-admin:workspace_locations_read"] == "spark-admin:locations_read"
    answer = Answer("q", AnswerKind.SCOPE, (Need("q", kb.get("spark-admin:locations_read"), Via.WORDS),))
    items = [{"q": "q", "expect": ["spark-admin:workspace_locations_read"],
              "all": ["spark-admin:workspace_locations_read"]}]
    report = evaluate(lambda q: answer, items, renamed)
    assert report.top1.hits == 1 and report.multi_complete.hits == 1 and report.extra.hits == 0
    assert evaluate(lambda q: answer, items).top1.hits == 0  # read as written, the old name is not met
