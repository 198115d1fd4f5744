"""Word-level text handling shared by the matcher: tokens, stop words, stems, typo repair."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import snowballstemmer
import spellchecker
from rapidfuzz import process
from rapidfuzz.distance import OSA

_CAMEL_RE = re.compile(r"(?<=[a-z]{2})(?=[A-Z])")  # callForwarding, not iOS
_TOKEN_RE = re.compile(r"[a-z0-9]+")
_ANY_CASE_TOKEN_RE = re.compile(r"[a-z0-9]+", re.IGNORECASE)

# Function words that carry no meaning for choosing a scope.
STOPWORDS = frozenset(
    """
    a an the and or but if then so of to in on at by for with from into onto as about over via per
    is are was were be been being am do does did doing have has had having can could would should
    shall will may might must i me my mine we us our you your he she it its they them their this his
    that these those there here what which whom whose when where why how whats hows
    scope scopes oauth permission permissions need needs needed require requires required
    request requests requested requesting select selected tick ticked choose pick
    want wants wanted like please pls plz thanks thx thank hi hello hey help let lets allow allows allowed
    app apps application integration integrations bot webex api apis tool tools script scripts portal
    also too just only some any all each every other another same such very really more most whole entire both either
    able way use using used one ones get gets got give tell know act acts acting
    not no isn doesn don didn dont cannot re ve ll won wasn aren couldn shouldn wouldn haven hasn weren
    im ive lol haha thx ty btw fyi asap ok okay tia thnx cheers regards yo guys folks quick frm u ur cant wont
    wat wut scop scops
    two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands
    time times today tomorrow yesterday now day days week weeks afterwards afterward later beforehand
    else missing problem problems enough sufficient suffice suffices still
    sometimes sometime often occasionally usually rarely regularly frequently periodically
    up out back off down away last next first then there
    """.split()
)

_stemmer = snowballstemmer.stemmer("english")
MIN_REPAIR_LENGTH = 5
MIN_UNKNOWN_REPAIR_LENGTH = 4  # a 4-letter word no English list has ("sned", "romm") is a slip
REPAIRS_KEPT = 65536  # repairs remembered; past this many the memory starts afresh (a service runs for weeks)
# A word this frequent in pyspellchecker's English word list is a word, not a typo: "ticked" is
# not "ticket", "older" is not "order". Misspellings ("shedule", "calender") are far rarer.
COMMON_WORD_COUNT = 500


@lru_cache(maxsize=1)
def _english() -> Any:
    """pyspellchecker's English word frequencies, loaded on first need (about 0.2 s)."""
    from spellchecker import WordFrequency

    frequencies = WordFrequency()
    frequencies.load_dictionary(str(Path(spellchecker.__file__).parent / "resources" / "en.json.gz"))
    return frequencies


def is_common_word(word: str) -> bool:
    return _english()[word] >= COMMON_WORD_COUNT


def is_english(word: str) -> bool:
    """Whether pyspellchecker's English list has the word at all."""
    return _english()[word] > 0


def split_camel(text: str) -> str:
    """`callForwarding` -> `call Forwarding`, so API path words become ordinary words."""
    return _CAMEL_RE.sub(" ", text)


