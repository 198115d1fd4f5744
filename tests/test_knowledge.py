"""Loading validates every entry and names the file, entry and field of a problem."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.core.knowledge import KnowledgeError, build_knowledge, load_knowledge

GOOD = {
    "name": "spark:things_read",
    "audience": "user",
    "access": "read",
    "allows": "Reads things.",
    "source": "https://developer.webex.com/docs/api/v1/things",
    "endpoints": ["GET /v1/things", "GET /v1/things/{thingId}"],
    "synonyms": ["things"],
    "examples": ["list my things"],
}


def doc(*entries: dict, area: str = "things") -> dict:
    return {"area": area, "title": "Things", "summary": "Things and stuff.", "scopes": list(entries)}


def test_a_good_document_loads() -> None:
    kb = build_knowledge({"things.yaml": doc(GOOD)})
    scope = kb["SPARK:Things_Read"]
    assert scope.area == "things" and str(scope.endpoints[1]) == "GET /v1/things/{thingId}"


@pytest.mark.parametrize(
    "change, field",
    [
        ({"audience": "everyone"}, "audience"),
        ({"access": "delete"}, "access"),
        ({"allows": ""}, "allows"),
        ({"source": "developer.webex.com/x"}, "source"),
        ({"endpoints": ["FETCH /v1/things"]}, "endpoints"),
        ({"endpoints": "GET /v1/things"}, "endpoints"),
        ({"counterpart": "spark:nothing_write"}, "counterpart"),
        ({"related": ["not a scope"]}, "related"),
        ({"name": "things"}, "name"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_a_bad_field_is_named_with_file_and_entry(change: dict, field: str) -> None:
    with pytest.raises(KnowledgeError) as err:
        build_knowledge({"things.yaml": doc({**GOOD, **change})})
    message = str(err.value)
    assert message.startswith("things.yaml: entry 1") and f"field '{field}'" in message


def test_a_missing_field_is_reported() -> None:
    entry = {k: v for k, v in GOOD.items() if k != "allows"}
    with pytest.raises(KnowledgeError, match=r"things.yaml: entry 1 \(spark:things_read\): field 'allows': is required"):
        build_knowledge({"things.yaml": doc(entry)})


def test_duplicate_names_across_files_are_rejected() -> None:
    with pytest.raises(KnowledgeError, match=r"b.yaml: entry 1 \(spark:things_read\): field .name.: also defined in a.yaml: entry 1"):
        build_knowledge({"a.yaml": doc(GOOD, area="a"), "b.yaml": doc(GOOD, area="b")})


def test_bad_yaml_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("area: [unclosed\n")
    with pytest.raises(KnowledgeError, match="broken.yaml: not valid YAML"):
        load_knowledge(tmp_path)


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="no knowledge files"):
        load_knowledge(tmp_path)


def test_a_file_on_disk_is_read(tmp_path: Path) -> None:
    (tmp_path / "things.yaml").write_text(yaml.safe_dump(doc(GOOD)))
    assert [s.name for s in load_knowledge(tmp_path).scopes] == ["spark:things_read"]


def test_the_shipped_knowledge_base_is_complete(kb) -> None:
    assert len(kb.scopes) >= 150
    assert sum(len(s.endpoints) for s in kb.scopes) >= 450
    for area in ("calling", "meetings", "messaging", "spaces", "teams", "people", "devices",
                 "recordings", "admin", "compliance", "analytics", "identity", "partner"):
        assert kb.in_area(area), area
    for scope in kb.scopes:
        assert scope.allows and scope.source.startswith("https://")
        assert scope.synonyms and scope.examples, scope.name


def test_every_seed_scope_is_in_the_knowledge_base(kb) -> None:
    seed = (Path(__file__).resolve().parents[2] / "shared" / "seed").glob("*.txt")
    import re

    names = {n for path in seed for n in re.findall(r"\b(?:spark(?:-admin)?|analytics):[a-z_]+", path.read_text())}
    if not names:
        pytest.skip("seed text not present beside the repository")
    assert {n for n in names if kb.get(n) is None} == set()
