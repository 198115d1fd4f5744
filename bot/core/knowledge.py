"""The scope knowledge base: typed entries parsed and validated from YAML documents.

Parsing (`parse_area`, `parse_vocabulary`, `build_knowledge`) is pure; `load_knowledge` is the
only function here that reads files, so the rest can be tested on in-memory documents.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from bot.core.endpoints import Endpoint, parse_endpoint

AUDIENCES = ("user", "admin", "compliance", "partner", "service-app")
ACCESSES = ("read", "write", "read-write")
SCOPE_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9_-]+$")
URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$")
VOCABULARY_FILE = "vocabulary.yaml"
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "knowledge"


class KnowledgeError(ValueError):
    """A knowledge file is malformed; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class Scope:
    """One OAuth scope and what a person needs to know to choose it."""

    name: str
    area: str
    audience: str
    access: str
    allows: str
    source: str
    endpoints: tuple[Endpoint, ...] = ()
    counterpart: str | None = None
    related: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    requires: str | None = None
    notes: str | None = None
    deprecated: str | None = None
    alternative_to: str | None = None

    @property
    def key(self) -> str:
        """Case-insensitive lookup key (the portal spells some names with capitals)."""
        return self.name.lower()

    @property
    def is_admin(self) -> bool:
        """True when an administrator (or officer/partner admin) must authorize it."""
        return self.audience != "user"


@dataclass(frozen=True)
class Area:
    """A group of scopes shown together (one YAML file)."""

    name: str
    title: str
    summary: str


@dataclass(frozen=True)
class Vocabulary:
    """Domain language the matcher uses: word equivalents, intent verbs, audience cues."""

    equivalents: tuple[tuple[str, ...], ...] = ()
    read_verbs: frozenset[str] = frozenset()
    write_verbs: frozenset[str] = frozenset()
    audience_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    compare_cues: frozenset[str] = frozenset()
    reverse_cues: tuple[str, ...] = ()
    keep_words: frozenset[str] = frozenset()  # never stemmed ("personal" is not "person")


@dataclass(frozen=True)
class KnowledgeBase:
    """All scopes, indexed by name, with their areas and the domain vocabulary."""

    scopes: tuple[Scope, ...]
    areas: Mapping[str, Area]
    vocabulary: Vocabulary

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {s.key: s for s in self.scopes})

    def get(self, name: str) -> Scope | None:
        """The scope called `name` (any case), or None."""
        return self._by_key.get(name.strip().lower())  # type: ignore[attr-defined]

    def __getitem__(self, name: str) -> Scope:
        scope = self.get(name)
        if scope is None:
            raise KeyError(name)
        return scope

    def in_area(self, area: str) -> tuple[Scope, ...]:
        """The scopes of one area, in file order."""
        return tuple(s for s in self.scopes if s.area == area)


