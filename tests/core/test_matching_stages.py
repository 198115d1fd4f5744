"""Each stage of the answer engine on its own: normalise, API calls, language, guidance,
question reading, calibration and explanation."""

from __future__ import annotations

import pytest

from bot.core.answer import AnswerKind, Confidence, Need, Via
from bot.core.matching.calibrate import Signals, actor_conflict, confidence, weakest
from bot.core.endpoints import find_endpoints
from bot.core.matching.calls import camel, find_calls
from bot.core.matching.clauses import clause_needs, clause_parts
from bot.core.matching.explain import twin, with_twins
from bot.core.matching.frames import documented_call, method_asked
from bot.core.matching.guidance import GuidanceFinder
from bot.core.matching.language import detect, glossed, reading
from bot.core.matching.matcher import current
from bot.core.matching.query import build_query, without_negated, without_relative
from bot.core.text import words
from bot.core.matching.normalise import normalise, sentences_of
from bot.core.matching.platforms import PlatformFinder
from bot.core.matching.question import read_question

POST = """Hi all,
our script does this:

```python
api = WebexAPI(access_token=token)
api.team_memberships.create(teamId=team_id, personEmail=email)
```

and we get {"message": "Missing required scopes", "trackingId": "ROUTER_1"}.
What do we need to add members to a team?
Thanks!
-- Sam"""


def test_normalise_separates_prose_from_pasted_material() -> None:
    message = normalise(POST)
    assert "team_memberships.create" in message.pasted and "trackingId" in message.pasted
    assert "api" not in message.prose.split() and "Thanks" not in message.prose and "Sam" not in message.prose
    assert message.prose.endswith("add members to a team?")


@pytest.mark.parametrize("text, prose", [
    ("list spaces", "list spaces"),
    ("hey team,\nlist spaces", "list spaces"),
    ("let a user change their own call forwarding", "let a user change their own call forwarding"),
    ("read `spark:calls_read` or `spark:calls_write`?", "read spark:calls_read or spark:calls_write?"),
    ("answer\u200b calls \U0001F64F", "answer calls"),
    ("> quoted from someone\nsend a message", "send a message"),
    # calling an API is sending it a request; calling a queue is a phone call
    ("our job calls the Webex API each night", "our job request the Webex API each night"),
    ("route the calls to the queue", "route the calls to the queue"),
    # chat manners about the asking are no need
    ("Morning everyone, sorry if this was asked before, I searched the space but couldn't find it. which scope "
     "creates meetings?", "which scope creates meetings?"),
    ("Quick question: which scope lists my spaces?", "which scope lists my spaces?"),
    ("sorry if this is basic, but which scope lists rooms?", "but which scope lists rooms?"),
    ("I searched the docs but couldn't find which scope reads call history",
     "I searched the docs but couldn't find which scope reads call history"),
    ("Morning meetings of my team: which scope lists them?", "Morning meetings of my team: which scope lists them?"),
    ("I lost track of which scope adds people to a space.", "which scope adds people to a space."),
    ("I keep forgetting what scope posts messages", "what scope posts messages"),
    ("I forgot to add the scope", "I forgot to add the scope"),  # a slip told, not a manner of asking
])
def test_normalise_keeps_the_need(text: str, prose: str) -> None:
    assert normalise(text).prose == prose


def test_a_hard_wrapped_paragraph_reads_as_its_sentences() -> None:
    wrapped = ("Our audit team wants to know whether this integration really needs the admin form of the\n"
               "scope - the people who sign in are ordinary staff. Which one is enough?")
    assert normalise(wrapped).sentences == normalise(wrapped.replace("\n", " ")).sentences
    assert len(normalise(wrapped).sentences) == 2


@pytest.mark.parametrize("text", [
    "The integration should do these things for each new hire in the org\n- create the space\n- add the person",
    "Steps:\n- look up the person by email and then add them to the onboarding space\nNumbers we set by hand.",
    "list rooms\nlist messages",  # short chat lines are requests of their own
])
def test_lines_that_are_no_wrapped_paragraph_stay_apart(text: str) -> None:
    assert len(normalise(text).sentences) == text.count("\n") + 1


def test_api_calls_in_code(kb) -> None:
    calls = find_calls(
        "api.memberships.create(roomId=r, personEmail=e)\n"
        "curl https://webexapis.com/v1/messages -d '{\"text\": \"hi\"}'\n"
        "requests.get(\"https://webexapis.com/v1/rooms\", headers=h)\n"
        "api.telephony.calls.dial(destination='+1')\n"
        "api.attachment_actions.get(action_id)", kb.vocabulary.sdk_paths)
    endpoints = {(c.endpoint.method, c.endpoint.path) for c in calls if c.endpoint}
    assert {("POST", "/v1/memberships"), ("POST", "/v1/messages"), ("GET", "/v1/rooms"),
            ("GET", "/v1/attachment/actions/{id}")} <= endpoints
    assert any(c.endpoint is None and c.words == "dial telephony calls" for c in calls)
    assert camel("team_memberships") == "teamMemberships"


@pytest.mark.parametrize("text, code, english", [
    ("Welche Berechtigung brauche ich, um Nachrichten zu senden?", "de", "scope message send"),
    ("Quelle portée faut-il pour lire les messages d'un espace ?", "fr", "scope read message space"),
    ("¿Qué alcance necesito para crear una reunión?", "es", "scope create meeting"),
    ("Qual escopo preciso para ler o histórico de chamadas?", "pt", "scope read history call"),
    ("会議を作成するにはどのスコープが必要ですか", "ja", "meeting create scope"),
    # what the app does in a subordinate clause, and what it says it never does
    ("Ich baue eine Integration, die meine Meetings auflistet und Meetings absagt", "de",
     "list and cancel"),
    ("Le script liste les sites et ne modifie rien", "fr", "list and changes nothing"),
])
def test_other_languages_are_read_in_english(kb, text: str, code: str, english: str) -> None:
    read = reading(text, kb.vocabulary)
    assert read is not None and read.language.code == code and read.english == english


def test_english_words_inside_unspaced_japanese_are_read(kb) -> None:
    known = {"wholesale"}.__contains__
    read = reading("パートナー管理者としてWholesaleの顧客一覧を取得するには", kb.vocabulary, known)
    assert read is not None and read.english == "partner admin and wholesale customer list get"


@pytest.mark.parametrize("text, code", [
    ("supprimer les messages de la salle en admin", "fr"),
    ("ver mi historial de llamadas", "es"),
    ("quero adicionar pessoas num espaço", "pt"),
])
def test_short_questions_are_told_apart_by_their_function_words(kb, text: str, code: str) -> None:
    language = detect(text, kb.vocabulary)
    assert language is not None and language.code == code


def test_english_api_words_in_another_language_are_kept(kb, matcher) -> None:
    known = lambda w: matcher.index.lexicon.term(w) in matcher.index.postings  # noqa: E731
    read = reading("Quel scope pour créer une location Webex Calling en tant qu'administrateur ?", kb.vocabulary, known)
    assert read is not None and read.english == "create location calling admin"
    read = reading("Quel scope pour créer avec POST /v1/telephony/config/locations ?", kb.vocabulary, known)
    assert read is not None and read.english == "create POST /v1/telephony/config/locations"  # each token once
    assert matcher.answer("¿Qué scope se requiere para leer los audit events de Control Hub?").scopes == [
        "audit:events_read"]


def test_english_with_a_stray_foreign_word_stays_english(kb) -> None:
    assert detect("what scope do I need to delete a message in la space", kb.vocabulary) is None


def test_the_foreign_api_words_of_an_english_post_are_read_in_english(matcher) -> None:
    known = lambda w: matcher.index.lexicon.term(w) in matcher.index.postings  # noqa: E731
    glossary = matcher.index.lexicon.glossary
    said = "hunt group per api anlegen, welcher scope"
    assert glossed(said, glossary, known) == "hunt group per api create, welcher scope"
    assert glossed("post a message to the team", glossary, known) == "post a message to the team"  # English stays
    assert matcher.answer("hunt group per api anlegen, welcher scope").scopes[0] == "spark-admin:telephony_config_write"


def test_guidance_topics_come_from_the_knowledge_base_cues(kb) -> None:
    finder = GuidanceFinder(kb.guidance)
    assert finder.topics("my bot gets a 403 when it lists messages") == ("bots",)
    assert "admin-role" in finder.topics("I'm not an admin, can my app still read all users?")
    assert finder.topics("send a message") == ()
    assert finder.topics("guest users chatting from our website")[0] == "guest-issuer"
    assert finder.topics("the bot in a group space misses most messages") == ("bots",)
    assert finder.topics("posts must come from our release manager rather than from a bot") == ()


@pytest.mark.parametrize("said, topic", [
    ("Our chat widget creates temporary visitor identities. How many exist?", "guest-issuer"),
    ("the tokens our click-to-call visitors get expire after a day", "guest-issuer"),
    ("our helper account has the Bot label and cannot read the space", "bots"),
    ("post as me, so the updates show my name and not a bot badge", None),  # a pair set aside
    ("Our bot token gets a 403 when a guest posts in the space", "bots"),  # a guest posting holds no guest token
    ("Our support widget lets clients chat as a guest with our team", "guest-issuer"),
])
def test_a_topic_is_told_by_a_pair_of_words_in_one_sentence(kb, said: str, topic: str | None) -> None:
    found = GuidanceFinder(kb.guidance).topics(said)
    assert (found[:1] == (topic,) and "guest-issuer" not in found[1:]) if topic else not found


