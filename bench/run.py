"""`make bench`: scopebot against BM25 and MiniLM baselines on the development, paraphrase and held-out sets,
plus scopebot's latency and throughput (bench/speed.py, in a process of its own), cold start and memory; results
into docs/benchmarks.md.

    python bench/run.py [--dev ../shared/eval/dev_questions.yaml] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from baselines import BM25Baseline, MiniLMBaseline  # noqa: E402
from calibrate import DEV_NAMES  # noqa: E402
from loadtest import machine, write_section  # noqa: E402
from questionset import build  # noqa: E402

from bot.core.answer import Answer, AnswerKind, Need, Via  # noqa: E402
from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.tools.evaluate import EvalReport, Tally, evaluate, successors  # noqa: E402

TARGETS = {"throughput": 1000.0, "p99_ms": 2.0, "cold_start_s": 1.0}
# Quality targets on the held-out sets (never tuned on): (measure, at least / at most, value).
QUALITY_TARGETS = [("top-1 (short questions)", "heldout_contrast", "top1", ">=", 0.95),
                   ("top-1 (real-style questions)", "heldout_real", "top1", ">=", 0.90),
                   ("right scope in the top three", None, "top3", ">=", 0.98),
                   ("multi-need answers complete", None, "multi_complete", ">=", 0.90),
                   ("guidance topic recognised", None, "guidance", ">=", 0.90),
                   ("high-confidence answers wrong", None, "high_wrong", "<=", 0.03),
                   ("off-topic declined", None, "offtopic_declined", ">=", 0.95),
                   ("real questions declined", None, "real_declined", "<=", 0.03)]
HELD_OUT = ("heldout_real", "heldout_contrast", "heldout_mixed", "confirm", "heldout_final", "heldout_round3",
            "heldout_round4", "heldout_round5", "heldout_round6", "heldout_round7", "heldout_round8", "heldout_round9",
            "heldout_round10", "heldout_round11", "heldout_round12", "heldout_round13", "heldout_round14",
            "heldout_round15", "heldout_round16", "heldout_round17", "heldout_round18", "heldout_round19",
            "heldout_round20", "heldout_round21", "heldout_round22", "heldout_round23", "heldout_round24",
            "heldout_round25", "heldout_round26", "heldout_round27", "heldout_round28", "heldout_round29",
            "heldout_round29b", "heldout_round30", "heldout_round31", "heldout_round32", "heldout_round33",
            "heldout_round34", "heldout_round35", "heldout_round36", "heldout_round37",
            "heldout_round38", "heldout_round39", "heldout_round40", "heldout_round42", "heldout_round43",
            "heldout_round44", "heldout_round45", "heldout_round46",
            "heldout_round47", "heldout_round48", "heldout_round49", "heldout_round50",
            "heldout_round51", "heldout_round52", "heldout_round53",
            "heldout_round54", "heldout_round55", "heldout_round56", "heldout_round57", "heldout_round58",
            "heldout_round59", "heldout_round60", "heldout_round61", "heldout_round62", "heldout_round63",
            "heldout_round64")


def baseline_answer(baseline, threshold: float, kb) -> Callable[[str], Answer]:
    """A baseline's top three as an answer (its first as the primary scope); it declines under its
    calibrated threshold and never knows guidance or doubt."""
    def answer(q: str) -> Answer:
        ranked = baseline.rank(q, 3)
        if not ranked or ranked[0][1] < threshold:
            return Answer(q, AnswerKind.DECLINE)
        needs = tuple(Need(q, kb[name], Via.WORDS) for name, _ in ranked)
        return Answer(q, AnswerKind.PLAN, needs)
    return answer


def calibrate(baseline, items: list[dict]) -> float:
    """The decline threshold that best separates off-topic from real questions on `items`."""
    tops = [(baseline.rank(i["q"], 1) or [("", float("-inf"))])[0][1] for i in items]
    real = [bool(not i.get("none")) for i in items]
    candidates = sorted(set(tops)) + [float("inf")]
    return max(candidates, key=lambda t: sum((s >= t) == r for s, r in zip(tops, real)))


def measured_speed() -> dict[str, float]:
    """bench/speed.py's latency, throughput and slowest long input, from a process of their own."""
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "speed.py")], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def cold_start(runs: int = 5) -> float:
    """Median seconds for a new process to load everything and answer one question."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "what scope do I need to answer calls"],
                       cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_memory_mb(questions: list[str]) -> float:
    """Peak resident memory of a process answering the whole set (ask --json on stdin)."""
    code = ("import resource,sys,subprocess;"
            "p=subprocess.run([sys.executable,'-m','bot','ask','--json'],input=sys.stdin.read(),text=True,"
            "capture_output=True,check=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], input="\n".join(questions), text=True, cwd=ROOT,
                         capture_output=True, check=True).stdout
    return int(out.strip()) / 1024


COLUMNS = [("answer right", "right"), ("top-1", "top1"), ("top-3", "top3"),
           ("multi-need complete", "multi_complete"), ("guidance", "guidance"),
           ("high-conf. wrong", "high_wrong"), ("off-topic declined", "offtopic_declined"),
           ("real declined", "real_declined"), ("extra scope", "extra")]


def table(rows: dict[str, dict[str, EvalReport]]) -> str:
    lines = ["| set | system | " + " | ".join(name for name, _ in COLUMNS) + " |",
             "|---|---|" + "---|" * len(COLUMNS)]
    for set_name, systems in rows.items():
        for system, report in systems.items():
            cells = [_cell(getattr(report, key)) for _, key in COLUMNS]
            lines.append(f"| {set_name} ({report.right.total}) | {system} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(tally: Tally) -> str:
    return f"{tally.rate:.1%}" if tally.total else "–"


def quality_checks(rows: dict[str, dict[str, EvalReport]]) -> list[tuple[str, bool]]:
    """Each quality target on each held-out set it applies to."""
    checks = []
    for name, only, key, op, value in QUALITY_TARGETS:
        for set_name in (s for s in HELD_OUT if s in rows and (only is None or s == only)):
            tally = getattr(rows[set_name]["scopebot"], key)
            if tally.total:
                ok = tally.rate >= value if op == ">=" else tally.rate <= value
                checks.append((f"{name} {op} {value:.0%} on {set_name}: {tally.rate:.1%}", ok))
    return checks


def load_sets(kb, dev: Path) -> dict[str, list[dict]]:
    """The development set, the paraphrase set, and every question set under bench/."""
    sets = {"dev": yaml.safe_load(dev.read_text())} if dev.exists() else {}
    sets["paraphrases"] = build(kb)
    for name in (*DEV_NAMES, *HELD_OUT):
        path = ROOT / "bench" / f"{name}.yaml"
        if path.exists():
            sets[name] = yaml.safe_load(path.read_text())
    return sets


def build_systems(kb, matcher: Matcher, calibration: list[dict], embeddings: bool
                  ) -> tuple[dict[str, Callable[[str], Answer]], dict[str, float]]:
    """scopebot and the baselines, each as question -> Answer; with the baselines' load times."""
    systems: dict[str, Callable[[str], Answer]] = {"scopebot": matcher.answer}
    timings: dict[str, float] = {}
    for cls in [BM25Baseline] + ([MiniLMBaseline] if embeddings else []):
        start = time.perf_counter()
        baseline = cls(kb)
        timings[cls.name] = time.perf_counter() - start
        systems[cls.name] = baseline_answer(baseline, calibrate(baseline, calibration), kb)
    return systems, timings


