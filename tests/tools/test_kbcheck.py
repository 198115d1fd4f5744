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