@pytest.mark.parametrize("said, officer", [("remove a guest from several spaces our team isn't part of", True),
                                          ("archive the spaces none of our admins are in", True),
                                          ("delete a message in a big space. I'm not a member of that space.", True),
                                          ("read the messages of the rooms we're not members of", True),
                                          ("list all rooms that aren't part of a team", False),
                                          ("Neither HR nor IT are members of those two spaces", True),
                                          ("flag teams where none of the members is from sales", False),
                                          ("read messages in spaces that nobody on our team is a member of", True),
                                          ("Nobody from security is a member of that space; can a tool remove the "
                                           "post?", True),
                                          ("check that none of the contractors are members of the finance space",
                                           False)])
def test_spaces_the_asker_is_not_in_said_in_other_words_are_the_compliance_officers(
        kb, said: str, officer: bool) -> None:
    assert ("compliance-role" in GuidanceFinder(kb.guidance).topics(said)) == officer


@pytest.mark.parametrize("said, role", [
    ("our interns are not admins and we'd rather not make them admins", True),
    ("the reps aren't admins, can the app still list every device?", True),
    ("we'd rather not make them an admin", True),
    ("isn't full admin the highest role there is?", False),  # a question, not who the asker is
    ("we need to make the org admin approve it", False),
])
def test_people_who_are_no_admins_said_in_other_words_bring_the_admin_role(kb, said: str, role: bool) -> None:
    assert ("admin-role" in GuidanceFinder(kb.guidance).topics(said)) == role


@pytest.mark.parametrize("said, context", [
    ("it stores my refresh token and runs at 2am", True),
    ("the job runs on a refresh token from our IT manager's login", True),
    ("our app keeps its own refresh token", True), ("anything extra for the refresh token?", True),
    ("how does our backend fetch the access/refresh tokens of the service app", False),
])
def test_a_refresh_token_the_app_holds_is_context(matcher, said: str, context: bool) -> None:
    terms = build_query(said, matcher.index).terms
    token = matcher.index.lexicon.term("token")
    assert (token not in terms) == context


@pytest.mark.parametrize("said, context", [
    ("The IT team creates the spaces", True), ("for our sales team: create a new space", True),
    ("our security team says no", True), ("add my colleague to the engineering team", False),
    ("the team wants it to show who is on a call", True), ("the team has new members to list", False),
    ("create a meeting for the team", True), ("a space for my whole team", True),  # who it is made for
    ("add the members for the team space", False), ("list the members for the team", False),
    ("I run a bot for our team", True), ("a small dashboard for my team", True),
])
def test_a_group_of_the_company_that_acts_or_is_served_is_no_webex_team(matcher, said: str, context: bool) -> None:
    assert (matcher.index.lexicon.term("team") not in build_query(said, matcher.index).terms) == context


@pytest.mark.parametrize("said, context", [
    ("we run a small wallboard app in Flask", True), ("running a small internal tool for the helpdesk", True),
    ("run a command on the device", False),
])
def test_the_app_the_asker_runs_is_context_not_a_command(matcher, said: str, context: bool) -> None:
    assert (matcher.index.lexicon.term("run") not in build_query(said, matcher.index).terms) == context


def test_the_wallboard_of_who_is_on_a_call_asks_for_calls_not_teams(matcher) -> None:
    answer = matcher.answer("we run a small wallboard app in Flask; the team wants it to show which of our users "
                            "are on a call right now. What do we need?")
    assert answer.scopes and all("calls" in s for s in answer.scopes)


@pytest.mark.parametrize("said, message", [
    ("creates locations (POST /locations) for a customer", False), ("POST https://webexapis.com/v1/rooms", False),
    ("post it into the space", True), ("we POST the alert to the team space", True),
])
def test_the_http_method_post_creates_and_posts_no_message(matcher, said: str, message: bool) -> None:
    assert (matcher.index.lexicon.message_term in build_query(said, matcher.index).terms) == message


@pytest.mark.parametrize("said", ["lists the group spaces they're in", "post into a direct room"])
def test_the_kind_of_space_is_no_group_of_the_groups_api(matcher, said: str) -> None:
    assert matcher.index.lexicon.term("group") not in build_query(said, matcher.index).terms


def test_old_things_are_no_evidence_of_the_pre_release_calls_api(matcher) -> None:
    answer = matcher.answer("It lists the group spaces the user is in, and then deletes the old ones.")
    assert "spark-admin:call_memberships_read" not in answer.scopes and "identity:groups_rw" not in answer.scopes


def test_an_app_tied_to_no_one_said_in_other_words_is_a_service_apps_question(kb) -> None:
    said = "the job runs on our senior admin's token and we want it not tied to any person at all"
    assert "service-apps" in GuidanceFinder(kb.guidance).topics(said)


@pytest.mark.parametrize("said", ["the job runs on a VM in the data centre that nobody ever logs into",
                                  "a container no human ever signs in to creates the meetings"])
def test_a_machine_nobody_signs_in_to_is_a_service_apps_question(kb, said: str) -> None:
    assert "service-apps" in GuidanceFinder(kb.guidance).topics(said)


def test_an_account_people_mention_is_a_bot(kb) -> None:
    said = "The assistant account we run in our spaces (people @mention it, it replies) should post recordings"
    assert "bots" in GuidanceFinder(kb.guidance).topics(said)


@pytest.mark.parametrize("said", [
    "I forgot to mention it's an integration: which scope lets it read messages in spaces the user is in?",
    "My integration creates a meeting and I want to tag it with a tracking code. Which scope?",
    "Which scope lets us find user accounts that no one ever signs into so we can remove their licenses?",
    "Our report should show rooms nobody logs into for a month - which scope lists device usage?",
])
def test_plain_english_about_mentions_tags_and_sign_ins_brings_no_topic(kb, said: str) -> None:
    assert not {"bots", "service-apps"} & set(GuidanceFinder(kb.guidance).topics(said))


def test_an_app_that_must_not_depend_on_one_admin_is_a_service_apps_question(kb) -> None:
    said = "Our job provisions users nightly and must not depend on one admin's personal login. What do we use?"
    assert "service-apps" in GuidanceFinder(kb.guidance).topics(said)


@pytest.mark.parametrize("post, context, need, scope", [
    ("We run a small wallboard in Flask on a Raspberry Pi in the office kitchen. It refreshes every "
     "minute and the whole team loves it, honestly it is the most popular screen we have. "
     "Now we want it to show the upcoming meetings of the signed in user. Which scope is that?",
     "Raspberry", "meetings", "meeting:schedules_read"),
    # analytics:read_all names no resource: its phrasing tells the need, not "network team"
    ("Hi, I work on the network team at a hospital. Doctors complain about choppy audio in Webex meetings "
     "and I'd like to pull the jitter and packet loss of meeting participants for a given meeting into our "
     "monitoring tool. I'm a full admin with Pro Pack. Which scope do I need?",
     "network team", "packet loss", "analytics:read_all"),
])
def test_a_long_post_is_read_through_the_sentences_that_tell_the_need(
        matcher, post: str, context: str, need: str, scope: str) -> None:
    read = read_question(post, matcher.index, matcher.guidance)
    assert context not in read.focus and need in read.focus
    assert matcher.answer(post).scopes[0] == scope


def test_a_long_post_that_phrases_a_scope_word_for_word_is_answered_not_declined(matcher) -> None:
    post = ("Site admin speaking. Finance wants the meeting usage report of our site for each month (minutes, "
            "attendee numbers, who hosted) through the REST API, to split costs between departments. Which scope "
            "is that?")  # 'meeting usage report' is a phrasing of the scope; the rest dilutes it
    assert matcher.answer(post).scopes[:1] == ["meeting:admin_config_read"]
    app_use = "How do I send a file larger than 100 MB into a Webex space? The app says my file is too large."
    assert not matcher.answer(app_use).answered  # "send a file" is two words: too little to tell a scope


@pytest.mark.parametrize("signals, level", [
    (Signals(Via.NAME), Confidence.HIGH),
    (Signals(Via.ENDPOINT), Confidence.HIGH),
    (Signals(Via.ENDPOINT, ambiguous_owner=True), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3), Confidence.HIGH),
    (Signals(Via.WORDS, coverage=0.9, margin=0.01), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3, translated=True), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3, repaired=1), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3, split=True), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3, actor_conflict=True), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.9, margin=0.3, verbs_only=True), Confidence.MEDIUM),
    (Signals(Via.WORDS, coverage=0.3), Confidence.LOW),
])
def test_calibration(signals: Signals, level: Confidence) -> None:
    assert confidence(signals) == level


@pytest.mark.parametrize("said, verbs_only", [("enable", True), ("disable it", True), ("hold", True),
                                              ("read voicemail", False), ("list rooms", False)])
def test_a_clause_of_verbs_alone_says_what_to_do_not_to_what(matcher, said: str, verbs_only: bool) -> None:
    assert build_query(said, matcher.index).verbs_only is verbs_only
    assert not verbs_only or matcher.answer(said).confidence != Confidence.HIGH


