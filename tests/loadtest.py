"""Load test: signed webhooks at the app under gunicorn, with faults injected by the Webex stand-in.

    python tests/loadtest.py [--n 1000] [--concurrency 50] [--fault-rate 0.05] [--write docs/benchmarks.md]

Every question must be answered exactly once; reports webhook ack latency (as the senders see it,
from a process of their own, and inside the app) and throughput.
All traffic stays on loopback and the run ends by itself.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import wrk_ack
from service_harness import Service, envelope, signature, wait_for
from webex_standin import StandIn

QUESTIONS = ["answer calls", "read voicemail", "GET /v1/rooms", "read and write messages",
             "pull cdrs for the org", "spark:calls_write", "sing me a song", "create a webex meeting"]
MARKER = re.compile(r"load question (\d+):")


@dataclass
class LoadResult:
    n: int
    concurrency: int
    fault_rate: float
    workers: int
    acked: int
    answered_once: int
    duplicates: int
    missing: int
    ack_p50_ms: float
    ack_p99_ms: float
    ack_max_ms: float
    server_ack_p50_ms: float  # inside the app: verify, parse, store (from its "stored" log lines)
    server_ack_p99_ms: float
    seconds_to_last_answer: float
    answers_per_second: float
    wrk_ack_p50_ms: float | None = None  # the same, sent by wrk (a C load generator), when installed
    wrk_ack_p99_ms: float | None = None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def webhook_body(message: dict) -> bytes:
    """The messages/created webhook Webex would send for `message`."""
    data = {k: message[k] for k in ("id", "roomId", "personId", "personEmail")}
    return json.dumps(envelope("messages", data)).encode()


def timed_by_wrk(api: StandIn, svc: Service, n: int, concurrency: int) -> dict[str, float]:
    """The acknowledgement timed by wrk on `n` new questions (answered too, but not checked)."""
    bodies = [webhook_body(api.add_message(f"wrk question {i}: answer calls")) for i in range(n)]
    return wrk_ack.ack_latency(svc.port, bodies, concurrency)


def send_all(port: int, bodies: list[bytes], concurrency: int) -> list[tuple[int, float]]:
    """POST each signed body from `concurrency` threads; (status, milliseconds) for each.

    Runs in a process of its own with the plain http.client, as Webex sends from elsewhere: the
    measured round trip is then the service's, not the sending library's or the stand-in's."""
    def post(body: bytes) -> tuple[int, float]:
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("POST", "/webhooks", body, {"Content-Type": "application/json",
                                                          "X-Spark-Signature": signature(body)})
            status = connection.getresponse().status
        finally:
            connection.close()
        return status, (time.monotonic() - started) * 1000

    with ThreadPoolExecutor(concurrency) as pool:
        return list(pool.map(post, bodies))


def run_load(n: int = 1000, concurrency: int = 50, fault_rate: float = 0.05, workers: int = 2,
             timeout: float = 120, with_wrk: bool = False) -> LoadResult:
    with StandIn() as api, tempfile.TemporaryDirectory() as tmp:
        svc = Service(api.base_url, Path(tmp), workers=workers, SCOPEBOT_RETRY_BASE_DELAY="0.05",
                      SCOPEBOT_REDELIVERY_BASE_DELAY="0.5").start()
        try:
            api.chaos(fault_rate)
            messages = [api.add_message(f"load question {i}: {QUESTIONS[i % len(QUESTIONS)]}") for i in range(n)]
            bodies = [webhook_body(m) for m in messages]
            started = time.monotonic()
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as senders:
                results = senders.submit(send_all, svc.port, bodies, concurrency).result()

            def answered() -> list[int]:
                return [int(m[1]) for s in api.sent() if (m := MARKER.search(s.get("markdown", "")))]

            wait_for(lambda: len(set(answered())) >= n, timeout=timeout)
            elapsed = time.monotonic() - started
            ids = {m["id"] for m in messages}  # every delivery finished, so no late duplicate can come
            wait_for(lambda: ids <= {line.get("message_id") for line in svc.log_lines()
                                     if line.get("event") == "handled"}, timeout=timeout)
            server = [line["ms"] for line in svc.log_lines() if line.get("event") == "stored"]
            wrk = timed_by_wrk(api, svc, n, concurrency) if with_wrk and wrk_ack.available() else {}
        finally:
            svc.stop()
        counts: dict[int, int] = {}
        for i in answered():
            counts[i] = counts.get(i, 0) + 1
        latencies = [ms for _, ms in results]
        return LoadResult(
            n=n, concurrency=concurrency, fault_rate=fault_rate, workers=workers,
            acked=sum(1 for status, _ in results if status == 202),
            answered_once=sum(1 for c in counts.values() if c == 1),
            duplicates=sum(c - 1 for c in counts.values() if c > 1),
            missing=n - len(counts),
            ack_p50_ms=round(statistics.median(latencies), 2),
            ack_p99_ms=round(percentile(latencies, 0.99), 2),
            ack_max_ms=round(max(latencies), 2),
            server_ack_p50_ms=round(statistics.median(server), 2),
            server_ack_p99_ms=round(percentile(server, 0.99), 2),
            seconds_to_last_answer=round(elapsed, 2),
            answers_per_second=round(len(counts) / elapsed, 1),
            **wrk,
        )


def write_section(path: Path, name: str, text: str) -> None:
    """Replace (or add) the section between <!-- name --> markers in a Markdown file."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{text.rstrip()}\n{end}"
    current = path.read_text() if path.exists() else "# Benchmarks\n"
    if start in current and end in current:
        current = current[: current.index(start)] + block + current[current.index(end) + len(end):]
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(current)


def machine() -> str:
    import os
    import platform

    return f"{platform.node() or 'host'}: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--fault-rate", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", type=Path, help="update the load-test section of this Markdown file")
    args = parser.parse_args()
    result = run_load(args.n, args.concurrency, args.fault_rate, args.workers, with_wrk=True)
    rows = "\n".join(f"| {k} | {v} |" for k, v in asdict(result).items())
    text = (f"## Load test\n\n{time.strftime('%Y-%m-%d')} on {machine()}.\n"
            f"Command: `make loadtest` (`python tests/loadtest.py --n {args.n} --concurrency {args.concurrency} "
            f"--fault-rate {args.fault_rate} --workers {args.workers}`): signed webhooks over loopback, from a "
            f"sender process of their own, to gunicorn, the Webex stand-in failing {args.fault_rate:.0%} of its "
            f"requests at random (500/502/503/429). ack_* is the round trip the senders see; server_ack_* is "
            f"the app's own verify-store-acknowledge time; wrk_ack_* is the round trip when wrk, a load "
            f"generator written in C, sends {args.n} more webhooks at the same concurrency for 10 s while "
            f"the bot answers (the Python senders share the two cores and slow their own timing).\n\n| measure | value |\n|---|---|\n{rows}\n")
    print(text)
    if args.write:
        write_section(args.write, "loadtest", text)
    ok = result.answered_once == result.n and result.duplicates == 0 and result.acked == result.n
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
