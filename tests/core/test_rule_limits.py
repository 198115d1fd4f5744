"""Where the reading rules stop: questions that look like what a rule is for, but are not.

Each case is a counter-example to one rule (documented limits, events, a call said to work,
narrowing clauses, who the asker is, lists of what exists, membership phrases, guidance cues),
so a rule that grows past its purpose fails here."""

from __future__ import annotations

import pytest

from bot.core.answer import AnswerKind
from bot.core.matching.matcher import refused_call
from bot.core.matching.query import build_query
from bot.core.matching.question import read_question
from bot.core.text import words


@pytest.mark.parametrize("question, scope", [
    # a limit or lifetime said beside something to do is still a scope question
    ("read the call history of the whole org and report how long the calls were", "spark-admin:calling_cdr_read"),
    ("download meeting recordings of all users in the org, they expire after 30 days", None),
    # an event told inside a clause that asks to act is part of that need
    ("Read messages in a space; delete messages that got flagged", "spark:messages_write"),
    ("list my meetings and download recordings that were shared", "meeting:schedules_read"),
    # "never worked" and "worked until yesterday" say no call is granted
    ("GET /v1/rooms and DELETE /v1/messages/{messageId} both give 403 - the delete never worked.",
     "spark:messages_write"),
    ("Posting worked until yesterday; now both POST /v1/messages and GET /v1/rooms return 403.",
     "spark:messages_write"),
    # "only" that narrows the set of resources asks for them
    ("I need the meeting recordings and the transcripts only", "meeting:transcripts_read"),
    ("Our app needs to read messages and memberships only", "spark:memberships_read"),
    # what the asker's company does is the topic, not who the asker is
    ("We're a contact center company; which scope reads agent statistics?", None),
    ("会議の画面共有の録画をAPIで取得するには、どのスコープが必要ですか？", "meeting:recordings_read"),
    ("No one is admin except me. Which scope do I need to read the call history records?",
     "spark-admin:calling_cdr_read"),
    # "how many" that counts data is a read; a programming word beside a refusal is a scope question
    ("how many members does each of my spaces have", "spark:memberships_read"),
    ("tally how many licenses our org still has free", "spark-admin:licenses_read"),
    ("our Flask app behind an nginx proxy gets 403 posting to a space", "spark:messages_write"),
    # a scope asked for beside a limit met is still a scope question
    ("GET /v1/rooms returns 429 sometimes; what's the rate limit, and which scope lists the rooms anyway?",
     "spark:rooms_read"),
    ("Listing memberships hits 429 at night. How often can we call it, and what else lets us list the members of "
     "spaces we are not in?", None),
    # counting data, versions and frequencies of things in the org are reads
    ("How many licenses are left per license type? Our service app reports it weekly.", "spark-admin:licenses_read"),
    ("I need the software version each device in our org runs. Which API access?", "spark-admin:devices_read"),
    ("Build a report of how often each agent in our queues answers calls.", None),
    # a trial, a wrap, 'works fine' about one thing, errors to post, admin permissions wanted
    ("We're on a free trial and want to pull every user's meeting recordings nightly. What do I need?", None),
    ("We already have spark:messages_write and posting works fine\nWhat else do I need to list the members of a "
     "space?", "spark:memberships_read"),
    ("I want my alert bot to post errors into a Webex space", "spark:messages_write"),
    ("We want admin permissions so our tool can list every device. Which scope?", "spark-admin:devices_read"),
    # "without X?" asks about X; only a scope ruled out ("can't request", "is out") is set aside
    ("Can my integration read the messages of my spaces without spark:messages_read?", "spark:messages_read"),
    ("We can't use spark-compliance:messages_read even though I'm a full admin; the API returns 403.",
     "spark-compliance:messages_read"),
    # a negated admin in another language is no admin; a portal of the asker's own is no developer portal
    ("Ich möchte die Mitglieder eines Raums auslesen. Welcher Scope? Ich bin kein Admin.", "spark:memberships_read"),
    ("Our app should add meeting links to our portal. Which scope lets it list the user's meetings?",
     "meeting:schedules_read"),
    # a team the post names is a Webex team unless it is a group of the company that speaks
    ("add my colleague to the engineering team", "spark:team_memberships_write"),
    # how a question is shaped ("is there a way", "why can't", "where is", "does the API let") says nothing of
    # whether it asks for access: these are scope questions
    ("Is there a way for my app to list all spaces I'm in?", "spark:rooms_read"),
    ("Why can't my integration see the recordings of my meetings?", "meeting:recordings_read"),
    ("Where is the list of our locations and their addresses in the API?", "spark-admin:locations_read"),
    ("Does the API let my tool schedule meetings for me?", "meeting:schedules_write"),
    ("```python\nrooms = api.rooms.list()\n```\nWhy does this print nothing with my integration token?",
     "spark:rooms_read"),
    # another product's scope named to compare, or on the other side of a bridge, beside a Webex need
    ("What's the Webex equivalent of the Slack chat:write scope? My integration needs to post messages into spaces.",
     "spark:messages_write"),
    ("Does Webex have granular scopes like Zoom? I only want my integration to read the user's meeting recordings.",
     "meeting:recordings_read"),
    # a behaviour question about data that comes back missing or empty reports a refusal
    ("Why are the recordings of my meetings missing from the API response?", "meeting:recordings_read"),
    ("What am I doing wrong? My integration can't list the call history for the whole org.",
     "spark-admin:calling_cdr_read"),
    ("Is this by design? My integration can't add members to a team I don't own.", "spark:team_memberships_write"),
])
def test_a_look_alike_is_still_answered(matcher, question: str, scope: str | None) -> None:
    answer = matcher.answer(question)
    assert answer.answered and (scope is None or scope in answer.scopes)


