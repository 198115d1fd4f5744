"""Trains the needs model (bot/core/matching/needs_model.json) on the development sets.

The scope model (bench/train_scope.py) reads which one scope a post is mainly about; a post that needs two
scopes gives the second little of its probability. This model reads each scope on its own: one logistic
regression a scope (one against the rest) over the same TF-IDF words and word pairs, a post an example of every
scope its labels name (`expect` and `all`). The missed-need model weighs its probability for each candidate.
It prints, for the posts of each development set scored by models trained on the other sets, how well that
probability tells a labelled scope from the others (area under the ROC curve); then it trains on all of them,
keeps the weights that count (|weight| >= KEPT) and writes them with check probabilities the runtime scorer must
reproduce (tests/core/test_scope_model.py); it writes nothing when the runtime scorer disagrees. The held-out
sets (bench/heldout_*.yaml) are never used. The missed-need model reads it: train that one again after
(make scope-model does it in order).

    pip install -e '.[train]' && python bench/train_needs.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_offtopic import DIGITS, save, words_and_pairs  # noqa: E402
from train_scope import CHECKS, FOLDS, read_out_of_fold  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching.packed import Rows, packed  # noqa: E402
from bot.core.matching.scope_model import NEEDS_PATH, ScopeModel  # noqa: E402

C = 4.0  # inverse regularisation of each scope's model
KEPT = 0.2  # weights closer to 0 are left out of the file


def labelled() -> tuple[list[str], list[list[str]], list[str]]:
    """The posts with scopes the knowledge base knows in their labels: their text, those scopes and their set."""
    kb = load_knowledge()
    texts, needs, sets = [], [], []
    for path in (p for p in DEV_SETS if p.exists()):
        for item in yaml.safe_load(path.read_text()):
            named = (item.get("expect") or []) + (item.get("all") or [])
            found = sorted({s.name for name in named if isinstance(name, str) and (s := kb.get(name))})
            if found and not item.get("none"):
                texts.append(item["q"]), needs.append(found), sets.append(path.stem)
    return texts, needs, sets


class Fitted:
    """The vectorizer and one model a scope, with the weights that count."""

    def __init__(self, texts: list[str], labels: np.ndarray, scopes: np.ndarray):
        held = labels.sum(0) > 0  # a scope no training post needs has no model
        self.vectorizer, self.scopes = words_and_pairs(), scopes[held]
        features = self.vectorizer.fit_transform(texts)
        models = OneVsRestClassifier(LogisticRegression(C=C, max_iter=3000)).fit(features, labels[:, held])
        coef = np.vstack([m.coef_ for m in models.estimators_])
        self.coef = np.where(np.abs(coef) >= KEPT, coef, 0.0)
        self.intercepts = np.array([float(m.intercept_[0]) for m in models.estimators_])

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Each post's probability of needing each scope, with the kept weights only (as the runtime reads it)."""
        return 1 / (1 + np.exp(-(self.vectorizer.transform(texts) @ self.coef.T + self.intercepts)))


def out_of_fold() -> dict[str, dict[str, float]]:
    """Every development post's probabilities by models that never saw its set (as train_scope.out_of_fold)."""
    texts, needs, sets = labelled()
    binarizer = MultiLabelBinarizer().fit(needs)
    labels = binarizer.transform(needs)

    def fit(train: list[int]) -> tuple[Sequence[str], Callable[[list[str]], np.ndarray]]:
        fitted = Fitted([texts[i] for i in train], labels[train], binarizer.classes_)
        return fitted.scopes, fitted.probabilities
    return read_out_of_fold(texts, labels, sets, fit)


def main() -> None:
    texts, needs, sets = labelled()
    read = out_of_fold()
    truth = [(read[text].get(scope, 0.0), scope in labels) for text, labels in zip(texts, needs)
             for scope in read[text]]
    print(f"{len(texts)} posts; a labelled scope against the others, each set scored by models trained on the other "
          f"sets: area under the ROC curve {roc_auc_score([y for _, y in truth], [p for p, _ in truth]):.3f}")
    binarizer = MultiLabelBinarizer().fit(needs)
    fitted = Fitted(texts, binarizer.transform(needs), binarizer.classes_)
    terms = sorted(fitted.vectorizer.vocabulary_.items())  # every term, for the norm
    data = {"about": "bench/train_needs.py: TF-IDF (words and pairs) and a logistic regression a scope, one against "
                     "the rest, on the development sets; each term's idf and its weights (class, weight rows), packed: "
                     "bot/core/matching/packed.py",
            "ngrams": 2, "link": "logistic", "scopes": [str(s) for s in fitted.scopes],
            "intercepts": [round(float(v), DIGITS) for v in fitted.intercepts], "terms": [term for term, _ in terms],
            "idf": packed(round(float(fitted.vectorizer.idf_[i]), DIGITS) for _, i in terms),
            "weights": Rows.pack(((int(c), round(float(fitted.coef[c, i]), DIGITS))
                                  for c in np.flatnonzero(fitted.coef[:, i])) for _, i in terms)}
    probabilities = fitted.probabilities(texts)
    picked = sorted((float(p.max()), at) for at, p in enumerate(probabilities))
    picked = [picked[round(i * (len(picked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]
    data["checks"] = [[texts[at], data["scopes"][int(np.argmax(probabilities[at]))], round(p, 4)] for p, at in picked]
    runtime = ScopeModel.read(data)
    worst = max(abs(runtime.probabilities(text)[scope] - p) for text, scope, p in data["checks"])
    print(f"{len(terms)} terms, {len(data['scopes'])} scopes")
    save(NEEDS_PATH, data, worst, compact=True)


if __name__ == "__main__":
    main()
