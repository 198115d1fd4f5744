"""The scope index keeps its last rankings; one matcher serves the answering threads, so they share them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.core.matching.query import build_query

MULTI = [
    "list the devices and then delete those devices from the org as an admin",
    "create a space for each incident, add the on-call people to it and post the summary",
    "read my meeting transcripts, then post a digest into the team space",
]


def test_answers_from_many_threads_at_once_are_those_of_one(matcher, kb) -> None:
    # more distinct queries than the index keeps, so rankings are dropped while other threads read them
    questions = MULTI + [example for scope in kb.scopes for example in scope.examples][:120]
    alone = [matcher.answer(q).scopes for q in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda q: matcher.answer(q).scopes, questions * 3))
    assert together == alone * 3


def test_a_ranking_handed_out_can_be_changed_without_changing_the_kept_one(matcher) -> None:
    query = build_query("delete a message", matcher.index)
    first = matcher.index.rank(query)
    first.clear()
    assert matcher.index.rank(query) and matcher.index.rank(query, best=2) == matcher.index.rank(query)[:2]
