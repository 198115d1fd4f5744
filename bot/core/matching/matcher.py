"""The answer engine's entry point: a question in, an Answer out, in stages a reader can follow:

    read (normalise, language, evidence, guidance topics)  -> question.py
    resolve (names, then API calls, then words and clauses) -> this module, evidence.py, clauses.py
    calibrate (how sure), explain (why, assumptions)        -> calibrate.py, explain.py

Every tuned number is in tuning.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Callable

from bot.core.audit import Requested, audit
from bot.core.answer import HELD_NEED, Answer, AnswerKind, Confidence, Need, Via
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.oauth import AppLinks
from bot.core.matching import tuning as t
from bot.core.matching.calibrate import Signals, actor_conflict, call_signals, confidence, weakest
from bot.core.matching.clauses import (Clause, asks_beyond, best_need, clause_needs, clear_guess, eligible,
                                       is_rival, one_scope_suffices, refers_back, without_calls)
from bot.core.matching.evidence import (REFUSED_RE, SCOPE_NAME_RE, asked_names, asks_for_more, asks_for_several,
                                        asks_for_the_total, asks_if_needed, asks_instead, asks_what_is_missing,
                                        asks_which_to_use, asks_whether, fall_short, gives_too_little, guesses_differ,
                                        lacking, reports_failure, said_to_work, successor, without_names, without_total,
                                        working_calls)
from bot.core.matching.frames import with_together
from bot.core.matching.explain import (assumptions, decline_reason, language_decline, replaced, twin, why,
                                       with_twins)
from bot.core.matching.guidance import GuidanceFinder, without_who, without_who_asked
from bot.core.matching.index import Ranked, ScopeIndex
from bot.core.matching.lead import LeadModel
from bot.core.matching.lexicon import Lexicon, says_no_admin
from bot.core.matching.lookups import as_the_admin, with_the_people_listed
from bot.core.matching.normalise import sentence_of, sentences_of
from bot.core.matching.doubt import DoubtModel
from bot.core.matching.missed import MissedModel
from bot.core.matching.offtopic import OfftopicModel
from bot.core.matching.scope_model import NEEDS_PATH, ScopeModel
from bot.core.matching.topic_model import TopicModel
from bot.core.matching.platforms import PlatformFinder, access_settled
from bot.core.matching.query import MEMBERS_MARK, Query, asks_to_act, build_query, names_a_resource
from bot.core.matching.audits import audit_request, described_use
from bot.core.matching.call_table import call_need, call_rows
from bot.core.matching.calls import tells_a_webhook
from bot.core.matching.read_only import kept_to_reading
from bot.core.matching.question import Question, asks_what_it_is, read_question
from bot.core.text import words


@dataclass
class Draft:
    """An answer before calibration: what was found and what it rests on."""

    kind: AnswerKind
    needs: list[Need] = field(default_factory=list)
    signals: list[Signals] = field(default_factory=list)
    why: str = ""
    elsewhere: bool = False  # about another product: no Webex explanation fits either
    unsure: bool = False  # a question about Webex or its API declined for want of a clear match ("rather not guess")


_EXPLAINABLE = (AnswerKind.SCOPE, AnswerKind.PLAN, AnswerKind.CLARIFY)  # kinds an explanation may lead


class Matcher:
    """Answers questions from a KnowledgeBase; build once, then call `answer` many times."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.index = ScopeIndex(kb, Lexicon(kb.vocabulary))
        self.guidance = GuidanceFinder(kb.guidance, self.index.lexicon)
        self.platforms = PlatformFinder(kb.vocabulary)
        self.offtopic, self.topics, self.doubt = OfftopicModel.load(), TopicModel.load(), DoubtModel.load()
        self.missed, self.lead, self.scope_model = MissedModel.load(), LeadModel.load(), ScopeModel.load()
        self.needs_model = ScopeModel.load(NEEDS_PATH)

    def answer(self, question: str, links: AppLinks = AppLinks()) -> Answer:
        """The least-privilege scopes for `question`, an explanation, an audit of the scopes it lists as requested
        (`links` build the app's corrected authorization URL), or a decline saying why."""
        requested = audit_request(question, self.index)
        if requested is not None:
            audited = self.audit(question, requested, described_use(question), links)
            if requested.url or (audited.audit is not None and audited.audit.described):
                return audited  # names alone, with nothing to check them against, are a plan
        q, sure = self.undoubted(question)
        doubted = self.doubt.doubted(sure, q, self.kb, self.offtopic, self.topics)
        steered = self.scope_model.steered(doubted, q, self.index, self.needs_model.probabilities)
        return kept_to_reading(steered, q, self.kb)

    def undoubted(self, question: str) -> tuple[Question, Answer]:
        """The question as read and its answer with the needs it likely missed, before the doubt model (what
        that model learns from: bench/train_doubt.py)."""
        q, first = self.first_answer(question)
        read, needs = self.scope_model.probabilities, self.needs_model.probabilities
        return q, self.lead.led(self.missed.completed(first, q, self.index, read, needs), q, len(first.needs), read)

    def first_answer(self, question: str) -> tuple[Question, Answer]:
        """The question as read and its answer before the needs it may miss are added (what the model
        of missed needs learns from: bench/train_missed.py)."""
        q, draft = self.analyse(question)
        return q, self._finish(q, draft)

    def audit(self, question: str, requested: Requested, does: str, links: AppLinks = AppLinks()) -> Answer:
        """The requested scopes against what `does` (words or code) needs; `links` make the
        corrected authorization URL when none was pasted."""
        found = self._finish(*self.analyse(does)) if does.strip() else None
        if found is None or not found.needs:  # an explanation with scopes counts as a use too
            return Answer(question, AnswerKind.AUDIT, why="what the app does was not said",
                          audit=audit(requested, (), self.kb, links))
        result = audit(requested, found.scopes, self.kb, links)
        return Answer(question, AnswerKind.AUDIT, found.needs, found.why, found.confidence, found.assumptions,
                      found.guidance, found.calls, result)

    def analyse(self, question: str) -> tuple[Question, Draft]:
        """The question as read and the draft answer with its signals (for calibration)."""
        read = self.topics.beside(read_question(question, self.index, self.guidance))
        return read, self._resolve(read)

    # ----- resolving: strongest evidence first ----------------------------------------------

    def _resolve(self, q: Question) -> Draft:
        # "for the Zoom side I need ...", "the Zoom equivalent of meeting:schedules_write?": the asking sentences decide
        platform = (None if q.named else self.platforms.other_platform(q.text)) or self.platforms.other_side(q.asking)
        if platform:
            return Draft(AnswerKind.DECLINE, why=f"this is about {platform}, not Webex", elsewhere=True)
        if q.named:
            return self._named_or_described(q)
        from_calls = beside_told_webhooks(self._from_calls(q), q, self._from_words, self.index)
        if from_calls.needs:
            words = without_calls(q.prose, [c.endpoint.text if c.endpoint else c.words for c in q.calls])
            # any sentence, not only those that ask: "Plan: a webhook on X, then GET it, then reply"
            if asks_beyond(words, {n.scope for n in from_calls.needs}, self.index):
                from_calls.signals = [replace(s, focused=True) for s in from_calls.signals]  # may miss one
                return told_beside_calls(from_calls, q, words, self.index)
            return from_calls
        return or_the_whole_post(self._from_words(q), q, self._from_words)

    def _named_or_described(self, q: Question) -> Draft:
        """A named scope answers the question when the question asks about it. Named as what
        the app has ("I have spark:messages_write, why can't I read messages?") or beside an API
        call, it gives way to the call or to the need the asking sentence describes."""
        named = from_names(q, self.kb, self.index)
        if named.kind == AnswerKind.COMPARE:  # "X vs Y, which for GET /v1/admin/recordings?": the one that fits
            asked = SCOPE_NAME_RE.sub(" ", q.asking)  # what the asking sentence says first, then any call
            return fitted(named, self._from_words(replace(q, focus=asked)).needs + self._from_calls(q).needs)
        if named.kind == AnswerKind.UNLOCKS:
            return named
        mentioned = f"you mentioned {', '.join(s.name for s in q.named)}; "
        from_calls = without_held(self._from_calls(replace(q, cues=calling_as(q, self.index))), q, self.index)
        if from_calls.needs and not {n.scope for n in from_calls.needs} <= set(q.named):
            from_calls.why = mentioned + from_calls.why
            return from_calls
        if from_calls.needs and refused_call(q, self.index) and not asks_instead(q.asking):  # the role is missing
            named.signals = [replace(s, focused=True) for s in named.signals]
            return named
        short = fall_short(q.message.prose)
        described = self._from_words(replace(q, focus=asked_for(q.asking)))
        if asked_names(q.asking, self.index) and not short and not guesses_differ(q.message.prose):
            return in_doubt(named, described, q, self.kb, mentioned)
        held = told_as_held(q, self.index)
        if held and not described.needs:
            described = self._from_words(replace(q, focus=told_before(q)))
        # Had it, still refused: another resource's scope is missing; for the same resource
        # (the user form of the admin scope it has), the role is, and the named scope stays.
        refused = (bool(REFUSED_RE.search(q.message.prose)) and described_surely(described, q, self.index)
                   and not all(another_form(n.scope, q.named, self.kb) for n in described.needs))
        sure = described_fully(described, q, self.index)
        if described.needs and (short or refused or held or sure or guesses_differ(q.message.prose)):
            described.why = mentioned + described.why
            return beside_held(described, q) if held else described
        named.signals = [replace(s, focused=True) for s in named.signals]
        return user_form(named, q, self.kb, mentioned) if asks_instead(q.asking) else named

    def _from_calls(self, q: Question) -> Draft:
        draft = Draft(AnswerKind.PLAN)
        refused = bool(REFUSED_RE.search(q.prose))
        works = working_calls(q.prose, self.index) if refused else set()
        for call in [c for c in q.calls if not said_to_work(c, works)] or q.calls:
            need = call_need(call, q.cues, self.index)
            if need is not None and all(n.scope != need.scope for n in draft.needs):
                draft.needs.append(need)
                draft.signals.append(call_signals(need, call, q.cues, q.language is not None))
        # several calls: those that change something lead, the lookups that serve them follow; when one is
        # refused, the order told stays (the refused one may be a lookup)
        pairs = sorted(zip(draft.needs, draft.signals), key=lambda p: p[0].scope.access == "read" and not refused)
        draft.needs, draft.signals = [n for n, _ in pairs], [s for _, s in pairs]
        draft.kind = AnswerKind.SCOPE if len(draft.needs) == 1 else AnswerKind.PLAN
        draft.why = why(draft.needs)
        return draft

    def _from_words(self, q: Question) -> Draft:
        focus = without_who_asked(self.guidance.without_cues(q.focus) if q.topics else q.focus)
        whole, actor = focus_query(focus, q, self.index)
        if q.language and len(set(q.prose.lower().split())) < t.FOREIGN_MIN_WORDS:  # read as "share share"
            return Draft(AnswerKind.DECLINE, why=decline_reason(whole))
        candidates = self.index.rank(whole)
        ranked = eligible(candidates, whole, self.index)
        if ranked and q.topics and asks_what_it_is(focus) and not self._ranked(
                build_query(self.guidance.without_cues(focus, True), self.index)):
            ranked = []  # "what is a service app": the explanation is the answer, not a scope
        clauses = asked_first(clause_needs(focus, self.index, actor=actor), q.asking, focus, self.index)
        if len(clauses) >= 2 and not one_scope_suffices(ranked[0] if ranked else None, clauses, self.index,
                                                        whole.audiences):
            clauses = change_leads(clauses, focus)
            needs = [c.need for c in clauses]
            signals = [replace(word_signals(c.query, c.ranked, q), split=True) for c in clauses]
            return Draft(AnswerKind.PLAN, needs, signals, why(needs))
        if ranked:
            need = best_need(focus, ranked)
            if half := other_half(need, clauses, ranked):  # "read the setting, then set it": both halves
                return both_halves(need, word_signals(whole, ranked, q), half, q)
            return Draft(AnswerKind.SCOPE, [need], [word_signals(whole, ranked, q)], why([need]))
        if clauses:
            clause: Clause = clauses[0]
            signals = Signals(Via.WORDS, coverage=0.0)  # only a part of the question was understood
            return Draft(AnswerKind.SCOPE, [clause.need], [signals], why([clause.need]))
        if (guess := guessed(q, candidates, whole.acted_on, self.offtopic, self.index)) is not None:
            need = best_need(focus, [guess])
            return Draft(AnswerKind.SCOPE, [need], [Signals(Via.WORDS, coverage=0.0)], why([need]))
        return Draft(AnswerKind.DECLINE, why=decline_reason(whole),
                     unsure=bool(whole.terms) and self.platforms.speaks_of_building(q.text))

    def _ranked(self, query: Query) -> list[Ranked]:
        return eligible(self.index.rank(query), query, self.index)

    # ----- finishing: guidance, confidence, assumptions -----------------------------------------

    def _finish(self, q: Question, draft: Draft) -> Answer:
        draft = for_the_actor(replace(draft, needs=current(draft.needs, draft.kind, self.kb)), q, self.kb)
        audiences = {n.scope.audience for n in draft.needs} | {s.audience for s in q.named}
        topics, raised = topics_of(q, audiences, self.guidance)
        level = calibrated(draft, q, self.offtopic)
        words_only, acts = all(n.via == Via.WORDS for n in draft.needs), partial(asks_to_act, index=self.index)
        if elsewhere := (self.platforms.answered_elsewhere(q, words_only, level == Confidence.HIGH, acts)
                         or access_settled(q, _covered(draft, q), partial(names_a_resource, index=self.index))
                         or self.offtopic.declines(q, draft.needs, topics, held_scopes(q, self.index), level, acts)):
            draft = Draft(AnswerKind.DECLINE, why=elsewhere, elsewhere=True)
        if (restating := restated(draft, raised, self.guidance, self.index)) or draft.kind == AnswerKind.DECLINE:
            return self._explained_or_declined(q, draft, restating or topics)
        kind = draft.kind
        if kind == AnswerKind.SCOPE and level != Confidence.HIGH and two_readings(draft.needs[0]):
            kind = AnswerKind.CLARIFY
        if kind in _EXPLAINABLE and topics and self.guidance.leads(topics[0], audiences, level == Confidence.LOW):
            kind, draft = AnswerKind.GUIDANCE, explained_first(draft, q, topics, level == Confidence.LOW, self)
        notes = replaced(draft.needs, self.kb)
        notes += assumptions(draft.needs, q.cues, q.language, q.prose, self.kb) if level != Confidence.HIGH else ()
        # the app has the need's scope and is refused: a scope that must go with it is missing, and leads
        held = (held_scopes(q, self.index) if reports_failure(q.message.prose) and "admin-role" not in q.topics
                else frozenset())  # a person without the role: the role is missing, not a scope (as `without_held`)
        needs = [lacking_beside(n, held) for n in with_together(draft.needs, self.index, q.text)]
        needs = ([with_twins(needs[0], self.kb, q.cues, q.prose)] if level != Confidence.HIGH and len(needs) == 1
                 else needs)
        return Answer(q.text, kind, unmarked(needs), draft.why.replace(MEMBERS_MARK, ""), level, notes, topics,
                      call_rows(q.text, q.calls, q.cues, self.index))

    def _explained_or_declined(self, q: Question, draft: Draft, topics: tuple[str, ...]) -> Answer:
        """An explanation when the question touches a guidance topic and no scope is clear enough to stand
        beside it; else a decline that says why, not sure for a question about Webex it could not place or read."""
        if topics and not draft.elsewhere and about_webex(q, self.index):
            needs = tuple(topic_scope(q, topics, self.index, self.guidance))
            return Answer(q.text, AnswerKind.GUIDANCE, needs, why="this is answered by an explanation" + (
                "" if needs else ", not a scope"), confidence=Confidence.MEDIUM, guidance=topics)
        return Answer(q.text, AnswerKind.DECLINE, why=language_decline(q.language) if q.language else draft.why,
                      confidence=Confidence.LOW if q.language or draft.unsure else Confidence.HIGH, guidance=topics)