def test_several_needs_are_as_sure_as_the_least_sure() -> None:
    assert weakest([Confidence.HIGH, Confidence.LOW, Confidence.MEDIUM]) == Confidence.LOW


def test_twin_is_the_same_resource_for_the_other_actor(kb) -> None:
    assert twin(kb["spark:people_read"], kb).name == "spark-admin:people_read"
    assert twin(kb["meeting:admin_recordings_read"], kb).name == "meeting:recordings_read"
    assert twin(kb["analytics:read_all"], kb) is None


def test_an_unsure_words_need_offers_its_twins_after_its_own_alternatives(kb) -> None:
    need = Need("read my people", kb["spark:people_read"], Via.WORDS, ("person",), (kb["spark:people_write"],))
    names = [s.name for s in with_twins(need, kb).alternatives]
    assert names == ["spark:people_write", "spark-admin:people_read"]  # the counterpart is there already
    endpoint = Need("GET /v1/people", kb["spark:people_read"], Via.ENDPOINT, ("GET /v1/people",))
    assert with_twins(endpoint, kb) == endpoint  # a documented call is no reading of words


@pytest.mark.parametrize("text, method", [("create a user", "POST"), ("rename the space", "PUT"),
                                          ("remove him from the team", "DELETE"), ("list rooms", "GET"),
                                          ("rooms", None), ("for creating users", "POST"),
                                          ("the call forwarding settings", None)])
def test_the_method_a_verb_asks_for(matcher, text: str, method: str | None) -> None:
    assert method_asked(text, matcher.index) == method


def test_the_documented_call_a_need_is_about(matcher, kb) -> None:
    call = documented_call(kb["spark-admin:people_write"], "create a user", matcher.index)
    assert (call.method, call.path) == ("POST", "/v1/people")
    assert documented_call(kb["spark-admin:people_write"], "something else", matcher.index) is None


def test_a_misspelt_need_finds_its_documented_call_as_the_spelt_one_does(matcher, kb) -> None:
    scope = kb["meeting:transcripts_read"]
    spelt = documented_call(scope, "read the transcripts of my meetings", matcher.index)
    assert spelt is not None and documented_call(scope, "read transcrpts of my meetigns", matcher.index) == spelt


@pytest.mark.parametrize("word, repaired", [("shedule", "schedule"), ("ticked", None), ("older", None),
                                            ("sned", "send"), ("spce", "space"), ("life", None), ("lose", None)])
def test_typos_are_repaired_but_common_words_are_not(matcher, word: str, repaired: str | None) -> None:
    assert matcher.index.speller.correct(word) == repaired  # 4 letters: only when no English word


@pytest.mark.parametrize("word, slip", [("wich", True), ("scoep", True), ("whcih", True), ("webhook", False),
                                        ("calender", False), ("ios", False)])
def test_slips_of_function_words_are_noise_not_unknown_words(matcher, word: str, slip: bool) -> None:
    assert matcher.index.speller.is_stopword_slip(word) is slip


@pytest.mark.parametrize("said, kept", [("a webhook should wake up our service", False),
                                         ("our backend service polls the API", False),
                                         ("our service app lists people", True), ("our service account", True)])
def test_our_own_service_is_the_app_not_a_service_app(matcher, said: str, kept: bool) -> None:
    assert (matcher.index.lexicon.term("service") in build_query(said, matcher.index).terms) == kept


@pytest.mark.parametrize("said, kept", [("non-admin users can't authorize my integration", False),
                                         ("list the apps a user has authorized", True)])
def test_authorizing_the_app_is_context_not_the_authorizations_api(matcher, said: str, kept: bool) -> None:
    assert (matcher.index.lexicon.term("authorize") in build_query(said, matcher.index).terms) == kept


@pytest.mark.parametrize("adverb", ["sometimes", "often", "occasionally", "regularly"])
def test_how_often_something_is_done_is_no_unknown_word(matcher, adverb: str) -> None:
    plain = build_query("delete a transcript", matcher.index)
    told = build_query(f"{adverb} delete a transcript", matcher.index)
    assert (told.terms, told.unknown) == (plain.terms, plain.unknown)


@pytest.mark.parametrize("text, platform", [
    ("how do I get the channels:history scope for my Slack app", "slack"),
    ("my Discord bot needs to read messages in a channel", "discord"),
    ("moving our bot from Microsoft Teams to Webex: which scope posts messages?", None),
    ("provision users with SCIM from Okta", None),
    ("read messages in a space", None),
    ("hosting is our own k8s cluster; the app posts a summary into each space", None),  # where it runs
    ("a GitLab job posts the changelog into our releases space", None),
    ("which scope lets my GitHub app read private repos?", "github"),
    ("my k8s service account needs which RBAC role", "k8s"),
    ("Our community is hosted on Discord - what permissions does a bot need to read messages?", "discord"),
    ("My Slack server bot needs the channels:history scope, how do I add it?", "slack"),  # a chat product's server
    ("CallRecords.Read.All or OnlineMeetings.Read.All to get call detail records?", "Microsoft Graph"),
    ("Is Presence.Read.All enough to show who is busy?", "Microsoft Graph"),
    ("read RoomAnalytics.PeopleCount.Current from each codec", None),  # an xAPI status, not a permission
    ("a helper for people moving off Slack: the app sends a colleague a direct message", None),  # left behind
    ("we migrated from Zoom and now list the recordings of my meetings", None),
])
def test_questions_about_another_platform(kb, text: str, platform: str | None) -> None:
    assert PlatformFinder(kb.vocabulary).other_platform(text) == platform


def test_another_platforms_question_is_declined(matcher) -> None:
    answer = matcher.answer("my discord bot needs to read messages in a channel")
    assert answer.kind == "decline" and "discord" in answer.why


@pytest.mark.parametrize("text", ["How do I send a message to a space as my bot?", "la la la",
                                  "Do I need a scope to post as a bot?", "如何发送消息"])
def test_english_and_unsupported_text_is_not_read_as_another_language(kb, text: str) -> None:
    assert detect(text, kb.vocabulary) is None


def test_every_form_of_a_word_gets_the_same_term(matcher) -> None:
    lexicon = matcher.index.lexicon
    assert len({lexicon.term(w) for w in ("message", "messages", "post", "posting", "posted")}) == 1
    assert all(lexicon.term(lexicon.term(w) or "") == lexicon.term(w) for w in ("booked", "removed", "spaces"))


def test_a_verb_form_after_an_article_is_a_noun(matcher) -> None:
    words = "i have an issue reading messages".split()
    lexicon, speller = matcher.index.lexicon, matcher.index.speller
    assert lexicon.intent(words, lexicon.verb_at(words, speller)) == "read"


@pytest.mark.parametrize("said", ["the bot gets 403 when deleting a message", "got an error when deleting a message",
                                  "getting a forbidden deleting a message", "it gets 400 when deleting a message"])
def test_a_verb_before_what_came_back_is_no_action(matcher, said: str) -> None:
    lexicon, said = matcher.index.lexicon, said.split()
    assert lexicon.intent(said, lexicon.verb_at(said, matcher.index.speller)) == "write"


@pytest.mark.parametrize("said, intent", [
    ("provisioning script that reads the list of our customers", "read"),  # the -ing form names the app
    ("offboarding runbook step: list all upcoming meetings of the user", "read"),
    ("room booking kiosk that shows the list of all workspaces", "read"),
    ("recording console that lists my recordings", "read"),
    ("a workspace should be created for every new room", "write"),  # a participle wanted, not a state
    ("which scope should be granted so the bot can read messages", "read"),  # ...unless a verb follows
    ("removing team members that left", "write"),
    ("the meeting is recorded and we list the recordings", "read"),
    ("a tiny script that prints who has joined", "read"),  # printing shows what was read
    ("when a meeting ends download the recording", "read"),  # the event that triggers is no action
    ("after each call ends we pull the call history", "read"),
    ("end the meeting when everyone has left", "write"),  # ...but ending is one when asked for
    ("when i end the meeting through the api", "write"),  # ...and so is what the asker does
    ("each time a call ends fetch the cdr", "read"),
])
def test_what_the_app_is_called_and_what_it_wants_done(matcher, said: str, intent: str) -> None:
    lexicon, said = matcher.index.lexicon, said.split()
    assert lexicon.intent(said, lexicon.verb_at(said, matcher.index.speller)) == intent


@pytest.mark.parametrize("said, thing", [
    ("post that link into the team space", "message"),  # the verb names what it makes
    ("then dm the assignee", "message"),
    ("create a couple of spaces inside the team", "space"),  # a resource word a few words on
    ("delete it from webex once the copy is verified", None),  # nothing named
    ("we have to set the emergency address", None),  # "set" names no thing
    ("we schedule a cron job every night", None),  # nor does "schedule"
    ("our room-scheduling web app shows the calendar", None),  # a gerund before a noun is no verb of it
    ("our admins create the workspaces by hand", None),  # someone else does it
    ("feel free to dm me", None),
    ("then post the metrics to datadog", None),  # a message goes to a space or a person
    ("share the recording link with the team", None),  # the recording describes the link
    ("create the list in the space", None),  # the space says where
])
def test_what_a_clause_verb_acts_on(matcher, said: str, thing: str | None) -> None:
    lexicon, index = matcher.index.lexicon, matcher.index
    said = words(said)
    got = lexicon.acted_on(said, lexicon.verb_at(said, index.speller), index.resource_terms)
    assert got == (lexicon.term(thing) if thing else None)


