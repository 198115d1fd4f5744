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

DEV_SETS = [ROOT.parent / "shared/eval/dev_questions.yaml", ROOT / "bench/blind.yaml",
            ROOT / "bench/blind2.yaml", ROOT / "bench/fresh.yaml", ROOT / "bench/dev_docs.yaml",
            ROOT / "bench/dev_posts.yaml", ROOT / "bench/dev_posts2.yaml",
            ROOT / "bench/dev_short.yaml", ROOT / "bench/dev_mixed3.yaml",
            ROOT / "bench/dev_real4.yaml", ROOT / "bench/dev_multi5.yaml", ROOT / "bench/dev_short5.yaml",
            ROOT / "bench/dev_real6.yaml", ROOT / "bench/dev_cal7.yaml", ROOT / "bench/dev_needs8.yaml",
            ROOT / "bench/dev_persona8.yaml", ROOT / "bench/dev_mix9.yaml",
            ROOT / "bench/dev_check10.yaml", ROOT / "bench/dev_multi11.yaml",
            ROOT / "bench/dev_probe12.yaml", ROOT / "bench/dev_hard13.yaml", ROOT / "bench/dev_probe14.yaml",
            ROOT / "bench/dev_multi15.yaml", ROOT / "bench/dev_posts16.yaml",
            ROOT / "bench/dev_offtopic17.yaml", ROOT / "bench/dev_shapes18.yaml"]


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
