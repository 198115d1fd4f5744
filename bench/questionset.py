"""Builds the benchmark's paraphrase set from bench/paraphrases.yaml and the knowledge base.

Per scope: its hand-written paraphrases, each with a typo; its name asked in two sentences;
up to two of its endpoints with real-looking ids (as a path or a full URL). Then several-need
questions joining two paraphrases, and the off-topic questions. Items use the format of the
development question set (q + expect | all | none). Deterministic: same input, same set.
"""

from __future__ import annotations

import base64
import random
import re
import uuid
from pathlib import Path
from typing import Any

import yaml

from bot.core.endpoints import DEFAULT_HOST, Endpoint
from bot.core.knowledge import KnowledgeBase

PARAPHRASES = Path(__file__).with_name("paraphrases.yaml")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_LITERALS = {"phonenumber": "+14085551234", "commandname": "Audio.Volume.Set", "countrycode": "US",
             "settingkey": "allowWebexMeetings", "schemaid": "urn:scim:schemas:core:1.0",
             "useruuid": str(uuid.UUID(int=7))}


def fake_id(name: str, rng: random.Random) -> str:
    """A Webex-style id for a path placeholder such as {roomId}."""
    key = name.lower()
    if key in _LITERALS:
        return _LITERALS[key]
    kind = re.sub(r"id$", "", key).upper() or "RESOURCE"
    raw = f"ciscospark://us/{kind}/{uuid.UUID(int=rng.getrandbits(128))}"
    return base64.b64encode(raw.encode()).decode().rstrip("=")


def concrete(endpoint: Endpoint, rng: random.Random) -> str:
    """`GET /v1/rooms/{roomId}` as a person would paste it: real ids, sometimes a full URL."""
    path = _PLACEHOLDER.sub(lambda m: fake_id(m[1], rng), endpoint.path)
    if endpoint.host != DEFAULT_HOST or rng.random() < 0.5:
        path = f"https://{endpoint.host}{path}" + ("?max=100" if endpoint.method == "GET" else "")
    return f"{endpoint.method} {path}"


def typo(text: str, rng: random.Random) -> str:
    """Swap two inner letters of the longest word (a common slip)."""
    words = text.split()
    i = max(range(len(words)), key=lambda j: (len(words[j]), -j))
    word = words[i]
    if len(word) >= 5 and word.isalpha():
        k = rng.randrange(1, len(word) - 2)
        words[i] = word[:k] + word[k + 1] + word[k] + word[k + 2:]
    return " ".join(words)


def build(kb: KnowledgeBase, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    source = yaml.safe_load(PARAPHRASES.read_text())
    owners: dict[tuple[str, str], list[str]] = {}
    for scope in kb.scopes:
        for ep in scope.endpoints:
            if not scope.deprecated:
                owners.setdefault((ep.method, ep.path), []).append(scope.name)
    items: list[dict[str, Any]] = []
    by_scope: dict[str, list[str]] = {}
    for name, questions in source["scopes"].items():
        scope = kb[name]
        by_scope[name] = questions
        for q in questions:
            items.append({"q": q, "expect": [name]})
            items.append({"q": typo(q, rng), "expect": [name]})
        items.append({"q": f"what is {name} for?", "expect": [name]})
        items.append({"q": f"do I need {name.upper()} in my integration", "expect": [name]})
        for ep in scope.endpoints[:2]:
            items.append({"q": concrete(ep, rng), "expect": owners[(ep.method, ep.path)]})
    names = sorted(by_scope)
    for _ in range(40):
        a, b = rng.sample(names, 2)
        if kb[a].area == kb[b].area:
            continue
        items.append({"q": f"{rng.choice(by_scope[a])} and also {rng.choice(by_scope[b])}", "all": [a, b]})
    items += [{"q": q, "none": True} for q in source["off_topic"]]
    return items
