"""The off-topic model: the runtime scorer reproduces the trained one, and it only turns away
answers read from words alone."""

from __future__ import annotations

import json
import math

import pytest

from bot.core.answer import AnswerKind, Confidence, Need, Via
from bot.core.knowledge import load_knowledge
from bot.core.matching import Matcher
from bot.core.matching import tuning as t
from bot.core.matching.offtopic import MODEL_PATH, OfftopicModel
from bot.core.matching.question import Question


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


# A model small enough to compute by hand: 'pagination' speaks for off-topic, 'spaces' against.
TINY = OfftopicModel({"pagination": (2.0, 6.0), "spaces": (1.0, -1.0), "list spaces": (1.0, -1.0)}, -1.0)


def test_the_runtime_scorer_reproduces_the_trained_probabilities() -> None:
    checks = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["checks"]
    model = OfftopicModel.load()
    assert checks
    for text, expected in checks:
        assert model.probability(text) == pytest.approx(expected, abs=1e-3), text


def test_words_and_word_pairs_are_weighted_by_idf_and_normalised() -> None:
    # 'list' is no term; 'spaces' once (1 + log 1 = 1) times idf 1, and the pair 'list spaces' likewise
    values = {"spaces": 1.0, "list spaces": 1.0}
    norm = math.sqrt(sum(v * v for v in values.values()))
    expected = _sigmoid(-1.0 + (-1.0 * 1.0 - 1.0 * 1.0) / norm)
    assert TINY.probability("List spaces") == pytest.approx(expected)


def test_repeated_words_count_sublinearly() -> None:
    once, twice = TINY.probability("pagination spaces"), TINY.probability("pagination pagination spaces")
    assert twice > once  # more weight on the off-topic word, but not twice as much
    value = (1 + math.log(2)) * 2.0
    norm = math.sqrt(value ** 2 + 1.0)
    assert twice == pytest.approx(_sigmoid(-1.0 + (value * 6.0 - 1.0) / norm))


def test_a_text_with_no_known_term_scores_the_intercept() -> None:
    assert TINY.probability("make coffee") == pytest.approx(_sigmoid(-1.0))
    assert TINY.probability("") == pytest.approx(_sigmoid(-1.0))


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_knowledge())


def test_posts_without_a_scope_asked_about_or_an_answering_topic_are_declined(matcher: Matcher) -> None:
    def read(text: str) -> Question:
        return matcher.analyse(text)[0]

    rooms = matcher.kb.get("spark:rooms_read")
    words, named = ([Need("list spaces", rooms, via)] for via in (Via.WORDS, Via.NAME))
    text = "how does pagination work for the items the API returns, can anyone explain it?"
    assert TINY.probability(text) >= t.OFFTOPIC_FROM
    assert TINY.declines(read(text), words, ()) is not None
    assert TINY.declines(read(text), words, ("bots",)) is not None  # a bot is often only where it happens
    assert TINY.declines(read(text), named, ()) is None  # a scope named is never turned away
    assert TINY.declines(read(text), named, (), frozenset({rooms})) is not None  # ...unless the app has it
    assert TINY.declines(read(text), [], ()) is None  # nothing to turn away
    assert TINY.declines(read(text), [], ("bots",)) is not None  # only a bot brushed: no explanation due
    assert TINY.declines(read(text), [], ("bots", "admin-role")) is None
    assert TINY.declines(read(text), words, ("service-apps",)) is None  # the explanation is the answer
    assert TINY.declines(read(text + " Which scope do I need?"), words, ()) is None
    assert TINY.declines(read("how does pagination work?"), words, ()) is None  # too short to tell
    german = read("Wie funktioniert die pagination beim Auflisten der Bereiche in unserer Integration, "
                  "weiß das jemand?")
    assert german.language is not None and TINY.probability(german.text) >= t.OFFTOPIC_FROM
    assert TINY.declines(german, words, ()) is not None  # judged by the English words left in it


def test_beside_a_call_the_line_is_lower_than_for_words_alone(matcher: Matcher) -> None:
    rooms = matcher.kb.get("spark:rooms_read")
    words, call = ([Need("list spaces", rooms, via)] for via in (Via.WORDS, Via.ENDPOINT))
    question = matcher.analyse("GET /v1/rooms returns the first page only, how does the paging of spaces work here?")[0]
    between = (t.OFFTOPIC_CALL_FROM + t.OFFTOPIC_FROM) / 2  # a probability between the two lines
    z = math.log(between / (1 - between))
    model = OfftopicModel({"paging": (1.0, z + 1.0)}, -1.0)  # the one known word: the probability is `between`
    assert model.probability(question.text) == pytest.approx(between)
    assert model.declines(question, call, ()) is not None
    assert model.declines(question, words, ()) is None


