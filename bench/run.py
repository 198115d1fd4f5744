"""`make bench`: scopebot against BM25 and MiniLM baselines on the development and paraphrase sets,
plus scopebot's latency, throughput, cold start and memory; results into docs/benchmarks.md.

    python bench/run.py [--dev ../shared/eval/dev_questions.yaml] [--write docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from baselines import BM25Baseline, MiniLMBaseline  # noqa: E402
from loadtest import machine, write_section  # noqa: E402
from questionset import build  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402

TARGETS = {"throughput": 1000.0, "p99_ms": 2.0, "cold_start_s": 1.0, "decline_recall": 0.95,
           "false_decline": 0.03}
Prediction = tuple[bool, list[str], list[str]]  # answered, scopes, top-3


@dataclass
class Scores:
    top1: float
    top3: float
    multi_recall: float
    decline_precision: float
    decline_recall: float
    false_decline: float
    n: int


def score(predict: Callable[[str], Prediction], items: list[dict]) -> Scores:
    top1 = top3 = singles = found = wanted = 0
    declined_none = declined = nones = declined_real = reals = 0
    for item in items:
        answered, scopes, best3 = predict(item["q"])
        if item.get("none"):
            nones += 1
            declined_none += not answered
            declined += not answered
            continue
        reals += 1
        declined += not answered
        declined_real += not answered
        if "expect" in item:
            singles += 1
            top1 += answered and bool(scopes) and scopes[0] in item["expect"]
            top3 += any(s in item["expect"] for s in best3)
        else:
            wanted += len(item["all"])
            found += sum(s in (scopes if answered else []) for s in item["all"])
    return Scores(top1 / singles, top3 / singles, found / wanted if wanted else 1.0,
                  declined_none / declined if declined else 1.0, declined_none / nones if nones else 1.0,
                  declined_real / reals, len(items))


def scopebot_predict(matcher: Matcher) -> Callable[[str], Prediction]:
    def predict(q: str) -> Prediction:
        answer = matcher.answer(q)
        return answer.answered, answer.scopes, matcher.candidates(q, 3)
    return predict


def baseline_predict(baseline, threshold: float) -> Callable[[str], Prediction]:
    def predict(q: str) -> Prediction:
        ranked = baseline.rank(q, 3)
        names = [n for n, _ in ranked]
        answered = bool(ranked) and ranked[0][1] >= threshold
        return answered, names if answered else [], names
    return predict


def calibrate(baseline, items: list[dict]) -> float:
    """The decline threshold that best separates off-topic from real questions on `items`."""
    tops = [(baseline.rank(i["q"], 1) or [("", float("-inf"))])[0][1] for i in items]
    real = [bool(not i.get("none")) for i in items]
    candidates = sorted(set(tops)) + [float("inf")]
    return max(candidates, key=lambda t: sum((s >= t) == r for s, r in zip(tops, real)))


def latency(matcher: Matcher, questions: list[str]) -> dict[str, float]:
    for q in questions[:50]:
        matcher.answer(q)
    times = []
    for q in questions:
        start = time.perf_counter()
        matcher.answer(q)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    batch = questions * 3
    start = time.perf_counter()
    for q in batch:
        matcher.answer(q)
    elapsed = time.perf_counter() - start
    return {"p50_ms": statistics.median(times), "p99_ms": times[int(0.99 * len(times)) - 1],
            "max_ms": times[-1], "throughput": len(batch) / elapsed}


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


def table(rows: dict[str, dict[str, Scores]]) -> str:
    lines = ["| set | system | top-1 | top-3 | multi-need recall | decline precision | decline recall | real declined |",
             "|---|---|---|---|---|---|---|---|"]
    for set_name, systems in rows.items():
        for system, s in systems.items():
            lines.append(f"| {set_name} ({s.n}) | {system} | {s.top1:.1%} | {s.top3:.1%} | {s.multi_recall:.1%} | "
                         f"{s.decline_precision:.1%} | {s.decline_recall:.1%} | {s.false_decline:.1%} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev_questions.yaml")
    parser.add_argument("--write", type=Path)
    parser.add_argument("--no-embeddings", action="store_true", help="skip the MiniLM baseline")
    args = parser.parse_args()

    kb = load_knowledge()
    matcher = Matcher(kb)
    sets = {"paraphrases": build(kb),
            **{name: yaml.safe_load((ROOT / "bench" / f"{name}.yaml").read_text()) for name in ("fresh", "blind", "blind2")}}
    if args.dev.exists():
        sets = {"dev": yaml.safe_load(args.dev.read_text()), **sets}
    calibration = sets.get("dev", sets["paraphrases"])
    systems: dict[str, Callable[[str], Prediction]] = {"scopebot": scopebot_predict(matcher)}
    timings: dict[str, float] = {}
    baselines = [BM25Baseline] + ([] if args.no_embeddings else [MiniLMBaseline])
    for cls in baselines:
        start = time.perf_counter()
        baseline = cls(kb)
        timings[cls.name] = time.perf_counter() - start
        systems[cls.name] = baseline_predict(baseline, calibrate(baseline, calibration))
    rows = {name: {system: score(predict, items) for system, predict in systems.items()}
            for name, items in sets.items()}
    questions = [i["q"] for i in sets["paraphrases"]]
    speed = latency(matcher, questions)
    cold = cold_start()
    memory = peak_memory_mb(questions)

    para = rows["paraphrases"]["scopebot"]
    checks = [
        ("top-1 >= every baseline on every set", all(r["scopebot"].top1 >= max(s.top1 for k, s in r.items() if k != "scopebot")
                                                     for r in rows.values())),
        (f">= {TARGETS['throughput']:.0f} questions/s in batch", speed["throughput"] >= TARGETS["throughput"]),
        (f"p99 < {TARGETS['p99_ms']} ms per question", speed["p99_ms"] < TARGETS["p99_ms"]),
        (f"cold start < {TARGETS['cold_start_s']} s", cold < TARGETS["cold_start_s"]),
        ("declines >= 95% of off-topic", all(r["scopebot"].decline_recall >= TARGETS["decline_recall"] for r in rows.values())),
        ("declines < 3% of real questions", all(r["scopebot"].false_decline < TARGETS["false_decline"] for r in rows.values())),
    ]
    text = "\n".join([
        "## Matching quality and speed", "",
        f"{time.strftime('%Y-%m-%d')} on {machine()}.",
        "Command: `make bench` (`python bench/run.py`). Sets: the development set "
        f"(`shared/eval/dev_questions.yaml`); the paraphrase set built by `bench/questionset.py` from "
        f"`bench/paraphrases.yaml` ({para.n} questions: hand-written paraphrases not copied from the knowledge "
        "base, each also with a typo, scope names in sentences, endpoints with real-looking ids, several-need "
        "questions, off-topic questions; it was used to find the matcher's weaknesses, so its score is "
        "optimistic); then three held-out sets, each written after the previous one had been studied and "
        "scored once before anything was changed for it: `bench/fresh.yaml`, `bench/blind.yaml` (first top-1 "
        "88.3%) and `bench/blind2.yaml` (first top-1 71.0%, against 64.5% for BM25 and 67.7% for MiniLM, with "
        "6.0% of its real questions declined, over the 3% target). Those first scores are the honest estimates for "
        "unseen wording; the rows below come after fixes the misses prompted (general mechanisms and "
        "knowledge-base phrasings, never copies of the questions), so a new blind set is needed for the next "
        "estimate. Baselines rank the same knowledge-base text; their decline "
        "threshold is calibrated on the development set. Multi-need recall for the baselines counts their top 3.", "",
        table(rows), "",
        "| scopebot speed | value |", "|---|---|",
        f"| latency p50 / p99 / max per question | {speed['p50_ms']:.3f} / {speed['p99_ms']:.3f} / {speed['max_ms']:.3f} ms |",
        f"| batch throughput | {speed['throughput']:.0f} questions/s |",
        f"| cold start (new process answers one question) | {cold:.3f} s |",
        f"| peak memory answering the paraphrase set | {memory:.0f} MiB |",
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
