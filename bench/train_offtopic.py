"""Trains the off-topic model (bot/core/matching/offtopic_model.json) on the development sets.

A logistic regression over TF-IDF word and word-pair features, labelled by each item's `none`
key. It prints how many off-topic posts and scope questions the model alone flags at the decline
line when each development set is scored by a model trained on all the others (leave one set out,
the honest figure), then trains on all of them and writes the weights with check probabilities,
spread over the whole range, that the runtime scorer must reproduce (tests/core/test_offtopic.py);
it writes nothing when the runtime scorer disagrees. The held-out sets (bench/heldout_*.yaml) are
never used, nor the development sets in UNTRAINED.

    pip install -e '.[train]' && python bench/train_offtopic.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from calibrate import DEV_SETS  # noqa: E402

from bot.core.matching import tuning as t  # noqa: E402
from bot.core.matching.offtopic import MODEL_PATH, TOKEN_RE, OfftopicModel  # noqa: E402
from bot.core.matching.packed import packed  # noqa: E402

# Development sets the model is not trained on, so that they show how it does on posts it has not seen
# (the rules are tuned on them as on the others).
UNTRAINED = ("dev_blind22", "dev_blind23", "dev_blind24", "dev_blind25", "dev_blind26",
             "dev_blind27", "dev_blind28", "dev_blind29", "dev_blind30", "dev_blind31", "dev_blind32", "dev_blind33",
             "dev_blind34", "dev_blind35", "dev_blind36",
             "dev_blind37", "dev_blind38", "dev_blind39", "dev_blind40", "dev_blind41")
NGRAMS = 2
MIN_DF = 2  # a word or pair seen in one post only says nothing general
C = 4.0  # inverse regularisation: 1 and 16 did no better leaving one set out
DIGITS = 6
CHECKS = 12
AGREEMENT = 1e-3  # how far the runtime scorer may be from scikit-learn on the checks


def words_and_pairs() -> TfidfVectorizer:
    """The vectorizer, with the tokens, case and norm the runtime scorer (offtopic.tfidf) reproduces spelled out."""
    return TfidfVectorizer(ngram_range=(1, NGRAMS), min_df=MIN_DF, sublinear_tf=True, lowercase=True,
                           token_pattern=TOKEN_RE.pattern, norm="l2", smooth_idf=True, use_idf=True)


def fit(texts: list[str], labels: list[bool]) -> tuple[TfidfVectorizer, LogisticRegression]:
    """The vectorizer and model."""
    vectorizer = words_and_pairs()
    features = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(features, labels)
    return vectorizer, model


def leave_one_set_out(sets: dict[str, list[dict]]) -> None:
    """Flagged shares at the tuned line, each set scored by a model trained without it."""
    flagged = {True: [0, 0], False: [0, 0]}
    for held in sets:
        rest = [item for name, items in sets.items() if name != held for item in items]
        vectorizer, model = fit([i["q"] for i in rest], [bool(i.get("none")) for i in rest])
        probabilities = model.predict_proba(vectorizer.transform([i["q"] for i in sets[held]]))[:, 1]
        for item, p in zip(sets[held], probabilities):
            flagged[bool(item.get("none"))][0] += p >= t.OFFTOPIC_FROM
            flagged[bool(item.get("none"))][1] += 1
    for label, (hits, total) in flagged.items():
        if not total:
            continue
        print(f"{'off-topic' if label else 'scope questions'}: {hits}/{total} flagged "
              f"({hits / total:.1%}) by the model alone at {t.OFFTOPIC_FROM}, leaving one set out")


def export(vectorizer: TfidfVectorizer, model: LogisticRegression, texts: list[str]) -> dict:
    """The weights as the runtime scorer reads them, with check probabilities it must reproduce."""
    coefficients, terms = model.coef_[0], sorted(vectorizer.vocabulary_.items())
    data = {"about": "bench/train_offtopic.py: TF-IDF (words and pairs) and logistic regression on the "
                     "development sets; the terms, and their idf and weights in the same order, packed: "
                     "bot/core/matching/packed.py", "ngrams": NGRAMS,
            "intercept": round(float(model.intercept_[0]), DIGITS), "terms": [term for term, _ in terms],
            "idf": packed(round(float(vectorizer.idf_[i]), DIGITS) for _, i in terms),
            "weights": packed(round(float(coefficients[i]), DIGITS) for _, i in terms)}
    probabilities = model.predict_proba(vectorizer.transform(texts))[:, 1]
    ranked = sorted(zip(probabilities, texts))
    picked = [ranked[round(i * (len(ranked) - 1) / (CHECKS - 1))] for i in range(CHECKS)]  # low to high
    data["checks"] = [[text, round(float(p), 4)] for p, text in picked]
    return data


def main() -> None:
    sets = {path.stem: yaml.safe_load(path.read_text()) for path in DEV_SETS
            if path.exists() and path.stem not in UNTRAINED}
    leave_one_set_out(sets)
    items = [item for items in sets.values() for item in items]
    texts = [i["q"] for i in items]
    vectorizer, model = fit(texts, [bool(i.get("none")) for i in items])
    data = export(vectorizer, model, texts)
    runtime = OfftopicModel.read(data)
    worst = max(abs(runtime.probability(text) - p) for text, p in data["checks"])
    print(f"{len(data['terms'])} terms")
    save(MODEL_PATH, data, worst, compact=True)


def save(path: Path, data: dict, worst: float, indent: int | None = 1, compact: bool = False) -> None:
    """Write the exported model when the runtime scorer agrees with scikit-learn on what it was checked on
    (trees on one line: indented, they would run to thousands; `compact`: no spaces either, for the word models'
    tens of thousands of weights)."""
    if worst > AGREEMENT:
        sys.exit(f"the runtime scorer is {worst:.1e} away from scikit-learn: nothing written")
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) if compact else json.dumps(
        data, indent=indent, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)} written; the runtime scorer is within {worst:.1e}")


if __name__ == "__main__":
    main()
