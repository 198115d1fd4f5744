"""Trains the model of missed needs (bot/core/matching/missed_model.json) on the development sets.

For every labelled post of the development sets it takes the answer before completion and the scopes
the post's clauses rank best that the answer lacks (bot/core/matching/missed.py); a candidate is a
missed need when the post's labels name it. A logistic regression over the candidates' standardised
features learns which are needs. It prints how many candidates the model adds at the line
(tuning.MISSED_FROM) and how many of those are needs when each fifth of the posts is scored by a model
trained on the other four (the honest figure), then trains on all of them and writes the weights with
check probabilities the runtime scorer must reproduce (tests/core/test_missed.py); it writes nothing
when the runtime scorer disagrees. The held-out sets (bench/heldout_*.yaml) are never used. The features
read the first answer, so train again after any change to it, the topic model's included (make topic-model
trains that one first, and the doubt model after).

    pip install -e '.[train]' && python bench/train_missed.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.missed import MODEL_PATH, MissedModel, candidates  # noqa: E402

C = 1.0  # inverse regularisation: 0.1 and 10 gave the same precision in cross-validation
FOLDS = 5
DIGITS = 6
CHECKS = 12
AGREEMENT = 1e-3  # how far the runtime scorer may be from scikit-learn on the checks


def labelled(items: list[dict]) -> list[tuple[str, set[str]]]:
    """The posts with scopes in their labels, each with the scopes it needs (lower case)."""
    out = []
    for item in items:
        needed = {s.lower() for s in (item.get("expect") or []) + (item.get("all") or []) if isinstance(s, str)}
        if needed and not item.get("none"):
            out.append((item["q"], needed))
    return out


def rows(matcher: Matcher, posts: list[tuple[str, set[str]]]) -> tuple[list, list[dict], list[bool], list[int]]:
    """Every candidate of every post: (post, scope name), its features, whether it is needed, its post."""
    keys, features, needed, groups = [], [], [], []
    for at, (text, wanted) in enumerate(posts):
        q, first = matcher.first_answer(text)
        for candidate in candidates(first, q, matcher.index):
            keys.append((text, candidate.scope.name))
            features.append(candidate.features)
            needed.append(candidate.scope.name.lower() in wanted)
            groups.append(at)
    return keys, features, needed, groups


def spread(x: np.ndarray) -> np.ndarray:
    """Each feature's standard deviation, 1 for a feature that never varies (it then scales nothing)."""
    deviation = x.std(0)
    return np.where(deviation > 10 ** -DIGITS, deviation, 1.0)


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[int]) -> None:
    """How many candidates a model trained on four fifths of the posts adds in the fifth, and how many are needs."""
    p = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        mean, scale = x[train].mean(0), spread(x[train])
        model = LogisticRegression(C=C, max_iter=3000).fit((x[train] - mean) / scale, y[train])
        p[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    added = p >= t.MISSED_FROM
    hits = int((added & y).sum())
    print(f"{len(y)} candidates, {int(y.sum())} needed; at {t.MISSED_FROM} the model adds {int(added.sum())}, "
          f"{hits} needed ({hits / max(1, int(added.sum())):.1%}), in {FOLDS}-fold cross-validation by post")


def export(names: list[str], x: np.ndarray, y: np.ndarray, keys: list) -> dict:
    """The weights as the runtime scorer reads them, with check probabilities it must reproduce."""
    mean, scale = x.mean(0), spread(x)
    model = LogisticRegression(C=C, max_iter=3000).fit((x - mean) / scale, y)
    weights = model.coef_[0]
    data = {"about": "bench/train_missed.py: logistic regression over candidate features on the development sets",
            "intercept": round(float(model.intercept_[0]), DIGITS),
            "features": {name: [round(float(mean[i]), DIGITS), round(float(scale[i]), DIGITS),
                                round(float(weights[i]), DIGITS)] for i, name in enumerate(names)}}
    probabilities = model.predict_proba((x - mean) / scale)[:, 1]
    ranked = sorted(zip(probabilities, range(len(keys))))
    picked = [ranked[round(i * (len(ranked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]  # low to high
    data["checks"] = [[*keys[i], round(float(p), 4)] for p, i in picked]
    return data


def main() -> None:
    matcher = Matcher(load_knowledge())
    posts = [post for path in DEV_SETS if path.exists() for post in labelled(yaml.safe_load(path.read_text()))]
    keys, features, needed, groups = rows(matcher, posts)
    names = sorted(features[0])
    x, y = np.array([[f[n] for n in names] for f in features]), np.array(needed)
    cross_validated(x, y, groups)
    data = export(names, x, y, keys)
    runtime = MissedModel.read(data)
    by_key = dict(zip(keys, features))
    save(MODEL_PATH, data, max(abs(runtime.probability(by_key[(text, scope)]) - p) for text, scope, p in data["checks"]))


def save(path: Path, data: dict, worst: float) -> None:
    """Write the exported model when the runtime scorer agrees with scikit-learn on its checks."""
    if worst > AGREEMENT:
        sys.exit(f"the runtime scorer is {worst:.1e} away from scikit-learn: nothing written")
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['features'])} features written to {path.relative_to(ROOT)}; runtime scorer within {worst:.1e}")


if __name__ == "__main__":
    main()