# Compounds read as one word: "Q&A" is not two letters, a voice message is no chat message.
_COMPOUNDS = [(re.compile(r"\bq\s*&\s*a\b", re.IGNORECASE), " qanda "),
              (re.compile(r"\bon-call\b", re.IGNORECASE), " oncall "),  # the on-call engineer makes no call
              (re.compile(r"\bchat\s*gpt\b", re.IGNORECASE), " chatgpt "),  # "ChatGPT says ...": no chat message
              # "the invite link": the meeting's join link, nobody invited to a space
              (re.compile(r"\b(?:invite|invitation)\s+link(s?)\b", re.IGNORECASE), r" join link\1 "),
              (re.compile(r"\bcloud[\s-]+(?=record)", re.IGNORECASE), " "),  # cloud recordings are recordings
              # "the minimal set to tick", "a set of scopes": a collection, not the verb that sets a setting
              (re.compile(r"\b(minimal|minimum|smallest|full|complete|whole|right|correct|exact|same)\s+set\b"
                          r"|\bset(?=\s+of\s+(?:scopes?|permissions?|grants?|rights?)\b)", re.IGNORECASE), r"\1"),
              # "the HR record", "each record", "the customer record": an entry of data, no recording (not "the
              # host can record", "lets the host record", "users record their meetings", "the record button")
              (re.compile(r"\b((?:the|an?|each|every|our|their|his|her|its|my|your|this|that)\s+(?:(?:hr|crm|customer"
                          r"|user|person|employee|patient|deal|opportunity|account|contact|change|scim|database|db"
                          r"|ticket|case|student|staff|directory|ldap|master)(?:'s)?\s+)?)record\b(?!\s+(?:buttons?"
                          r"|features?|options?|settings?|icons?|the|them|it|all|every|their|my|our|an?|calls?"
                          r"|meetings?)\b)", re.IGNORECASE), r"\1"),
              # "the user's email address": the person's email, no postal or emergency address
              (re.compile(r"\be-?mail\s+address(?:es)?\b", re.IGNORECASE), " email "),
              (re.compile(r"\bdo[\s-]+not[\s-]+disturb\b", re.IGNORECASE), " dnd "),  # a setting, not a negation
              (re.compile(r"\bvoice[\s-]*mail[\s-]+(?:mess\w*|msgs?\b)", re.IGNORECASE), " voicemessages "),
              (re.compile(r"\bvoice[\s-]+(?:mess\w*|msgs?\b)", re.IGNORECASE), " voicemessages "),
              (re.compile(r"\bvoice[\s-]+(?=mails?\b)", re.IGNORECASE), " voice"),  # voice mail: voicemail
              # third-party apps are apps; third-party call control is a call control
              (re.compile(r"\bthird[\s-]+party[\s-]+(?=(?:apps?|applications?|integrations?|tools?|services?)\b)",
                          re.IGNORECASE), " ")]


# A person put into or taken out of a space or team, or said to be in it, is a membership of it:
# "remove a user from a room" and "the people in a space" are about memberships, not the space.
_CONTAINERS = r"(?:spaces?|rooms?|teams?)\b"
_DETERMINER = r"(?:(?:a|an|the|this|that|these|those|my|our|their|his|her|each|every|new|existing|same)\s+)?"
_MEMBERSHIP_RE = re.compile(
    r"(\b(?:add|adds|adding|added|remove|removes|removing|removed|invite|invites|inviting|invited|kick|kicks"
    r"|kicking|kicked)\b(?:\s+[\w'-]+){0,3}?\s+(?:people|persons?|users?|someone|somebody|members?|colleagues?"
    r"|engineers?|agents?|students?|staff|contractors?|customers?|clients?|contacts?|teammates?|coworkers?"
    r"|employees?|guests?|anyone|everyone|them|him|her)"
    r"(?:\s+(?:who|that)(?!\s+(?:posted|sent|wrote|shared|uploaded|created|edited|deleted)\b)(?:\s+[\w'-]+){1,4}?)?"
    r"\s+(?:to|from|into|out\s+of)\s+" + _DETERMINER +
    r"|\b(?:list|show|see|get|find|view|fetch|display|know)\b(?:\s+[\w'-]+){0,2}?\s+(?:people|ppl|persons|users"
    r"|members|everyone)\s+(?:in|inside|of)\s+" + _DETERMINER +
    r"|\bwho(?:'s|\s+is|\s+are)?\s+(?:in|inside|belongs?\s+to)\s+" + _DETERMINER + r")(?=" + _CONTAINERS + ")",
    re.IGNORECASE)


