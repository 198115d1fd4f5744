"""scopebot's latency, batch throughput and slowest long made-up input, measured in a process that holds only the
matcher, as the service does, not beside the baselines `make bench` loads; and the batch throughput of one such
process per core, as the service's web workers share a machine; printed as one JSON object.

    python bench/speed.py
"""

from __future__ import annotations

import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from questionset import build  # noqa: E402

from bot.core.knowledge import load_knowledge  # noqa: E402
from bot.core.matching import Matcher  # noqa: E402
from bot.service import heap  # noqa: E402

# long made-up inputs at the bot's 8000-character limit: runs of names and punctuation that once took seconds
ADVERSARIAL = ("x:y," * 2000, "does " + "a:" * 3997, "read messages " + "x," * 3993, "spark:a," * 1000)


def latency(matcher: Matcher, questions: list[str]) -> dict[str, float]:
    """Milliseconds per question (p50, p99, max) and questions per second over three passes of the set."""
    for q in questions[:50]:
        matcher.answer(q)
    heap.settle()  # as the service does once it is built
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


_FORKED: list[Matcher] = []  # the warmed matcher the forked workers inherit (a matcher is not sent between processes)


def _answer_all(questions: list[str]) -> int:
    """Answers every question of a share of the batch with the inherited matcher; how many it answered."""
    for q in questions:
        _FORKED[0].answer(q)
    return len(questions)


def per_core_throughput(matcher: Matcher, questions: list[str]) -> dict[str, float]:
    """Questions per second over the whole machine: the batch split between one forked process per core, each
    with its own copy of the warmed matcher, timed from the first question to the last answer."""
    cores = os.cpu_count() or 1
    batch = questions * 3
    shares = [batch[i::cores] for i in range(cores)]
    _FORKED[:] = [matcher]
    with multiprocessing.get_context("fork").Pool(cores) as pool:
        pool.map(_answer_all, [questions[:cores]] * cores, chunksize=1)  # the workers start before the clock
        start = time.perf_counter()
        answered = sum(pool.map(_answer_all, shares, chunksize=1))
        elapsed = time.perf_counter() - start
    return {"cores": cores, "throughput_all_cores": answered / elapsed}


def slowest_adversarial(matcher: Matcher) -> float:
    """Seconds the slowest of the ADVERSARIAL inputs takes to answer."""
    times = []
    for text in ADVERSARIAL:
        start = time.perf_counter()
        matcher.answer(text)
        times.append(time.perf_counter() - start)
    return max(times)


def main() -> None:
    kb = load_knowledge()
    matcher = Matcher(kb)
    questions = [item["q"] for item in build(kb)]
    speed = latency(matcher, questions)
    print(json.dumps({**speed, **per_core_throughput(matcher, questions),
                      "adversarial_s": slowest_adversarial(matcher)}))


if __name__ == "__main__":
    main()
