"""Loading validates every entry and names the file, entry and field of a problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import SHARED

from bot.core.knowledge import (KnowledgeError, build_knowledge, knowledge_dir, load_knowledge, parse_guidance,
                                parse_roles, parse_yaml)
from bot.core.text import is_common_word

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


def test_the_fast_reader_gives_every_knowledge_file_as_pyyaml_safe_load_does() -> None:
    for path in sorted(knowledge_dir().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert parse_yaml(text) == yaml.safe_load(text), path.name


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
    seed = (SHARED / "seed").glob("*.txt")
    names = {n for path in seed for n in re.findall(r"\b(?:spark(?:-admin)?|analytics):[a-z_]+", path.read_text())}
    if not names:
        pytest.skip("seed text not present beside the repository")
    assert {n for n in names if kb.get(n) is None} == set()


ROLES = {"roles": [
    {"id": "full-admin", "title": "Full administrator", "kind": "admin-role", "summary": "All rights.",
     "source": "https://developer.webex.com/docs/admin"},
    {"id": "pro-pack", "title": "Pro Pack", "kind": "licence", "summary": "Extra features.",
     "source": "https://developer.webex.com/docs/admin"},
]}
WRITE = {**GOOD, "name": "spark:things_write", "access": "write", "examples": ["change my things"]}


def test_requires_scopes_and_roles_load_per_entry_and_per_endpoint() -> None:
    entry = {**WRITE, "requires_scopes": ["spark:things_read"], "roles": ["full-admin", "pro-pack"],
             "endpoints": ["GET /v1/things", {"call": "POST /v1/things", "requires_scopes": ["spark:things_read"],
                                              "roles": ["full-admin"], "note": "bulk"}]}
    kb = build_knowledge({"things.yaml": doc(GOOD, entry)}, roles=parse_roles(ROLES))
    scope = kb["spark:things_write"]
    assert scope.requires_scopes == ("spark:things_read",) and scope.roles == ("full-admin", "pro-pack")
    plain, rich = scope.endpoints
    assert plain.requires_scopes == () and str(rich) == "POST /v1/things (bulk)"
    assert rich.requires_scopes == ("spark:things_read",) and rich.roles == ("full-admin",)
    assert "spark:things_read" in scope.requires and "Full administrator and Pro Pack" in scope.requires
    assert kb["spark:things_read"].requires is None


def test_an_endpoint_may_need_its_scopes_only_in_a_case_the_question_tells() -> None:
    entry = {**WRITE, "endpoints": [{"call": "POST /v1/things", "requires_scopes": ["spark:things_read"],
                                     "when": ["For A Team"]}]}
    [call] = build_knowledge({"things.yaml": doc(GOOD, entry)})["spark:things_write"].endpoints
    assert call.when == ("for a team",) and call.requires_scopes == ("spark:things_read",)
    with pytest.raises(KnowledgeError, match="'when' limits requires_scopes, and there are none"):
        build_knowledge({"things.yaml": doc(GOOD, {**WRITE, "endpoints": [{"call": "POST /v1/things",
                                                                             "when": ["for a team"]}]})})


@pytest.mark.parametrize(
    "change, message",
    [
        ({"requires_scopes": ["spark:nothing_read"]}, "field 'requires_scopes': 'spark:nothing_read' is not a scope"),
        ({"requires_scopes": ["spark:things_write"]}, "field 'requires_scopes': lists the scope itself"),
        ({"roles": ["janitor"]}, "field 'roles': role 'janitor' is not defined"),
        ({"roles": ["Full Admin"]}, "field 'roles': 'Full Admin' is not a role id"),
        ({"endpoints": [{"call": "POST /v1/things", "requires_scopes": ["spark:nothing_read"]}]},
         "field 'endpoints': 'spark:nothing_read' is not a scope"),
        ({"endpoints": [{"call": "POST /v1/things", "roles": ["janitor"]}]}, "field 'endpoints': role 'janitor'"),
        ({"endpoints": [{"path": "POST /v1/things"}]}, "field 'endpoints': each item is"),
    ],
)
def test_unknown_scopes_and_roles_are_rejected(change: dict, message: str) -> None:
    with pytest.raises(KnowledgeError, match=re.escape(message)):
        build_knowledge({"things.yaml": doc(GOOD, {**WRITE, **change})}, roles=parse_roles(ROLES))


def test_roles_file_is_validated() -> None:
    bad = {"roles": [{**ROLES["roles"][0], "kind": "boss"}]}
    with pytest.raises(KnowledgeError, match="roles.yaml: role 1: field 'kind'"):
        parse_roles(bad)
    with pytest.raises(KnowledgeError, match="defined twice"):
        parse_roles({"roles": ROLES["roles"] * 2})


TOPIC = {"id": "bots", "title": "Bots", "summary": "Bots have fixed scopes.", "points": ["No scope choice."],
         "instead": "Use an integration.", "cues": ["My Bot"], "scopes": ["spark:things_read"],
         "source": ["https://developer.webex.com/docs/bots"]}


def test_guidance_loads_and_names_only_known_scopes() -> None:
    kb = build_knowledge({"things.yaml": doc(GOOD)}, guidance=parse_guidance({"guidance": [TOPIC]}))
    assert kb.guidance["bots"].cues == ("my bot",) and kb.guidance["bots"].source[0].startswith("https://")
    with pytest.raises(KnowledgeError, match="topic bots: field 'scopes'"):
        build_knowledge({"things.yaml": doc(GOOD)},
                        guidance=parse_guidance({"guidance": [{**TOPIC, "scopes": ["spark:nothing_read"]}]}))


@pytest.mark.parametrize("change, field", [({"points": []}, "points"), ({"source": ["http://x.com"]}, "source"),
                                           ({"instead": None}, "instead"), ({"colour": "red"}, "colour"),
                                           ({"offers": "spark:other_read"}, "offers"),
                                           ({"offered_for": ["get its token"]}, "offered_for"),
                                           ({"offered_for_pairs": [[["get"], ["token"]]]}, "offered_for_pairs"),
                                           ({"offered_for_pairs": [["get", "token"]], "offers": "spark:things_read",
                                             "scopes": ["spark:things_read"]}, "offered_for_pairs"),
                                           ({"cue_pairs": [["bot", "label"]]}, "cue_pairs"),
                                           ({"cue_pairs": [[["bot"], ["two words"]]]}, "cue_pairs"),
                                           ({"already": "It posts already."}, "already"),
                                           ({"already_scopes": ["spark:things_write"]}, "already")])
def test_a_bad_guidance_topic_is_named(change: dict, field: str) -> None:
    with pytest.raises(KnowledgeError, match=f"guidance.yaml: topic 1 \\(bots\\): field '{field}'"):
        parse_guidance({"guidance": [{**TOPIC, **change}]})


def test_a_topic_brings_along_only_known_topics() -> None:
    other = {**TOPIC, "id": "service-apps", "cues": ["service app"]}
    found = parse_guidance({"guidance": [{**TOPIC, "see_also": ["service-apps"]}, other]})
    assert found["bots"].see_also == ("service-apps",)
    with pytest.raises(KnowledgeError, match="see_also names unknown topic 'guests'"):
        parse_guidance({"guidance": [{**TOPIC, "see_also": ["guests"]}]})


def test_the_shipped_roles_and_guidance_are_loaded(kb) -> None:
    assert {"full-admin", "read-only-admin", "user-admin", "device-admin", "location-admin", "compliance-officer",
            "site-admin", "partner-admin", "pro-pack", "detailed-call-history"} <= set(kb.roles)
    assert {"bots", "service-apps", "admin-role", "guest-issuer", "compliance-role", "webhooks"} <= set(kb.guidance)



def test_every_glossary_word_that_is_an_english_word_is_listed_as_a_lookalike(kb, matcher) -> None:
    # an English post keeps its English words; only the foreign API words it carries are read in English
    index = matcher.index
    glossary = {word for language in kb.vocabulary.languages.values() if language.code != "ja"
                for word, english in language.words.items() if " " not in word and word != english
                and word not in language.markers}
    unlisted = sorted(word for word in glossary - kb.vocabulary.english_lookalikes
                      if index.lexicon.term(word) not in index.postings and is_common_word(word))
    assert unlisted == []