def compared(scopes: list[Scope]) -> Answer:
    """Scopes side by side (a card's 'compare' button): no question to read, so no matcher."""
    needs = tuple(Need(s.name, s, Via.NAME, (s.name,)) for s in scopes[:3])
    return Answer("compare " + " vs ".join(n.scope.name for n in needs), AnswerKind.COMPARE, needs,
                  "Here is how these scopes differ.")


def topics_of(q: Question, audiences: set[str], guidance: GuidanceFinder) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The answer's guidance topics (the question's own, then those its scopes' audiences bring), and of them
    the ones the question raises: its own, a refusal's, a question of who may authorize."""
    answered, raised = guidance.answer_topics(q.text, audiences)
    return tuple(dict.fromkeys(q.topics + answered)), tuple(dict.fromkeys(q.topics + raised))


def restated(draft: Draft, raised: tuple[str, ...], guidance: GuidanceFinder, index: ScopeIndex) -> tuple[str, ...]:
    """The topics the question raises, when every need of the draft only restates them: judged by those
    topics, not by the ones its scopes bring ("scope to delete a webhook" is not a Compliance Officer's). A need
    whose verb acts on what no scope of the topics is for stays a need of its own: "what scope for creating
    users?" beside a service app's cues ("not tied to one person") asks for the scope to create people."""
    return raised if raised and draft.needs and all(
        n.via == Via.WORDS and guidance.restates(raised, n.scope, n.evidence)
        and not _acts_beyond(n, raised, guidance, index) for n in draft.needs) else ()


