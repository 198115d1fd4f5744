"""`kb check` on the vocabulary: what it reports when the knowledge base contradicts itself."""

from __future__ import annotations

from dataclasses import replace

from bot.core.knowledge import KnowledgeBase
from bot.tools.kbcheck import check_knowledge


def test_the_shipped_knowledge_base_has_no_problems(kb: KnowledgeBase) -> None:
    assert check_knowledge(kb) == []


def test_a_firehose_resource_that_is_no_webhook_resource_is_reported(kb: KnowledgeBase) -> None:
    broken = replace(kb, vocabulary=replace(kb.vocabulary, webhook_firehose=("messages", "telepathy")))
    assert check_knowledge(broken) == ["vocabulary: firehose resource telepathy is no webhook resource"]


def test_a_whole_list_scope_that_is_no_user_read_scope_is_reported(kb: KnowledgeBase) -> None:
    listed = frozenset({"spark:people_read", "spark-admin:people_read", "spark:rooms_read", "spark:nothing"})
    broken = replace(kb, vocabulary=replace(kb.vocabulary, admin_lists_whole=listed))
    assert sorted(check_knowledge(broken)) == [
        f"vocabulary: admin_lists_whole names {name}, no user read scope with an admin form"
        for name in ("spark-admin:people_read", "spark:nothing", "spark:rooms_read")]
