"""Doubt about a high-confidence answer: a small logistic model, trained on the development sets by
bench/train_doubt.py, reads what the answer rests on and what the post is like, and lowers a high
confidence to medium when it finds the answer more likely wrong than a typical sure one (the classes are
weighed alike in training: the line is where a wrong and a right answer are equally likely)."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.answer import Answer, AnswerKind, Confidence, Via
from bot.core.knowledge import KnowledgeBase
from bot.core.matching import tuning as t
from bot.core.matching.evidence import REFUSED_RE, asks_for_several
from bot.core.matching.explain import assumptions
from bot.core.matching.logit import Logit
from bot.core.matching.offtopic import OfftopicModel
from bot.core.matching.topic_model import TopicModel

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("doubt_model.json")


def features(answer: Answer, q: Question, offtopic: OfftopicModel, topics: TopicModel) -> dict[str, float]:
    """What a sure answer rests on (a name, a call, words; its kind and size) and what the post is like
    (length, pasted code, a refusal, how off-topic and how much like each guidance situation it reads)."""
    need = answer.needs[0]
    told = {
        "via_words": need.via == Via.WORDS, "via_endpoint": need.via == Via.ENDPOINT, "via_name": need.via == Via.NAME,
        "plan": answer.kind == AnswerKind.PLAN, "guidance": answer.kind == AnswerKind.GUIDANCE,
        "scopes": len(answer.scopes), "topics": len(answer.guidance), "calls": len(q.calls), "named": len(q.named),
        "words": math.log(1 + len(q.text.split())), "sentences": math.log(1 + len(q.message.sentences)),
        "score": need.score, "asks_several": asks_for_several(q.asking), "offtopic": offtopic.probability(q.text),
        "admin": need.scope.audience == "admin", "user": need.scope.audience == "user",
        "compliance": need.scope.audience == "compliance", "read": need.scope.access == "read",
        "cues_admin": "admin" in q.cues, "cues_user": "user" in q.cues, "asked_whole": q.asking == q.prose,
        "pasted": bool(q.message.pasted), "refused": bool(REFUSED_RE.search(q.text))}
    return {name: float(value) for name, value in told.items()} | {
        f"topic_{topic}": p for topic, p in topics.probabilities(q.text).items()}


class DoubtModel(Logit):
    """The logistic regression over a sure answer's standardised features: is it wrong?"""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> DoubtModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    def doubted(self, answer: Answer, q: Question, kb: KnowledgeBase, offtopic: OfftopicModel,
                topics: TopicModel) -> Answer:
        """A high-confidence answer the model doubts, as medium, with the assumptions a medium answer states."""
        if answer.confidence != Confidence.HIGH or not answer.needs:
            return answer
        if self.probability(features(answer, q, offtopic, topics)) < t.DOUBT_FROM:
            return answer
        notes = answer.assumptions + assumptions(list(answer.needs), q.cues, q.language, q.prose, kb)
        return replace(answer, confidence=Confidence.MEDIUM, assumptions=notes)
