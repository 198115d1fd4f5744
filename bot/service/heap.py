"""Garbage collection kept out of answers: what a process builds at start (the knowledge, the index, the
models) lives as long as the process, so once it is built it is moved out of the collector's reach.

A full collection otherwise walks all of it while a question waits (60-70 ms, once in a few hundred
questions; docs/benchmarks.md); after `settle()` it walks only what answering allocates.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect what start-up left behind, then freeze every object alive now (gc.freeze)."""
    gc.collect()
    gc.freeze()
