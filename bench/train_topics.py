"""Trains the guidance topic model (bot/core/matching/topic_model.json) on the development sets.

One logistic regression a guidance topic (bots, service apps, the admin role, guest issuers, the compliance
officer) over the TF-IDF words and word pairs of the posts, the vectorizer shared with the off-topic model's
training; a post is labelled with the topics of its `guidance` key. It prints, for each topic, how many posts
the model flags at the line (tuning.TOPIC_MODEL_FROM) and how many of those carry the topic, when each fifth
of the posts is scored by models trained on the other four (the honest figure), then trains on all of them
and writes the weights with check probabilities the runtime scorer must reproduce (tests/core/test_topic_model.py);
it writes nothing when the runtime scorer disagrees. The held-out sets (bench/heldout_*.yaml) are never used.

    pip install -e '.[train]' && python bench/train_topics.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_offtopic import C, DIGITS, save, words_and_pairs  # noqa: E402

from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.packed import packed  # noqa: E402
from bot.core.matching.topic_model import MODEL_PATH, TopicModel  # noqa: E402

TOPICS = ("bots", "service-apps", "admin-role", "guest-issuer", "compliance-role")
FOLDS = 5
CHECKS = 4  # a topic


def model(features, labels: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit(features, labels)


def cross_validated(texts: list[str], labels: dict[str, np.ndarray]) -> None:
    """Posts flagged at the line in each fifth by models trained on the other four, and how many carry the topic."""
    for topic in TOPICS:
        p = np.zeros(len(texts))
        for train, test in KFold(FOLDS, shuffle=True, random_state=0).split(texts):
            vectorizer = words_and_pairs()
            features = vectorizer.fit_transform([texts[i] for i in train])
            p[test] = model(features, labels[topic][train]).predict_proba(
                vectorizer.transform([texts[i] for i in test]))[:, 1]
        flagged = p >= t.TOPIC_MODEL_FROM
        hits = int((flagged & labels[topic]).sum())
        print(f"{topic}: {int(labels[topic].sum())} posts; at {t.TOPIC_MODEL_FROM} {int(flagged.sum())} flagged, "
              f"{hits} of them the topic's ({hits / max(1, int(flagged.sum())):.1%}), {FOLDS}-fold cross-validation")


def export(texts: list[str], labels: dict[str, np.ndarray]) -> dict:
    """The idf and each topic's weights as the runtime scorer reads them, with check probabilities."""
    vectorizer = words_and_pairs()
    features = vectorizer.fit_transform(texts)
    terms = sorted(vectorizer.vocabulary_.items())
    data: dict = {"about": "bench/train_topics.py: TF-IDF (words and pairs) and a logistic regression a guidance "
                           "topic on the development sets; idf and each topic's weights in the order of terms, packed: "
                           "bot/core/matching/packed.py",
                  "ngrams": 2, "terms": [term for term, _ in terms],
                  "idf": packed(round(float(vectorizer.idf_[i]), DIGITS) for _, i in terms), "topics": {},
                  "checks": []}
    for topic in TOPICS:
        fitted = model(features, labels[topic])
        data["topics"][topic] = {"intercept": round(float(fitted.intercept_[0]), DIGITS),
                                 "weights": packed(round(float(fitted.coef_[0][i]), DIGITS) for _, i in terms)}
        ranked = sorted(zip(fitted.predict_proba(features)[:, 1], texts))
        picked = [ranked[round(i * (len(ranked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]
        data["checks"] += [[topic, text, round(float(p), 4)] for p, text in picked]
    return data


def main() -> None:
    items = [item for path in DEV_SETS if path.exists() for item in yaml.safe_load(path.read_text())]
    texts = [item["q"] for item in items]
    labels = {topic: np.array([topic in (item.get("guidance") or []) for item in items]) for topic in TOPICS}
    cross_validated(texts, labels)
    data = export(texts, labels)
    runtime = TopicModel.read(data)
    worst = max(abs(runtime.probabilities(text)[topic] - p) for topic, text, p in data["checks"])
    print(f"{len(data['idf'])} terms, {len(TOPICS)} topics")
    save(MODEL_PATH, data, worst, compact=True)


if __name__ == "__main__":
    main()