def test_a_call_said_to_work_is_matched_by_its_path_not_only_its_method(matcher) -> None:
    assert matcher.answer("GET /v1/rooms works but GET /v1/messages?roomId=abc returns 403").scopes == [
        "spark:messages_read"]


def test_a_list_of_what_already_works_states_no_need(matcher) -> None:
    answer = matcher.answer(
        "What we already have working today, built over two years by a team of three people in Berlin:\n"
        "- reading the call history\n- listing the people\n"
        "Now the app should also delete messages in any space of the org as the compliance officer. "
        "Which scope is missing here?")
    assert answer.scopes[:1] == ["spark-compliance:messages_write"] and "spark:calls_read" not in answer.scopes


def test_a_service_app_built_is_still_a_service_app(matcher) -> None:
    query = build_query("We want to build a service app that lists all users in our org", matcher.index)
    assert "service-app" in query.audiences


def test_chatgpt_is_no_chat() -> None:
    assert words("ChatGPT says I need it") == ["chatgpt", "says", "i", "need", "it"]


def test_people_who_posted_into_a_space_are_no_membership() -> None:
    assert "membership" not in words("remove the messages of users who posted links into the space")


@pytest.mark.parametrize("question, topic", [
    ("New hires don't have a Webex account yet; our admin script should create their accounts", "guest-issuer"),
    ("I'm not a member of the team yet - which scope lets my integration add me to it?", "compliance-role"),
    ("Each recording is tied to a person; which scope lists my own recordings?", "service-apps"),
])
def test_a_cue_look_alike_raises_no_topic(matcher, question: str, topic: str) -> None:
    assert topic not in matcher.answer(question).guidance


def test_a_limit_asked_about_a_named_call_is_declined(matcher) -> None:
    assert not matcher.answer("what is the max length of the text in POST /v1/messages? long posts get rejected").answered