INTRO = (
    "Command: `make bench` (`python bench/run.py`). Sets: the development set (`shared/eval/dev_questions.yaml`); "
    "the paraphrase set built by `bench/questionset.py` (optimistic: used to find weaknesses); "
    + ", ".join(f"`bench/{name}.yaml`" for name in DEV_NAMES[:-1]) + f" and `bench/{DEV_NAMES[-1]}.yaml`, "
    "each blind "
    "when first scored and studied since, so no longer honest estimates; and the held-out sets, written from the "
    "official docs by someone who had not read the code and never tuned on: `bench/heldout_real.yaml` (questions "
    "as developers post them), `bench/heldout_contrast.yaml` (actor and action contrasts, typos, other languages) "
    "and `bench/heldout_mixed.yaml`, each scored once before the engine was changed for it (first figures in "
    "'Held-out sets for the answer engine'), and "
    + ", ".join(f"`bench/{name}.yaml`" for name in HELD_OUT[3:-1]) + f" and `bench/{HELD_OUT[-1]}.yaml`, each sealed "
    "until a round of work was done and then scored, figures only (the newest at more than one commit, as "
    "their headers say). Baselines rank the same knowledge-base "
    "text; their decline threshold is calibrated on the development set, and their top three count as their "
    "answer for multi-need completeness (so their 'extra scope', the share of labelled answers holding a scope "
    "no label names, is near 100%; lower is better there, as for high-confidence wrong and real declined). "
    "A dash: the set has no item of that kind.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_questions.yaml")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--no-embeddings", action="store_true", help="skip the MiniLM baseline")
    args = parser.parse_args()

    kb = load_knowledge()
    matcher = Matcher(kb)
    sets = load_sets(kb, args.dev)
    systems, timings = build_systems(kb, matcher, sets.get("dev", sets["paraphrases"]), not args.no_embeddings)
    renamed = successors(kb)
    rows = {name: {system: evaluate(answer, items, renamed) for system, answer in systems.items()}
            for name, items in sets.items()}
    questions = [i["q"] for i in sets["paraphrases"]]
    speed, cold, memory = measured_speed(), cold_start(), peak_memory_mb(questions)
    checks = quality_checks(rows) + [
        (f">= {TARGETS['throughput']:.0f} questions/s in batch", speed["throughput"] >= TARGETS["throughput"]),
        (f">= {TARGETS['throughput']:.0f} questions/s in batch, one process per core",
         speed["throughput_all_cores"] >= TARGETS["throughput"]),
        (f"p99 < {TARGETS['p99_ms']} ms per question", speed["p99_ms"] < TARGETS["p99_ms"]),
        (f"cold start < {TARGETS['cold_start_s']} s", cold < TARGETS["cold_start_s"]),
    ]
    text = "\n".join([
        "## Matching quality and speed", "", f"{time.strftime('%Y-%m-%d')} on {machine()}.", INTRO, "",
        table(rows), "",
        "| scopebot speed | value |", "|---|---|",
        f"| latency p50 / p99 / max per question | {speed['p50_ms']:.3f} / {speed['p99_ms']:.3f} / {speed['max_ms']:.3f} ms |",
        f"| batch throughput | {speed['throughput']:.0f} questions/s |",
        f"| batch throughput, one process per core ({speed['cores']:.0f}) | {speed['throughput_all_cores']:.0f} "
        "questions/s |",
        f"| cold start (new process answers one question) | {cold:.3f} s |",
        f"| peak memory answering the paraphrase set | {memory:.0f} MiB |",
        f"| slowest long made-up input (8000 characters of names and punctuation) | {speed['adversarial_s']:.2f} s |",
        "", "| baseline | index/load time |", "|---|---|",
        *(f"| {name} | {t:.2f} s |" for name, t in timings.items()),
        "", "| target | met |", "|---|---|",
        *(f"| {name} | {'yes' if ok else 'NO'} |" for name, ok in checks), "",
    ])
    print(text)
    if args.write:
        write_section(args.write, "bench", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