def _acts_beyond(need: Need, topics: tuple[str, ...], guidance: GuidanceFinder, index: ScopeIndex) -> bool:
    """Whether a verb of the need acts on a resource (the first one named within reach after it) that is neither
    what a topic is named for ("create a webhook": webhooks) nor what a scope the topics list is for."""
    lexicon, said = index.lexicon, words(need.text)
    acted = {next((term for x in said[i + 1:i + 1 + t.OBJECT_REACH]
                   if (term := lexicon.term(x)) in index.resource_terms), None)
             for i, w in enumerate(said) if w in lexicon.verb_forms} - {None}
    own = {lexicon.term(w) for topic in topics for w in words(topic.replace("-", " "))}
    own.update(*(index.named_for(s) for name in guidance.listed(topics) if (s := index.kb.get(name)) is not None))
    return bool(acted - own)


def from_names(q: Question, kb: KnowledgeBase, index: ScopeIndex) -> Draft:
    """The scopes a question names as its answer: compared, asked what one unlocks, or the plan they make; a
    name said to fail, or asked to be used, gives way to its successor."""
    needs = [Need(s.name, s, Via.NAME, (s.name,)) for s in q.named]
    signals = [Signals(Via.NAME)] * len(needs)
    raw, lexicon = without_names(q.message.prose), index.lexicon
    if len(needs) >= 2 and lexicon.asks_to_compare(raw):
        return Draft(AnswerKind.COMPARE, needs[:3], signals[:3],
                     f"You named {needs[0].scope.name} and {needs[1].scope.name}; here is how they differ.")
    if len(needs) == 1 and lexicon.asks_what_it_unlocks(raw) and not q.calls:  # beside a call: what it needs
        return Draft(AnswerKind.UNLOCKS, needs, signals, f"you asked what {needs[0].scope.name} unlocks")
    if reports_failure(q.message.prose) or asks_which_to_use(q.asking) or asks_instead(q.asking):  # "X fails"
        needs = [successor(n, kb) for n in needs]
        signals = [Signals(Via.NAME, focused=n.scope.name != n.evidence[0]) for n in needs]  # inferred: not sure
    if asks_whether(q.asking):  # "should we ask for X?", "does X include Y?": the name is in doubt
        signals = [replace(s, focused=True) for s in signals]
    return Draft(AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN, needs, signals, why(needs))


