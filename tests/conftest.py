"""Shared fixtures: the real knowledge base and matcher, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.handler import Handler
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matcher import Matcher

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def standin():
    """A Webex API stand-in on loopback, shared by the tests of one module."""
    from webex_standin import StandIn

    with StandIn() as server:
        yield server


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.fixture(scope="session")
def handler(kb: KnowledgeBase, matcher: Matcher) -> Handler:
    return Handler(kb, matcher)
