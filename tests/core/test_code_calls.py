"""Pasted code read call by call: one row per API call, mapped to METHOD + path and scopes, the
calls that cannot be mapped listed as such, and code that calls no API left out."""

from __future__ import annotations

import pytest

from bot.core.answer import Confidence
from bot.core.matching import Matcher
from bot.core.matching.calls import webhook_mentions
from bot.core.matching.evidence import working_calls

PYTHON = """
```python
for room in api.rooms.list():
    api.messages.create(roomId=room.id, markdown="hi")
api.memberships.create(roomId=room_id, personEmail="a@example.com")
token = os.environ.get("WEBEX_TOKEN")
```"""
JS = """webex.rooms.create({title: 'ops'}).then(room => webex.messages.create({roomId: room.id, text: 'x'}))"""
CURL = """curl -X PUT https://webexapis.com/v1/rooms/Y2lzY29zcGFyazovL3VzL1JPT00vMTIz -d '{"title":"x"}'
curl https://webexapis.com/v1/people/me"""
WXC = "api.telephony.calls.dial(destination='+15551234')\napi.telephony.calls.hangup(call_id=c)"


def rows(matcher: Matcher, text: str) -> list[tuple]:
    return [(c.method, c.path, c.scopes) for c in matcher.answer(text).calls]


def test_python_sdk_calls_in_order_with_their_scopes(matcher: Matcher) -> None:
    assert rows(matcher, PYTHON) == [
        ("GET", "/v1/rooms", ("spark:rooms_read",)),
        ("POST", "/v1/messages", ("spark:messages_write",)),
        ("POST", "/v1/memberships", ("spark:memberships_write",)),
    ]  # os.environ.get is code, not an API call


def test_js_sdk_and_curl_calls(matcher: Matcher) -> None:
    assert rows(matcher, JS) == [("POST", "/v1/rooms", ("spark:rooms_write",)),
                                 ("POST", "/v1/messages", ("spark:messages_write",))]
    assert rows(matcher, CURL) == [("PUT", "/v1/rooms/{roomId}", ("spark:rooms_write",)),
                                   ("GET", "/v1/people/me", ("spark:people_read",))]


def test_sdk_chains_of_several_resources_read_as_their_documented_path(matcher: Matcher) -> None:
    assert rows(matcher, WXC) == [("POST", "/v1/telephony/calls/dial", ("spark:calls_write",)),
                                  ("POST", "/v1/telephony/calls/hangup", ("spark:calls_write",))]


@pytest.mark.parametrize("code", ["api.telephony.huntgroup.update(location_id=loc, huntgroup_id=hg, update=hg)",
                                  "api.telephony.callqueue.create(location_id=loc, settings=queue)"])
def test_an_sdk_chain_that_writes_one_word_for_two_reads_as_both(matcher: Matcher, code: str) -> None:
    assert matcher.answer(code + " returns 403. Which scope?").scopes[:1] == ["spark-admin:telephony_config_write"]


def test_a_call_that_needs_a_second_scope_lists_both(matcher: Matcher) -> None:
    found = matcher.answer("curl -X POST https://webexapis.com/v1/people -d '{}'").calls
    assert found[0].scopes[0] == "spark-admin:people_write" and "spark-admin:people_read" in found[0].scopes


@pytest.mark.parametrize("text", ["webex.widgets.frobnicate()", "curl -X POST https://webexapis.com/v1/nothingHere/x"])
def test_unmapped_calls_are_listed_not_dropped(matcher: Matcher, text: str) -> None:
    answer = matcher.answer("this fails:\n" + text + "\napi.rooms.list()")
    unmapped = [c for c in answer.calls if not c.mapped]
    assert len(answer.calls) == 2 and len(unmapped) == 1 and unmapped[0].scopes == ()