def or_the_whole_post(draft: Draft, q: Question, from_words: Callable[[Question], Draft]) -> Draft:
    """When the sentences that ask name nothing the index knows ("so what's the right setup and scope?"),
    the need may be told elsewhere in the post: read it all, as a guess (the asking was not understood)."""
    if draft.kind != AnswerKind.DECLINE or q.focus == q.prose:
        return draft
    whole = from_words(replace(q, focus=q.prose))
    whole.signals = [replace(s, coverage=0.0, focused=True) for s in whole.signals]
    return whole if whole.needs else draft


def told_as_held(q: Question, index: ScopeIndex) -> bool:
    """Whether the scopes the post names are what the app has, with the need told before the asking sentence:
    "has X; now Y too", or "has X. I can't list the recordings. What's missing?" (an asking sentence of no known
    word, where nothing failed and no role is in question: else the named scope stays the answer)."""
    if asked_names(q.message.prose, index):
        return False
    missing = (asks_what_is_missing(q.asking) and not build_query(asked_for(q.asking), index).known
               and not q.topics and not reports_failure(q.message.prose))
    return asks_for_more(q.message.prose) or missing


def told_before(q: Question) -> str:
    """The post less the scopes it names and less its sentences that ask who may authorize: "we hold X; now we
    need the transcripts too. Who should authorize that?" needs the transcripts read."""
    return without_total(SCOPE_NAME_RE.sub(" ", without_who(q.focus)))


def asked_for(asking: str) -> str:
    """What the asking sentences describe, less the scopes they name and the sentences that ask who may authorize
    or which role it takes ("I requested X, but get 403. What role do I need?": the scope named stays)."""
    return without_total(SCOPE_NAME_RE.sub(" ", without_who(asking)))


def beside_told_webhooks(webhooks: Draft, q: Question, from_words: Callable[[Question], Draft],
                         index: ScopeIndex) -> Draft:
    """Beside the webhooks a post tells only by their events ("a webhook when someone is added to a space"),
    the needs its other clauses state ("... and post a welcome message", "... and fetch its transcript"):
    there, the prose is the post; not the clauses about the webhook itself."""
    if not webhooks.needs or not all(c.told for c in q.calls):
        return webhooks
    words = from_words(q)
    told = list(zip(words.needs, words.signals)) + [
        (c.need, replace(word_signals(c.query, c.ranked, q), split=True))
        for c in clause_needs(q.focus, index, skip=tells_a_webhook)]
    others: list[tuple[Need, Signals]] = []
    seen = {n.scope for n in webhooks.needs}
    for need, signals in told:
        if need.scope not in seen and not tells_a_webhook(need.text) and "webhooks" not in need.scope.name:
            others.append((need, signals))
            seen.add(need.scope)
    if not others:
        return webhooks
    needs = webhooks.needs + [n for n, _ in others]
    return Draft(AnswerKind.PLAN, needs, webhooks.signals + [s for _, s in others], why(needs))


