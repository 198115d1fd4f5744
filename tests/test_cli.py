"""The command line, run as a real process the way a person or a script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED


def bot(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


STABLE_FIELDS = {"question", "answered", "scopes", "alternatives", "confidence", "assumptions", "guidance", "text"}


def test_ask_prints_text() -> None:
    result = bot("ask", "what scope do I need to answer calls")
    assert result.returncode == 0 and "spark:calls_write" in result.stdout


def test_ask_json_one_line_per_question_from_stdin() -> None:
    result = bot("ask", "--json", stdin="answer calls\nsing me a song\n\nread and write messages\n")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["question"], r["answered"], r["scopes"]) for r in rows] == [
        ("answer calls", True, ["spark:calls_write"]),
        ("sing me a song", False, []),
        ("read and write messages", True, ["spark:messages_read", "spark:messages_write"]),
    ]
    for row in rows:  # the stable fields others build on, with their types
        assert STABLE_FIELDS <= row.keys()
        assert row["confidence"] in ("high", "medium", "low") and row["text"].strip()
        assert all(isinstance(row[k], list) for k in ("scopes", "alternatives", "assumptions", "guidance"))


def test_ask_whole_reads_standard_input_as_one_post() -> None:
    post = "Our helpdesk tool, when a ticket is escalated:\n1. create a space for it\n2. post the summary into it\n"
    rows = [json.loads(line) for line in bot("ask", "--json", "--whole", stdin=post).stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["scopes"] == ["spark:rooms_write", "spark:messages_write"]
    assert len(bot("ask", "--json", stdin=post).stdout.splitlines()) == 3  # without it, one question per line


@pytest.mark.parametrize("where", ["stdin", "argument"])
def test_ask_json_stays_utf8_when_the_question_is_not(where: str) -> None:
    raw = b"which scope reads my messages \xff\xfe"
    command = [sys.executable, "-m", "bot", "ask", "--json"] + ([] if where == "stdin" else [os.fsdecode(raw)])
    result = subprocess.run(command, input=raw + b"\n" if where == "stdin" else b"", capture_output=True, cwd=ROOT,
                            timeout=60)
    row = json.loads(result.stdout)
    row["question"].encode("utf-8")  # a lone surrogate (how Python keeps a byte that is not UTF-8) cannot be
    assert row["question"].endswith("\ufffd\ufffd") and row["scopes"] == ["spark:messages_read"]


def test_ask_card_prints_card_json() -> None:
    card = json.loads(bot("ask", "--card", "GET /v1/rooms").stdout)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.3"


def test_run_without_token_is_local_mode_on_stdin(tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "bot", "run"], input="what scope do I need to answer calls\n",
                            capture_output=True, text=True, cwd=ROOT, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/tmp",
                                 "DATABASE_URL": "sqlite:///" + str(tmp_path / "state.sqlite3")})
    assert result.returncode == 0 and "spark:calls_write" in result.stdout


def test_kb_stats_json() -> None:
    stats = json.loads(bot("kb", "stats", "--json").stdout)
    assert stats["scopes"] >= 150 and stats["endpoints"] >= 450 and stats["areas"]["calling"] > 0


def test_eval_on_the_development_set() -> None:
    path = SHARED / "eval" / "dev_questions.yaml"
    if not path.exists():
        pytest.skip("development question set not present")
    result = bot("eval", str(path))
    assert result.returncode == 0
    top1 = float(result.stdout.split("top-1:")[1].split("%")[0])
    declined = float(result.stdout.split("off-topic declined:")[1].split("%")[0])
    assert top1 >= 90 and declined == 100


def test_eval_rejects_a_malformed_file(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {q: 'answer calls'}\n")
    result = bot("eval", str(bad))
    assert result.returncode == 2 and "needs one of expect, all, none, guidance" in result.stderr
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"- q: 'caf\xe9 scopes'\n  none: true\n")  # Latin-1, not UTF-8
    result = bot("eval", str(latin))
    assert result.returncode == 2 and "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_kb_export_json_has_stable_fields() -> None:
    data = json.loads(bot("kb", "export", "--json").stdout)
    assert {"scopes", "roles", "guidance"} <= set(data)  # fields are only ever added
    assert data["webhook_resources"]["messages"] == "spark:messages_read"
    scope = next(s for s in data["scopes"] if s["name"] == "spark-admin:people_write")
    assert {"name", "area", "audience", "access", "endpoints", "requires_scopes", "roles", "deprecated",
            "source"} <= set(scope)
    post = next(e for e in scope["endpoints"] if e["method"] == "POST" and e["path"] == "/v1/people")
    assert post["host"] == "webexapis.com" and post["requires_scopes"] == ["spark-admin:people_read"]
    assert {"id", "title", "kind", "summary", "source"} <= set(data["roles"][0])
    assert {"id", "summary", "points", "instead", "cues", "source"} <= set(data["guidance"][0])
    apps = next(g for g in data["guidance"] if g["id"] == "service-apps")
    assert apps["offers"] == "spark:applications_token" and "get the service app's token" in apps["offered_for"]
    assert any("token" in second for _, second in apps["offered_for_pairs"])


def test_kb_audit_passes() -> None:
    result = bot("kb", "audit")
    assert result.returncode == 0 and "0 unexplained" in result.stdout
