"""Scores the answer engine on a question set.

Item format (the development set's, extended by the held-out sets): `q`, and any of `expect`
(acceptable primary scopes), `all` (scopes that must all be in the answer; `all: true` for every
scope `expect` lists), `none: true`
(off-topic: the bot must decline), `guidance` (topic ids the answer must recognise), plus
optional `kind`, `lang` and `source`, which are carried along for the breakdown.

An answer counts as wrong when its primary scope is not expected, when it misses a required
scope or guidance topic, when it answers an off-topic question, or when it declines a real one.
A scope no label names does not make it wrong, but is counted apart ("extra scope"): a plan that
finds every need by asking for more than it should is not least privilege. A label that names a scope
the knowledge base marks deprecated is also met by the scope that replaced it (`successors`): a set
written before an API was decommissioned still scores the answer a user should get now.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from bot.core.answer import Answer, Confidence
from bot.core.knowledge import KnowledgeBase
from bot.core.matching.evidence import replacement

LABELS = ("expect", "all", "none", "guidance")


@dataclass
class Tally:
    """Hits over the items a measure applies to."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.rate:6.1%}  ({self.hits}/{self.total})"


@dataclass
class EvalReport:
    """Every measure the targets speak of, and the misses, each named."""

    top1: Tally = field(default_factory=Tally)
    top3: Tally = field(default_factory=Tally)
    multi_complete: Tally = field(default_factory=Tally)
    multi_scopes: Tally = field(default_factory=Tally)
    guidance: Tally = field(default_factory=Tally)
    offtopic_declined: Tally = field(default_factory=Tally)
    real_declined: Tally = field(default_factory=Tally)
    high_wrong: Tally = field(default_factory=Tally)  # among HIGH-confidence answers
    extra: Tally = field(default_factory=Tally)  # answers holding a scope neither 'expect' nor 'all' names
    right: Tally = field(default_factory=Tally)  # every item: the whole answer right
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[str] = field(default_factory=list)

    # Names the older reports and tests use.
    @property
    def multi_recall(self) -> float:
        return self.multi_scopes.rate

    @property
    def decline_rate(self) -> float:
        return self.offtopic_declined.rate

    @property
    def false_decline_rate(self) -> float:
        return self.real_declined.hits / self.real_declined.total if self.real_declined.total else 0.0

    def rows(self) -> list[tuple[str, Tally]]:
        return [("answer right", self.right), ("top-1", self.top1), ("top-3", self.top3),
                ("multi-need complete", self.multi_complete), ("multi-need scopes", self.multi_scopes),
                ("guidance recognised", self.guidance), ("off-topic declined", self.offtopic_declined),
                ("real declined", self.real_declined), ("high-confidence wrong", self.high_wrong),
                ("extra scope", self.extra)]

    def summary(self, show_misses: bool = True) -> str:
        lines = [f"{name + ':':23} {tally}" for name, tally in self.rows()]
        lines += [f"  kind {kind + ':':17} {tally}" for kind, tally in sorted(self.by_kind.items())]
        if show_misses and self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  - {m}" for m in self.misses]
        return "\n".join(lines)


def check_item(item: Any, index: int) -> dict:
    """Validate one question-set item; ValueError names the item and the problem. `all: true` says every
    scope `expect` lists is needed: the item comes back with that list as its `all`."""
    if not isinstance(item, dict) or not isinstance(item.get("q"), str):
        raise ValueError(f"item {index}: needs a 'q' string")
    if not any(k in item for k in LABELS):
        raise ValueError(f"item {index} ({item['q']!r}): needs one of {', '.join(LABELS)}")
    if item.get("none") and any(k in item for k in ("expect", "all", "guidance")):
        raise ValueError(f"item {index} ({item['q']!r}): an off-topic item has no other label")
    if item.get("all") is True:
        item = {**item, "all": item.get("expect", [])}
    for label in ("expect", "all", "guidance"):
        value = item.get(label, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"item {index} ({item['q']!r}): '{label}' must be a list of names")
    return item


def _folded(names: Iterable[str]) -> list[str]:
    """Scope names compared without case: the portal writes Identity:one_time_password, labels
    may not."""
    return [n.lower() for n in names]


def successors(kb: KnowledgeBase) -> dict[str, str]:
    """Each deprecated scope's replacement, by folded name: what a label naming the old scope also accepts."""
    return {s.name.lower(): new.name.lower() for s in kb.scopes if (new := replacement(s, kb)) is not None}


def problems(item: dict, got: Answer, report: EvalReport, renamed: Mapping[str, str] | None = None) -> list[str]:
    """Score one answered item; returns what was wrong with it. `renamed`: see `successors`."""
    found: list[str] = []
    if item.get("none"):
        report.offtopic_declined.add(not got.answered)
        return ["should decline"] if got.answered else []
    report.real_declined.add(not got.answered)
    renamed = renamed or {}
    scopes, expect = _folded(got.scopes), _folded(item.get("expect", ()))
    expect += [renamed[n] for n in expect if n in renamed]
    if expect:  # an empty list says no scope is the answer: scored by its guidance label alone
        hit = bool(scopes) and scopes[0] in expect
        report.top1.add(hit)
        report.top3.add(any(s in expect for s in _folded(got.top(3))))
        if not hit:
            found.append(f"want {' or '.join(item['expect'])}")
    labelled = set(expect) | {m for n in _folded(item.get("all", ())) for m in (n, renamed.get(n, n))}
    if labelled and got.answered:
        report.extra.add(bool(set(scopes) - labelled))
    if "all" in item:
        missing = [s for s in item["all"] if s.lower() not in scopes and renamed.get(s.lower()) not in scopes]
        report.multi_complete.add(not missing)
        report.multi_scopes.hits += len(item["all"]) - len(missing)
        report.multi_scopes.total += len(item["all"])
        if missing:
            found.append(f"missing {', '.join(missing)}")
    if "guidance" in item:
        missing = [t for t in item["guidance"] if t not in got.guidance]
        report.guidance.add(not missing)
        if missing:
            found.append(f"guidance {', '.join(missing)} not recognised")
    if not got.answered and not found:
        found.append("declined")
    return found


def evaluate(answer: Callable[[str], Answer], items: Iterable[Any],
             renamed: Mapping[str, str] | None = None) -> EvalReport:
    """Ask every question and compare with what the item expects (`renamed`: see `successors`)."""
    report = EvalReport()
    for index, raw in enumerate(items, 1):
        item = check_item(raw, index)
        got = answer(item["q"])
        found = problems(item, got, report, renamed)
        report.right.add(not found)
        report.by_kind[str(item.get("kind", "unlabelled"))].add(not found)
        if got.answered and got.confidence == Confidence.HIGH:
            report.high_wrong.add(bool(found))
        if found:
            shown = " ".join(item["q"].split())[:140]
            report.misses.append(f"{shown!r} -> {got.scopes or got.kind.value} "
                                 f"[{got.confidence.value}] ({'; '.join(found)})")
    return report