def told_beside_calls(from_calls: Draft, q: Question, words: str, index: ScopeIndex) -> Draft:
    """Beside the calls a post pastes, the read/write twin of a call's scope that its `words` ask to do ("GET
    /meetingSummaries ... and if the user clicks discard we delete the summary"); the words' other needs are left
    to the missed-need stage (taken all from the words here, development answers fell: -9 of 6794)."""
    if all(c.told for c in q.calls):  # webhooks told by their events: their resource is watched, not changed
        return from_calls
    seen = {n.scope for n in from_calls.needs}
    twins = {n.scope.counterpart for n in from_calls.needs if n.scope.counterpart}
    told: list[Clause] = []
    for clause in clause_needs(words, index):
        scope = clause.need.scope
        if scope.name in twins and scope not in seen and clause.query.intent == scope.access:
            seen.add(scope)
            told.append(clause)
    if not told:
        return from_calls
    needs = from_calls.needs + [c.need for c in told]
    signals = from_calls.signals + [replace(word_signals(c.query, c.ranked, q), split=True) for c in told]
    return Draft(AnswerKind.PLAN, needs, signals, why(needs))


def _covered(draft: Draft, q: Question) -> bool:
    """Whether the draft's needs are covered by the scopes the post names; in a post that names none, by the calls
    it shows, when no need rests on words alone ("wxc_sdk works great ... how do I fetch them concurrently?")."""
    to_name = {n.scope for n in draft.needs if q.named or n.via == Via.WORDS}
    return bool(draft.needs) and to_name <= set(q.named)


def calibrated(draft: Draft, q: Question, model: OfftopicModel) -> Confidence:
    """How sure the answer is: as sure as its least sure need, and never high in a post that reads
    somewhat off-topic, nor for a call the post says returns too little ("GET /rooms only returns my
    own spaces": another scope may be the answer)."""
    signals = draft.signals
    if gives_too_little(q.prose):
        signals = [replace(s, focused=True) if s.via == Via.ENDPOINT else s for s in signals]
    return model.doubted(weakest([confidence(s) for s in signals]), q) if draft.needs else Confidence.LOW


def guessed(q: Question, candidates: list[Ranked], acted_on: str | None, model: OfftopicModel,
            index: ScopeIndex) -> Ranked | None:
    """When nothing passes the decline line: a candidate that names its resource and leads clearly,
    or the best one of a post the model reads clearly as a scope question."""
    return clear_guess(candidates, index, acted_on) or read_as_asked(q, candidates, model, index)


def read_as_asked(q: Question, candidates: list[Ranked], model: OfftopicModel, index: ScopeIndex) -> Ranked | None:
    """The best of loosely matched candidates, when it leads, rests on more than a generic verb and the
    post reads clearly as a scope question ("Is there an API for that?" after every admin action pulled
    into Splunk): a guess."""
    if not candidates or set(candidates[0].evidence) <= index.generic_verbs:
        return None
    lead = candidates[0].score - (candidates[1].score if len(candidates) > 1 else 0.0)
    return candidates[0] if model.asks_for_scopes(q, lead) else None


def explained_first(draft: Draft, q: Question, topics: tuple[str, ...], guess: bool, matcher: Matcher) -> Draft:
    """The draft of an answer that explains first (a bot, a person without the role, no clear scope): one low
    guess about nothing the question names gives way to the scope the topic offers ("... a temporary identity per
    patient: which scope?"); a guess the topic lists, or one named for what the question names, stays."""
    need = draft.needs[0] if guess and len(draft.needs) == 1 else None
    if need is None or matcher.guidance.lists(topics, need.scope) or (
            matcher.index.named_for(need.scope) & set(build_query(q.focus, matcher.index).terms)):
        return draft
    offered = topic_scope(q, topics, matcher.index, matcher.guidance)
    return replace(draft, needs=offered) if offered else draft


def topic_scope(q: Question, topics: tuple[str, ...], index: ScopeIndex, guidance: GuidanceFinder) -> list[Need]:
    """The scope an explanation brings when the words of the question, its topic words kept, clearly
    ask for one the topic lists ("how does our backend get the service app's access token?"); not
    when they only restate the topic ("which scope to create a webhook"), nor beside a pasted call.
    Else, when the question asks which scope to pick, the one the topic offers."""
    query = build_query(q.focus, index)
    ranked = [] if q.calls else eligible(index.rank(query), query, index, t.CONFIDENT_FROM)
    if not ranked or not guidance.lists(topics, ranked[0].scope) or guidance.restates(
            topics, ranked[0].scope, ranked[0].evidence):
        offered = index.kb.get(guidance.offered(topics, q.asking) or "")  # "which scopes do I pick for it?"
        return [Need(offered.name, offered, Via.WORDS, topics[:1])] if offered else []
    return [best_need(q.focus, ranked)]


def about_webex(q: Question, index: ScopeIndex) -> bool:
    """Whether a question with no scope in it is still about Webex (so guidance fits)."""
    query = build_query(q.prose, index)
    return query.known > 0 or any(w in q.prose.lower() for w in ("webex", "scope", "token", "403"))