def test_a_call_on_the_client_inside_another_calls_arguments_is_a_call(matcher: Matcher) -> None:
    nested = "await Promise.all(members.map(e => webex.memberships.create({roomId: room.id, personEmail: e})));"
    assert ("POST", "/v1/memberships", ("spark:memberships_write",)) in rows(matcher, nested)
    plain = matcher.answer("api.memberships.create(roomId=rid, personEmail=user.email.lower())")
    assert plain.scopes == ["spark:memberships_write"] and len(plain.calls) == 1  # user.email.lower is no API


def test_a_name_in_code_is_read_as_written(matcher: Matcher) -> None:
    code = "```python\nfor e in api.admin_audit.list_events(org_id=org):\n    row = e.to_dict()\n```"
    assert matcher.answer(code).scopes == ["audit:events_read"]  # to_dict is no DECT device
    respelled = matcher.answer("api.telephony.prem_pstn.dial_plan.list()")  # "prem" needs respelling; the rest not
    assert respelled.scopes[:1] == ["spark-admin:telephony_config_read"]


def test_calls_are_in_ask_json_and_the_answer_scopes_cover_them(matcher: Matcher) -> None:
    answer = matcher.answer(PYTHON)
    data = answer.to_json()
    assert [set(c) for c in data["calls"]] == [{"call", "method", "path", "scopes", "host"}] * 3
    assert {s for c in answer.calls for s in c.scopes} <= set(answer.scopes)


def test_a_question_without_code_has_no_calls(matcher: Matcher) -> None:
    assert matcher.answer("what scope do I need to answer calls").calls == ()


def test_the_reply_lists_every_call_in_card_and_markdown(handler) -> None:
    reply = handler.handle_text(PYTHON + "\nwebex.widgets.frobnicate()")
    assert "API calls found: 4 (3 mapped)" in reply.markdown and "Not mapped" in reply.markdown
    assert "API calls found: 4 (3 mapped)" in str(reply.card) and "POST /v1/memberships" in str(reply.card)


def test_a_resource_named_like_a_client_is_still_the_resource(matcher: Matcher) -> None:
    code = "team = api.teams.create(name='x')\nteams.rooms.list()"  # 'teams' was also the old SDK's client
    assert rows(matcher, code) == [("POST", "/v1/teams", ("spark:teams_write",)),
                                   ("GET", "/v1/rooms", ("spark:rooms_read",))]


def test_a_url_without_its_method_takes_the_one_the_prose_asks_for(matcher: Matcher) -> None:
    assert matcher.answer("https://webexapis.com/v1/rooms/abc - I want to rename it").scopes[0] == "spark:rooms_write"
    assert matcher.answer("we call /v1/people to create users in our org").scopes[0] == "spark-admin:people_write"
    assert matcher.answer("what does https://webexapis.com/v1/rooms need").scopes[0] == "spark:rooms_read"


def test_contact_center_urls_are_webex_apis_not_noise(matcher: Matcher) -> None:
    answer = matcher.answer("GET https://api.wxcc-us1.cisco.com/v1/event-types?max=100")
    assert answer.scopes == ["cjp:config_read"] and answer.calls[0].host == "api.wxcc-us1.cisco.com"


def test_who_the_prose_says_acts_applies_to_calls_read_from_their_words(matcher: Matcher) -> None:
    code = "admin token, changing another user's settings:\napi.person_settings.forwarding.configure(person_id=p)"
    assert matcher.answer(code).calls[0].scopes[0].startswith("spark-admin:")


@pytest.mark.parametrize("question, scope", [
    ("My app calls /v1/telephony/calls/answer and gets a 403 back. Which scope am I missing?", "spark:calls_write"),
    ("We hit /v1/rooms and it returns 401 every time. Scope?", "spark:rooms_read"),
])
def test_a_status_a_call_got_back_asks_for_no_method(matcher: Matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]  # "gets a 403" is no GET, "returns 401" no method


def test_an_undocumented_path_is_read_from_its_words_with_the_method_the_prose_asks(matcher: Matcher) -> None:
    answer = matcher.answer("we sync from our HR system to /identity/scim/.../Users to create users; which scope?")
    assert answer.scopes[0] == "identity:people_rw"