_CONTAINER_RE = re.compile(r"\b" + _CONTAINERS, re.IGNORECASE)
# A list item's letter or number, "(a) create meetings, (b) list them": no word ("a creating" reads as a noun)
_ITEM_MARKER_RE = re.compile(r"(?:(?<=\s)|^)\(?[a-h1-9]\)(?=\s)")


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words, camelCase split first; compounds ("Q&A", "voice
    messages") as one word; a person added to a space also as its membership."""
    return list(_words(text))


@lru_cache(maxsize=256)  # small: it serves the texts of one question, not repeats of whole questions
def _words(text: str) -> tuple[str, ...]:
    """words(), remembered: a question's clauses and sentences are read several times."""
    text = _ITEM_MARKER_RE.sub(" ", split_camel(text))
    for pattern, replacement in _COMPOUNDS:
        text = pattern.sub(replacement, text)
    if _CONTAINER_RE.search(text):  # the membership reading only where a space or team is named
        text = _MEMBERSHIP_RE.sub(r"\1membership ", text)
    return tuple(_TOKEN_RE.findall(text.lower()))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word."""
    return _stemmer.stemWord(word)


class Speller:
    """Repairs misspelt words against a known vocabulary (Damerau/OSA distance, same first letter).

    Short words are left alone: a slip in a 4-letter word is as likely another real word
    (life/live, lose/loss) as a typo; so are common English words the knowledge base lacks.
    """

    def __init__(self, vocabulary: Iterable[str], function_words: Iterable[str] = ()) -> None:
        self._counts = Counter(w for w in vocabulary if len(w) >= 3)
        self._by_initial: dict[str, list[str]] = {}
        for word in self._counts:
            self._by_initial.setdefault(word[0], []).append(word)
        self._function_words: dict[str, list[str]] = {}
        for word in function_words:
            self._function_words.setdefault(word[0], []).append(word)
        self._cache: dict[str, str | None] = {}

    def _repairable(self, word: str) -> bool:
        """Long enough and not a word in its own right: 5+ letters and not common English, or 4
        letters and no English word at all."""
        if word in self._counts or word.isdigit():
            return False
        if len(word) >= MIN_REPAIR_LENGTH:
            return not is_common_word(word)
        return len(word) >= MIN_UNKNOWN_REPAIR_LENGTH and not is_english(word)

    def is_stopword_slip(self, word: str) -> bool:
        """A slip of a stop word ("wich", "scoep"): not an unknown word, just noise."""
        if len(word) < MIN_UNKNOWN_REPAIR_LENGTH or is_english(word):
            return False  # three letters are as often an acronym (ios, jwt) as a slip
        return any(OSA.distance(word, w) <= 1 for w in self._function_words.get(word[0], ()))

    def __contains__(self, word: str) -> bool:
        return word in self._counts

    def respelled(self, text: str) -> str:
        """The text with its misspelt words repaired, the rest as written ("creatng webhoks")."""
        def repaired(m: re.Match[str]) -> str:
            word = m.group(0).lower()
            return (word not in self._counts and word.isalpha() and self.correct(word)) or m.group(0)
        return _ANY_CASE_TOKEN_RE.sub(repaired, text)

    def correct(self, word: str) -> str | None:
        """The closest known word for an unknown `word`, or None when none is close enough."""
        if word in self._cache:
            return self._cache[word]
        result = None
        if self._repairable(word):
            max_distance = 1 if len(word) < 8 else 2
            hits = process.extract(
                word,
                self._by_initial.get(word[0], []),
                scorer=OSA.distance,
                score_cutoff=max_distance,
                limit=None,
            )
            if hits:
                best = min(d for _, d, _ in hits)
                result = max(
                    (w for w, d, _ in hits if d == best), key=lambda w: (self._counts[w], w)
                )
        if len(self._cache) >= REPAIRS_KEPT:
            self._cache.clear()
        self._cache[word] = result
        return result