def word_signals(query: Query, ranked: list[Ranked], q: Question) -> Signals:
    """What a words answer rests on: coverage, lead, unknown and repaired words, and who acts."""
    best = ranked[0]
    margin = best.score - ranked[1].score if len(ranked) > 1 else 1.0
    if any(is_rival(best, r) for r in ranked[1:4]):
        margin = 0.0  # a second reading close behind: not sure which is meant
    counted = query.known + query.unknown
    return Signals(Via.WORDS, best.coverage, margin, query.unknown / counted if counted else 1.0,
                   query.repaired, q.language is not None, q.focus != q.prose,
                   actor_conflict=actor_conflict(best.scope.audience, query.audiences | q.cues),
                   verbs_only=query.verbs_only)


def beside_held(described: Draft, q: Question) -> Draft:
    """What the app lacks first; the scopes it already has after them when the question asks
    for the whole list ("what's the final list?"), else left out."""
    pairs = sorted(zip(described.needs, described.signals), key=lambda p: p[0].scope in q.named)
    if asks_for_the_total(q.asking):
        pairs += [(Need(HELD_NEED, s, Via.NAME, (s.name,)), Signals(Via.NAME)) for s in q.named
                  if all(n.scope != s for n, _ in pairs)]
    needs, signals = [n for n, _ in pairs], [s for _, s in pairs]
    kind = AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN
    return Draft(kind, needs, signals, described.why)


def focus_query(focus: str, q: Question, index: ScopeIndex) -> tuple[Query, frozenset[str]]:
    """The focus's query, and who acts when the post says so only outside the sentences that state the need
    ("... resets that user's voicemail PIN. Admin integration."): an admin, a partner or a service app, never
    the user or an officer; not in a post about a role or a kind of app, where who acts is what is asked
    ("I'm a full admin, yet ..."). The query then has that actor."""
    whole = build_query(focus, index)
    if whole.audiences or "user" in q.cues or q.topics or not (actor := q.cues - {"compliance"}):
        return whole, frozenset()
    return replace(whole, audiences=actor), actor


def calling_as(q: Question, index: ScopeIndex) -> frozenset[str]:
    """Who makes a post's calls beside the scopes it names: as whom the scopes it lacks act ("all but
    spark-admin:x; GET /v1/x fails"); else who the prose says, and as whom the scopes it has act ("has
    spark-compliance:x"); else as its names do."""
    return frozenset({s.audience for s in lacking(q.message.prose, index)}
                     or (q.cues | {s.audience for s in held_scopes(q, index)}) or {s.audience for s in q.named})


def refused_call(q: Question, index: ScopeIndex) -> bool:
    """Whether the post names only scopes that need a role, tells a refusal and pastes a call it does not say
    works: a user's scope refused ("meeting:schedules_read; GET /v1/meetings?hostEmail=... 403") needs another."""
    if not REFUSED_RE.search(q.message.prose) or any(s.audience == "user" for s in q.named):
        return False
    works = working_calls(q.prose, index)
    return any(not said_to_work(call, works) for call in q.calls)


def without_held(from_calls: Draft, q: Question, index: ScopeIndex) -> Draft:
    """Calls beside the scopes the app has ("scopes on the app: X Y; this call gives 403"): a call whose
    scope the app has needs the scope it lacks for it, and, refused, the calls those scopes grant are not
    what fails, unless every call is one of them. A scope the post asks about ("do I need X?") is not one
    it has."""
    held = held_scopes(q, index)
    if "admin-role" not in q.topics:  # a person without the role: the role is missing, not a scope
        lacked = [lacking_beside(n, held) for n in with_together(from_calls.needs, index, q.prose)]
        from_calls = replace(from_calls, needs=lacked)
    kept = [(n, s) for n, s in zip(from_calls.needs, from_calls.signals) if n.scope not in held]
    if not kept or len(kept) == len(from_calls.needs) or not REFUSED_RE.search(q.text):
        return from_calls
    needs = [n for n, _ in kept]
    return Draft(AnswerKind.SCOPE if len(needs) == 1 else AnswerKind.PLAN, needs, [s for _, s in kept], why(needs))


def lacking_beside(need: Need, held: set[Scope]) -> Need:
    """A call whose scope the app has, but not a scope that must go with it (POST virtualExtensions with
    spark-admin:telephony_config_write, without identity:contacts_rw): the one it lacks is the need."""
    missing = [s for s in need.together if s not in held]
    if need.scope not in held or not missing:
        return need
    return replace(need, scope=missing[0], together=(need.scope, *missing[1:]))


def in_doubt(named: Draft, described: Draft, q: Question, kb: KnowledgeBase, mentioned: str) -> Draft:
    """One scope asked about in a yes/no question ("do I need spark:all to list my spaces?"): the need
    the asking sentence describes surely and with no rival, when it is another scope and not one that
    works beside it (the Calling SDK's spark:webrtc_calling beside spark:xsi); the user form of an admin
    scope when the post says only a user acts ("do I need X? I'm not an admin"); else the scope itself. Not
    asked whether it is needed but what to use instead, only the user form may replace it."""
    if not asks_if_needed(q.asking) or len(named.needs) != 1:
        return user_form(named, q, kb, mentioned) if asks_instead(q.asking) else named
    scope = named.needs[0].scope
    found = described.needs[0].scope if described.needs else None
    beside = found is not None and scope.name in found.related and scope.name != found.counterpart
    if found not in (None, scope) and not beside and all(
            s.coverage >= t.SUFFICES_FROM and s.margin > 0 for s in described.signals):
        return replace(described, why=mentioned + described.why)
    return user_form(named, q, kb, mentioned)