def test_an_unsure_answer_is_declined_at_a_lower_line(matcher: Matcher) -> None:
    rooms = matcher.kb.get("spark:rooms_read")
    words = [Need("list spaces", rooms, Via.WORDS)]
    question = matcher.analyse("why are some spaces missing from the list when I sort them by their last activity?")[0]
    between = (t.OFFTOPIC_UNSURE_FROM + t.OFFTOPIC_FROM) / 2
    model = OfftopicModel({"sort": (1.0, math.log(between / (1 - between)) + 1.0)}, -1.0)
    assert model.probability(question.text) == pytest.approx(between)
    assert model.declines(question, words, (), level=Confidence.LOW) is not None
    assert model.declines(question, words, (), level=Confidence.MEDIUM) is None
    short = matcher.analyse("why are some spaces missing when I sort them by their last activity?")[0]
    assert len(short.text.split()) < t.OFFTOPIC_UNSURE_MIN_WORDS and model.probability(short.text) >= between
    assert model.declines(short, words, (), level=Confidence.LOW) is None  # too short for the lower line
    symptom = matcher.analyse("why can't my integration see the spaces I am in when I sort them by their last "
                              "activity?")[0]  # how a missing scope shows: a scope question however it reads
    assert model.probability(symptom.text) >= between
    assert model.declines(symptom, words, (), level=Confidence.LOW) is None
    below = (t.OFFTOPIC_UNSURE_FROM + 0.5) / 2  # under both lines: an unsure answer stays
    model = OfftopicModel({"sort": (1.0, math.log(below / (1 - below)) + 1.0)}, -1.0)
    assert model.declines(question, words, (), level=Confidence.LOW) is None


def test_the_matcher_declines_what_the_model_flags(matcher: Matcher) -> None:
    question = "how does sorting work when I list spaces for a user, does anyone know how it works?"
    flagged = Matcher(matcher.kb)
    flagged.offtopic = OfftopicModel({"sorting": (2.0, 6.0)}, -1.0)
    answer = flagged.answer(question)
    assert answer.kind == AnswerKind.DECLINE and "no scope answers" in answer.why
    named = flagged.answer("is spark:rooms_read the scope for sorting when I list spaces for a user, anyone?")
    assert named.kind != AnswerKind.DECLINE  # a scope asked about is never turned away by the model
    held = flagged.answer("how does sorting work with spark:rooms_read when I list spaces for a user, anyone?")
    assert held.kind == AnswerKind.DECLINE  # the scope the app has is not what the post asks about


def test_a_loosely_matched_post_the_model_reads_as_a_scope_question_gets_a_low_confidence_guess(
        matcher: Matcher) -> None:
    question = ("Will my little app be able to conjure a brand new space for every incident ticket that comes in "
                "overnight?")
    guessing = Matcher(matcher.kb)
    guessing.offtopic = OfftopicModel({"new": (1.0, -5.0)}, -1.0)  # reads clearly as a scope question
    answer = guessing.answer(question)
    assert answer.scopes[:1] == ["spark:rooms_write"] and answer.confidence == Confidence.LOW
    unsure = Matcher(matcher.kb)
    unsure.offtopic = OfftopicModel({"new": (1.0, 0.5)}, -1.0)  # 0.38: not clear enough to guess
    assert unsure.answer(question).kind == AnswerKind.DECLINE
    fairly = OfftopicModel({"new": (1.0, 0.0)}, -1.0)  # 0.27: clear enough for a wide lead only
    asked = matcher.analyse(question)[0]
    assert fairly.asks_for_scopes(asked, 0.12) and not fairly.asks_for_scopes(asked, 0.08)
    short = "space exploration news for a brand new app"  # too short for the model to tell
    assert guessing.answer(short).kind == AnswerKind.DECLINE


