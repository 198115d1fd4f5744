"""Scores the matcher on a question set (the format of the development question set)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from bot.answer import Answer


@dataclass
class EvalReport:
    """Counts and misses; rates are over the items each one applies to."""

    top1_hits: int = 0
    top1_total: int = 0
    multi_found: int = 0
    multi_total: int = 0
    declined_offtopic: int = 0
    offtopic_total: int = 0
    declined_real: int = 0
    real_total: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _rate(hits: int, total: int) -> float:
        return hits / total if total else 1.0

    @property
    def top1(self) -> float:
        return self._rate(self.top1_hits, self.top1_total)

    @property
    def multi_recall(self) -> float:
        return self._rate(self.multi_found, self.multi_total)

    @property
    def decline_rate(self) -> float:
        return self._rate(self.declined_offtopic, self.offtopic_total)

    @property
    def false_decline_rate(self) -> float:
        return self.declined_real / self.real_total if self.real_total else 0.0

    def summary(self) -> str:
        lines = [
            f"top-1:              {self.top1:6.1%}  ({self.top1_hits}/{self.top1_total})",
            f"multi-need recall:  {self.multi_recall:6.1%}  ({self.multi_found}/{self.multi_total} scopes)",
            f"off-topic declined: {self.decline_rate:6.1%}  ({self.declined_offtopic}/{self.offtopic_total})",
            f"real declined:      {self.false_decline_rate:6.1%}  ({self.declined_real}/{self.real_total})",
        ]
        if self.misses:
            lines.append(f"misses ({len(self.misses)}):")
            lines += [f"  - {m}" for m in self.misses]
        return "\n".join(lines)


def check_item(item: Any, index: int) -> dict:
    """Validate one question-set item; ValueError names the item and the problem."""
    if not isinstance(item, dict) or not isinstance(item.get("q"), str):
        raise ValueError(f"item {index}: needs a 'q' string")
    kinds = [k for k in ("expect", "all", "none") if k in item]
    if len(kinds) != 1:
        raise ValueError(f"item {index} ({item['q']!r}): needs exactly one of expect, all, none")
    return item


def evaluate(answer: Callable[[str], Answer], items: Iterable[Any]) -> EvalReport:
    """Ask every question and compare with what the item expects."""
    report = EvalReport()
    for index, raw in enumerate(items, 1):
        item = check_item(raw, index)
        got = answer(item["q"])
        shown = f"{item['q']!r} -> {got.scopes or 'declined'}"
        if item.get("none"):
            report.offtopic_total += 1
            if got.answered:
                report.misses.append(f"{shown} (should decline)")
            else:
                report.declined_offtopic += 1
            continue
        report.real_total += 1
        report.declined_real += not got.answered
        if "expect" in item:
            report.top1_total += 1
            if got.scopes and got.scopes[0] in item["expect"]:
                report.top1_hits += 1
            else:
                report.misses.append(f"{shown} (want {' or '.join(item['expect'])})")
        else:
            wanted = item["all"]
            found = [s for s in wanted if s in got.scopes]
            report.multi_total += len(wanted)
            report.multi_found += len(found)
            if len(found) < len(wanted):
                report.misses.append(f"{shown} (want all of {', '.join(wanted)})")
    return report