def user_form(named: Draft, q: Question, kb: KnowledgeBase, mentioned: str) -> Draft:
    """The user form of one named admin scope when the post says only users act ("do I need X? I'm not an
    admin", "regular employees get errors with X; what should it be instead?"); else the scope itself."""
    scope = named.needs[0].scope if len(named.needs) == 1 else None
    user = twin(scope, kb) if scope else None
    if (scope is None or scope.audience != "admin" or user is None or user.audience != "user" or "admin" in q.cues
            or not says_no_admin(q.prose)):
        return named
    need = Need(user.name, user, Via.NAME, (scope.name,), alternatives=(scope,), inferred=True)
    return Draft(AnswerKind.SCOPE, [need], [Signals(Via.NAME, focused=True)],
                 f"{mentioned}{user.name} is its form for a user acting for themself")


def described_fully(described: Draft, q: Question, index: ScopeIndex) -> bool:
    """Whether the need the asking sentence describes was read with confidence and names a resource or an
    action ("how do I dial out?"); "why doesn't it work?" names neither, though "work" alone fits a scope."""
    asked = SCOPE_NAME_RE.sub(" ", q.asking)
    return all(s.coverage >= t.CONFIDENT_FROM for s in described.signals) and (
        names_a_resource(asked, index) or build_query(asked, index).intent is not None)


def described_surely(described: Draft, q: Question, index: ScopeIndex) -> bool:
    """Whether the need the asking sentence describes was read in full and names a resource: a need only
    partly read, or read from "What gives?", is no cause to set a refused named scope aside."""
    return all(s.coverage for s in described.signals) and names_a_resource(SCOPE_NAME_RE.sub(" ", q.asking), index)


def another_form(scope: Scope, named: tuple[Scope, ...], kb: KnowledgeBase) -> bool:
    """Whether a named scope is `scope` or its form for another actor: the user or admin twin, or the
    compliance form of the same resource (spark-compliance:messages_read for spark:messages_read)."""
    resource = scope.name.partition(":")[2]
    return scope in named or twin(scope, kb) in named or any(
        s.audience == "compliance" and s.name.partition(":")[2] == resource for s in named)


def held_scopes(q: Question, index: ScopeIndex) -> frozenset[Scope]:
    """The named scopes the post says the app has, not those it asks about."""
    return frozenset(q.named) - set(asked_names(q.message.prose, index))


def fitted(compared: Draft, fit: list[Need]) -> Draft:
    """Scopes compared for a need the question also tells (`fit`, likeliest first): the first
    compared scope among them leads; when it asks which and none fits, the order is no answer, so
    no compared scope is sure."""
    chosen = next((n.scope for n in fit if n.scope in {c.scope for c in compared.needs}), None)
    if chosen is None:
        signals = [replace(s, focused=True) for s in compared.signals] if fit else compared.signals
        return Draft(compared.kind, compared.needs, signals, compared.why)
    order = sorted(range(len(compared.needs)), key=lambda i: compared.needs[i].scope != chosen)
    return Draft(compared.kind, [compared.needs[i] for i in order], [compared.signals[i] for i in order],
                 f"{chosen.name} fits what you describe; here is how the scopes you named differ.")


def other_half(need: Need, clauses: list[Clause], ranked: list[Ranked]) -> Clause | None:
    """The one clause that states a need, when the question's best reading is another need beside it:
    the read/write twin ("read the volume, then set it to 50"), or a read of another resource that the
    whole question supports too ("list my spaces and who's in each one"): the question asks for both."""
    if len(clauses) != 1 or clauses[0].query.intent != clauses[0].need.scope.access:
        return None
    clause = clauses[0]
    told, best = clause.need.scope, need.scope
    beside = (best.access == told.access == "read" and (best.area, best.audience) == (told.area, told.audience)
              and told in [r.scope for r in ranked[1:3]])
    return clause if told.name == best.counterpart or beside else None


def both_halves(need: Need, signals: Signals, half: Clause, q: Question) -> Draft:
    """The best reading and the one clause that asks for the other half: the twin after the reading,
    another resource's read before it (the clause told it first)."""
    pairs = [(need, signals), (half.need, replace(word_signals(half.query, half.ranked, q), split=True))]
    pairs = pairs if half.need.scope.name == need.scope.counterpart else pairs[::-1]
    needs = [n for n, _ in pairs]
    return Draft(AnswerKind.PLAN, needs, [s for _, s in pairs], why(needs))


def two_readings(need: Need) -> bool:
    """Words left two near-equal readings that ask for a different actor, access or product
    (an endpoint documented under several scopes is answered least-privilege first instead)."""
    if need.via != Via.WORDS or not need.alternatives:
        return False
    other, scope = need.alternatives[0], need.scope
    return other.audience != scope.audience or other.access != scope.access or other.area != scope.area


def unmarked(needs: list[Need]) -> tuple[Need, ...]:
    """The needs as the asker wrote them: without the mark the question model added to people put in a space."""
    return tuple(replace(n, text=n.text.replace(MEMBERS_MARK, "")) for n in needs)


# What a Compliance Officer may do to others' content besides reading it: "delete the message", "remove him".
_OFFICER_NAMED_RE = re.compile(r"\bcompliance[\s-]+(?:officers?|role|team)\b", re.IGNORECASE)
_REMOVES_RE = re.compile(r"\b(?:delet\w*|remov\w*|purg\w*|redact\w*|tak(?:e|ing)\s+down)\b", re.IGNORECASE)
# A part of a plan about the asker's own things ("list my own recordings"): the asker's, not the officer's.
_ASKERS_OWN_RE = re.compile(r"\bmy\s+own\b", re.IGNORECASE)


def for_the_actor(draft: Draft, q: Question, kb: KnowledgeBase) -> Draft:
    """The draft's needs in the forms of who acts: the Compliance Officer's, then an admin's lookups."""
    draft = for_the_officer(draft, q, kb)
    needs, signals = as_the_admin(draft.needs, draft.signals, draft.kind, q.cues, kb)
    needs, signals = with_the_people_listed(needs, signals, draft.kind, q.cues, q.prose, kb)
    kind = AnswerKind.PLAN if len(needs) > len(draft.needs) else draft.kind
    return replace(draft, kind=kind, needs=needs, signals=signals)