def test_each_url_takes_the_method_of_its_own_clause(matcher: Matcher) -> None:
    assert rows(matcher, "list /v1/rooms and create /v1/messages") == [
        ("GET", "/v1/rooms", ("spark:rooms_read",)), ("POST", "/v1/messages", ("spark:messages_write",))]


def test_only_webex_hosts_are_api_calls(matcher: Matcher) -> None:
    answer = matcher.answer("curl https://evilwebex.com/v1/rooms\ncurl https://api.example.com/v1/rooms")
    assert answer.calls == ()


def test_a_path_the_prose_sets_aside_is_no_evidence(matcher: Matcher) -> None:
    answer = matcher.answer("we use the SCIM 2 endpoints instead of /v1/people to create users; which scope?")
    assert answer.calls == () and not answer.scopes[0].startswith("spark-admin:people")


def test_a_method_the_path_does_not_document_sends_it_to_its_words(matcher: Matcher) -> None:
    answer = matcher.answer("each employee edits their own calling settings through /v1/telephony/config/people/me")
    assert answer.scopes[0] == "spark:telephony_config_write"


@pytest.mark.parametrize("plain, unsure", [
    # a user's endpoint in a question that says a service app acts for anyone
    ("POST /v1/telephony/calls/answer",
     "our service app should answer calls for any user in the org with POST /v1/telephony/calls/answer"),
    # a call beside prose that asks for more than it gives
    ("my integration lists the user's spaces with GET /v1/rooms",
     "my integration lists the user's spaces with GET /v1/rooms and then posts a welcome message into each of them"),
])
def test_a_call_is_sure_alone_and_not_sure_in_these_contexts(matcher: Matcher, plain: str, unsure: str) -> None:
    assert matcher.answer(plain).confidence == "high"
    assert matcher.answer(unsure).confidence != "high"


def test_a_call_read_from_its_words_is_not_sure(matcher: Matcher) -> None:
    # a webhook resource the knowledge base does not know ("telephony_calls" is known now)
    answer = matcher.answer('curl -X POST https://webexapis.com/v1/webhooks -d \'{"resource":"whiteboards"}\' '
                            'returns 403. Which scope does the token need to register this webhook?')
    assert answer.confidence != "high"


def test_a_refused_call_beside_the_scope_the_app_has_is_not_a_question_about_that_scope(matcher: Matcher) -> None:
    answer = matcher.answer("our tool calls POST /v1/devices/activationCode with the workspaceId. The activation "
                            "code call 403s with a token that has spark-admin:devices_read. What does it need?")
    assert answer.kind != "unlocks" and "spark-admin:devices_write" in answer.scopes



@pytest.mark.parametrize("question, scope", [
    ("which scope lets me register a webhook on the meetingTranscripts resource for my meetings?",
     "meeting:transcripts_read"),
    ("we want a memberships:created webhook for the spaces I am in", "spark:memberships_read"),
    ("as the org admin I am creating an org-wide recordings webhook", "meeting:admin_recordings_read"),
    ("Webhook that fires when one of the user's meetings ends: what scope is needed to register it?",
     "meeting:schedules_read"),
    ("I want a webhook for any of my recordings, which scope do I register it with?", "meeting:recordings_read"),
    ('We register a webhook with resource "meetings" and event "ended" for the user\'s own meetings. Scope?',
     "meeting:schedules_read"),
    ("which scope to create a webhook for new memberships", "spark:memberships_read"),
    ("what do I need for a webhook on new spaces of the signed-in user?", "spark:rooms_read"),
    ("Quel scope pour créer un webhook sur les nouveaux messages ?", "spark:messages_read"),
])
def test_a_webhook_named_by_the_resource_it_watches_needs_that_resources_read_scope(matcher, question, scope) -> None:
    assert matcher.answer(question).scopes[0] == scope


def test_new_spaces_created_are_no_webhook_for_new_spaces(matcher) -> None:
    answer = matcher.answer("create new spaces for each project and a webhook for new messages in them")
    assert {"spark:rooms_write", "spark:messages_read"} <= set(answer.scopes)
    assert "spark:rooms_read" not in answer.scopes


