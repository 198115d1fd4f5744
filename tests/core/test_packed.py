"""The word models' stored numbers: what is packed reads back the same, value for value."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

import pytest

from bot.core.matching import packed as packed_module
from bot.core.matching.offtopic import MODEL_PATH as OFFTOPIC_PATH
from bot.core.matching.offtopic import OfftopicModel
from bot.core.matching.packed import Rows, packed, unpacked
from bot.core.matching.scope_model import MODEL_PATH, NEEDS_PATH, ScopeModel
from bot.core.matching.topic_model import MODEL_PATH as TOPIC_PATH
from bot.core.matching.topic_model import TopicModel

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


def test_the_stored_form_is_little_endian_whatever_the_machine(monkeypatch) -> None:
    assert packed([1], "I") == "AQAAAA=="  # 01 00 00 00, as this machine (little-endian) holds it
    monkeypatch.setattr(packed_module, "_SWAPPED", True)  # as on a big-endian machine: swapped both ways
    assert packed([1], "I") == "AAAAAQ==" and list(unpacked(packed([1, 2**20], "I"), "I")) == [1, 2**20]


MODELS = [(ScopeModel, MODEL_PATH), (ScopeModel, NEEDS_PATH), (TopicModel, TOPIC_PATH), (OfftopicModel, OFFTOPIC_PATH)]


@pytest.mark.parametrize("model, path", MODELS)
def test_a_stored_model_reads_with_as_many_weights_as_terms(model, path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    model.read(data)  # reading checks the columns fit together
    cut = {**data, "idf": packed(list(unpacked(data["idf"]))[:-1])}
    with pytest.raises(ValueError, match="differ in length"):
        model.read(cut)


def test_rows_that_do_not_end_at_their_last_weight_are_refused() -> None:
    stored = Rows.pack([[(0, 1.0)], [(1, 2.0)]])
    with pytest.raises(ValueError):
        Rows.read({**stored, "starts": packed([0, 1], "I")})
    with pytest.raises(ValueError):
        Rows.read({**stored, "weights": packed([1.0])})