def for_the_officer(draft: Draft, q: Question, kb: KnowledgeBase) -> Draft:
    """In a post that tells of the Compliance Officer's reach ("spaces I'm not a member of", "every
    message in the org"), a user's or admin's scope with a Compliance Officer form given as that form,
    the scope read first kept as its alternative: for reading, and for removing or deleting (what an
    officer may do to others' content); never for a bot, which cannot hold the role, nor for posting, nor for a
    part of a plan about the asker's own things ("list my own recordings"); only when the answer recommends
    scopes (not what a named scope unlocks, nor a comparison). Needs that come to the same form are one ("the
    recordings and the transcripts": spark-compliance:meetings_read)."""
    if draft.kind not in (AnswerKind.SCOPE, AnswerKind.PLAN) or "compliance-role" not in q.topics or "bots" in q.topics:
        return draft
    kept: dict[Scope, tuple[Need, Signals]] = {}
    named = "compliance" in q.cues and bool(_OFFICER_NAMED_RE.search(q.text))
    for need, signals in zip(draft.needs, draft.signals):
        own = draft.kind == AnswerKind.PLAN and _ASKERS_OWN_RE.search(need.text)
        acts = (need.scope.access == "read" or _REMOVES_RE.search(need.text)) and not own
        officer = officer_form(need.scope, kb, named) if acts else None
        if officer:
            need = replace(need, scope=officer, alternatives=(need.scope, *need.alternatives))
        kept.setdefault(need.scope, (need, signals))
    kind = AnswerKind.SCOPE if len(kept) == 1 else draft.kind
    return replace(draft, kind=kind, needs=[n for n, _ in kept.values()], signals=[s for _, s in kept.values()])


def officer_form(scope: Scope, kb: KnowledgeBase, named: bool = True) -> Scope | None:
    """The Compliance Officer's scope for what a user's or admin's scope reaches: the same name under
    spark-compliance: (spark-admin:messages_read), or, for a meeting's content, the officer's meeting scope
    of the same access that says it covers it (meeting:admin_transcripts_read: spark-compliance:meetings_read),
    only when the post `named` the officer: a meeting has its host and its site admin besides, whom spaces
    they are not in or a legal hold do not make officers."""
    family, _, resource = scope.name.partition(":")
    if family in ("spark", "spark-admin"):
        return kb.get("spark-compliance:" + resource)
    meetings = kb.get(f"spark-compliance:meetings_{scope.access}") if family == "meeting" and named else None
    content = resource.removeprefix("admin_").rpartition("_")[0]
    return meetings if meetings and content and content in meetings.allows else None


def current(needs: list[Need], kind: AnswerKind, kb: KnowledgeBase) -> list[Need]:
    """The needs read from words or calls with a deprecated scope given as the one that replaced it, when
    the answer recommends scopes; a scope the question names stays what it asks about."""
    if kind not in (AnswerKind.SCOPE, AnswerKind.PLAN):
        return needs
    return [successor(n, kb) if n.scope.deprecated and n.via != Via.NAME else n for n in needs]


# "look up the person by email", "find my device": a read that only finds what a later step acts on
_LOOKS_UP_RE = re.compile(r"\b(?:look\s+up|looks\s+up|lookup|find|finds)\b", re.IGNORECASE)


# "they can also edit them", "rename one if needed", "it mainly shows": a change beside what the app is for
_ASIDE_RE = re.compile(r"\b(?:if\s+needed|if\s+necessary|rarely|rare|occasionally|optionally|sometimes"
                       r"|now\s+and\s+then|mainly|mostly|primarily|read[\s-]only|the\s+core|the\s+whole\s+point)\b",
                       re.IGNORECASE)


def change_leads(clauses: list[Clause], told: str) -> list[Clause]:
    """The clauses, the change the app is for leading a read told first that only finds what it changes: the
    read's write twin that refers back to it ("list my recordings and delete the old ones"), or any change
    after a lookup ("look up the colleague by email, then send them a message"); not a change told as an aside,
    nor after a read told as the app's main point."""
    sentences = sentences_of(told)
    first = clauses[0]
    if _ASIDE_RE.search(sentence_of(first.query.text, sentences)):
        return clauses
    looks_up = first.need.scope.access == "read" and bool(_LOOKS_UP_RE.search(first.query.text))

    def leads(clause: Clause) -> bool:
        finds_it = looks_up or (clause.need.scope.name == first.need.scope.counterpart
                                and refers_back(clause.query.text))
        return (clause.need.scope.access == "write" and finds_it
                and not _ASIDE_RE.search(sentence_of(clause.query.text, sentences)))

    change = next((c for c in clauses[1:] if leads(c)), None)
    return [change] + [c for c in clauses if c is not change] if change else clauses


def asked_first(clauses: list[Clause], asking: str, focus: str, index: ScopeIndex) -> list[Clause]:
    """The clauses, the one whose scope the asking sentences read as first, when those sentences are
    part of a longer focus, name a resource and ask for one scope: the need asked about leads the
    plan ("... it adds new hires to the team. Which scope is needed to add someone to a team?")."""
    query = build_query(asking, index)
    if asking == focus or asks_for_several(asking) or not set(query.terms) & index.resource_terms:
        return clauses  # "which scopes?": every need, in the order told
    ranked = eligible(index.rank(query), query, index)
    asked = [c for c in clauses if ranked and c.need.scope == ranked[0].scope]
    return asked + [c for c in clauses if c not in asked]