def test_an_admin_token_says_who_acts_and_asks_for_no_token_scope(matcher) -> None:
    answer = matcher.answer("list all workspaces in our org. Admin token.")
    assert answer.scopes == ["spark-admin:workspaces_read"]


@pytest.mark.parametrize("question", ["how do I delete my old messages webhook",
                                      "Which scope do I need to list the webhooks on messages?"])
def test_a_webhook_named_but_not_created_is_no_create_call(matcher, question) -> None:
    assert not any(c.call.startswith("POST /v1/webhooks") for c in matcher.answer(question).calls)


def test_a_webhook_body_in_a_code_block_names_the_resource(matcher) -> None:
    question = 'We POST to /v1/webhooks:\n```\n{"resource": "meetings", "event": "ended"}\n```\nwhich scope?'
    assert matcher.answer(question).scopes[0] == "meeting:schedules_read"


@pytest.mark.parametrize("question", [
    "```python\nfor m in api.messages.list(roomId=room_id):\n    api.messages.delete(m.id)\n```\n"
    "listing works fine, the delete line blows up with 403. what am I missing?",
    "GET /v1/messages?roomId=abc works but DELETE /v1/messages/{messageId} returns 403. Which scope?",
    "```python\nfor m in api.messages.list(roomId=room_id):\n    api.messages.delete(m.id)\n```\n"
    "the list part works, deleting gets a 403.",
])
def test_a_call_said_to_work_beside_a_refused_one_is_already_granted(matcher, question) -> None:
    assert matcher.answer(question).scopes == ["spark:messages_write"]


def test_a_verb_with_its_object_or_a_part_named_by_its_verb_is_said_to_work(matcher) -> None:
    def works(text: str) -> set:
        return working_calls(text, matcher.index)
    assert ("POST", None) in works("Creating normal scheduled meetings already works.")
    assert ("GET", None) in works("The read part works already")
    assert not works("creating it worked until yesterday") and not works("getting a 403 although the rest works")
    assert not works("creating meetings for other users never works")  # the words between may not negate
    assert not works("getting forbidden errors when everything else works")
    assert not works("everything except the delete call works") and not works("all but the delete works")
    assert ("", "details") in works("the update fails with 403, the details call right before it works fine")


def test_a_working_call_alone_is_still_answered(matcher) -> None:
    assert matcher.answer("GET /v1/rooms works, but then we get a 403 later. Scope?").scopes == ["spark:rooms_read"]


def test_two_webhooks_told_by_their_resources_are_two_calls(matcher) -> None:
    answer = matcher.answer("Two webhooks: meeting ended (resource meetings) and participant joined (resource "
                            "meetingParticipants), both for my own meetings. Scopes?")
    assert answer.scopes == ["meeting:schedules_read", "meeting:participants_read"]


def test_of_several_calls_the_one_that_changes_something_leads(matcher) -> None:
    answer = matcher.answer("Our tool lists the rooms with GET /v1/rooms and then posts into each with "
                            "POST /v1/messages. Which scopes?")
    assert answer.scopes == ["spark:messages_write", "spark:rooms_read"]


@pytest.mark.parametrize("question", [
    "scopes for a firehose webhook, resource=all and event=all?",
    "curl -X POST https://webexapis.com/v1/webhooks -d '{\"resource\":\"all\",\"event\":\"all\",\"targetUrl\":\"https://x\"}'",
])
def test_a_firehose_webhook_needs_the_read_scope_of_each_resource_it_watches(matcher, question) -> None:
    assert set(matcher.answer(question).scopes) == {"spark:messages_read", "spark:memberships_read", "spark:rooms_read"}


def test_a_webhook_for_all_messages_watches_messages(matcher) -> None:
    assert matcher.answer("a webhook for all messages in my spaces").scopes == ["spark:messages_read"]