def test_a_quoted_url_ends_at_its_quote() -> None:
    [found] = find_endpoints('requests.post("https://webexapis.com/v1/messages", json=body)')
    assert found.path == "/v1/messages"


def test_fetch_reads_its_method_from_the_options(kb) -> None:
    [call] = find_calls('fetch("https://webexapis.com/v1/rooms", {method: "POST"})', kb.vocabulary.sdk_paths)
    assert (call.endpoint.method, call.endpoint.path) == ("POST", "/v1/rooms")


def test_fetch_of_a_template_literal_keeps_its_method_when_the_backticks_are_gone(matcher) -> None:
    [call] = find_calls('fetch(https://webexapis.com/v1/messages/${id}, { method: "DELETE" })', {})
    assert call.endpoint.method == "DELETE"
    answer = matcher.answer("Users delete what they posted by mistake:\n\n    fetch(`https://webexapis.com/v1/messages/"
                            "${id}`, { method: \"DELETE\" })\n\nWe only ask for spark:messages_read and get 403. "
                            "What do I add?")
    assert answer.scopes[:1] == ["spark:messages_write"]


@pytest.mark.parametrize("noise", [
    " <@all>", " [docs](http://evil.example)", " https://evil.example/cjp/user", " javascript:alert(1)",
    " <script>alert(1)</script>", " ![x](https://evil.example/p.png)", " " + "buy now " * 50,
])
def test_hostile_noise_does_not_change_the_answer(matcher, noise: str) -> None:
    question = "what scope do I need to answer calls"
    assert matcher.answer(question + noise).scopes == matcher.answer(question).scopes == ["spark:calls_write"]


def test_a_webex_url_stays_evidence() -> None:
    assert "https://webexapis.com/v1/rooms" in normalise("GET https://webexapis.com/v1/rooms").prose


def test_a_long_post_whose_question_names_nothing_is_read_through_the_sentence_that_tells_the_need(
        matcher) -> None:
    post = ("Quick one from a student project, we are making a dashboard in React with a nice dark theme. "
            "After login it shows the titles of all the spaces the user is in, sorted by last activity. "
            "I already have OAuth working with a test integration. What's the single scope I need?")
    read = read_question(post, matcher.index, matcher.guidance)
    assert "React" not in read.focus and "titles of all the spaces" in read.focus
    assert matcher.answer(post).scopes == ["spark:rooms_read"]


@pytest.mark.parametrize("text, kept", [
    ("no message bodies, no member lists, just titles", "no no just titles"),
    ("no xapi commands or statuses please", "no please"),
    ("I don't care about the meeting details, only the mp4", "i don only the mp4"),
    ("we don't need recordings or transcripts yet", "we don yet"),
    ("not able to read", "not able to read"),  # 'not' before a verb stays
    ("not meeting recordings but calls", "not but calls"),  # 'not' before a resource rules it out
])
def test_negations_rule_out_what_they_name(text: str, kept: str) -> None:
    resources = {"meeting", "recordings", "calls"}
    assert " ".join(without_negated(words(text), resources.__contains__)) == kept


@pytest.mark.parametrize("audience, cues, conflict", [
    ("admin", frozenset({"user"}), True),  # "my voicemail settings" beside an admin's scope
    ("user", frozenset({"admin"}), True),
    ("user", frozenset({"service-app", "user"}), True),
    ("admin", frozenset({"admin", "user"}), False),  # "my org": the admin cue speaks
    ("user", frozenset(), False),
    ("compliance", frozenset({"compliance"}), False),
])
def test_an_actor_the_question_names_can_contradict_a_scope(audience: str, cues: frozenset, conflict: bool) -> None:
    assert actor_conflict(audience, cues) is conflict


@pytest.mark.parametrize("text, kept", [
    ("delete a space I moderate", "delete a space"),
    ("delete a message in a room I'm in", "delete a message in a room"),
    ("can I add people", "can i add people"),  # no resource before the subject: a question, not a relative
    ("read the messages people send me", "read the messages me"),  # which messages, not what the app does
    ("for each new room we create a workspace", "for each new room we create a workspace"),  # its verb has an object
    ("read the messages I sent the customer", "read the messages the customer"),  # 'the' names who, not an object
])
def test_a_relative_clause_says_which_resource_not_what_to_do(text: str, kept: str) -> None:
    assert " ".join(without_relative(words(text), {"space", "room", "messages"}.__contains__)) == kept


