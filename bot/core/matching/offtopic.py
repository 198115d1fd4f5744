"""Whether a post asks something no scope answers (rate limits, markdown, the app's buttons): a small
logistic model over the post's words and word pairs, trained on the development sets by
bench/train_offtopic.py. It never turns away a post that asks about a scope it names."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from bot.core.answer import Confidence, Need, Via
from bot.core.knowledge import Scope
from bot.core.matching import tuning as t
from bot.core.matching.calls import WEBHOOK_CREATED
from bot.core.matching.logit import logistic
from bot.core.matching.packed import aligned, unpacked
from bot.core.matching.platforms import asks_for_access

if TYPE_CHECKING:
    from bot.core.matching.question import Question

MODEL_PATH = Path(__file__).with_name("offtopic_model.json")
# The tokens scikit-learn's TfidfVectorizer takes by default (runs of two or more word characters), so the
# weights trained there apply here unchanged.
TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")
# Guidance topics an off-topic post often brings along ("my bot's GIFs don't animate", "how do I test webhooks
# locally?"); the others (service apps, the admin role, ...) are answers in themselves.
_INCIDENTAL_TOPICS = frozenset({"bots", "webhooks"})
# How a missing scope shows ("why can't my integration see the recordings?", "the list comes back empty"): a scope
# question however off-topic its words read, so an unsure answer to it is kept
_MISSING_SCOPE_RE = re.compile(
    r"\bwhy\s+(?:can'?t|cannot|doesn'?t|does\s+not|won'?t|isn'?t|is\s+not)\s+(?:my|our|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:app|application|integration|tool|script|token|service|dashboard|job)\b"
    r"|\b(?:comes?|came)\s+back\s+empty\b|\breturns?\s+(?:an?\s+)?(?:empty|nothing)\b|\bgives?\s+(?:us|me)\s+nothing\b",
    re.IGNORECASE)


def tfidf(text: str, idf: Callable[[str], float | None], ngrams: int) -> dict[str, float]:
    """The text's known words and word pairs with their sublinear count times idf, L2-normalised: the vector
    scikit-learn's TfidfVectorizer makes with the settings the training scripts spell out."""
    tokens = TOKEN_RE.findall(text.lower())
    counts = Counter(" ".join(tokens[i:i + n]) for n in range(1, ngrams + 1) for i in range(len(tokens) - n + 1))
    values = {term: (1 + math.log(count)) * weight for term, count in counts.items()
              if (weight := idf(term)) is not None}
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {term: v / norm for term, v in values.items()} if norm else {}


@dataclass(frozen=True)
class OfftopicModel:
    """TF-IDF weights and the logistic regression over them: term -> (idf, weight)."""

    terms: dict[str, tuple[float, float]]
    intercept: float
    ngrams: int = 2
    # the last text scored and its probability: one answer asks up to three times (decline, doubt, guess)
    _last: list[tuple[str, float]] = field(default_factory=lambda: [("", 0.0)], init=False, repr=False,
                                           compare=False)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> OfftopicModel:
        return cls.read(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def read(cls, data: dict[str, Any]) -> OfftopicModel:
        """The model from its exported form: the terms, and their idf and weights in the same order."""
        terms, idf, weights = data["terms"], unpacked(data["idf"]), unpacked(data["weights"])
        aligned(terms, idf, weights)
        return cls(dict(zip(terms, zip(idf, weights))), data["intercept"], data["ngrams"])

    def probability(self, text: str) -> float:
        """How likely `text` is off-topic: sublinear term counts times idf, L2-normalised, then the logistic."""
        last_text, last = self._last[0]  # one tuple, read and written whole: safe across threads
        if text and text == last_text:
            return last
        values = tfidf(text, self._idf, self.ngrams)
        z = self.intercept + sum(v * self.terms[term][1] for term, v in values.items())
        probability = logistic(z)
        self._last[0] = (text, probability)
        return probability

    def _idf(self, term: str) -> float | None:
        entry = self.terms.get(term)
        return entry[0] if entry else None

    def declines(self, q: Question, needs: list[Need], topics: tuple[str, ...],
                 held: frozenset[Scope] = frozenset(), level: Confidence = Confidence.MEDIUM,
                 acts: Callable[[str], bool] = lambda text: True) -> str | None:
        """Why an answer is turned away: the post reads as a question no scope answers. The line is
        higher for needs read from words alone than beside an endpoint or a call (a pasted call shows
        the API, not that scopes are asked about), and lower for an answer of `level` low in a post long
        enough for the model to tell: a guess at a scope for a post that reads rather off-topic helps no
        one ("why are some spaces missing when I sort by last activity?"). Never for a scope named that
        the app does not hold already (`held`: "my token has X, but the markdown shows pipes" no longer
        asks about X), when the post speaks of scopes, permissions or a 403, or of a webhook on a resource
        and asks for something to be done (`acts`: what to fetch when it fires is a scope question; why it
        stopped firing or what its payload holds is not), beside a guidance topic that is an answer in itself,
        nor in a short post unless it reads off-topic beyond doubt ("How do I refresh an access token?"). A post
        with no need that only brushes a bot is judged too ("my bot's markdown table shows the pipes")."""
        words = all(n.via == Via.WORDS for n in needs)
        short = not _can_tell(q)  # judged only from words alone, in enough of them, and against a higher line
        if (not (needs or topics) or short and not (words and len(q.text.split()) >= t.OFFTOPIC_SHORT_MIN_WORDS)
                or any(n.via == Via.NAME and n.scope not in held for n in needs)
                or set(topics) - _INCIDENTAL_TOPICS or asks_for_access(q.text)
                or any(call.text.startswith(WEBHOOK_CREATED) for call in q.calls) and acts(q.asking)):
            return None
        unsure = (level == Confidence.LOW and len(q.text.split()) >= t.OFFTOPIC_UNSURE_MIN_WORDS
                  and not _MISSING_SCOPE_RE.search(q.text))
        line = min(t.OFFTOPIC_FROM if words else t.OFFTOPIC_CALL_FROM, t.OFFTOPIC_UNSURE_FROM if unsure else 1.0)
        if self.probability(q.text) < (t.OFFTOPIC_SHORT_FROM if short else line):
            return None
        return "this reads as a question about building with Webex that no scope answers, not about the " \
               "scopes an integration needs"

    def asks_for_scopes(self, q: Question, lead: float) -> bool:
        """Whether the post reads clearly as a scope question, though its words match loosely, for its
        best candidate's `lead` over the next: then that candidate is a guess worth offering rather
        than a decline. Not for a short post ("space exploration news"): the model cannot tell it."""
        return _can_tell(q) and any(self.probability(q.text) < below and lead >= least
                                    for below, least in t.ONTOPIC_LINES)

    def doubted(self, level: Confidence, q: Question) -> Confidence:
        """A high confidence lowered to medium when the post reads somewhat off-topic: the scope its
        words or calls point at may answer something it does not ask ("my messages webhook fired but
        the payload only has ids, is that by design?"). An answer no longer sure is then also open to
        the rules for questions about using the Webex app."""
        if level != Confidence.HIGH or not _can_tell(q):
            return level
        return Confidence.MEDIUM if self.probability(q.text) >= t.OFFTOPIC_DOUBT_FROM else level


def _can_tell(q: Question) -> bool:
    """Whether the model can judge the post: long enough. It knows English words only, so a post in another
    language is judged by those its writer left in English ("ColumnSet", "refresh_token", "ngrok")."""
    return len(q.text.split()) >= t.OFFTOPIC_MIN_WORDS