def test_a_service_app_making_a_users_call_control_request_gets_the_members_form(matcher) -> None:
    answer = matcher.answer("our service app calls POST /v1/telephony/calls/answer for users in the org")
    assert answer.scopes == ["spark-admin:calls_write"] and "spark:calls_write" in answer.alternatives
    assert answer.needs[0].evidence == ("POST /v1/telephony/calls/members/{memberId}/answer",)
    assert "service-apps" in answer.guidance  # which says service apps use Call Controls Members
    assert matcher.answer("POST /v1/telephony/calls/answer").scopes == ["spark:calls_write"]


@pytest.mark.parametrize("code, scope", [
    ('requests.put(f"{BASE}/messages/{mid}", json={"markdown": fixed}, headers=h)', "spark:messages_write"),
    ('r = session.get(BASE + "/rooms", headers=h)', "spark:rooms_read"),
])
def test_an_http_client_call_on_a_base_url_variable_is_read_by_its_path(matcher, code, scope) -> None:
    assert matcher.answer(code).scopes == [scope]


@pytest.mark.parametrize("question, scopes", [
    ("Our intranet page uses the /v1/telephony/config/people/me endpoints: it shows the user's do not disturb "
     "state and lets them edit it. Which scopes?", {"spark:telephony_config_read", "spark:telephony_config_write"}),
    # a clause that says what is not done asks for no method
    ("/v1/telephony/config/people/me/settings/doNotDisturb: my page only shows it, never edits it. Which scope?",
     {"spark:telephony_config_read"}),
])
def test_one_path_written_without_a_method_takes_every_method_the_post_asks_for(matcher, question, scopes) -> None:
    assert set(matcher.answer(question).scopes) == scopes


def test_a_slash_command_is_no_api_path(matcher) -> None:
    # "/poll" names no documented path: the words around it tell the need
    answer = matcher.answer("our users type /poll in the space and our app posts a card with the poll as them. scope?")
    assert "spark:messages_write" in answer.scopes and not any("compliance" in s for s in answer.scopes)
    assert matcher.answer("call /rooms to list my spaces").scopes == ["spark:rooms_read"]  # a bare API path stays one


@pytest.mark.parametrize("question, scopes", [
    # a call that returns its data works; one that returns an error code does not
    ("GET /v1/rooms returns my spaces, but POST /v1/messages gives 403. which scope?", ["spark:messages_write"]),
    ("GET /v1/rooms returns 403 and POST /v1/messages gives 403 too. which scopes?",
     ["spark:rooms_read", "spark:messages_write"]),
    # beside a refusal, a call the scopes the app has already grant is not what fails
    ("our app has spark:memberships_read and spark:rooms_write.\n\n    api.memberships.list(roomId=rid)\n"
     "    api.messages.create(roomId=rid, text=\"hi\")\n\nwebexpythonsdk.exceptions.ApiError: [403] Forbidden\n\n"
     "which scope is missing?", ["spark:messages_write"]),
])
def test_calls_that_work_or_are_granted_are_not_what_is_missing(matcher, question: str, scopes: list[str]) -> None:
    assert matcher.answer(question).scopes == scopes


def test_calls_that_leave_out_a_need_told_in_a_plan_sentence_are_not_sure(matcher: Matcher) -> None:
    post = ("Little helper for my own account, nobody else uses it. Whenever someone sends me a direct message I want "
            "an automatic answer. My plan is a webhook on messages/created, a GET of the message to read its text, "
            "and a short reply posted back into the same 1:1 space. Which scopes?")  # the reply is no call
    answer = matcher.answer(post)
    assert "spark:messages_read" in answer.scopes and answer.confidence != "high"