def test_a_post_that_asks_what_to_fetch_when_a_webhook_fires_is_never_turned_away_by_the_model(
        matcher: Matcher) -> None:
    # what to fetch when a webhook fires needs the resource's read scope; the model learned webhook
    # posts (ngrok, signatures) as off-topic
    flagged = Matcher(matcher.kb)
    flagged.offtopic = OfftopicModel({"webhook": (1.0, 9.0)}, 0.0)
    for question, scope in (
            ("How do I get the transcript text after the meetingTranscripts webhook fires for my meetings?",
             "meeting:transcripts_read"),
            ("After my messages webhook fires, how do I read the message text? The payload only has the id.",
             "spark:messages_read")):
        assert flagged.offtopic.probability(question) > t.OFFTOPIC_FROM
        assert flagged.answer(question).scopes[:1] == [scope]


def test_a_post_about_how_a_webhook_behaves_is_turned_away_by_the_model(matcher: Matcher) -> None:
    # a webhook named by its resource does not make a question about its delivery a scope question
    flagged = Matcher(matcher.kb)
    flagged.offtopic = OfftopicModel({"firing": (1.0, 9.0), "design": (1.0, 9.0)}, 0.0)
    for question in ("My memberships webhook stopped firing after our server was down for a few minutes, and it "
                     "never came back on its own. Why?",
                     "My messages webhook fired but the payload only has ids, no text. Is that by design?"):
        answer = flagged.answer(question)
        assert answer.kind == AnswerKind.DECLINE and "no scope answers" in answer.why


def test_a_webhook_post_that_asks_no_scope_is_turned_away_by_the_model(matcher: Matcher) -> None:
    # the webhooks topic explains which read scope a webhook needs; it answers nothing about testing locally
    question = "Webex can't reach my laptop to deliver webhooks. What do people use to test them locally?"
    flagged = Matcher(matcher.kb)
    flagged.offtopic = OfftopicModel({"locally": (1.0, 9.0)}, 0.0)
    answer = flagged.answer(question)
    assert answer.kind == AnswerKind.DECLINE and "no scope answers" in answer.why


def test_a_post_that_reads_somewhat_off_topic_gets_no_high_confidence(matcher: Matcher) -> None:
    question = "which scope does my integration need to answer incoming calls for the signed-in user, please?"
    assert matcher.answer(question).confidence == Confidence.HIGH
    between = (t.OFFTOPIC_DOUBT_FROM + t.OFFTOPIC_FROM) / 2  # doubted, but not turned away
    doubting = Matcher(matcher.kb)
    doubting.offtopic = OfftopicModel({"please": (1.0, math.log(between / (1 - between)) + 1.0)}, -1.0)
    answer = doubting.answer(question)
    assert answer.scopes[:1] == ["spark:calls_write"] and answer.confidence == Confidence.MEDIUM
    read = matcher.analyse("answer calls, please")[0]  # too short for the model
    assert doubting.offtopic.doubted(Confidence.HIGH, read) == Confidence.HIGH
    assert doubting.offtopic.doubted(Confidence.LOW, matcher.analyse(question)[0]) == Confidence.LOW


def test_the_same_text_scored_twice_gives_the_same_probability_and_another_text_its_own() -> None:
    model = OfftopicModel({"pagination": (2.0, 6.0), "spaces": (1.0, -1.0)}, -1.0)
    first = model.probability("pagination")
    assert model.probability("pagination") == first
    assert model.probability("spaces") < first and model.probability("pagination") == first


def test_a_short_post_is_turned_away_only_when_it_reads_off_topic_beyond_doubt(matcher: Matcher) -> None:
    for short in ("How do I refresh an access token?", "How do I get a refresh token?"):
        assert len(short.split()) < t.OFFTOPIC_MIN_WORDS
        assert matcher.offtopic.probability(short) >= t.OFFTOPIC_SHORT_FROM
        assert matcher.answer(short).kind == AnswerKind.DECLINE, short
    scope_question = "how long were rooms occupied"  # the shortest posts' highest reading among scope questions
    assert matcher.answer(scope_question).scopes[:1] == ["spark-admin:workspace_metrics_read"]
    pushy = Matcher(matcher.kb)
    pushy.offtopic = OfftopicModel({"occupied": (1.0, 20.0)}, 0.0)  # reads it off-topic beyond doubt
    assert pushy.answer(scope_question).kind == AnswerKind.DECLINE
    assert pushy.answer("rooms occupied").kind != AnswerKind.DECLINE  # fewer words than the model may judge