@pytest.mark.parametrize("question, scope", [
    # one guess checked is a question about that scope; only conflicting guesses give way to the need
    ("ChatGPT says I need spark:rooms_read to list my spaces. correct?", "spark:rooms_read"),
    ("my teammate thinks spark:messages_write is needed to post messages, is he right?", "spark:messages_write"),
    # writes lead only when nothing is refused: the refused lookup stays first
    ("GET /v1/rooms returns 403. We also call POST /v1/messages. What scope is missing?", "spark:rooms_read"),
    # the call the scopes are compared for is the asking sentence's, not any call in the post
    ("GET /v1/rooms already works. spark:messages_read vs spark:messages_write, which one to send messages?",
     "spark:messages_write"),
    ("quero ver quem está ligando para mim no webex calling, qual escopo?", "spark:calls_read"),
])
def test_the_first_answer_keeps_what_the_question_says(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


def test_a_webhook_talked_about_but_not_created_is_no_webhook_call(matcher) -> None:
    answer = matcher.answer("Our webhook with resource all floods us with events, how do I filter to one room?")
    assert not any(c.call.startswith("POST /v1/webhooks") for c in answer.calls)
    assert len(answer.scopes) < 3  # no firehose of three read scopes


def test_a_pasted_webhook_with_another_resource_than_the_one_told_is_kept(matcher) -> None:
    answer = matcher.answer('We register a webhook with resource "messages" already. Now: api.webhooks.create('
                            'name="m", targetUrl=u, resource="memberships", event="created") - which scope?')
    assert "spark:memberships_read" in answer.scopes


@pytest.mark.parametrize("code", ['requests.post(WEBHOOK_URL, json={"text": f"{name}/messages"})',
                                  'session.get(GITHUB_API + "/teams")'])
def test_a_path_only_in_a_body_or_after_another_base_is_no_sure_call(matcher, code: str) -> None:
    assert matcher.answer(code).confidence != "high"


def test_a_service_app_substitution_needs_an_action_not_a_placeholder(matcher) -> None:
    assert "spark-admin:calls_read" not in matcher.answer(
        "Our Service App calls /telephony/calls/dial and gets 403. What's going on?").scopes


def test_a_negation_that_is_not_about_using_apis_keeps_the_question(matcher) -> None:
    answer = matcher.answer("Since the update the desktop app does not show our bot's messages anymore. What's wrong?")
    assert "bots" in answer.guidance


def test_an_emoji_inside_a_sentence_does_not_end_it() -> None:
    from bot.core.matching.normalise import normalise
    assert len(normalise("my bot should post a ✅ message when the build passes").sentences) == 1


def test_two_weak_clauses_are_no_read_write_pair_on_one_everyday_word(matcher) -> None:
    # "work" is a word of several scopes' descriptions; a read and a write of it are no twin needs
    answer = matcher.answer("What scopes does our ticket tool need? read:acme-work + write:acme-work?")
    assert not any(s.startswith("spark-admin:broadworks") for s in answer.scopes)


@pytest.mark.parametrize("question, scopes", [
    # a path written without a method takes another clause's method only when that clause acts on it
    ("hi, I am trying to list rooms via /v1/rooms, but have some issues, can someone help me out?",
     ["spark:rooms_read"]),
    ("we hit /v1/rooms to list the user's spaces; I've read the docs but can't make it work, 403 every time",
     ["spark:rooms_read"]),
    ("The integration hits /v1/people/me to get the user id and then posts a message as them",  # a GET; the
     ["spark:messages_write", "spark:people_read"]),  # message posted is a need of its own
    # breadcrumbs are no steps, and a sign-in is an event, not a need
    ("Control Hub -> Calling -> Features -> Call Queue: I want to read the same data via API",
     ["spark-admin:telephony_config_read"]),
    ("Flow -> user signs in -> we fetch their profile -> we show their avatar. Which scopes?", ["spark:people_read"]),
])
def test_rules_for_one_path_and_for_steps_stop_where_they_should(matcher, question: str, scopes: list[str]) -> None:
    assert matcher.answer(question).scopes == scopes


def test_a_role_explanation_leads_only_when_the_answer_needs_that_role(matcher) -> None:
    answer = matcher.answer("I'm not an admin, just a normal host. Which scope reads my own meeting preferences?")
    assert answer.kind == AnswerKind.SCOPE and "admin-role" in answer.guidance


def test_a_platform_fact_beside_a_named_scope_is_still_a_scope_question(matcher) -> None:
    answer = matcher.answer("do refresh tokens rotate on every use, and does our integration need "
                            "spark:applications_token for that?")
    assert answer.answered


def test_user_level_says_who_acts_not_which_resource(matcher) -> None:
    # "level" is a word of the old places scopes' text; "user-level" is who acts
    answer = matcher.answer("after my meetings I want the AI meeting summary pushed to our wiki. user-level oauth, "
                            "just my meetings. scopes?")
    assert answer.scopes == ["meeting:summaries_read"]


@pytest.mark.parametrize("question, scopes", [
    # an error said in words is no working call, and a scope asked about is not one the app has
    ("GET /v1/people/me works. GET /v1/rooms returns a Forbidden error. which scope?", ["spark:rooms_read"]),
    ("POST /v1/messages and GET /v1/memberships both give 403 - do I need spark:memberships_read?",
     ["spark:messages_write", "spark:memberships_read"]),
    # numbered setup steps that open a post are history, not needs; steps after arrows may be in capitals
    ("1. Create integration in developer portal 2. Select scopes and copy the client id 3. Users authorize and we "
     "store the refresh token. Now we want to read each user's call history. What scope do we need?",
     ["spark:calls_read"]),
])
def test_second_review_counter_examples(matcher, question: str, scopes: list[str]) -> None:
    assert matcher.answer(question).scopes == scopes


def test_steps_after_arrows_may_be_in_capitals(matcher) -> None:
    answer = matcher.answer("Get rooms -> Get messages -> Delete flagged ones. which scopes?")
    assert sorted(answer.scopes) == ["spark:messages_read", "spark:messages_write", "spark:rooms_read"]

def test_rooms_the_asker_is_not_in_are_the_compliance_role_too(matcher) -> None:
    assert "compliance-role" in matcher.answer("I need to read messages in rooms that I am not a member of, "
                                               "which scope?").guidance


def test_the_twins_offered_respect_read_only_and_who_acts(matcher) -> None:
    answer = matcher.answer("read-only please, I am not an admin: list my meeting recordings older than a year")
    assert not {"meeting:recordings_write", "meeting:admin_recordings_read"} & set(answer.alternatives)


@pytest.mark.parametrize("question, wrong", [
    ("We're trying to resolve an issue where our app can't change the user's call forwarding settings.",
     "spark:telephony_config_read"),  # "resolve" reads only ids or names
    ("List the members of each team and then message them one by one.", "spark:messages_read"),
])
def test_narrowed_rules_leave_these_readings_alone(matcher, question: str, wrong: str) -> None:
    assert wrong not in matcher.answer(question).scopes[:1]


def test_a_desk_phone_in_an_api_question_is_no_app_usage(matcher) -> None:
    answer = matcher.answer("Our app should pick up the incoming call on the user's desk phone automatically.")
    assert answer.scopes[:1] == ["spark:calls_write"]


def test_invitees_who_are_not_webex_users_are_no_guest_issuer_question(matcher) -> None:
    answer = matcher.answer("Some people we invite are not Webex users. Will meeting:schedules_write let me add "
                            "them as invitees by email?")
    assert "guest-issuer" not in answer.guidance


@pytest.mark.parametrize("question, scope", [
    ("Welcher Scope erlaubt es, die Anrufhistorie des Nutzers auszulesen?", "spark:calls_read"),
    ("Welche Berechtigung brauche ich, um einen Webhook für neue Nachrichten anzulegen?", "spark:messages_read"),
])
def test_german_words_for_call_history_and_for_new(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


@pytest.mark.parametrize("question, refused", [
    ("Our tool has spark-compliance:events_read, yet GET /v1/events returns 403.", True),
    ("Token has spark:recordings_read and GET /v1/convergedRecordings?ownerEmail=x@acme.com returns 403.", False),
    ("We have spark-admin:people_read; GET /v1/people works but GET /v1/licenses returns 403.", True),
])
def test_only_a_scope_that_needs_a_role_can_be_refused_for_the_role(matcher, question: str, refused: bool) -> None:
    read = read_question(question, matcher.index, matcher.guidance)
    assert refused_call(read, matcher.index) is refused


@pytest.mark.parametrize("question", [
    "I work at a partner. want to list the customer orgs we manage + their ids so a script can loop over them. "
    "what do I need on the token?",
    "Is there any way to change another user's call forwarding from a script? I'm a full admin. What scope does "
    "the token need?",
])
def test_the_apps_token_is_no_question_about_the_authorizations_api(matcher, question: str) -> None:
    assert not any(s.startswith("identity:tokens") for s in matcher.answer(question).scopes)


@pytest.mark.parametrize("question, scope", [
    ("As admin, revoke the tokens of a user who left the company.", "identity:tokens_write"),
    ("List the authorizations a user has granted to apps.", "identity:tokens_read"),
])
def test_tokens_revoked_or_listed_are_the_authorizations_api(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[0] == scope


@pytest.mark.parametrize("question, scope", [
    ("Which scope lets me delete a user's OAuth tokens for a specific client id?", "identity:tokens_write"),
    ("Is there a scope for creating page groups in Webex Calling?", "spark-admin:telephony_config_write"),
    ("How do I resolve a phone number to the Webex user who owns it?", "spark-admin:telephony_config_read"),
])
def test_words_these_rules_set_aside_still_count_here(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[0] == scope


def test_a_trailing_for_us_is_no_object_of_the_verbless_part(matcher) -> None:
    assert "spark:devices_write" in matcher.answer("We delete the workspace and then its devices for us.").scopes


def test_a_retry_beside_access_denied_is_a_permission_question(matcher) -> None:
    answer = matcher.answer('Reading the workspaces of the org gives "access denied". Retry with the admin account or '
                            'request something else?')
    assert answer.answered