@pytest.mark.parametrize("question, scope", [
    ("What does the integration need so it can create a webhook that fires when someone is added to one of "
     "the user's spaces?", "spark:memberships_read"),
    ("Which scope for a webhook that fires on new messages in the spaces the user belongs to?", "spark:messages_read"),
    ("I'd like a webhook when the user's phone rings so our CRM can pop the caller. Scope?", "spark:calls_read"),
    ("We'd like a notification when any of the user's own meetings starts or ends. Which scope is needed to "
     "create that webhook?", "meeting:schedules_read"),
    ("webhook for people joining my meetings", "meeting:participants_read"),
])
def test_a_webhook_told_by_the_event_it_watches_needs_that_resources_read_scope(matcher, question, scope) -> None:
    assert matcher.answer(question).scopes[0] == scope


def test_a_membership_event_told_of_spaces_named_before_is_watched(matcher) -> None:
    answer = matcher.answer("I want a webhook when anyone posts in my spaces, and also when someone is added to or "
                            "removed from one of them")
    assert {"spark:messages_read", "spark:memberships_read"} <= set(answer.scopes)


def test_a_webhook_told_by_its_event_stands_beside_the_other_needs_of_the_post(matcher) -> None:
    answer = matcher.answer("When one of my meetings ends I want a webhook to fire. Then the app downloads "
                            "the transcript and posts it into our team space.")
    assert answer.scopes[0] == "meeting:schedules_read"
    assert {"meeting:transcripts_read", "spark:messages_write"} <= set(answer.scopes)


def test_a_webhook_the_app_has_already_is_no_need(matcher) -> None:
    question = ("I've set up a webhook for new messages and it works. How do I check that a POST really "
                "comes from Webex?")
    assert not any(c.call.startswith("POST /v1/webhooks") for c in matcher.answer(question).calls)


def test_a_call_whose_scope_the_app_has_needs_the_scope_that_goes_with_it(matcher) -> None:
    answer = matcher.answer("POST /v1/telephony/config/virtualExtensions returns 403 although my full admin "
                            "token has spark-admin:telephony_config_write. What's missing?")
    assert answer.scopes == ["identity:contacts_rw", "spark-admin:telephony_config_write"]


def test_a_call_refused_to_a_person_without_the_role_keeps_its_scope(matcher) -> None:
    answer = matcher.answer("I added spark-admin:people_write to my integration, a regular employee authorized "
                            "it, and POST /v1/people still gives 403. Why?")
    assert answer.scopes[:1] == ["spark-admin:people_write"] and "admin-role" in answer.guidance


def test_a_webhook_told_by_its_event_is_read_from_words_and_never_sure(matcher) -> None:
    answer = matcher.answer("Which scope for a webhook that fires on new messages in the spaces the user belongs to?")
    assert answer.scopes[:1] == ["spark:messages_read"] and answer.confidence != Confidence.HIGH


@pytest.mark.parametrize("question, scope", [
    ("I need a webhook when a file is added to a space", "spark:messages_read"),  # a file is posted as a message
    ("Can I receive a webhook when a converged recording is ready?", "spark:recordings_read"),
    ("I want a webhook when a new call comes in to our Contact Center queue", "cjp:config_read"),
    ("Without a webhook, how do I get the recordings after each meeting ends?", "meeting:recordings_read"),
])
def test_an_event_is_read_as_its_own_resource_and_a_webhook_set_aside_is_none(matcher, question, scope) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


@pytest.mark.parametrize("prose, resource", [
    ("Our helper gets a webhook every time a message lands in the standup space.", "messages"),
    ("We want a webhook when a meeting transcript becomes available.", "meetingTranscripts"),
])
def test_a_webhook_the_app_gets_is_told_by_the_event_it_watches(kb, prose: str, resource: str) -> None:
    calls = webhook_mentions(prose, prose, kb.vocabulary.webhook_resources, kb.vocabulary.webhook_firehose)
    assert [c.endpoint.text for c in calls if c.endpoint] == [resource]


def test_a_pasted_webhook_body_alone_is_a_webhook_on_its_resource(kb) -> None:
    message = ('Registering the webhook {"name":"added","targetUrl":"https://hooks.example.io/wx",'
               '"resource":"memberships","event":"created"} gives 403. Scopes?')
    calls = webhook_mentions("Registering the webhook gives 403. Scopes?", message, kb.vocabulary.webhook_resources)
    assert [c.endpoint.text for c in calls if c.endpoint] == ["memberships"]


