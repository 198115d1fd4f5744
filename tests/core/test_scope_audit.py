"""The scope audit: requested scopes against what the app does, and the corrected authorization
URL; read from a chat message, from an authorization URL, and by `python -m bot audit`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

from bot.core.answer import AnswerKind
from bot.core.audit import Requested, audit, requested_in
from bot.core.knowledge import KnowledgeBase
from bot.core.matching import Matcher
from bot.core.matching.audits import described_use

URL = ("https://webexapis.com/v1/authorize?client_id=C0ffee&response_type=code&redirect_uri="
       "https%3A%2F%2Fapp.example.com%2Fcb&scope=spark%3Aall%20spark%3Akms%20spark-admin%3Apeople_read&state=s1")


def scope_param(url: str) -> list[str]:
    return parse_qs(urlsplit(url).query)["scope"][0].split()


def test_requested_scopes_come_from_an_authorization_url_or_the_names_written() -> None:
    assert requested_in(f"why? {URL}") == Requested(("spark:all", "spark:kms", "spark-admin:people_read"), URL)
    assert requested_in("we request spark:rooms_read, spark:rooms_read and meeting:schedules_read").names == (
        "spark:rooms_read", "meeting:schedules_read")


def test_unneeded_missing_and_minimal(kb: KnowledgeBase) -> None:
    result = audit(Requested(("spark:all", "spark-admin:people_read", "spark:rooms_read")),
                   ["spark:messages_write", "spark:rooms_read", "meeting:schedules_write"], kb)
    assert result.unneeded == ("spark:all", "spark-admin:people_read")
    assert result.missing == ("spark:messages_write", "meeting:schedules_write")  # spark:all goes, so it is missing
    assert result.minimal == ("spark:messages_write", "spark:rooms_read", "meeting:schedules_write", "spark:kms")
    assert result.authorization_url is None  # no URL pasted and no app settings to build one on
    assert result.scope_parameter == "%20".join(result.minimal).replace(":", "%3A")


def test_spark_all_covers_what_it_stands_for_while_it_is_needed(kb: KnowledgeBase) -> None:
    result = audit(Requested(("spark:all",)), ["spark:all", "spark:rooms_read"], kb)
    assert result.missing == () and result.unneeded == ()


def test_a_port_is_no_scope_name() -> None:
    assert requested_in("we call localhost:8080 and request spark:rooms_read").names == ("spark:rooms_read",)


def test_spark_all_does_not_stand_for_admin_scopes(kb: KnowledgeBase) -> None:
    result = audit(Requested(("spark:all",)), ["spark-admin:people_read"], kb)
    assert result.missing == ("spark-admin:people_read",) and result.unneeded == ("spark:all",)


def test_unknown_names_are_flagged_and_nothing_is_unneeded_without_a_described_use(kb: KnowledgeBase) -> None:
    result = audit(Requested(("spark:messages_wrte", "spark:rooms_read")), [], kb)
    assert result.unknown == ("spark:messages_wrte",) and not result.described
    assert result.unneeded == () and result.minimal == ("spark:rooms_read", "spark:kms")
    assert audit(Requested(("spark:nothing_here",)), [], kb).authorization_url is None  # no scope to ask for


def test_the_corrected_url_keeps_the_pasted_parameters_encoded_on_webexapis(kb: KnowledgeBase) -> None:
    pasted = URL.replace("https://webexapis.com", "https://evil.example") + "&x=%60%3Cb%3E"
    result = audit(requested_in(pasted), ["spark:rooms_read"], kb)
    parts = urlsplit(result.authorization_url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "webexapis.com", "/v1/authorize")
    assert parse_qs(parts.query)["client_id"] == ["C0ffee"] and "`" not in result.authorization_url
    assert scope_param(result.authorization_url) == ["spark:rooms_read", "spark:kms"]


def test_a_chat_message_listing_requested_scopes_is_audited(matcher: Matcher) -> None:
    answer = matcher.answer("my integration requests spark:all spark-admin:people_read spark:messages_write "
                            "and only posts messages and lists rooms; the admin refuses to approve it")
    assert answer.kind == AnswerKind.AUDIT and answer.audit is not None
    assert answer.audit.unneeded == ("spark:all", "spark-admin:people_read")
    assert answer.audit.missing == ("spark:rooms_read",)  # spark:all stood for it, and goes
    assert answer.to_json()["audit"]["minimal"] == ["spark:messages_write", "spark:rooms_read", "spark:kms"]


def test_a_pasted_authorization_url_is_audited_even_without_a_described_use(matcher: Matcher) -> None:
    answer = matcher.answer(URL)
    assert answer.kind == AnswerKind.AUDIT and answer.audit is not None and not answer.audit.described


def test_names_without_a_use_to_check_them_against_stay_a_plan(matcher: Matcher) -> None:
    assert matcher.answer("I will request spark:calls_write and spark-admin:calling_cdr_read").kind == "plan"
    assert matcher.answer("compare spark:calls_read and spark:calls_write").kind == "compare"


def test_the_described_use_leaves_out_the_request_itself() -> None:
    assert described_use("We request spark:all and spark:kms. It only reads my messages; the admin "
                         "refuses it") == "reads my messages"
    assert described_use("Our app asks for spark:all, spark:kms.\nIt creates spaces.") == "It creates spaces."


def test_the_audit_card_and_markdown_show_the_verdict(handler) -> None:
    reply = handler.handle_text("my app requests spark-admin:people_read, spark:rooms_read and only creates spaces")
    for shown in (reply.markdown, json.dumps(reply.card)):
        assert "Not needed (remove)" in shown and "Missing (add)" in shown and "spark:rooms_write" in shown


def run_audit(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "audit", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_audit_command_json(tmp_path) -> None:
    code = tmp_path / "app.py"
    code.write_text("for r in api.rooms.list():\n    api.messages.create(roomId=r.id, text='hi')\n")
    result = run_audit("--scopes", "spark:kms spark-admin:people_read", "--code", str(code), "--json")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and {"unneeded", "missing", "minimal", "authorization_url"} <= data.keys()
    assert data["unneeded"] == ["spark-admin:people_read"]
    assert sorted(data["missing"]) == ["spark:messages_write", "spark:rooms_read"]
    assert data["authorization_url"] is None and data["scope_parameter"].count("%20") == len(data["minimal"]) - 1
    assert [c["path"] for c in data["calls"]] == ["/v1/rooms", "/v1/messages"]


def test_audit_command_reads_code_from_stdin_and_explains_mistakes() -> None:
    piped = run_audit("--scopes", URL, "--code", "-", stdin="webex.meetings.create({title: 'x'})")
    assert piped.returncode == 0 and "meeting:schedules_write" in piped.stdout
    for args in (["--scopes", "hello"], ["--scopes", "spark:all", "--code", "/nonexistent/app.py"]):
        result = run_audit(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_many_made_up_names_are_counted_not_all_listed(handler) -> None:
    names = " ".join(f"made:up{i}" for i in range(400))
    reply = handler.handle_text(f"my app requests {names}, spark:all and spark:rooms_read and only lists my spaces")
    assert reply.answer.kind == "audit" and len(json.dumps(reply.card)) < 20000
    assert "…and 392 more" in reply.markdown


def test_a_chat_audit_builds_the_apps_own_link_from_its_settings(tmp_path) -> None:
    env = {**os.environ, "WEBEX_CLIENT_ID": "C0ffee", "WEBEX_REDIRECT_URI": "https://app.example.com/cb"}
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json",
                             "my app requests spark:all and spark:rooms_read and only lists my spaces"],
                            capture_output=True, text=True, env=env, timeout=120)
    url = json.loads(result.stdout)["audit"]["authorization_url"]
    assert url and parse_qs(urlsplit(url).query)["client_id"] == ["C0ffee"]


def test_only_is_the_whole_use_when_a_verb_of_use_follows_it() -> None:
    text = ("It reads my meeting transcripts. Only meetings I host. I'm only requesting meeting:schedules_read "
            "and spark:people_read, and the app only reads transcripts.")
    assert described_use(text) == "reads transcripts."


def test_a_request_word_in_pasted_code_asks_for_no_audit(matcher: Matcher) -> None:
    question = ('```python\nrequests.patch("https://webexapis.com/v1/licenses/users", json={"email": "a@b.com"})\n```\n'
                "-> 403. admin token from our integration, scopes spark-admin:licenses_read + spark-admin:people_read.")
    answer = matcher.answer(question)
    assert answer.kind != AnswerKind.AUDIT and answer.scopes[0] == "spark-admin:people_write"


def test_just_wanting_to_know_is_no_use_of_the_app() -> None:
    text = "We request spark:all and spark:kms. It posts messages to a space. I just want to know which are unneeded."
    assert described_use(text) == "It posts messages to a space."
