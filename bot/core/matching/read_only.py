"""A post that says its app only reads ("read only", "no changes at all", "nothing gets changed"): a change
its words alone seemed to ask for becomes the read scope of the same thing. A scope the post names or a call
it pastes stays as told: the asker knows what they wrote."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.answer import Answer, AnswerKind, Need, Via
from bot.core.knowledge import KnowledgeBase, Scope
from bot.core.matching import tuning as t
from bot.core.matching.normalise import sentence_of

if TYPE_CHECKING:
    from bot.core.matching.question import Question

# "read only" (not a read-only admin: that tells who acts), "no changes", "nothing gets changed", "never writes",
# "doesn't change anything"
READ_ONLY_RE = re.compile(
    r"\bread[\s-]?only\b(?![\s-]+admin)|\bno\s+(?:writ|changes?\b|modifications?\b)"
    r"|\bnever\s+(?:writes?|changes?|posts?|modif(?:y|ies))\b"
    r"|\bnothing\s+(?:\w+\s+){0,2}(?:changed|modified|written|updated)\b"
    r"|\b(?:does\s*n[o']t|do\s*n[o']t|won'?t|will\s+not|not)\s+(?:change|changing|modify|modifying|write|writing)"
    r"\s+anything\b", re.IGNORECASE)


def says_read_only(prose: str) -> bool:
    """Whether the post says its app reads and changes nothing."""
    return bool(READ_ONLY_RE.search(prose))


def read_only_sentences(sentences: tuple[str, ...]) -> tuple[bool, frozenset[str]]:
    """Whether one sentence says the whole post only reads (it says nothing more: "Read only."), and the
    sentences that say it of what they tell ("a read-only report of the E911 addresses of each location")."""
    told = [s for s in sentences if READ_ONLY_RE.search(s)]
    whole = any(len(READ_ONLY_RE.sub(" ", s).split()) <= t.READ_ONLY_SENTENCE_WORDS for s in told)
    return whole, frozenset(told)


def kept_to_reading(answer: Answer, q: Question, kb: KnowledgeBase) -> Answer:
    """The answer with each change read from words alone replaced by its read counterpart where the post says
    it only reads; a note says so. A need already held in its read form is dropped; the scopes the change's call
    had to be granted with go with it."""
    if not answer.needs:
        return answer
    whole, local = read_only_sentences(q.message.sentences)
    if not whole and not local:
        return answer
    needs: list[Need] = []
    changed: list[Scope] = []
    for need in answer.needs:
        reading = _read_form(need, kb)
        if reading is None or not (whole or sentence_of(need.text, q.message.sentences) in local):
            needs.append(need)
            continue
        changed.append(need.scope)
        if all(n.scope != reading for n in (*answer.needs, *needs)):
            needs.append(replace(need, scope=reading, together=(), alternatives=tuple(
                s for s in need.alternatives if s not in (reading, need.scope))))
    if not changed:
        return answer
    notes = tuple(n for n in answer.assumptions if not any(s.name in n for s in changed))
    note = (f"the post says the app only reads, so {', '.join(s.name for s in changed)} "
            f"{'is' if len(changed) == 1 else 'are'} left out for the read scope.")
    kind = AnswerKind.SCOPE if answer.kind == AnswerKind.PLAN and len(needs) == 1 else answer.kind
    return replace(answer, kind=kind, needs=tuple(needs), assumptions=(*notes, note))


def _read_form(need: Need, kb: KnowledgeBase) -> Scope | None:
    """The read scope of a change told in words, or None (a read need, a named or called one, no read form)."""
    if need.via != Via.WORDS or need.scope.access == "read" or not need.scope.counterpart:
        return None
    reading = kb.get(need.scope.counterpart)
    return reading if reading is not None and reading.access == "read" else None
