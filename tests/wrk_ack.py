"""Acknowledgement latency measured by wrk, a load generator written in C, so the figure is the
service's and not the cost of a Python sender sharing the machine's two cores.

wrk (Debian's package) replays pre-signed webhook bodies from a file through a small Lua script
(tests/load/replay.lua) over loopback, for a fixed number of seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from service_harness import signature

REPLAY = Path(__file__).with_name("load") / "replay.lua"
_PERCENTILE_RE = re.compile(r"^\s*(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def available() -> bool:
    return shutil.which("wrk") is not None


def ack_latency(port: int, bodies: list[bytes], concurrency: int, seconds: int = 10) -> dict[str, float]:
    """p50 and p99 of the webhook acknowledgement, in milliseconds, as wrk measured them."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as file:
        file.writelines(f"{signature(b)}\t{b.decode()}\n" for b in bodies)
    try:
        out = subprocess.run(["wrk", "-t2", f"-c{concurrency}", f"-d{seconds}s", "--latency", "-s", str(REPLAY),
                              f"http://127.0.0.1:{port}/webhooks", "--", file.name],
                             capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    finally:
        Path(file.name).unlink()
    found = {p: float(v) * _TO_MS[unit] for p, v, unit in _PERCENTILE_RE.findall(out)}
    return {"wrk_ack_p50_ms": round(found["50"], 2), "wrk_ack_p99_ms": round(found["99"], 2)}
