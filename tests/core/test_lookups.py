"""A lookup that serves an admin's change: read in the admin form of its scope, alone and in whole answers."""

from __future__ import annotations

import pytest

from bot.core.answer import AnswerKind, Need, Via
from bot.core.matching.calibrate import Signals
from bot.core.matching.lookups import (admin_form, as_the_admin, by_the_admin, looked_up,
                                      with_the_people_listed)


def _need(kb, text: str, scope: str, via: Via = Via.WORDS) -> Need:
    return Need(text, kb.get(scope), via)


@pytest.mark.parametrize("text", ["looking each agent up by email", "we look up each person by email first",
                                  "resolve each actorId to a display name", "find the user by email"])
def test_a_lookup_is_told_in_many_ways(text: str) -> None:
    assert looked_up(text)


@pytest.mark.parametrize("text", ["list the people in the org", "show my profile", "read the call queues"])
def test_reading_for_its_own_sake_is_no_lookup(text: str) -> None:
    assert not looked_up(text)


def test_a_lookup_beside_an_admin_need_takes_the_admin_form_once(kb) -> None:
    needs = [_need(kb, "create three hunt groups", "spark-admin:telephony_config_write"),
             _need(kb, "looking each agent up by email", "spark:people_read"),
             _need(kb, "find the user by email", "spark:people_read")]
    signals = [Signals(Via.WORDS, coverage=1.0)] * 3
    kept, kept_signals = as_the_admin(needs, signals, AnswerKind.PLAN, frozenset(), kb)
    assert [n.scope.name for n in kept] == ["spark-admin:telephony_config_write", "spark-admin:people_read"]
    assert kept[1].alternatives[0].name == "spark:people_read" and len(kept_signals) == 2


def test_no_admin_form_when_a_user_acts_or_no_need_is_the_admins(kb) -> None:
    lookup = _need(kb, "look up the person by email", "spark:people_read")
    admin = _need(kb, "create a hunt group", "spark-admin:telephony_config_write")
    user = _need(kb, "post a message", "spark:messages_write")
    assert not by_the_admin([admin, lookup], frozenset({"user"}))
    assert not by_the_admin([user, lookup], frozenset())
    signals = [Signals(Via.WORDS, coverage=1.0)] * 2
    assert as_the_admin([user, lookup], signals, AnswerKind.PLAN, frozenset(), kb)[0] == [user, lookup]


def test_only_a_read_told_as_a_lookup_from_words_changes_form(kb) -> None:
    assert admin_form(_need(kb, "list the spaces in the org", "spark:rooms_read"), kb).scope.name == "spark:rooms_read"
    assert admin_form(_need(kb, "show my profile", "spark:people_read"), kb).scope.name == "spark:people_read"
    named = _need(kb, "look up people with spark:people_read", "spark:people_read", Via.NAME)
    assert admin_form(named, kb) == named
    write = _need(kb, "find the space and post into it", "spark:messages_write")
    assert admin_form(write, kb) == write


@pytest.mark.parametrize("text", ["list the people in the org", "loop over all users", "for each user"])
def test_listing_all_of_what_only_an_admin_lists_whole_takes_the_admin_form(kb, text: str) -> None:
    assert admin_form(_need(kb, text, "spark:people_read"), kb).scope.name == "spark-admin:people_read"


@pytest.mark.parametrize("text, scope, admin", [
    ("read each user's audio preferences", "meeting:preferences_read", "meeting:admin_preferences_read"),
    ("change every host's scheduling options", "meeting:preferences_write", "meeting:admin_preferences_write"),
    ("the voicemail settings of every user", "spark:people_read", "spark-admin:people_read"),
    ("hold any user's active call", "spark:calls_write", "spark-admin:calls_write"),
    ("move recordings of other users to the recycle bin", "meeting:recordings_write", "meeting:admin_recordings_write"),
])
def test_what_others_hold_takes_the_admin_form_of_either_access(kb, text: str, scope: str, admin: str) -> None:
    changed = admin_form(_need(kb, text, scope), kb)
    assert changed.scope.name == admin and changed.alternatives[0].name == scope


@pytest.mark.parametrize("text", ["register each person for the webinar", "read my own audio preferences"])
def test_whom_a_need_acts_on_is_not_whose_things_it_reads(kb, text: str) -> None:
    assert admin_form(_need(kb, text, "meeting:preferences_write"), kb).scope.name == "meeting:preferences_write"


def test_an_admin_reading_then_changing_every_users_preferences_acts_as_admin(matcher) -> None:
    answer = matcher.answer("As a site admin I read each host's audio preferences, then change them in bulk.")
    assert set(answer.scopes) >= {"meeting:admin_preferences_read", "meeting:admin_preferences_write"}
    assert not {"meeting:preferences_read", "meeting:preferences_write"} & set(answer.scopes)


def test_an_admin_tool_looks_up_people_as_the_admin(matcher) -> None:
    answer = matcher.answer("Admin tool: we create a hunt group in the Berlin location and put agents in it. The agents "
                            "come as emails from a spreadsheet, so we look up each person by email first.")
    assert "spark-admin:telephony_config_write" in answer.scopes and "spark-admin:people_read" in answer.scopes
    assert "spark:people_read" not in answer.scopes


@pytest.mark.parametrize("text, added", [
    ("Full admin. Pull everyone assigned to the Paris location and add them to the Support call queue.", True),
    ("As admin, loop over all people and put them in the right call queue", True),
    ("Admin: list the meetings of every user in the org", False),  # the admin meetings scope lists them whole
    ("My integration goes through all users of the space and posts them a message", False),  # no admin
])
def test_an_admin_going_through_the_orgs_people_reads_them_as_the_admin(matcher, text: str, added: bool) -> None:
    assert ("spark-admin:people_read" in matcher.answer(text).scopes) is added


def test_the_people_read_is_added_once_and_only_to_an_admins_scopes(kb) -> None:
    queue = _need(kb, "add them to the call queue", "spark-admin:telephony_config_write")
    signals = [Signals(Via.WORDS, coverage=1.0)]
    text = "go through all users at the Leeds location and add them to the call queue"
    needs, more = with_the_people_listed([queue], signals, AnswerKind.SCOPE, frozenset(), text, kb)
    assert [n.scope.name for n in needs] == ["spark-admin:telephony_config_write", "spark-admin:people_read"]
    assert len(more) == 2
    assert with_the_people_listed(needs, more, AnswerKind.PLAN, frozenset(), text, kb)[0] == needs
    assert with_the_people_listed([queue], signals, AnswerKind.SCOPE, frozenset({"user"}), text, kb)[0] == [queue]


def test_one_need_of_what_other_users_hold_asked_by_an_admin_takes_the_admin_form(matcher) -> None:
    answer = matcher.answer("move recordings of other users to the recycle bin as admin")
    assert answer.scopes[:1] == ["meeting:admin_recordings_write"]
