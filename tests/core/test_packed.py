"""The word models' stored numbers: what is packed reads back the same, value for value."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.core.matching.packed import Rows, packed, unpacked
from bot.core.matching.scope_model import MODEL_PATH

doubles = st.floats(allow_nan=False)


@given(st.lists(doubles))
def test_doubles_read_back_exactly(values: list[float]) -> None:
    assert list(unpacked(packed(values))) == values


@given(st.lists(st.integers(0, 2**16 - 1)))
def test_classes_read_back_exactly(values: list[int]) -> None:
    assert list(unpacked(packed(values, "H"), "H")) == values


@given(st.lists(st.lists(st.tuples(st.integers(0, 500), doubles), max_size=4), max_size=30))
def test_rows_read_back_row_by_row(rows: list[list[tuple[int, float]]]) -> None:
    read = Rows.read(json.loads(json.dumps(Rows.pack(rows))))  # as stored: JSON
    assert [list(read.row(i)) for i in range(len(rows))] == rows


def test_the_stored_form_is_little_endian_whatever_the_machine() -> None:
    assert packed([1], "I") == "AQAAAA=="  # 01 00 00 00


def test_a_stored_model_has_a_row_of_weights_for_every_term() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    rows = Rows.read(data["weights"])
    assert len(rows.starts) == len(data["terms"]) + 1 and rows.starts[-1] == len(rows.classes) == len(rows.weights)
    assert max(rows.classes) < len(data["scopes"]) and len(unpacked(data["idf"])) == len(data["terms"])
