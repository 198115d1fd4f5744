"""What a process built at start is frozen out of the garbage collector's walks (bot.service.heap)."""

from __future__ import annotations

import gc

from bot.service import heap


def test_settle_freezes_what_is_alive_and_leaves_later_objects_to_the_collector() -> None:
    built = [[] for _ in range(100)]
    try:
        heap.settle()
        later = [[] for _ in range(100)]
        walked = {id(o) for o in gc.get_objects()}
        assert not any(id(o) in walked for o in built)
        assert all(id(o) in walked for o in later)
    finally:
        gc.unfreeze()
