"""How sure the engine is: confidence from the evidence behind an answer, with thresholds set on
the development sets so that high-confidence answers are almost never wrong (see
bench/calibrate.py and docs/benchmarks.md)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answer import Confidence, Need, Via
from bot.core.matching import tuning as t
from bot.core.matching.calls import Call


@dataclass(frozen=True)
class Signals:
    """What an answer rests on, for calibration."""

    via: Via
    coverage: float = 1.0  # share of the question the scope explains
    margin: float = 1.0  # score lead over the runner-up
    unknown_share: float = 0.0  # words the knowledge base does not know, as a share
    repaired: int = 0  # words read as another after a typo repair
    translated: bool = False  # read from another language
    focused: bool = False  # read from part of the question: a long post's asking sentences, or calls beside more
    ambiguous_owner: bool = False  # an endpoint documented under scopes for different actors
    actor_conflict: bool = False  # the question says who acts and the scope is for someone else
    split: bool = False  # one of several needs read from separate clauses (a reading that may miss one)
    verbs_only: bool = False  # the words say only what to do, not to what ("enable")


def actor_conflict(audience: str, cues: frozenset[str]) -> bool:
    """Whether who the question says acts contradicts the scope's audience: "my" beside an
    admin's scope, an admin or a service app beside a user's."""
    if cues - {"user"}:
        return audience == "user"
    return "user" in cues and audience != "user"


def call_signals(need: Need, call: Call, cues: frozenset[str], translated: bool) -> Signals:
    """What a need read from an API call rests on; a call read from its words is never sure (nor a
    webhook told by its event), nor one answered with another call's scope (a service app's form
    of a user's call). An endpoint documented for a user and for an admin alike is ambiguous
    without a cue saying who acts (a compliance officer's or partner's scope needs that cue anyway);
    so is a URL without its method when its scopes differ in access, and a user's endpoint in a
    question that says an admin or a service app acts (it may be the wrong call)."""
    owners = (need.scope, *need.alternatives)
    actors = {s.audience for s in owners} & {"user", "admin", "service-app"}
    unknown_method = call.endpoint is not None and call.endpoint.method is None
    access_differs = unknown_method and len({s.access for s in owners}) > 1
    for_someone_else = all(actor_conflict(s.audience, cues - {"user"}) for s in owners)
    return Signals(need.via, coverage=need.score, translated=translated,
                   focused=need.via == Via.WORDS or need.inferred or call.told,  # a guess, another call's
                   # scope, or a webhook told only by the event it watches (read from words)
                   ambiguous_owner=(len(actors) > 1 and not cues) or access_differs or for_someone_else)


def confidence(signals: Signals) -> Confidence:
    """HIGH, MEDIUM or LOW for one need."""
    if signals.via == Via.NAME:
        return Confidence.MEDIUM if signals.focused else Confidence.HIGH
    if signals.via == Via.ENDPOINT:
        unsure = signals.ambiguous_owner or signals.translated or signals.focused
        return Confidence.MEDIUM if unsure else Confidence.HIGH
    if signals.coverage < t.CONFIDENT_FROM:
        return Confidence.LOW
    high = (signals.coverage >= t.HIGH_COVERAGE and signals.margin >= t.HIGH_MARGIN
            and signals.unknown_share <= t.HIGH_MAX_UNKNOWN and signals.repaired <= t.HIGH_MAX_REPAIRED
            and not signals.translated and not signals.focused and not signals.split and not signals.actor_conflict
            and not signals.verbs_only)
    return Confidence.HIGH if high else Confidence.MEDIUM


def weakest(levels: list[Confidence]) -> Confidence:
    """An answer of several needs is as sure as its least sure need."""
    order = [Confidence.LOW, Confidence.MEDIUM, Confidence.HIGH]
    return min(levels, key=order.index) if levels else Confidence.LOW
