"""Trains the model of missed needs (bot/core/matching/missed_model.json) on the development sets.

For every labelled post of the development sets it takes the answer before completion and the scopes the post's
clauses rank best that the answer lacks, with the other access of a scope it holds wherever a clause ranks it
(bot/core/matching/missed.py); a candidate is a missed need when the post's labels name it. Gradient-boosted trees
over the candidates' features learn which are needs: trees see features that matter together (a pasted call and a
clause that asks for the candidate's access), which the logistic regression used before weighed each alone. It
prints how many candidates the model adds at the line (tuning.MISSED_FROM) and how many of those are needs when
each fifth of the posts is scored by a model trained on the other four (the honest figure), then trains on all of
them and writes the trees with check probabilities the runtime scorer must reproduce (tests/core/test_missed.py);
it writes nothing when the runtime scorer disagrees. One feature, how often a candidate's scope was needed when
proposed, is counted on the training posts only: afresh in each fold, and on all of them for the model written,
beside its trees (`counted`; the lead model counts how often a scope led the same way). Two others, how likely the
scope model reads the post as the candidate's scope and the needs model as needing it, are read for each post by
models that never saw its set (train_scope.out_of_fold, train_needs.out_of_fold), as the runtime reads new posts;
the checks are then scored on the features the runtime reads, whose models have seen these posts. The held-out sets
(bench/heldout_*.yaml) are never used. The features read the first answer, so train again after any change to it,
the topic model's included (make topic-model trains that one first, and the doubt model after).

    pip install -e '.[train]' && python bench/train_missed.py
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402
from train_offtopic import save  # noqa: E402
from train_needs import out_of_fold as needs_out_of_fold  # noqa: E402
from train_scope import out_of_fold as scope_out_of_fold  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.boosted import RATE_FEATURE, Boosted, ScopeRates  # noqa: E402
from bot.core.matching.missed import MODEL_PATH, MissedModel, Reading, candidates  # noqa: E402

# Cross-validated on the development sets of e4618ff at 0.5: 150 trees of depth 3 at rate 0.1 added 279
# candidates, 169 needed; 30 of depth 4 at 0.2, 265 and 162; 50 of depth 3 at 0.2, 252 and 146; 80 of depth 3
# at 0.1, 238 and 148; 150 of depth 2 at 0.1, 220 and 146; the logistic regression, 265 and 150.
# With how often each scope was needed when proposed (drawn towards the usual share by PULL rows), cross-validated
# on the development sets of 9ef1ba7 at 0.5: 386 added, 258 needed, against 326 and 198 without; by 5 rows, 386
# and 256; at 0.4, 551 and 324; at 0.6, 287 and 202.
TREES = 150
DEPTH = 3
PULL = 2
RATE = 0.1
# how a training script checks its model: (rows, labels, posts, the scope-rate column, each row's scope)
Validation = Callable[[np.ndarray, np.ndarray, list[int], int, list[str]], None]
FOLDS = 5
DIGITS = 6
CHECKS = 12


def labelled(items: list[dict]) -> list[tuple[str, set[str]]]:
    """The posts with scopes in their labels, each with the scopes it needs (lower case)."""
    out = []
    for item in items:
        needed = {s.lower() for s in (item.get("expect") or []) + (item.get("all") or []) if isinstance(s, str)}
        if needed and not item.get("none"):
            out.append((item["q"], needed))
    return out


def rows(matcher: Matcher, posts: list[tuple[str, set[str]]],
         read: Readings) -> tuple[list, list[dict], list[bool], list[int]]:
    """Every candidate of every post: (post, scope name), its features, whether it is needed, its post. `read`:
    each post's readings by a scope model and a needs model that never saw it."""
    keys, features, needed, groups = [], [], [], []
    for at, (text, wanted) in enumerate(posts):
        q, first = matcher.first_answer(text)
        for candidate in candidates(first, q, matcher.index, ScopeRates(), *read_of(read, text)):
            keys.append((text, candidate.scope.name))
            features.append(candidate.features)
            needed.append(candidate.scope.name.lower() in wanted)
            groups.append(at)
    return keys, features, needed, groups


# each post's readings by the scope model and the needs model (scope -> probability), by post
Readings = tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]


def out_of_fold_readings() -> Readings:
    """Every development post read by a scope model and a needs model that never saw its set."""
    return scope_out_of_fold(), needs_out_of_fold()


def read_of(read: Readings, text: str) -> tuple[Reading, Reading]:
    """One post's readings as the missed-need stage asks for them (none for a post the models did not read)."""
    return (lambda _: read[0].get(text, {})), (lambda _: read[1].get(text, {}))


def runtime_readings(matcher: Matcher) -> tuple[Reading, Reading]:
    """The readings the runtime takes of a post, from the models it ships."""
    return matcher.scope_model.probabilities, matcher.needs_model.probabilities


def boosted(trees: int = TREES, depth: int = DEPTH) -> GradientBoostingClassifier:
    """The untrained model (deterministic: every split is tried on all the rows)."""
    return GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=RATE, random_state=0)


def counted(scopes: list[str], y: np.ndarray, rows_counted: np.ndarray) -> ScopeRates:
    """How often each scope was what the model looks for, among the rows counted that held it."""
    usual, found, held = float(y[rows_counted].mean()), Counter[str](), Counter[str]()
    for row in rows_counted:
        held[scopes[row]] += 1
        found[scopes[row]] += int(y[row])
    return ScopeRates({scope: round((found[scope] + PULL * usual) / (n + PULL), DIGITS) for scope, n in held.items()},
                      round(usual, DIGITS))


