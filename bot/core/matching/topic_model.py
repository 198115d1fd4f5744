"""Guidance topics a post's cues did not show: one small logistic model a topic over the post's words and
word pairs, trained on the development sets by bench/train_topics.py, adds a topic to the question when it
reads the post surely as that situation told in other words ("Legal wants an archive of every message in
every space of the company, including spaces our account is not in": the Compliance Officer's)."""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core.matching import tuning as t
from bot.core.matching.logit import logistic
from bot.core.matching.offtopic import tfidf
from bot.core.matching.packed import aligned, unpacked

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("topic_model.json")


@dataclass(frozen=True)
class TopicModel:
    """A logistic regression a topic over the same TF-IDF words: each term's place in the idf and weight arrays
    (compact: a model of some twenty thousand terms a topic)."""

    topics: tuple[str, ...]
    intercepts: tuple[float, ...]
    places: dict[str, int]
    idf: array
    weights: tuple[array, ...]
    ngrams: int = 2

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> TopicModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def read(cls, data: dict[str, Any]) -> TopicModel:
        """The model from its exported form: the terms, their idf and each topic's weights in the same order."""
        models, terms, idf = data["topics"], data["terms"], unpacked(data["idf"])
        weights = tuple(unpacked(model["weights"]) for model in models.values())
        aligned(terms, idf, *weights)
        return cls(tuple(models), tuple(model["intercept"] for model in models.values()),
                   {term: i for i, term in enumerate(terms)}, idf, weights, data["ngrams"])

    def probabilities(self, text: str) -> dict[str, float]:
        """How likely the post is each topic's situation."""
        values = [(self.places[term], value) for term, value in tfidf(text, self._idf, self.ngrams).items()]
        return {topic: logistic(intercept + sum(value * weights[i] for i, value in values))
                for topic, intercept, weights in zip(self.topics, self.intercepts, self.weights)}

    def _idf(self, term: str) -> float | None:
        place = self.places.get(term)
        return None if place is None else self.idf[place]

    def beside(self, q: Question) -> Question:
        """The question with the topics the model reads in it after those its cues showed; not for a post in
        another language (the model knows English words), nor one too short for it to tell (a scope name)."""
        if q.language or len(q.text.split()) < t.TOPIC_MODEL_MIN_WORDS:
            return q
        read = tuple(topic for topic, p in self.probabilities(q.text).items()
                     if p >= t.TOPIC_MODEL_FROM and topic not in q.topics)
        return replace(q, topics=q.topics + read) if read else q
