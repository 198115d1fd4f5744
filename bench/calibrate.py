"""Sets the calibration thresholds (bot/core/matching/tuning.py, HIGH_*) on the development sets.

For every words answer of the development sets it records the signals and whether the answer
was right, then prints, for a grid of thresholds, how many answers would be HIGH and how many of
those would be wrong. The held-out sets (bench/heldout_*.yaml) are never used here.

    python bench/calibrate.py
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from questionset import build  # noqa: E402

from bot.core.answer import Via  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402

# The development sets under bench/, in the order they were written; each was blind when first scored.
DEV_NAMES = ("fresh", "blind", "blind2", "dev_docs", "dev_posts", "dev_posts2", "dev_short", "dev_mixed3",
             "dev_real4", "dev_multi5", "dev_short5", "dev_real6", "dev_cal7", "dev_needs8", "dev_persona8",
             "dev_mix9", "dev_check10", "dev_multi11", "dev_probe12", "dev_hard13", "dev_probe14",
             "dev_multi15", "dev_posts16", "dev_offtopic17", "dev_shapes18", "dev_needs19", "dev_shapes20",
             "dev_pairs21", "dev_blind22", "dev_blind23", "dev_blind24", "dev_blind25",
             "dev_blind26", "dev_blind27", "dev_blind28", "dev_blind29",
             "dev_blind30", "dev_blind31", "dev_blind32", "dev_blind33", "dev_blind34",
             "dev_blind35", "dev_blind36", "dev_blind37", "dev_blind38", "dev_blind39", "dev_blind40", "dev_blind41",
             "dev_lang42", "dev_actors43", "dev_blind44", "dev_blind45", "dev_topics46", "dev_blind47")
DEV_SETS = [ROOT.parent / "shared/eval/dev_questions.yaml"] + [ROOT / "bench" / f"{name}.yaml" for name in DEV_NAMES]


def observations(matcher: Matcher, items: list[dict]) -> list[tuple[object, bool]]:
    """(signals, right) for each need of each words answer with an 'expect' label."""
    seen = []
    for item in items:
        if "expect" not in item:
            continue
        _, draft = matcher.analyse(item["q"])
        if draft.needs and draft.signals[0].via == Via.WORDS:
            seen.append((draft.signals[0], draft.needs[0].scope.name in item["expect"]))
    return seen


def main() -> None:
    kb = load_knowledge()
    matcher = Matcher(kb)
    items = [i for path in DEV_SETS if path.exists() for i in yaml.safe_load(path.read_text())]
    items += build(kb)
    seen = observations(matcher, items)
    print(f"{len(seen)} words answers, {sum(not ok for _, ok in seen)} wrong")
    print("coverage margin unknown repaired | high wrong precision")
    for cov, margin, unknown, repaired in itertools.product((0.5, 0.6, 0.7, 0.8), (0.0, 0.05, 0.1, 0.15),
                                                           (0.0, 0.25, 0.5), (0, 1)):
        high = [ok for s, ok in seen if s.coverage >= cov and s.margin >= margin
                and s.unknown_share <= unknown and s.repaired <= repaired and not s.translated and not s.focused]
        wrong = high.count(False)
        print(f"{cov:8} {margin:6} {unknown:7} {repaired:8} | {len(high):4} {wrong:5} "
              f"{1 - wrong / len(high) if high else 1:.3f}")


if __name__ == "__main__":
    main()
