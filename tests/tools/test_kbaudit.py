"""The audit compares knowledge-base endpoints with official statements; the shipped base has no unexplained gap."""

from __future__ import annotations

import pytest

from bot.tools.kbaudit import (AuditException, Disagreement, audit_knowledge, explain, load_exceptions, load_statements,
                         parse_exceptions, parse_statements)
from bot.core.knowledge import KnowledgeError, build_knowledge, knowledge_dir

HEADER = "# credit line\nspec\tmethod\tpath\tscopes\trelation\troles\tdeprecated\tsource\n"


def entry(name: str, *endpoints: object, **more: object) -> dict:
    return {"name": name, "audience": "user", "access": "read", "allows": "Things.", "source": "https://developer.webex.com/x",
            "endpoints": list(endpoints), "synonyms": ["x"], "examples": ["x"], **more}


def kb_of(*entries: dict):
    return build_knowledge({"a.yaml": {"area": "a", "title": "A", "summary": "A.", "scopes": list(entries)}})


def test_statements_parse_hosts_and_contact_center_rows() -> None:
    rows = parse_statements((HEADER + "webex-admin\tGET\t/v1/things\tspark:things_read\tsingle\tfull admin\t\t\n"
                             "webex-contact-center\tGET\t/v1/tasks\tcjp:user\tsingle\t\t\t\n"
                             "x\tGET\thttps://analytics.webexapis.com/v1/q\t\tnone\t\t\thttps://developer.webex.com/q\n")
                            .splitlines(True))
    assert [(s.host, s.path, s.scopes, s.relation) for s in rows] == [
        ("webexapis.com", "/v1/things", ("spark:things_read",), "single"),
        ("api.wxcc-us1.cisco.com", "/v1/tasks", ("cjp:user",), "single"),
        ("analytics.webexapis.com", "/v1/q", (), "none"),
    ]
    assert rows[0].roles == ("full admin",) and rows[2].source == "https://developer.webex.com/q"


def test_each_kind_of_disagreement_is_found() -> None:
    statements = parse_statements((HEADER + "s\tGET\t/v1/things/{id}\tspark:other_read\tsingle\t\t\t\n"
                                   "s\tPOST\t/v1/things\tspark:things_read,spark:other_read\tall\t\t\t\n").splitlines(True))
    kb = kb_of(entry("spark:things_read", "GET /v1/things/{thingId}", "POST /v1/things", "GET /v1/nowhere"),
               entry("spark:other_read", {"call": "POST /v1/things", "requires_scopes": ["spark:things_read"]}))
    found = {(d.kind, d.scope, d.endpoint) for d in audit_knowledge(kb, statements)}
    assert found == {("unnamed-scope", "spark:things_read", "GET /v1/things/{thingId}"),
                     ("missing-together", "spark:things_read", "POST /v1/things"),
                     ("unknown-path", "spark:things_read", "GET /v1/nowhere")}


def test_exceptions_explain_disagreements_and_stale_ones_are_reported() -> None:
    found = [Disagreement("unknown-path", "spark:things_read", "GET /v1/nowhere", "no source")]
    covers = AuditException("unknown-path", "SPARK:things_read", "GET /v1/nowhere", "why", "https://developer.webex.com/x")
    stale = AuditException("unknown-path", "spark:things_read", "GET /v1/gone", "why", "https://developer.webex.com/x")
    report = explain(found, [covers, stale])
    assert report.explained == tuple(found) and report.unexplained == () and report.stale == (stale,)
    assert not report.ok and explain(found, []).unexplained == tuple(found)


@pytest.mark.parametrize("doc", [{}, {"exceptions": [{"kind": "odd", "scope": "a:b", "endpoint": "GET /v1/x",
                                                      "reason": "r", "source": "https://x.com"}]},
                                 {"exceptions": [{"kind": "unknown-path", "scope": "a:b", "endpoint": "GET /v1/x",
                                                  "reason": "r", "source": "x.com"}]}])
def test_malformed_exceptions_are_rejected(doc: dict) -> None:
    with pytest.raises(KnowledgeError, match="audit_exceptions.yaml"):
        parse_exceptions(doc)


def test_the_shipped_knowledge_base_has_no_unexplained_disagreement(kb) -> None:
    directory = knowledge_dir()
    report = explain(audit_knowledge(kb, load_statements(directory)), load_exceptions(directory))
    assert [str(d) for d in report.unexplained] == []
    assert [f"{e.kind}: {e.scope}: {e.endpoint}" for e in report.stale] == []
