"""Trains the scope model (bot/core/matching/scope_model.json) on the development sets.

One logistic regression over the TF-IDF words and word pairs of the posts (the vectorizer of the off-topic
model's training), a class a scope: each post labelled with a main scope (`expect`, its first) is an example of
that scope. It prints how often the likeliest scope is the label, and how many posts it reads at the line
(tuning.SCOPE_MODEL_FROM) with how many of those right, when each development set is scored by a model trained
on the others (the honest figure: sets differ in style as users do); then it trains on all of them, keeps the
weights that count (|weight| >= KEPT: the rest would make the file tens of megabytes), and writes them with check
probabilities the runtime scorer must reproduce (tests/core/test_scope_model.py); it writes nothing when the
runtime scorer disagrees. The held-out sets (bench/heldout_*.yaml) are never used.

    pip install -e '.[train]' && python bench/train_scope.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_offtopic import DIGITS, save, words_and_pairs  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.packed import Rows, packed  # noqa: E402
from bot.core.matching.scope_model import MODEL_PATH, ScopeModel  # noqa: E402

C = 20.0  # inverse regularisation: many classes, few posts each
KEPT = 0.2  # weights closer to 0 are left out: at 0.05 the file is 4.3 MB, at 0.2 1.8 MB (see CV below)
FOLDS = 5
CHECKS = 12


def labelled() -> tuple[list[str], list[str], list[str]]:
    """The posts with a main scope the knowledge base knows: their text, that scope and their set."""
    kb = load_knowledge()
    texts, scopes, sets = [], [], []
    for path in (p for p in DEV_SETS if p.exists()):
        for item in yaml.safe_load(path.read_text()):
            scope = kb.get(item["expect"][0]) if item.get("expect") and not item.get("none") else None
            if scope is not None:
                texts.append(item["q"]), scopes.append(scope.name), sets.append(path.stem)
    return texts, scopes, sets


def model(features, labels: list[str]) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=3000).fit(features, labels)


def kept(fitted: LogisticRegression) -> np.ndarray:
    """The model's weights with those closer to 0 than KEPT left out."""
    return np.where(np.abs(fitted.coef_) >= KEPT, fitted.coef_, 0.0)


def pruned(fitted: LogisticRegression, features) -> np.ndarray:
    """Each post's probabilities by the model with only its kept weights, as the runtime scorer reads it."""
    scores = features @ kept(fitted).T + fitted.intercept_
    scores = np.exp(scores - scores.max(1, keepdims=True))
    return scores / scores.sum(1, keepdims=True)


def cross_validated(texts: list[str], scopes: list[str], sets: list[str]) -> None:
    """The likeliest scope of each post by a model trained on the other sets: how often right, and at the line."""
    right, sure, sure_right = 0, 0, 0
    for train, test in GroupKFold(FOLDS).split(texts, scopes, sets):
        vectorizer = words_and_pairs()
        fitted = model(vectorizer.fit_transform([texts[i] for i in train]), [scopes[i] for i in train])
        for i, p in zip(test, pruned(fitted, vectorizer.transform([texts[i] for i in test]))):
            hit = fitted.classes_[int(np.argmax(p))] == scopes[i]
            right += hit
            if p.max() >= t.SCOPE_MODEL_FROM:
                sure, sure_right = sure + 1, sure_right + hit
    print(f"{len(texts)} posts; the likeliest scope is the label in {right} ({right / len(texts):.1%}); at "
          f"{t.SCOPE_MODEL_FROM} it reads {sure}, {sure_right} right ({sure_right / max(1, sure):.1%}), "
          f"{FOLDS}-fold cross-validation by set")


def export(texts: list[str], scopes: list[str]) -> tuple[dict, np.ndarray]:
    """The terms, their idf and their kept weights as the runtime scorer reads them; and each post's
    probabilities by the model so pruned."""
    vectorizer = words_and_pairs()
    features = vectorizer.fit_transform(texts)
    fitted = model(features, scopes)
    coef = kept(fitted)
    terms = sorted(vectorizer.vocabulary_.items())  # every term, for the norm, even one with no weight kept
    data = {"about": "bench/train_scope.py: TF-IDF (words and pairs) and a logistic regression a scope on the "
                     "development sets; each term's idf and its weights (class, weight rows), packed: "
                     "bot/core/matching/packed.py",
            "ngrams": 2, "scopes": [str(c) for c in fitted.classes_],
            "intercepts": [round(float(v), DIGITS) for v in fitted.intercept_], "terms": [term for term, _ in terms],
            "idf": packed(round(float(vectorizer.idf_[i]), DIGITS) for _, i in terms),
            "weights": Rows.pack(((int(c), round(float(coef[c, i]), DIGITS)) for c in np.flatnonzero(coef[:, i]))
                                 for _, i in terms)}
    return data, pruned(fitted, features)


# a model trained on the posts at the given places: the scopes it knows, and how it reads posts
Fit = Callable[[list[int]], tuple[Sequence[str], Callable[[list[str]], Any]]]


def read_out_of_fold(texts: list[str], labels: Any, sets: list[str], fit: Fit) -> dict[str, dict[str, float]]:
    """Every development post's probabilities by a model that never saw its set: a model of `fit` for each fold
    of the sets (`cross_validated`'s), and one of all the labelled posts for a set with none of them."""
    folds = {sets[i]: k for k, (_, test) in enumerate(GroupKFold(FOLDS).split(texts, labels, sets)) for i in test}
    posts = [(item["q"], path.stem) for path in DEV_SETS if path.exists() for item in yaml.safe_load(path.read_text())]
    read: dict[str, dict[str, float]] = {}
    for k in sorted(set(folds.values())) + [None]:
        scored = [text for text, name in posts if folds.get(name) == k]
        if scored:
            scopes, reading = fit([i for i in range(len(texts)) if folds[sets[i]] != k])
            for text, p in zip(scored, reading(scored)):
                read[text] = {str(scope): float(v) for scope, v in zip(scopes, p)}
    return read


def out_of_fold() -> dict[str, dict[str, float]]:
    """Every development post's probabilities by a model that never saw its set: what the missed-need model
    trains on, as the runtime reads posts no model was trained on."""
    texts, scopes, sets = labelled()

    def fit(train: list[int]) -> tuple[Sequence[str], Callable[[list[str]], Any]]:
        vectorizer = words_and_pairs()
        fitted = model(vectorizer.fit_transform([texts[i] for i in train]), [scopes[i] for i in train])
        return fitted.classes_, lambda scored: pruned(fitted, vectorizer.transform(scored))
    return read_out_of_fold(texts, scopes, sets, fit)


def main() -> None:
    texts, scopes, sets = labelled()
    cross_validated(texts, scopes, sets)
    data, probabilities = export(texts, scopes)
    read = sorted((float(p.max()), at) for at, p in enumerate(probabilities))
    picked = [read[round(i * (len(read) - 1) / (CHECKS - 1))] for i in range(CHECKS)]  # least to most sure
    data["checks"] = [[texts[at], data["scopes"][int(np.argmax(probabilities[at]))], round(p, 4)] for p, at in picked]
    runtime = ScopeModel.read(data)
    worst = max(abs(runtime.likeliest(text)[1] - p) if runtime.likeliest(text)[0] == name else 1.0
                for text, name, p in data["checks"])
    print(f"{len(data['terms'])} terms, {len(data['scopes'])} scopes")
    save(MODEL_PATH, data, worst, compact=True)


if __name__ == "__main__":
    main()
