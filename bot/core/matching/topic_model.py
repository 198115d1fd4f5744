"""Guidance topics a post's cues did not show: one small logistic model a topic over the post's words and
word pairs, trained on the development sets by bench/train_topics.py, adds a topic to the question when it
reads the post surely as that situation told in other words ("Legal wants an archive of every message in
every space of the company, including spaces our account is not in": the Compliance Officer's)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.matching import tuning as t
from bot.core.matching.offtopic import tfidf

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("topic_model.json")


@dataclass(frozen=True)
class TopicModel:
    """The words' idf, shared, and each topic's logistic regression over them: topic -> (intercept, weights)."""

    idf: dict[str, float]
    topics: dict[str, tuple[float, dict[str, float]]]
    ngrams: int = 2

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TopicModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def read(cls, data: dict[str, Any]) -> TopicModel:
        """The model from its exported form: the terms, their idf and each topic's weights in the same order."""
        terms = data["terms"]
        return cls(dict(zip(terms, data["idf"])), {
            topic: (model["intercept"], {term: w for term, w in zip(terms, model["weights"]) if w})
            for topic, model in data["topics"].items()}, data["ngrams"])

    def probabilities(self, text: str) -> dict[str, float]:
        """How likely the post is each topic's situation."""
        values = tfidf(text, self.idf.get, self.ngrams)
        return {topic: 1 / (1 + math.exp(-intercept - sum(v * weights.get(term, 0.0) for term, v in values.items())))
                for topic, (intercept, weights) in self.topics.items()}

    def beside(self, q: Question) -> Question:
        """The question with the topics the model reads in it after those its cues showed; not for a post in
        another language (the model knows English words)."""
        if q.language:
            return q
        read = tuple(topic for topic, p in self.probabilities(q.text).items()
                     if p >= t.TOPIC_MODEL_FROM and topic not in q.topics)
        return replace(q, topics=q.topics + read) if read else q