class _Entry:
    """Reads typed fields from one raw entry, raising errors that say where the problem is."""

    def __init__(self, raw: Mapping[str, Any], where: str):
        self.raw = raw
        self.where = where

    def fail(self, fld: str, problem: str) -> KnowledgeError:
        return KnowledgeError(f"{self.where}: field '{fld}': {problem}")

    def text(self, fld: str, required: bool = True) -> str | None:
        value = self.raw.get(fld)
        if value is None:
            if required:
                raise self.fail(fld, "is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(fld, "must be a non-empty string")
        return " ".join(value.split())

    def choice(self, fld: str, options: Iterable[str]) -> str:
        value = self.text(fld)
        if value not in options:
            raise self.fail(fld, f"must be one of {', '.join(options)} (got {value!r})")
        return value

    def texts(self, fld: str) -> tuple[str, ...]:
        value = self.raw.get(fld, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(fld, "must be a list of non-empty strings")
        return tuple(" ".join(v.split()) for v in value)

    def scope_name(self, fld: str, required: bool = True) -> str | None:
        value = self.text(fld, required)
        if value is not None and not SCOPE_NAME_RE.match(value):
            raise self.fail(fld, f"{value!r} is not a scope name like 'spark:messages_read'")
        return value


_SCOPE_FIELDS = {
    "name", "audience", "access", "allows", "source", "endpoints", "counterpart", "related",
    "synonyms", "examples", "requires", "notes", "deprecated", "alternative_to",
}


def parse_scope(raw: Any, area: str, where: str) -> Scope:
    """One validated Scope from a raw mapping; `where` prefixes error messages."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{where}: must be a mapping of fields")
    entry = _Entry(raw, where)
    name = entry.scope_name("name")
    entry.where = f"{where} ({name})"
    unknown = sorted(set(raw) - _SCOPE_FIELDS)
    if unknown:
        raise entry.fail(unknown[0], f"is not a known field (known: {', '.join(sorted(_SCOPE_FIELDS))})")
    source = entry.text("source")
    if not URL_RE.match(source):
        raise entry.fail("source", f"must be an https:// link (got {source!r})")
    endpoints = []
    for text in entry.texts("endpoints"):
        try:
            endpoints.append(parse_endpoint(text))
        except ValueError as exc:
            raise entry.fail("endpoints", str(exc)) from None
    related = entry.texts("related")
    for other in related:
        if not SCOPE_NAME_RE.match(other):
            raise entry.fail("related", f"{other!r} is not a scope name")
    return Scope(
        name=name,
        area=area,
        audience=entry.choice("audience", AUDIENCES),
        access=entry.choice("access", ACCESSES),
        allows=entry.text("allows"),
        source=source,
        endpoints=tuple(endpoints),
        counterpart=entry.scope_name("counterpart", required=False),
        related=related,
        synonyms=entry.texts("synonyms"),
        examples=entry.texts("examples"),
        requires=entry.text("requires", required=False),
        notes=entry.text("notes", required=False),
        deprecated=entry.text("deprecated", required=False),
        alternative_to=entry.scope_name("alternative_to", required=False),
    )


def parse_area(doc: Any, filename: str) -> tuple[Area, list[Scope]]:
    """The area and scopes of one knowledge document (the parsed YAML of one file)."""
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{filename}: must be a mapping with 'area', 'title' and 'scopes'")
    header = _Entry(doc, filename)
    area = Area(
        name=header.text("area"),
        title=header.text("title"),
        summary=header.text("summary"),
    )
    raw_scopes = doc.get("scopes")
    if not isinstance(raw_scopes, list) or not raw_scopes:
        raise header.fail("scopes", "must be a non-empty list of entries")
    scopes = [
        parse_scope(raw, area.name, f"{filename}: entry {i + 1}") for i, raw in enumerate(raw_scopes)
    ]
    return area, scopes


def _words(entry: _Entry, fld: str) -> frozenset[str]:
    return frozenset(w.lower() for w in entry.texts(fld))


def parse_vocabulary(doc: Any, filename: str = VOCABULARY_FILE) -> Vocabulary:
    """The matcher's domain vocabulary from its YAML document."""
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{filename}: must be a mapping")
    entry = _Entry(doc, filename)
    groups = doc.get("equivalents", [])
    if not isinstance(groups, list):
        raise entry.fail("equivalents", "must be a list of word lists")
    equivalents = []
    for i, group in enumerate(groups):
        words = _Entry({"group": group}, f"{filename}: equivalents {i + 1}").texts("group")
        if len(words) < 2:
            raise KnowledgeError(f"{filename}: equivalents {i + 1}: needs at least two words")
        equivalents.append(tuple(w.lower() for w in words))
    cues = doc.get("audience_cues", {})
    if not isinstance(cues, dict) or not set(cues) <= set(AUDIENCES):
        raise entry.fail("audience_cues", f"must map audiences ({', '.join(AUDIENCES)}) to phrases")
    audience_cues = {
        audience: tuple(p.lower() for p in _Entry(cues, filename).texts(audience)) for audience in cues
    }
    return Vocabulary(
        equivalents=tuple(equivalents),
        read_verbs=_words(entry, "read_verbs"),
        write_verbs=_words(entry, "write_verbs"),
        audience_cues=audience_cues,
        compare_cues=_words(entry, "compare_cues"),
        reverse_cues=tuple(p.lower() for p in entry.texts("reverse_cues")),
        keep_words=_words(entry, "keep_words"),
    )


def build_knowledge(
    documents: Mapping[str, Any], vocabulary: Vocabulary | None = None
) -> KnowledgeBase:
    """A checked KnowledgeBase from parsed area documents keyed by file name."""
    areas: dict[str, Area] = {}
    scopes: list[Scope] = []
    where: dict[str, str] = {}  # scope key -> "file: entry N (name)"
    for filename, doc in documents.items():
        area, entries = parse_area(doc, filename)
        if area.name in areas:
            raise KnowledgeError(f"{filename}: field 'area': {area.name!r} is used by another file")
        areas[area.name] = area
        for i, scope in enumerate(entries, 1):
            here = f"{filename}: entry {i} ({scope.name})"
            if scope.key in where:
                raise KnowledgeError(f"{here}: field 'name': also defined in {where[scope.key]}")
            where[scope.key] = here
            scopes.append(scope)
    for scope in scopes:
        refs = [("counterpart", scope.counterpart), ("alternative_to", scope.alternative_to)]
        refs += [("related", r) for r in scope.related]
        for fld, ref in refs:
            if ref is not None and ref.lower() not in where:
                raise KnowledgeError(
                    f"{where[scope.key]}: field '{fld}': {ref!r} is not a scope in the knowledge base"
                )
    return KnowledgeBase(tuple(scopes), areas, vocabulary or Vocabulary())


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from None


def knowledge_dir() -> Path:
    """Where the knowledge files live: $SCOPEBOT_KNOWLEDGE_DIR or the repository's knowledge/."""
    return Path(os.environ.get("SCOPEBOT_KNOWLEDGE_DIR", DEFAULT_DIR))


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read and validate every knowledge file in `directory`."""
    directory = directory or knowledge_dir()
    paths = sorted(directory.glob("*.yaml"))
    vocab_path = directory / VOCABULARY_FILE
    documents = {p.name: _read_yaml(p) for p in paths if p.name != VOCABULARY_FILE}
    if not documents:
        raise KnowledgeError(f"{directory}: no knowledge files (*.yaml) found")
    vocabulary = parse_vocabulary(_read_yaml(vocab_path)) if vocab_path.exists() else None
    return build_knowledge(documents, vocabulary)