def with_rates(x: np.ndarray, column: int, scopes: list[str], rates: ScopeRates) -> np.ndarray:
    """The rows with how often each one's scope was what the model looks for, as `rates` counts it."""
    x = x.copy()
    x[:, column] = [rates.of(scope) for scope in scopes]
    return x


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[int], column: int, scopes: list[str]) -> None:
    """How many candidates a model trained on four fifths of the posts adds in the fifth, and how many are needs."""
    p = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        fold = with_rates(x, column, scopes, counted(scopes, y, train))
        p[test] = boosted().fit(fold[train], y[train]).predict_proba(fold[test])[:, 1]
    added = p >= t.MISSED_FROM
    hits = int((added & y).sum())
    print(f"{len(y)} candidates, {int(y.sum())} needed; at {t.MISSED_FROM} the model adds {int(added.sum())}, "
          f"{hits} needed ({hits / max(1, int(added.sum())):.1%}), in {FOLDS}-fold cross-validation by post")


def export(names: list[str], x: np.ndarray, y: np.ndarray, keys: list, model: GradientBoostingClassifier, about: str,
           rates: ScopeRates) -> tuple[dict, np.ndarray]:
    """The trees as the runtime scorer reads them with the scope rates they were trained with, check
    probabilities it must reproduce, and every row's probability."""
    model = model.fit(x, y)
    trees = [tree.tree_ for tree in model.estimators_[:, 0]]
    start = model.decision_function(x[:1])[0] - RATE * sum(float(tree.predict(x[:1].astype(np.float32))[0])
                                                           for tree in model.estimators_[:, 0])
    data = {"about": about, "features": names, "start": round(float(start), DIGITS),
            "trees": [{"feature": [int(f) for f in tree.feature], "threshold": [float(v) for v in tree.threshold],
                       "left": [int(n) for n in tree.children_left], "right": [int(n) for n in tree.children_right],
                       "value": [round(RATE * float(v), DIGITS) for v in tree.value[:, 0, 0]]} for tree in trees],
            "scope_rates": dict(rates.rates), "usual_rate": rates.usual}
    probabilities = model.predict_proba(x)[:, 1]
    ranked = sorted(zip(probabilities, range(len(keys))))
    picked = [ranked[round(i * (len(ranked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]  # low to high
    data["checks"] = [[*keys[i], round(float(p), 4)] for p, i in picked]
    return data, probabilities


def trained(keys: list, told: list[dict], labels: list[bool], groups: list[int], validate: Validation,
            model: GradientBoostingClassifier, about: str) -> tuple[dict, np.ndarray, list[dict]]:
    """What both tree models go through: `validate` reads the rows (the scope rates counted per fold), the rates
    are counted on all of them, the model is trained and exported; with the rows as the runtime reads them."""
    names, x, y = matrix(told, labels)
    scopes, column = [scope for _, scope in keys], names.index(RATE_FEATURE)
    validate(x, y, groups, column, scopes)
    rates = counted(scopes, y, np.arange(len(y)))
    data, probabilities = export(names, with_rates(x, column, scopes, rates), y, keys, model, about, rates)
    return data, probabilities, [row | {RATE_FEATURE: rates.of(scope)} for row, scope in zip(told, scopes)]


def main() -> None:
    matcher = Matcher(load_knowledge())
    posts = [post for path in DEV_SETS if path.exists() for post in labelled(yaml.safe_load(path.read_text()))]
    keys, features, needed, groups = rows(matcher, posts, out_of_fold_readings())
    model = boosted()
    data, probabilities, told = trained(keys, features, needed, groups, cross_validated, model,
                                        "bench/train_missed.py: gradient-boosted trees over candidate features on the "
                                        "development sets")
    data["checks"] = runtime_checks(matcher, data, model, keys)
    checked(MODEL_PATH, MissedModel.read(data), data, told, probabilities)


def runtime_checks(matcher: Matcher, data: dict, model: GradientBoostingClassifier, keys: list) -> list[list]:
    """Checks scored on the features the runtime reads, whose scope and needs models have seen these posts (the
    training read each post as one no model had seen): every candidate scored again, then spread from least to
    most likely as the training's checks are."""
    rates, scored = MissedModel.read(data).rates, []
    for text in dict.fromkeys(text for text, _ in keys):
        q, first = matcher.first_answer(text)
        for candidate in candidates(first, q, matcher.index, rates, *runtime_readings(matcher)):
            row = np.array([[candidate.features[name] for name in data["features"]]])
            scored.append((float(model.predict_proba(row)[0, 1]), text, candidate.scope.name))
    scored.sort()
    return [[text, scope, round(p, 4)] for p, text, scope in
            (scored[round(i * (len(scored) - 1) / (CHECKS - 1))] for i in range(CHECKS))]


def matrix(rows_told: list[dict], labels: list[bool]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The feature names in a fixed order, the rows as a matrix in that order, and the labels."""
    names = sorted(rows_told[0])
    return names, np.array([[row[name] for name in names] for row in rows_told]), np.array(labels)


def checked(path: Path, runtime: Boosted, data: dict, rows_told: list[dict], probabilities: np.ndarray) -> None:
    """Save the exported trees when the runtime scorer gives every row the probability scikit-learn gave it."""
    save(path, data, max(abs(runtime.probability(row) - p) for row, p in zip(rows_told, probabilities)), indent=None)



if __name__ == "__main__":
    main()