def test_a_webhook_named_between_japanese_words_is_found(kb) -> None:
    prose = "メンバーシップの作成イベント（resource=memberships, event=created）のWebhookを登録したいです。"
    calls = webhook_mentions(prose, prose, kb.vocabulary.webhook_resources, kb.vocabulary.webhook_firehose)
    assert [c.endpoint.text for c in calls if c.endpoint] == ["memberships"]


def test_an_event_name_creates_no_webhook(kb) -> None:
    prose = "The webhook side is done (messages:created arrives fine). Next we reply in the space."
    assert webhook_mentions(prose, prose, kb.vocabulary.webhook_resources, kb.vocabulary.webhook_firehose) == []


def test_a_need_told_after_a_webhook_in_the_same_sentence_stays(matcher) -> None:
    answer = matcher.answer("I'd like a webhook when my meeting ends so I can download the recording")
    assert sorted(answer.scopes) == ["meeting:recordings_read", "meeting:schedules_read"]


def test_a_need_after_a_webhook_told_by_its_event_is_read_from_its_clause(matcher) -> None:
    answer = matcher.answer("Get a webhook when a meeting ends and fetch its transcript")
    assert answer.scopes == ["meeting:schedules_read", "meeting:transcripts_read"]


def test_a_need_whose_scope_the_webhook_clause_also_matched_stays_beside_it(matcher) -> None:
    answer = matcher.answer("I need a webhook for incoming calls, then transfer the call to voicemail")
    assert sorted(answer.scopes) == ["spark:calls_read", "spark:calls_write"]


def test_a_call_said_to_return_too_little_is_no_sure_answer(matcher) -> None:
    asked = "Which scope does GET /v1/rooms need?"
    assert matcher.answer(asked).confidence == Confidence.HIGH
    short = matcher.answer("GET /v1/rooms only returns the spaces I am in. Which scope?")
    assert short.confidence != Confidence.HIGH


def test_an_sdk_call_said_to_work_by_its_method_name_is_not_the_refused_one(matcher) -> None:
    question = ("```python\nfwd = api.person_settings.forwarding.read(person_id=p.person_id)\n"
                "api.person_settings.forwarding.configure(person_id=p.person_id, forwarding=fwd)\n```\n"
                "read works, configure blows up with 403. This is for other people in the org, admin token.")
    assert matcher.answer(question).scopes == ["spark-admin:people_write"]


def test_an_sdk_call_is_said_to_work_by_its_own_method_name_only(matcher) -> None:
    question = ("```python\nrooms = api.rooms.list()\nfwd = api.person_settings.forwarding.read(person_id=pid)\n```\n"
                "list works, read fails with 403. Admin token.")
    assert matcher.answer(question).scopes == ["spark-admin:people_read"]


@pytest.mark.parametrize("question, scope", [
    ("PUT https://webexapis.com/v1/telephony/config/people/me/settings/doNotDisturb {\"enabled\": true} -> 403",
     "spark:telephony_config_write"),
    ("GET /v1/telephony/config/people/me/settings/doNotDisturb returns 403, what scope?",
     "spark:telephony_config_read"),
])
def test_do_not_disturb_for_me_takes_the_call_settings_scopes(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


@pytest.mark.parametrize("question", ["xcommand Audio.Volume.Set(Level: 50)",
                                      "the script sends Audio.Volume.Set (Level 50) to each device"])
def test_an_xapi_command_written_as_a_call_is_a_command(matcher, question: str) -> None:
    assert matcher.answer(question).scopes[:1] == ["spark:xapi_commands"]


@pytest.mark.parametrize("question", ["create webhooks and read messages",
                                      "I need to create webhooks and also read messages in the user's spaces"])
def test_creating_a_webhook_creates_nothing_else(matcher, question: str) -> None:
    assert matcher.answer(question).scopes == ["spark:messages_read"]