@pytest.mark.parametrize("question, scope", [
    ("Read the direct messages people send me, nothing else", "spark:messages_read"),
    ("read the messages that others send me", "spark:messages_read"),
    ("get the meetings that customers booked", "meeting:schedules_read"),  # who booked them is no topic
    ("scim users", "identity:people_read"),  # no verb after 'users': no relative clause
])
def test_what_others_did_to_a_resource_is_no_action_of_the_app(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


@pytest.mark.parametrize("text, audiences", [
    ("we re definitely not doing any admin stuff", {"user"}),
    ("i don t have any admin role on the site", {"user"}),
    ("we don t want to touch recordings or anything admin", {"user"}),
    ("really don t want spark admin anything", {"user"}),
    ("the recruiter is just a normal host not a site admin", {"user"}),
    ("for any space i m in show who the members are", {"user"}),
    ("a webhook for new messages in any space the signed in user belongs to", set()),
    ("read messages in any space of the org as compliance officer", {"compliance", "admin"}),
    ("a key that lets in everyone waiting in the lobby", set()),  # the people gathered there, not the org
    ("schedule a meeting with everybody in this space", set()),
    ("list everyone in a membership space as members", set()),  # as the people added to a space are marked
    ("list everyone in the org", {"admin"}),
    ("the transcripts of all meetings on my site", {"admin"}),  # every host's meetings: the site's admin
    ("now i m turning it into an integration for other users", set()),  # each signs in for themself
    ("read the meetings of other users", {"admin"}),
    ("list the recordings of all hosts", {"admin"}),
])
def test_who_acts_reads_past_negations_and_the_users_own_spaces(matcher, text: str, audiences: set) -> None:
    assert matcher.index.lexicon.audiences(text) >= audiences
    assert "admin" not in matcher.index.lexicon.audiences(text) or "admin" in audiences
    assert "compliance" not in matcher.index.lexicon.audiences(text) or "compliance" in audiences


def test_a_sentence_that_sums_the_post_up_states_the_need(matcher) -> None:
    post = ("Our sales team lives in a CRM and hates switching windows, so I am wiring a sidebar into it with "
            "React and a small Node backend that keeps the refresh token. It has been a fun side project "
            "and the first version shipped last week. TL;DR: list the user's spaces and post into them. "
            "Which scopes should the sidebar request for our account?")
    read = read_question(post, matcher.index, matcher.guidance)
    assert "TL;DR" in read.focus and "CRM" not in read.focus
    scopes = matcher.answer(post).scopes  # which leads is the lead model's (test_lead.py)
    assert sorted(scopes) == ["spark:messages_write", "spark:rooms_read"]


@pytest.mark.parametrize("text, membership", [
    ("remove a user from a room", True),
    ("kick two colleagues out of the team", True),
    ("invite them into our space", True),
    ("add the on-call engineers to that space", True),
    ("list the people in a space my user is in", True),
    ("show who belongs to a room", True),
    ("kick people who left the project out of those spaces", True),  # a relative clause between
    ("invite the users who signed up to a meeting in that room", False),
    ("add a tab to the space", False),
    ("read the messages in a space", False),
    ("invite users to a meeting from a room device", False),
    ("the people in my space should get a message", False),
    ("delete the room", False),
])
def test_a_person_put_into_or_taken_out_of_a_space_is_its_membership(text: str, membership: bool) -> None:
    assert ("membership" in words(text)) == membership and "call" not in words(text)  # on-call makes no call


def test_taking_a_user_out_of_a_space_is_a_membership_change_not_the_space(matcher) -> None:
    assert matcher.answer("remove a person from a space I moderate").scopes == ["spark:memberships_write"]


@pytest.mark.parametrize("text", ["pull recordings for every user in the org not compliance officer just admin",
                                  "a full admin without the compliance role deletes a message"])
def test_a_compliance_officer_said_not_to_act_does_not(matcher, text: str) -> None:
    assert "compliance" not in matcher.index.lexicon.audiences(text)


def test_equal_scores_go_to_the_least_privileged_scope(matcher) -> None:
    ranked = matcher.index.rank(build_query("recordings", matcher.index))
    tied = [r for r in ranked if r.score == ranked[0].score]
    assert len(tied) > 1 and ranked[0].scope.audience == "user"


def test_the_resource_the_verb_acts_on_leads_the_one_that_only_narrows_it(matcher) -> None:
    query = build_query("list the devices in a workspace", matcher.index)
    assert query.acted_on is not None
    assert matcher.index.rank(query)[0].scope.key.endswith("devices_read")  # not the workspaces read scope


def test_numbers_assigned_to_a_workspace_are_read_not_assigned(matcher) -> None:
    assert matcher.answer("list numbers assigned to a workspace").scopes[:1] == ["spark-admin:workspaces_read"]


def test_the_spaces_of_a_team_are_listed_with_the_rooms_scope(matcher) -> None:
    assert matcher.answer("list the spaces in a team").scopes[:1] == ["spark:rooms_read"]  # GET /rooms?teamId=


@pytest.mark.parametrize("text, word", [("voicemail msgs", "voicemessages"), ("voice messages", "voicemessages"),
                                        ("voicemail messages", "voicemessages"), ("Do Not Disturb", "dnd"),
                                        ("e-mail address", "email"), ("email addresses", "email")])
def test_a_compound_is_one_word_however_it_is_written(text: str, word: str) -> None:
    assert words(text) == [word]


def test_of_mine_says_the_user_acts(matcher) -> None:
    assert "user" in matcher.index.lexicon.audiences("delete a voicemail of mine")


def test_call_records_are_no_recordings(matcher) -> None:
    term = matcher.index.lexicon.term
    assert term("records") != term("recordings") and term("recording") == term("recordings")


def test_not_just_my_own_goes_beyond_the_user(matcher) -> None:
    text = "as an admin, change call forwarding for every user in the org, not just my own"
    assert matcher.index.lexicon.audiences(" ".join(words(text))) == {"admin"}
    assert matcher.answer(text).scopes[0] == "spark-admin:people_write"


def test_a_negated_verb_says_nothing_about_what_to_do(matcher) -> None:
    query = build_query("not call control, I need which agents are in each hunt group", matcher.index)
    assert query.intent is None


def test_a_recording_i_own_is_the_users_own(matcher) -> None:
    assert "user" in matcher.index.lexicon.audiences("get metadata of a call recording i own")


@pytest.mark.parametrize("said", ["dm the summary to each invitee from the host s account",
                                  "post the recap from the user s account"])
def test_sent_from_the_users_account_says_the_user_acts(matcher, said: str) -> None:
    assert matcher.index.lexicon.audiences(said) == {"user"}


def test_no_admin_or_org_wide_webhook_is_no_admin_cue(matcher) -> None:
    assert "admin" not in matcher.index.lexicon.audiences("only the host s own meetings no admin org wide webhook")


def test_a_webhook_body_pasted_apart_from_its_call_names_the_resource(matcher) -> None:
    answer = matcher.answer('we create `POST /v1/webhooks` with `{"resource":"meetingParticipants"}` for my meetings. '
                            "Which scope?")
    assert answer.scopes[0] == "meeting:participants_read"


def test_a_sentence_ends_after_a_bracket_or_a_quote_too() -> None:
    from bot.core.matching.clauses import CLAUSE_SPLIT_RE
    parts = [p.strip() for p in CLAUSE_SPLIT_RE.split('create two spaces (design and backend). List of scopes?') if p]
    assert "List of scopes" in parts and not any("(design" in p and "List" in p for p in parts)


@pytest.mark.parametrize("prose, pieces", [
    ("Flow: 1. list the devices 2. reboot them", ("Flow:", "1. list the devices", "2. reboot them")),
    ("tool: step 1 poll the events step 2 delete the bad ones",
     ("tool:", "step 1 poll the events", "step 2 delete the bad ones")),
    ("find the user -> strip licenses -> delete", ("find the user", "-> strip licenses", "-> delete")),
    # no run from one, a lone arrow, and "(1)" inside a sentence are no list
    ("Set it to 0. Then reboot it", ("Set it to 0.", "Then reboot it")),
    ("GET /v1/rooms -> 403 for a bot token", ("GET /v1/rooms -> 403 for a bot token",)),
    ("it should (1) create a space and (2) post", ("it should (1) create a space and (2) post",)),
    ("1. list the webhooks 2. delete the dead ones", ("1. list the webhooks", "2. delete the dead ones")),
    # a number after 'to' or 'option' starts no list, and breadcrumbs in capitals are no steps
    ("set the volume to 1. Then set it to 2. Nothing happens", ("set the volume to 1.", "Then set it to 2.",
                                                                "Nothing happens")),
    ("option 1) from the docs works, option 2) gives 403", ("option 1) from the docs works, option 2) gives 403",)),
    ("Control Hub -> Calling -> Features", ("Control Hub -> Calling -> Features",)),
])
def test_list_items_written_on_one_line_are_sentences_of_their_own(prose: str, pieces: tuple[str, ...]) -> None:
    assert sentences_of(prose) == pieces


def test_an_asking_sentence_with_words_but_no_resource_still_leaves_the_need_to_the_story(matcher) -> None:
    post = ("Ops wall screen for our branch offices: it lists every device in the org with its status and software "
            "version, refreshed every five minutes by a small cron job. Admin authorised. Both halves go live "
            "together next sprint, so which scopes?")
    read = read_question(post, matcher.index, matcher.guidance)
    assert "every device in the org" in read.focus
    assert matcher.answer(post).scopes == ["spark-admin:devices_read"]


def test_only_an_unsure_answer_offers_the_twins(matcher) -> None:
    assert matcher.answer("list the spaces I am in").alternatives == []
    unsure = matcher.answer("my tool should show a colleague in the company directory")
    assert unsure.confidence != Confidence.HIGH and "spark:people_write" in unsure.alternatives


def test_a_long_post_in_another_language_full_of_english_api_words_is_still_read_as_that_language(kb) -> None:
    post = ("Buenas tardes. Somos el equipo de IT de una cadena de hoteles y estamos automatizando la creación de "
            "workspaces para las salas de reuniones nuevas: el script busca la location por nombre, crea el "
            "workspace con su capacidad y lo deja listo para Webex Calling con la configuración por defecto. "
            "El device lo activa el técnico a mano en Control Hub. ¿Qué scopes necesita la integración?")
    assert detect(post, kb.vocabulary).code == "es"


@pytest.mark.parametrize("question, scopes", [
    ("My wallboard only shows the messages of one space, it never posts anything. Which scope?",
     ["spark:messages_read"]),
    ("I only need to look at the hunt group settings for a report, we will never change anything. Which scope?",
     ["spark-admin:telephony_config_read"]),
    ("Our CDR export runs headless as admin, with no human around to log in or refresh anything.",
     ["spark-admin:calling_cdr_read"]),  # what no person does is no need either
    ("Our room-status page lists the org's devices as admin; nobody sends xAPI commands from it.",
     ["spark-admin:devices_read"]),
])
def test_what_the_app_never_does_is_no_need(matcher, question: str, scopes: list[str]) -> None:
    assert matcher.answer(question).scopes == scopes


@pytest.mark.parametrize("question, scope", [
    ("The tool should never remove a message, it just reads them.", "spark:messages_read"),  # 'them' needs its messages
    ("Our app never renames the spaces, it only lists them.", "spark:rooms_read"),
    ("I don't see the messages of my spaces with my token", "spark:messages_read"),  # a failure, not a need denied
    ("My admin token doesn't list the devices of the org, I get a 403. Which scope?", "spark-admin:devices_read"),
])
def test_a_denial_keeps_what_the_app_does_act_on(matcher, question: str, scope: str) -> None:
    assert matcher.answer(question).scopes[:1] == [scope]


def test_a_denied_clause_taken_out_leaves_its_sentence_ended(matcher) -> None:
    post = "After 30 days the app deletes that recording so the teacher doesn't run out of storage. It all runs daily."
    read = read_question(post, matcher.index, matcher.guidance)
    assert "teacher. It all" in read.prose  # one sentence each, so "deletes that recording" is a clause of its own


def test_writing_a_digest_is_no_topic(matcher) -> None:
    answer = matcher.answer("Our app writes a digest of yesterday's meetings (titles, who attended) and posts it "
                            "into a space.")
    assert "spark:messages_write" in answer.scopes and "spark:rooms_write" not in answer.scopes


def test_custom_is_no_customer(matcher) -> None:
    assert matcher.answer("we built a custom tool that lists the spaces I am in").scopes == ["spark:rooms_read"]
    assert matcher.answer("customize my personal room").scopes[:1] == ["meeting:preferences_write"]  # still a change


def test_a_deprecated_scope_read_from_words_is_given_as_its_replacement(kb) -> None:
    old = kb.get("spark-admin:messages_read")
    words_need, named_need = Need("read messages as admin", old, Via.WORDS, ("messag",)), Need(old.name, old, Via.NAME)
    assert [n.scope.name for n in current([words_need], AnswerKind.SCOPE, kb)] == ["spark-compliance:messages_read"]
    assert current([named_need], AnswerKind.SCOPE, kb) == [named_need]  # the scope asked about stays
    assert current([words_need], AnswerKind.COMPARE, kb) == [words_need]


@pytest.mark.parametrize("question, needs, lenient", [
    ("Create a team and add the developers to it",
     ["spark:teams_write", "spark:team_memberships_write"], ["spark:teams_write", "spark:datasource_read"]),
])
def test_a_clause_whose_likeliest_reading_explains_too_little_is_no_need_of_its_own(
        matcher, question: str, needs: list[str], lenient: list[str]) -> None:
    assert [c.need.scope.name for c in clause_needs(question, matcher.index, likeliest=False)] == lenient
    assert [c.need.scope.name for c in clause_needs(question, matcher.index)] == needs
    assert matcher.answer(question).scopes == needs


def test_a_story_asking_only_which_scopes_is_read_through_every_sentence_that_acts(matcher) -> None:
    post = ("Small call companion side panel for our inside sales team, all regular users on Webex Calling. "
            "While the rep is on a call the panel shows the current call and gives big buttons for hold, resume "
            "and hang up. The rep still answers incoming calls on their headset by hand. What scopes?")
    read = read_question(post, matcher.index, matcher.guidance)
    assert "shows the current call" in read.focus and "by hand" not in read.focus
    later = ("Small dashboard for our sales reps, all regular users on Webex Calling. It shows the upcoming "
             "meetings of the signed in user and it isn't allowed to change anything. Which permissions?")
    assert "upcoming meetings" in read_question(later, matcher.index, matcher.guidance).focus


@pytest.mark.parametrize("said, scope", [("change my caller ID", "spark:telephony_config_write"),
                                         ("as admin, change a user's caller ID", "spark-admin:people_write"),
                                         ("read my caller ID settings", "spark:telephony_config_read"),
                                         ("create a virtual line", "spark-admin:telephony_config_write")])
def test_calling_settings_are_read_as_the_calls_that_make_them(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


@pytest.mark.parametrize("said, scope", [("get the details of a membership", "spark:memberships_read"),  # no call
                                         ("get a person by id", "spark:people_read"),
                                         ("list org contacts", "Identity:contact"),  # not Contact Center's
                                         ("get the details of a license", "spark-admin:licenses_read"),
                                         ("get the details of a role", "spark-admin:roles_read")])
def test_plain_reads_of_a_resource_go_to_its_own_scope(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


@pytest.mark.parametrize("said, intent", [("is DND on for me", "read"), ("are my meeting recordings enabled?", "read"),
                                          ("is there a scope to create meetings", "write"),
                                          ("is it possible to turn DND on for me", "write")])
def test_a_yes_no_question_about_a_state_reads_it(matcher, said: str, intent: str) -> None:
    assert build_query(said, matcher.index).intent == intent


def test_scanning_messages_for_a_keyword_reads_them(matcher) -> None:
    assert build_query("scan the messages for a keyword", matcher.index).intent == "read"
    answer = matcher.answer("Knowledge-routing feature: go through the spaces I'm in, scan the messages for a keyword, "
                            "and invite the right expert into the spaces where it came up. All as me.")
    assert {"spark:messages_read", "spark:memberships_write"} <= set(answer.scopes)


@pytest.mark.parametrize("said", ["Writing a script that lists my meeting recordings",
                                  "building an internal tool that shows the spaces I am in",
                                  'Building a "Today" tile that shows my meetings for the day',
                                  "building a moderator console that lists the meeting's participants"])
def test_writing_the_app_is_no_write_to_webex(matcher, said: str) -> None:
    assert build_query(said, matcher.index).intent == "read"


def test_a_pronoun_after_a_trigger_means_what_the_trigger_names(matcher) -> None:
    question = ("list the messages of our support space, and when a message holds a card number, "
                "delete it from the space")
    assert [c.need.scope.name for c in clause_needs(question, matcher.index)] == [
        "spark:messages_read", "spark:messages_write"]  # the message is deleted, not the space


def test_a_relative_clause_never_reaches_across_a_colon(matcher) -> None:
    query = build_query("CRM widget for Webex Calling users: show the last 20 calls of the user", matcher.index)
    assert query.intent == "read" and "show" in query.terms  # not "the calling users show"


def test_a_clause_that_names_only_a_webhook_states_no_need_of_its_own(matcher) -> None:
    question = ("I want to receive a webhook every time a new message is posted in my spaces, "
                "and what does registering that webhook require?")
    assert "webhook" not in " ".join(c.need.scope.name for c in clause_needs(question, matcher.index))
    assert matcher.answer(question).scopes == ["spark:messages_read"]  # the watched resource's read scope


@pytest.mark.parametrize("said, asks", [
    ("which scope does that delete call need?", True),
    ("the GET call returns 403", True),
    ("read the post call summary", False),
    ("delete call recordings older than a year", False),
    ("that delete call history job", False),
])
def test_a_call_named_by_its_method_is_a_request(said: str, asks: bool) -> None:
    assert ("request" in normalise(said).prose) == asks


@pytest.mark.parametrize("said", ["list the spaces the signed-in user is a member of",
                                  "read the messages of a space where the authorizing user is a member"])
def test_being_a_member_of_a_space_says_which_space_not_that_memberships_are_wanted(matcher, said: str) -> None:
    assert "member" not in build_query(said, matcher.index).terms
    assert not matcher.answer(said).scopes[0].startswith("spark:memberships")


@pytest.mark.parametrize("said, asks_who", [("schedule a meeting for the user who signed in", False),
                                            ("see who joined my meeting", True),
                                            ("list the users who joined my meeting", True),
                                            ("list the people who registered for my webinar", True)])
def test_who_after_the_actor_opens_a_relative_clause(matcher, said: str, asks_who: bool) -> None:
    who = matcher.index.lexicon.term("who")
    assert (who in build_query(said, matcher.index).terms) == asks_who


@pytest.mark.parametrize("said, thing, where", [
    ("create a couple of spaces inside the team", "spaces", "team"),
    ("list the people at one of our locations", "people", "locations"),  # after a thing, 'at' says where it is
    ("list the users assigned to the Leeds office location", "users", "location"),  # past a name and fillers
])
def test_what_a_thing_is_inside_weighs_less_than_the_thing(matcher, said: str, thing: str, where: str) -> None:
    query, term = build_query(said, matcher.index), matcher.index.lexicon.term
    assert query.terms[term(where)] < query.terms[term(thing)]


def test_assigned_to_after_a_thing_says_where_it_is_not_what_to_do(matcher) -> None:
    assign = matcher.index.lexicon.term("assign")
    assert assign not in build_query("list the users assigned to the Leeds location", matcher.index).terms
    assert assign in build_query("assign the users to the Leeds location", matcher.index).terms


@pytest.mark.parametrize("said, named", [("look at the locations of the org", "location"),
                                         ("who is assigned to the location", "location"),
                                         ("list the members at the time of the meeting", "meeting"),  # when
                                         ("post a message at the start of each meeting", "meeting")])
def test_at_with_no_thing_before_it_or_saying_when_names_no_container(matcher, said: str, named: str) -> None:
    query = build_query(said, matcher.index)
    assert query.terms[matcher.index.lexicon.term(named)] == 1.0


@pytest.mark.parametrize("said", ["read the people count of each Room Kit", "list the Desk Pros and Room Bars"])
def test_a_device_named_by_its_model_is_a_device_not_a_space(matcher, said: str) -> None:
    terms = build_query(said, matcher.index).terms
    assert matcher.index.lexicon.term("device") in terms and matcher.index.lexicon.term("room") not in terms


@pytest.mark.parametrize("said, read", [
    ("pop a note on the screen with UserInterface.Message.Alert.Display", "xapi command"),
    ("run UserInterface Message Alert Display on the Desk Pro", "xapi command"),
    ("wake it with Standby.Deactivate", "xapi command"),
    ("read RoomAnalytics.PeopleCount.Current", "xapi status"),  # a path that names no command: a status
    ("get Audio.Volume of my Desk Pro", "xapi status"),
    ("set the config key Audio.Microphones.Mute", None),  # a configuration
    ("our Call Settings For Me page", None),  # no xAPI path
    ("Video Mesh Node Restart via API", None),  # a product's name is no path
    ("execute Audio Microphones Mute on a device", "xapi command"),
    ("Our Audio Team Add-on posts messages", None),  # half of a hyphenated word is no command
])
def test_an_xapi_path_reads_as_an_xapi_command_or_status(matcher, said: str, read: str | None) -> None:
    as_read = matcher.index.lexicon.as_xapi_paths(said)
    assert [r for r in ("xapi command", "xapi status") if r in as_read] == ([read] if read else [])


def test_a_post_naming_an_xapi_command_needs_the_xapi_command_scope(matcher) -> None:
    answer = matcher.answer("When my build breaks, my script should pop an alert on my Desk Pro at home "
                            "using UserInterface Message Alert Display. Which scope?")
    assert answer.scopes[:1] == ["spark:xapi_commands"]


@pytest.mark.parametrize("said", ["For Webex Contact Center", "on Webex Calling"])
def test_a_clause_that_only_names_a_product_states_no_need(matcher, said: str) -> None:
    assert build_query(said, matcher.index).only_context


def test_a_product_named_before_the_need_adds_no_scope_of_its_own(matcher) -> None:
    answer = matcher.answer("For Webex Contact Center, which scope only reads configuration like entry points?")
    assert answer.scopes == ["cjp:config_read"]


def test_the_scopes_of_a_pasted_authorize_url_are_read_decoded(matcher) -> None:
    said = "my authorize URL has scope=spark%3Akms%20meeting%3Aschedules_read&state=x"
    assert "scope=spark:kms meeting:schedules_read" in normalise(said).prose
    assert sorted(matcher.answer(said).scopes[:2]) == ["meeting:schedules_read", "spark:kms"]


@pytest.mark.parametrize("said", ["service app for provisioning users, which scope and who authorizes it?",
                                  "what does the person authorizing the app need to be?"])
def test_who_authorizes_is_the_actor_not_the_authorizations_api(matcher, said: str) -> None:
    assert matcher.index.lexicon.term("authorizes") not in build_query(said, matcher.index).terms


def test_a_user_who_authorizes_still_says_which_user(matcher) -> None:
    said = "add people to a space from my integration; the user who authorizes is a member of that space"
    assert matcher.answer(said).scopes[:1] == ["spark:memberships_write"]


@pytest.mark.parametrize("text, kept", [
    ("need (a) creating meetings and (b) listing them", "need creating meetings and listing them"),
    ("1) list rooms", "list rooms"),
    ("see option (a).", "see option a"),
])
def test_a_list_items_letter_is_no_word(text: str, kept: str) -> None:
    assert " ".join(words(text)) == kept


def test_nothing_admin_says_the_user_acts(matcher) -> None:
    assert matcher.index.lexicon.audiences("create meetings for the signed in user nothing admin") == {"user"}


@pytest.mark.parametrize("text, recording", [
    ("create the Webex user from the HR record", False),
    ("enrich each record with the caller's name", False),
    ("the host can record the meeting", True),
    ("users record their meetings", True),
    ("the record button is greyed out", True),
    ("which scope lets the host record automatically once the meeting starts?", True),
])
def test_a_record_of_data_is_no_recording(matcher, text: str, recording: bool) -> None:
    term = matcher.index.lexicon.term
    assert (term("recording") in {term(w) for w in words(text)}) == recording


@pytest.mark.parametrize("text, setting", [("what's the minimal set to tick?", False), ("a set of scopes", False),
                                           ("set DND on my line", True), ("the right settings", True)])
def test_a_set_of_things_is_no_setting(matcher, text: str, setting: bool) -> None:
    term = matcher.index.lexicon.term
    assert (term("settings") in {term(w) for w in words(text)}) == setting


def test_a_need_told_before_a_question_that_names_nothing_is_a_guess_not_a_decline(matcher) -> None:
    post = ("Our Vue page shows the support desk the title of every space the signed-in person is in, newest "
            "first. Each title links to the space in the Webex app. We keep it simple for the whole company, so "
            "what's the right setup and scope?")
    answer = matcher.answer(post)
    assert answer.scopes == ["spark:rooms_read"] and answer.confidence == Confidence.LOW


def test_a_word_the_stemmer_leaves_alone_keeps_its_equivalents_apart_from_lookalikes(matcher) -> None:
    department = build_query("each user's department", matcher.index).terms
    assert "department" in department
    assert "department" in build_query("their departments", matcher.index).terms
    assert "department" not in build_query("the departing user", matcher.index).terms


@pytest.mark.parametrize("said, intent", [
    ("the weekly digest gets posted into the team space", "write"),  # the passive: its "get" is no read
    ("the join link got sent to the project space", "write"),
    ("we get the messages of the space", "read"),
    ("we want to notice when the user gets added to a space", None),  # the event a webhook tells
    ("how do I get scheduled meetings for a user", "read"),  # a participle before its noun
    ("I want to get registered devices in my org", "read"),
    ("how do I get started with reading messages in a space", "read"),
    ("a short recap is posted into the deal's space", "write"),  # "is" before a verb that names what it makes
    ("the summary is posted back to the user's 1:1 space", "write"),
    ("archive every message that gets posted in any space", "read"),  # which messages, not what the app does
    ("read each message as it is posted to a space", "read"),  # when, not what
])
def test_the_passive_with_get_says_what_is_done(matcher, said: str, intent: str | None) -> None:
    assert build_query(said, matcher.index).intent == intent


@pytest.mark.parametrize("said, intent", [
    ("DM cleanup for myself: list my 1:1 messages with a colleague", "read"),  # the label's noun is no verb
    ("Recording export: delete the recordings older than a year", "write"),
    ("Delete old recordings: the ones older than a year", "write"),  # no verb after the colon: the first counts
])
def test_after_a_label_the_verb_that_opens_the_need_says_what_to_do(matcher, said: str, intent: str) -> None:
    assert build_query(said, matcher.index).intent == intent


@pytest.mark.parametrize("said, intent", [
    ("archive a project space by deleting it", "write"),  # the goal is a read verb, the call a write
    ("keep a backup by exporting the messages of my spaces", "read"),
    ("archive the messages of a space", "read"),  # no means given: the verb itself
])
def test_the_verb_after_by_says_how_the_goal_is_reached(matcher, said: str, intent: str) -> None:
    assert build_query(said, matcher.index).intent == intent


@pytest.mark.parametrize("said, kept", [
    ("I'm a full admin, which scope lets my integration list every user in our org?", False),
    ("as a full administrator I need the list of all users", False),
    ("list the full administrators of our org", True),  # the role is what is asked about
])
def test_the_admin_role_the_asker_holds_is_no_term(matcher, said: str, kept: bool) -> None:
    assert ("full" in build_query(said, matcher.index).terms) == kept


@pytest.mark.parametrize("said, intent", [
    ("call back the missed numbers", "write"), ("a button to call that person back", "write"),
    ("ring them back from the user's line", "write"), ("list the calls I missed", "read"),
])
def test_calling_someone_back_dials(matcher, said: str, intent: str) -> None:
    assert build_query(said, matcher.index).intent == intent


@pytest.mark.parametrize("said, posts", [
    ("drop a short summary into the deal's Webex space", True),  # dropped into a space: posted
    ("it drops the daily prompt in the #standup channel", True),
    ("drop the user from the space", False),  # dropped from a space: removed
    ("we drop old spaces every month", False),
])
def test_a_thing_dropped_into_a_space_is_posted(matcher, said: str, posts: bool) -> None:
    terms = build_query(said, matcher.index).terms
    delete, message = matcher.index.lexicon.term("delete"), matcher.index.lexicon.term("message")
    assert (message in terms and delete not in terms) == posts


@pytest.mark.parametrize("post", ["post the meeting summary into the team space",
                                  "post the meeting recording link into the team space",
                                  "post the support ticket details into the team space"])  # no API resource
def test_what_a_message_posted_to_a_space_holds_is_no_need_of_its_own(matcher, post: str) -> None:
    assert matcher.answer(post).scopes[0] == "spark:messages_write"


def test_the_things_in_each_container_are_what_is_listed(matcher) -> None:
    terms = build_query("list the devices in each workspace", matcher.index).terms
    device, workspace = matcher.index.lexicon.term("device"), matcher.index.lexicon.term("workspace")
    assert terms[workspace] < terms[device]  # where each device is, not what is listed
    assert "spark-admin:devices_read" in matcher.answer("as admin, list workspaces, then list the devices in each "
                                                        "workspace").scopes


def test_what_precedes_a_scope_name_is_read_near_it_only() -> None:
    # "I have X" holds X; the same words far before a name say nothing of it (and are not read again per name)
    from bot.core.matching.evidence import _CONTEXT_BEFORE_RE, said_before
    text = "we have " + "spark:rooms_read"
    assert said_before(_CONTEXT_BEFORE_RE, text, len("we have "))
    far = "we have " + "x " * 200 + "spark:rooms_read"
    assert not said_before(_CONTEXT_BEFORE_RE, far, far.index("spark:"))


@pytest.mark.parametrize("text, asked", [
    ("meeting:schedules_write is already on the app, but the call is refused", []),
    ("`spark:rooms_read` has been granted; posting still fails", []),
    ("is spark:rooms_read enough to list my spaces?", ["spark:rooms_read"]),
    ("spark:rooms_read is what I should ask for?", ["spark:rooms_read"]),
])
def test_a_scope_told_as_there_after_its_name_is_held_not_asked(matcher, text: str, asked: list[str]) -> None:
    from bot.core.matching.evidence import asked_names
    assert [s.name for s in asked_names(text, matcher.index)] == asked


def test_a_clause_with_only_a_verb_borrows_the_nearest_topic_after_it_else_before(matcher) -> None:
    from bot.core.matching.clauses import _topic_donors
    index = matcher.index
    queries = [build_query(text, index) for text in ("list the rooms", "and delete", "then post a message", "and read")]
    donors = _topic_donors(queries, index.lexicon.verb_terms)
    assert [d.text if d else None for d in donors] == ["then post a message", "then post a message", "list the rooms",
                                                       "then post a message"]


def test_a_phrase_said_over_and_over_is_said_once_and_a_long_run_without_spaces_is_kept() -> None:
    assert normalise("lorem ipsum " * 6 + "list the rooms").prose.count("lorem") == 1
    assert "x:y" in normalise("x:y," * 2000).prose


@pytest.mark.parametrize("said, parts", [
    ("add the customer and the on-call engineer to it",
     ["add the customer to it", "add the on-call engineer to it"]),  # two people, one place: both clauses say it
    ("remove the contractor and the intern from the space",
     ["remove the contractor from the space", "remove the intern from the space"]),
    ("create a space and add the engineer to it", ["create a space", "add the engineer to it"]),
])
def test_people_added_to_one_place_are_each_added_there(matcher, said: str, parts: list[str]) -> None:
    assert [p.strip() for p in clause_parts(said, matcher.index)] == parts


@pytest.mark.parametrize("said, parts", [
    ("get notified when my meetings start and end", ["get notified when my meetings start and end"]),
    ("list my meetings and delete", ["list my meetings", "delete"]),  # no trigger: a verb of its own
])
def test_a_verb_that_ends_a_triggers_event_stays_in_it(matcher, said: str, parts: list[str]) -> None:
    assert [p.strip() for p in clause_parts(said, matcher.index)] == parts


@pytest.mark.parametrize("said, scope", [
    ("invite the participants to my meeting", "meeting:schedules_write"),  # invitees, before it starts
    ("invite attendees to my meeting", "meeting:schedules_write"),
    ("admit the participants waiting in the lobby", "meeting:participants_write"),  # those in the meeting
])
def test_people_invited_to_a_meeting_are_invitees(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


@pytest.mark.parametrize("said, scope", [
    ("@mention them in the team space", "spark:messages_write"),  # a post that mentions someone is written
    ("mention the assignee in a message", "spark:messages_write"),
    ("read the messages that mention my bot", "spark:messages_read"),  # mentions of the app are read
    ("drop the new hires into the welcome space", "spark:memberships_write"),  # people put in are added
    ("add the new hires to the space", "spark:memberships_write"),  # new people, not a new space
    ("add a new person to that team", "spark:team_memberships_write"),  # nor a new team
    ("add each new engineer to the Platform Eng team", "spark:team_memberships_write"),  # a team's name between
    ("drop the recap into the project space", "spark:messages_write"),  # a thing dropped in is posted
    ("fetch all the replies under one thread", "spark:messages_read"),  # replies that are read are messages
    ("read the replies in a thread", "spark:messages_read"),
    ("DM the summary to each invitee", "spark:messages_write"),  # whom a post goes to is a person
    ("remove an invitee from the meeting", "meeting:schedules_write"),
    ("reply in a thread", "spark:messages_write"),
])
def test_who_is_mentioned_or_dropped_in_says_what_is_written(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


def test_the_other_actors_scope_is_offered_only_when_it_serves_the_same_call(matcher) -> None:
    put = matcher.answer("curl -X PUT 'https://webexapis.com/v1/people/Y2lzY29?callingData=true' -d @person.json "
                         " what scopes for updating a person like this")
    assert put.scopes[:1] == ["spark-admin:people_write"]
    assert not any("spark:people_write" in note for note in put.assumptions)  # it changes calling settings only
    listed = matcher.answer("GET https://webexapis.com/v1/people?email=a@b.com scope?")
    assert any("spark-admin:people_read" in note for note in listed.assumptions)  # the admin lists the same way


def test_new_people_added_to_the_space_just_made_join_it(matcher) -> None:
    answer = matcher.answer("create a new space, add three new hires to it, then post a welcome message in it")
    assert {"spark:rooms_write", "spark:memberships_write", "spark:messages_write"} <= set(answer.scopes)
    assert not any(s.startswith("spark-admin:") for s in answer.scopes)  # not people to create


@pytest.mark.parametrize("said, scope", [
    ("update a user's display name", "spark-admin:people_write"),  # "display" names the name, it reads nothing
    ("change the displayName of a person as admin", "spark-admin:people_write"),
    ("list the display names of the people in a space", "spark:memberships_read"),
])
def test_a_display_name_is_a_name_not_a_verb(matcher, said: str, scope: str) -> None:
    answer = matcher.answer(said)
    assert answer.answered and answer.scopes[:1] == [scope]


@pytest.mark.parametrize("said", ["admin deleting someone else's meeting recording",
                                  "as an admin, delete somebody else’s meeting recording"])
def test_someone_elses_thing_is_another_users(matcher, said: str) -> None:
    assert matcher.answer(said).scopes[:1] == ["meeting:admin_recordings_write"]


@pytest.mark.parametrize("said, scope", [
    ("a nightly job keeps the hunt groups in sync with our HR system", "spark-admin:telephony_config_write"),
    ("admin job: sync the call queue agents from Workday every night", "spark-admin:telephony_config_write"),
    ("admin job: sync the call queues into ServiceNow every night", "spark-admin:telephony_config_read"),
])
def test_what_another_system_holds_synced_into_webex_is_written(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


@pytest.mark.parametrize("said", ["who actually showed up to my meeting and how long each person stayed",
                                  "after my webinar I want to know how many people turned up"])
def test_who_showed_up_is_who_attended(matcher, said: str) -> None:
    assert matcher.answer(said).scopes[:1] == ["meeting:participants_read"]


@pytest.mark.parametrize("said, kept", [("find the spaces with no activity for 6 months", set()),
                                         ("pull the call history once an hour", {"call"}),
                                         ("list the monthly billing reports", {"month"})])
def test_a_span_of_time_says_when_not_what(matcher, said: str, kept: set[str]) -> None:
    terms = set(build_query(said, matcher.index).terms)
    assert terms & {"month", "hour", "call"} == kept


@pytest.mark.parametrize("said", ["the message shows up in the space as plain text, why?"])
def test_something_that_shows_up_is_not_someone_attending(matcher, said: str) -> None:
    assert "meeting:participants_read" not in matcher.answer(said).scopes


def test_an_admin_acting_on_another_hosts_webinar_takes_the_admin_form(matcher) -> None:
    answer = matcher.answer("as admin, approve the registrants of another host's webinar")
    assert answer.scopes[:1] == ["meeting:admin_schedule_write"]


@pytest.mark.parametrize("said", ["admin: update another host's meeting", "update a meeting of another host as admin",
                                  "admin: delete another user's meeting", "create a meeting for someone else as admin"])
def test_an_admin_changing_another_hosts_meeting_needs_the_admin_schedule_scope(matcher, said: str) -> None:
    assert matcher.answer(said).scopes[:1] == ["meeting:admin_schedule_write"]  # not a recordings scope


@pytest.mark.parametrize("said, scope", [
    ("we hold spark:memberships_read; can we also add people to spaces with it or do we need more?",
     "spark:memberships_write"),
    ("our app holds spark:rooms_read, what else to rename a space", "spark:rooms_write"),
])
def test_a_scope_the_app_holds_is_not_the_answer_to_what_else_it_needs(matcher, said: str, scope: str) -> None:
    assert matcher.answer(said).scopes[:1] == [scope]


@pytest.mark.parametrize("said", ["Which scope does the integration need for that token call?",
                                  "the REST call fails", "an API call from our backend"])
def test_a_call_to_the_api_is_no_phone_call(matcher, said: str) -> None:
    assert "call" not in build_query(said, matcher.index).terms


@pytest.mark.parametrize("said", ["show which PSTN connection type each location is set up with. Full admin runs it.",
                                  "show which PSTN connection type each location is set up with. It runs as a "
                                  "read-only admin."])
def test_who_runs_the_app_asks_for_nothing_to_run(matcher, said: str) -> None:
    assert matcher.answer(said).scopes == ["spark-admin:telephony_pstn_read"]  # not the write twin for "runs"


def test_a_colon_before_what_the_app_does_ends_a_clause(matcher) -> None:
    answer = matcher.answer("We ship a service app that syncs our WFM schedule into Webex Calling: it reads each "
                            "call queue's settings and then updates the agent list. Which scopes?")
    assert {"spark-admin:telephony_config_read", "spark-admin:telephony_config_write"} <= set(answer.scopes)


def test_a_dash_between_spaces_ends_a_clause(matcher) -> None:
    answer = matcher.answer("e911 emergency address update for a location — scopes?")
    assert answer.scopes[:2] == ["spark-admin:telephony_pstn_write", "spark-admin:telephony_pstn_read"]


@pytest.mark.parametrize("said", ["user token", "the user's access token", "Admin authorizes.",
                                  "a full admin authorizes it"])
def test_whose_token_or_who_authorizes_says_who_acts_and_names_no_need(matcher, said: str) -> None:
    query = build_query(said, matcher.index)
    assert query.audiences and (query.only_context or not query.terms)


def test_a_user_token_lends_no_topic_to_a_bare_verb(matcher) -> None:
    answer = matcher.answer("list my voicemails, delete on swipe. user token. which scopes?")
    assert not any(s.endswith("people_write") for s in answer.scopes)  # "delete" acts on the voicemails


@pytest.mark.parametrize("said, twin", [
    ("after a meeting ends I fetch the summary (GET /v1/meetingSummaries?meetingId=...) and post it to Confluence; "
     "if the user clicks discard we delete the summary.", "meeting:summaries_write"),
    ("I list the members with GET /v1/memberships?roomId=..., then make some of them moderators",
     "spark:memberships_write"),
])
def test_a_pasted_calls_twin_the_words_ask_for_joins_the_plan(matcher, said: str, twin: str) -> None:
    assert twin in matcher.answer(said).scopes


@pytest.mark.parametrize("said", ["My integration registers two webhooks: `messages/created` and "
                                  "`memberships/created`. Which scopes?",
                                  "We register two webhooks: messages:created and memberships:created. Which scopes?"])
def test_webhooks_told_as_resource_and_event_need_their_resources_read_scopes(matcher, said: str) -> None:
    assert matcher.answer(said).scopes[:2] == ["spark:messages_read", "spark:memberships_read"]


def test_a_resources_events_in_a_post_that_creates_a_webhook_need_its_read_scope(matcher) -> None:
    said = ("I want telephony_calls events for my own Webex Calling line, user token. "
            "Which scope to create that webhook?")
    assert matcher.answer(said).scopes[:1] == ["spark:calls_read"]
