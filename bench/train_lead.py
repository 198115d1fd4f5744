"""Trains the model of which need leads a plan (bot/core/matching/lead_model.json) on the development sets.

For every post of the development sets labelled with one main scope (`expect`) whose answer, after the
missed-need stage, is a plan of two needs or more holding that scope, each need is a row (bot/core/matching/
lead.py reads its features) and the main scope's need is the one to find. Small gradient-boosted trees learn
it; at run time the likeliest need leads. It prints how many of those posts have the main scope first as the
answer stands, and when each fifth of the posts is ordered by a model trained on the other four (the honest
figure); then it trains on all and writes the trees with check probabilities the runtime scorer must
reproduce (tests/core/test_lead.py). One feature, how often a need's scope led the plans it was in, is counted
on the training posts only: afresh in each fold, and on all of them for the model written, beside its trees
(train_missed.counted). The plans are completed as the runtime completes posts no model saw (the scope
and needs models' readings of each post from models that never saw its set), and the checks are scored again on the
plans the runtime makes. The held-out sets are never used. The features read the answer after
the missed-need stage: train again after that model (make missed-model does it in order).

    pip install -e '.[train]' && python bench/train_lead.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_missed import (FOLDS, Readings, boosted, checked, counted, out_of_fold_readings, read_of,  # noqa: E402
                          runtime_readings, trained, with_rates)

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.core.matching.lead import MODEL_PATH, LeadModel, features  # noqa: E402

# Ordered by models trained on four fifths of the development sets of 37d0f0f, the main scope led 783 of the 1185
# plans as the answers stood; at rate 0.1, 150 trees of depth 2 led 824, 200 of depth 2 831, 300 831, 400 833,
# 100 817; 50 of depth 3 822, 100 825, 200 821; a logistic regression 792.
TREES = 200
DEPTH = 2
# How often a scope led (train_missed.PULL): cross-validated on the development sets of 6f4cf6b, 836 of 1193 plans
# led right without the feature; with it, drawn towards the usual share by 0.5, 1, 2, 5 and 10 plans, 881, 877,
# 882, 885 and 875: flat.
# How likely the scope model reads the post as each need's scope (`mainly`; the model is trained on the posts'
# main scopes, and each post is read by one that never saw its set): cross-validated on the development sets
# of 1bb66c7, 1082 of 1482 plans led right without it, 1202 with it.


def main_scopes(items: list[dict]) -> list[tuple[str, str]]:
    """The posts labelled with one main scope, each with that scope."""
    return [(item["q"], item["expect"][0]) for item in items
            if len(item.get("expect") or []) == 1 and not item.get("none")]


def rows(matcher: Matcher, posts: list[tuple[str, str]],
         read: Readings) -> tuple[list, list[dict], list[bool], list[int]]:
    """Every need of every plan that holds its post's main scope: (post, scope), features, whether it is the
    main scope, its post. The plans are completed as posts no scope model saw are (`read`)."""
    keys, told, main, groups = [], [], [], []
    for at, (text, scope) in enumerate(posts):
        q, first = matcher.first_answer(text)
        answer = matcher.missed.completed(first, q, matcher.index, *read_of(read, text))
        names = [need.scope.name for need in answer.needs]
        if len(names) < 2 or scope not in names:
            continue
        for name, row in zip(names, features(answer, q, len(first.needs), read=read_of(read, text)[0])):
            keys.append((text, name))
            told.append(row)
            main.append(name == scope)
            groups.append(at)
    return keys, told, main, groups


def leading(p: np.ndarray, y: np.ndarray, groups: list[int]) -> int:
    """In how many posts the row of highest `p` (the earliest among equals) is the main scope."""
    best: dict[int, tuple[float, int, bool]] = {}
    for row, (group, hit) in enumerate(zip(groups, y)):
        if group not in best or p[row] > best[group][0]:
            best[group] = (float(p[row]), row, bool(hit))
    return sum(hit for _, _, hit in best.values())


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[int], column: int, scopes: list[str]) -> None:
    """How often the main scope leads as the answers stand, and as a model trained on the other folds orders them."""
    p = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        fold = with_rates(x, column, scopes, counted(scopes, y, train))
        p[test] = boosted(TREES, DEPTH).fit(fold[train], y[train]).predict_proba(fold[test])[:, 1]
    first = np.array([row == 0 or groups[row - 1] != groups[row] for row in range(len(y))], dtype=float)
    print(f"{len(set(groups))} plans holding their main scope: it leads {leading(first, y, groups)} as answered, "
          f"{leading(p, y, groups)} ordered by the model in {FOLDS}-fold cross-validation by post")


def main() -> None:
    matcher = Matcher(load_knowledge())
    posts = [post for path in DEV_SETS if path.exists() for post in main_scopes(yaml.safe_load(path.read_text()))]
    keys, told, mains, groups = rows(matcher, posts, out_of_fold_readings())
    model = boosted(TREES, DEPTH)
    data, probabilities, told = trained(keys, told, mains, groups, cross_validated, model,
                                        "bench/train_lead.py: gradient-boosted trees over plan needs on the "
                                        "development sets")
    data["checks"] = runtime_checks(matcher, data, model)
    checked(MODEL_PATH, LeadModel.read(data), data, told, probabilities)


def runtime_checks(matcher: Matcher, data: dict, model) -> list[list]:
    """The checks scored again on the plans the runtime makes, whose scope and needs models have seen these
    posts: those that are still plans holding the need."""
    rates, out = LeadModel.read(data).rates, []
    for text, scope, _ in data["checks"]:
        q, first = matcher.first_answer(text)
        read, needs = runtime_readings(matcher)
        answer = matcher.missed.completed(first, q, matcher.index, read, needs)
        told = dict(zip((need.scope.name for need in answer.needs), features(answer, q, len(first.needs), rates, read)))
        if scope in told:
            row = np.array([[told[scope][name] for name in data["features"]]])
            out.append([text, scope, round(float(model.predict_proba(row)[0, 1]), 4)])
    return out


if __name__ == "__main__":
    main()
