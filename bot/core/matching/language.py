"""Questions in other languages: recognise the language and read its API words in English.

Only the glossary's words, technical tokens (scope names, paths) and English words the knowledge
base knows survive the reading, so "Welche Berechtigung brauche ich, um Nachrichten zu senden?"
becomes "scope message send".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from bot.core.knowledge import Language, Vocabulary

_KANA_RE = re.compile("[\u3040-\u30ff]")  # kana: Japanese (Han characters alone may be Chinese)
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_WORD_RE = re.compile(r"[a-z]+")  # Japanese is not spaced: its English words are the runs of Latin letters
_TECHNICAL_RE = re.compile(r"\S*[:/_.]\S*[A-Za-z]\S*|\b[A-Z]{3,}\b|\b(?:GET|POST|PUT|PATCH|DELETE)\b")
MIN_MARKERS = 2  # distinct marker words needed to call a question foreign (one "le" is not enough)


@dataclass(frozen=True)
class Reading:
    """A foreign question read in English: its language and the English words found."""

    language: Language
    english: str


def detect(text: str, vocab: Vocabulary) -> Language | None:
    """The language of `text` when it is one the vocabulary knows and not English."""
    if _KANA_RE.search(text):
        return vocab.languages.get("ja")
    tokens = [w.lower() for w in _WORD_RE.findall(text)]
    if not tokens:
        return None
    best, hits, share = None, 0, 0
    for language in vocab.languages.values():
        count = len(set(tokens) & language.markers)
        if count > hits:  # distinct markers pick the language; their every use counts against the length
            best, hits, share = language, count, sum(token in language.markers for token in tokens)
    if best is None or hits < MIN_MARKERS or share < len(tokens) / 6:
        return None
    # Markers can be English look-alikes; the language must also show in its letters or API words.
    return best if not text.isascii() or set(tokens) & best.words.keys() else None


def read_in_english(text: str, language: Language, known: Callable[[str], bool] = lambda w: False) -> str:
    """The glossary's English for the words it knows, technical tokens kept as written, and the
    English API words developers leave untranslated ("créer une location Webex Calling")."""
    lowered = text.lower()
    found: list[tuple[int, str]] = []
    for phrase in sorted(language.words, key=len, reverse=True):
        pattern = re.escape(phrase) if language.code == "ja" else r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
        for m in re.finditer(pattern, lowered):
            found.append((m.start(), language.words[phrase]))
            lowered = lowered[:m.start()] + " " * (m.end() - m.start()) + lowered[m.end():]
    for m in _TECHNICAL_RE.finditer(text):
        found.append((m.start(), m.group(0)))
        lowered = lowered[:m.start()] + " " * (m.end() - m.start()) + lowered[m.end():]  # read once
    words = _LATIN_WORD_RE if language.code == "ja" else _WORD_RE
    found += [(m.start(), m.group(0)) for m in words.finditer(lowered)
              if m.group(0) not in language.markers and known(m.group(0))]
    return " ".join(word for _, word in sorted(found))


def reading(text: str, vocab: Vocabulary, known: Callable[[str], bool] = lambda w: False) -> Reading | None:
    """How a question in another language reads in English, or None for English questions;
    `known` tells the English words of the knowledge base, kept where they stand."""
    language = detect(text, vocab)
    return Reading(language, read_in_english(text, language, known)) if language else None


def glossary_of(vocab: Vocabulary) -> dict[str, str]:
    """Every language's one-word API words that are no marker of it nor an English word, with their English
    (built once)."""
    return {word: english for language in vocab.languages.values() if language.code != "ja"
            for word, english in language.words.items()
            if " " not in word and word != english and word not in language.markers
            and word not in vocab.english_lookalikes}


def glossed(text: str, glossary: Mapping[str, str], known: Callable[[str], bool] = lambda w: False) -> str:
    """An English post with the few foreign API words it carries read in English ("hunt group per api anlegen,
    welcher scope": create): the glossary's words the knowledge base does not know as English (`known`)."""

    def english(m: re.Match[str]) -> str:
        word = m.group(0).lower()
        return glossary[word] if word in glossary and not known(word) else m.group(0)
    return _WORD_RE.sub(english, text) if not glossary.keys().isdisjoint(_WORD_RE.findall(text.lower())) else text
