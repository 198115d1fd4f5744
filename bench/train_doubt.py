"""Trains the doubt model (bot/core/matching/doubt_model.json) on the development sets.

For every high-confidence answer to a labelled post of the development sets (before the doubt model), the
features of bot/core/matching/doubt.py and whether the answer is wrong by the post's labels. A logistic
regression, the classes weighed alike, learns which sure answers are wrong. It prints how many sure answers
a model trained on four fifths would lower at the line (tuning.DOUBT_FROM) in the fifth, how many of the
wrong ones that catches, and the wrong share of the sure answers left (the honest figure); then it trains on
all of them and writes the weights with check probabilities the runtime scorer must reproduce
(tests/core/test_doubt.py). The held-out sets (bench/heldout_*.yaml) are never used. The features read the
answer, so train again after the topic and missed-need models (make topic-model trains all three in order).

    pip install -e '.[train]' && python bench/train_doubt.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_missed import CHECKS, DIGITS, save  # noqa: E402

from bot.core.answer import Confidence  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.doubt import MODEL_PATH, DoubtModel, features  # noqa: E402
from bot.tools.evaluate import EvalReport, check_item, problems, successors  # noqa: E402

C = 0.1  # inverse regularisation: 1.0 gave the same cross-validated figures
FOLDS = 5


def spread(x: np.ndarray) -> np.ndarray:
    """Each feature's standard deviation, 1 for a feature that never varies (it then scales nothing)."""
    deviation = x.std(0)
    return np.where(deviation > 10 ** -DIGITS, deviation, 1.0)


def sure_answers(matcher: Matcher) -> tuple[list[str], list[dict[str, float]], list[bool]]:
    """The posts answered with high confidence, their features and whether the answer is wrong."""
    texts, told, wrong, renamed = [], [], [], successors(matcher.kb)
    for path in (p for p in DEV_SETS if p.exists()):
        for index, raw in enumerate(yaml.safe_load(path.read_text()), 1):
            item = check_item(raw, index)
            if item.get("none"):
                continue
            q, answer = matcher.undoubted(item["q"])
            if answer.answered and answer.confidence == Confidence.HIGH and answer.needs:
                texts.append(item["q"])
                told.append(features(answer, q, matcher.offtopic, matcher.topics))
                wrong.append(bool(problems(item, answer, EvalReport(), renamed)))
    return texts, told, wrong


def fitted(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, LogisticRegression]:
    mean, scale = x.mean(0), spread(x)
    return mean, scale, LogisticRegression(C=C, class_weight="balanced", max_iter=3000).fit((x - mean) / scale, y)


def cross_validated(x: np.ndarray, y: np.ndarray) -> None:
    """What a model trained on four fifths of the sure answers does to the fifth, at the line."""
    p = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(x, y):
        mean, scale, model = fitted(x[train], y[train])
        p[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    lowered = p >= t.DOUBT_FROM
    left = ~lowered
    print(f"{len(y)} sure answers, {int(y.sum())} wrong; at {t.DOUBT_FROM} {int(lowered.sum())} lowered, "
          f"{int((lowered & y).sum())} of the wrong ones; {int((left & y).sum())} of {int(left.sum())} sure answers "
          f"left are wrong ({(left & y).sum() / max(1, left.sum()):.1%}), {FOLDS}-fold cross-validation")


def main() -> None:
    matcher = Matcher(load_knowledge())
    texts, told, wrong = sure_answers(matcher)
    names = sorted(told[0])
    x, y = np.array([[f[n] for n in names] for f in told]), np.array(wrong)
    cross_validated(x, y)
    mean, scale, model = fitted(x, y)
    data = {"about": "bench/train_doubt.py: logistic regression over sure answers' features on the development sets",
            "intercept": round(float(model.intercept_[0]), DIGITS),
            "features": {name: [round(float(mean[i]), DIGITS), round(float(scale[i]), DIGITS),
                                round(float(model.coef_[0][i]), DIGITS)] for i, name in enumerate(names)}}
    ranked = sorted(zip(model.predict_proba((x - mean) / scale)[:, 1], range(len(texts))))
    picked = [ranked[round(i * (len(ranked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]  # low to high
    data["checks"] = [[texts[i], round(float(p), 4)] for p, i in picked]
    runtime = DoubtModel.read(data)
    save(MODEL_PATH, data, max(abs(runtime.probability(told[texts.index(text)]) - p) for text, p in data["checks"]))


if __name__ == "__main__":
    main()
