"""A post that says its app only reads: a change its words seemed to ask for becomes the read scope, where the
post says so (read_only.py)."""

from __future__ import annotations

import pytest

from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.matching.normalise import sentences_of
from bot.core.matching.read_only import kept_to_reading, read_only_sentences, says_read_only


@pytest.mark.parametrize("text, said", [
    ("Read only, nothing gets changed.", True),
    ("No changes at all, just a report.", True),
    ("The tool never writes to Webex.", True),
    ("It does not change anything in Control Hub.", True),
    ("Our read-only admin runs it.", False),  # who acts, not what the app does
    ("It reads the list and then updates the numbers.", False),
])
def test_what_says_the_app_only_reads(text: str, said: bool) -> None:
    assert says_read_only(text) is said


def test_a_sentence_that_says_only_that_speaks_for_the_whole_post() -> None:
    whole, local = read_only_sentences(sentences_of("We list every user's licenses. Read only."))
    assert whole and local == {"Read only."}


def test_a_longer_sentence_speaks_for_what_it_tells() -> None:
    told = "The dashboard page next to it is read only."
    whole, local = read_only_sentences(sentences_of(f"Our tool updates each user's extension. {told}"))
    assert not whole and local == {told}


@pytest.mark.parametrize("question, scopes", [
    ("Our admin tool manages nothing itself: it lists the org's users with their licenses for a spreadsheet. "
     "Read only.", ["spark-admin:people_read"]),
    ("For the signed-in user we show their active calls and the remote party. Read-only, nothing is controlled.",
     ["spark:calls_read"]),
    ("We build a read-only report of the emergency addresses configured for each location. admin. scope?",
     ["spark-admin:telephony_pstn_read"]),
    ("pull the registrants of my webinar into our CRM, read only", ["meeting:schedules_read"]),  # a trailing clause
])
def test_a_read_only_post_gets_no_change(matcher, question: str, scopes: list[str]) -> None:
    answer = matcher.answer(question)
    assert answer.scopes[:len(scopes)] == scopes and all(need.scope.access == "read" for need in answer.needs)
    assert any("only reads" in note for note in answer.assumptions)


@pytest.mark.parametrize("question, scope", [
    ("Our console answers and transfers the signed-in user's calls. It also lists their call history, read-only, "
     "for the agent's side panel.", "spark:calls_write"),
    ("Our admin tool updates each user's phone extension. The dashboard page next to it is read only.",
     "spark-admin:telephony_config_write"),
])
def test_a_change_told_outside_the_read_only_sentence_stays(matcher, question: str, scope: str) -> None:
    assert scope in matcher.answer(question).scopes


def test_a_change_made_a_reading_keeps_neither_the_scopes_its_call_needed_nor_a_twin(matcher, kb) -> None:
    q, _ = matcher.first_answer("Our admin tool lists the org's users for a spreadsheet. Read only.")
    write, read = kb.get("spark-admin:people_write"), kb.get("spark-admin:people_read")
    change = Need("lists the org's users", write, Via.WORDS, together=(kb.get("spark-admin:telephony_config_write"),))
    answer = kept_to_reading(Answer(q.text, AnswerKind.PLAN, (change, change)), q, kb)
    assert [n.scope for n in answer.needs] == [read] and answer.needs[0].together == ()
