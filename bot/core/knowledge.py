"""The scope knowledge base: typed entries parsed and validated from YAML documents.

Parsing (`parse_area`, `parse_vocabulary`, `build_knowledge`) is pure; `load_knowledge` is the
only function here that reads files, so the rest can be tested on in-memory documents.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import yaml

from bot.core.endpoints import Endpoint, parse_endpoint

AUDIENCES = ("user", "admin", "compliance", "partner", "service-app")
ACCESSES = ("read", "write", "read-write")
SCOPE_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:[A-Za-z0-9_-]+$")
URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[a-z]{2,}(/[^\s]*)?$")
ROLE_KINDS = ("admin-role", "persona", "licence")
ROLE_ID_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
VOCABULARY_FILE = "vocabulary.yaml"
ROLES_FILE = "roles.yaml"
GUIDANCE_FILE = "guidance.yaml"
EXCEPTIONS_FILE = "audit_exceptions.yaml"
NOT_AREA_FILES = frozenset({VOCABULARY_FILE, ROLES_FILE, GUIDANCE_FILE, EXCEPTIONS_FILE})
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
    ambiguous_synonyms: tuple[str, ...] = ()  # phrasings that fit this scope among others
    examples: tuple[str, ...] = ()
    requires: str | None = None
    notes: str | None = None
    deprecated: str | None = None
    alternative_to: str | None = None
    requires_scopes: tuple[str, ...] = ()  # granted together with this one, or calls fail
    roles: tuple[str, ...] = ()  # role ids: any one admin role or persona, every licence
    covers: tuple[str, ...] = ()  # name prefixes of the user scopes this umbrella scope stands for

    def stands_for(self, other: "Scope") -> bool:
        """True when granting this scope grants `other` too (spark:all and a spark: user scope)."""
        if not self.covers or other == self:
            return False
        return other.audience == "user" and other.name.startswith(self.covers)

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
class Role:
    """An admin role, persona or licence that a scope or endpoint needs besides the scope."""

    id: str
    title: str
    kind: str
    summary: str
    source: str


WordPairs = tuple[tuple[frozenset[str], frozenset[str]], ...]  # [words, words]: a word of each in one sentence


@dataclass(frozen=True)
class Guidance:
    """An explanation for questions whose right answer is not a scope (bots, admin roles...)."""

    id: str
    title: str
    summary: str
    points: tuple[str, ...]
    instead: str
    cues: tuple[str, ...]
    source: tuple[str, ...]
    scopes: tuple[str, ...] = ()
    cues_say_who: bool = False  # its cues say who asks ("my bot"), not what they need
    explains_403_for: str | None = None  # an audience: a 403 on a scope of it is what this explains
    applies_to: str | None = None  # an audience: every answer with a scope of it needs this explanation
    see_also: tuple[str, ...] = ()  # topic ids whose explanation goes with this one (guest issuer: service apps)
    offers: str | None = None  # one of `scopes`, named when the question asks which scope (guest-issuer:write)
    offered_for: tuple[str, ...] = ()  # ...or, when given, only when it asks one of these ("get the token")
    offered_for_pairs: WordPairs = ()  # ...or holds, in one asking sentence, a word of each list ("get", "token")
    cue_pairs: WordPairs = ()  # a sentence with a word of each signals it
    already: str | None = None  # what the app already does on its own token, said when every need is in...
    already_scopes: tuple[str, ...] = ()  # ...these scopes' work (a bot posting messages): nothing to add

    def already_does(self, scopes: Iterable[str]) -> bool:
        """Whether the app this topic is about already does the work of all these scopes on its own token."""
        names = list(scopes)
        return bool(self.already and names) and set(names) <= set(self.already_scopes)


@dataclass(frozen=True)
class Vocabulary:
    """Domain language the matcher uses: word equivalents, intent verbs, audience cues."""

    equivalents: tuple[tuple[str, ...], ...] = ()
    read_verbs: frozenset[str] = frozenset()
    write_verbs: frozenset[str] = frozenset()
    lookup_verbs: frozenset[str] = frozenset()  # read only when ids or names follow ("resolve the role IDs")
    object_verbs: frozenset[str] = frozenset()  # verbs that name the thing they act on ("post": a message)
    audience_cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    compare_cues: frozenset[str] = frozenset()
    reverse_cues: tuple[str, ...] = ()
    keep_words: frozenset[str] = frozenset()  # never stemmed ("personal" is not "person")
    sdk_paths: Mapping[str, str] = field(default_factory=dict)  # SDK attribute -> API path
    webhook_resources: Mapping[str, str] = field(default_factory=dict)  # webhook resource -> its read scope
    webhook_firehose: tuple[str, ...] = ()  # the resources a resource=all webhook watches
    admin_lists_whole: frozenset[str] = frozenset()  # user read scopes whose whole list only an admin gets
    languages: Mapping[str, "Language"] = field(default_factory=dict)  # by ISO 639-1 code
    english_lookalikes: frozenset[str] = frozenset()  # glossary words that are English words too ("rapport")
    method_verbs: Mapping[str, frozenset[str]] = field(default_factory=dict)  # HTTP method -> verbs
    other_platforms: tuple[str, ...] = ()  # products that are not Webex ("slack", "microsoft teams")
    webex_words: tuple[str, ...] = ()  # words that say a question is about Webex after all
    app_usage_cues: tuple[str, ...] = ()  # phrases of a question about using the Webex app ("desktop app")
    app_actions: tuple[str, ...] = ()  # what a person does in the app ("mute", "share my screen")
    other_platform_sides: tuple[str, ...] = ()  # another product's API named where the question asks ("zoom side")
    hosting_platforms: tuple[str, ...] = ()  # other products that are where an app runs or is built ("k8s")
    developer_words: tuple[str, ...] = ()  # words of a question about building against the API ("scope")
    platform_fact_cues: tuple[str, ...] = ()  # a limit or lifetime the docs state ("max size", "how long is")
    programming_cues: tuple[str, ...] = ()  # general programming matters ("cors", "docker compose", "rebase")
    people_words: frozenset[str] = frozenset()  # people named by their role ("engineers"): who joins a space
    content_words: frozenset[str] = frozenset()  # what a posted message holds ("a summary"), not a resource
    device_models: tuple[str, ...] = ()  # devices named by their model ("Room Kit"): devices, not spaces
    product_names: tuple[str, ...] = ()  # Webex products ("Contact Center"): a clause naming only one asks nothing
    xapi_roots: tuple[str, ...] = ()  # first names of RoomOS xAPI paths ("UserInterface" of UserInterface.Message...)
    xapi_command_verbs: frozenset[str] = frozenset()  # last names that make a path a command ("Display", "Set")


@dataclass(frozen=True)
class Language:
    """How to recognise a language the bot does not answer in, and its API words in English."""

    code: str
    name: str
    markers: frozenset[str]  # common function words ("und", "pour") that show the language
    words: Mapping[str, str]  # word or phrase -> English ("nachricht" -> "message")


@dataclass(frozen=True)
class KnowledgeBase:
    """All scopes, indexed by name, with their areas and the domain vocabulary."""

    scopes: tuple[Scope, ...]
    areas: Mapping[str, Area]
    vocabulary: Vocabulary
    roles: Mapping[str, Role] = field(default_factory=dict)
    guidance: Mapping[str, Guidance] = field(default_factory=dict)

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

    def choice(self, fld: str, options: Iterable[str], required: bool = True) -> str | None:
        if not required and fld not in self.raw:
            return None
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

    def scope_names(self, fld: str) -> tuple[str, ...]:
        """A list of scope names, each checked for the shape of a scope name."""
        names = self.texts(fld)
        for name in names:
            if not SCOPE_NAME_RE.match(name):
                raise self.fail(fld, f"{name!r} is not a scope name like 'spark:messages_read'")
        return names

    def role_ids(self, fld: str = "roles") -> tuple[str, ...]:
        """A list of role ids (lower-case words joined by hyphens, as in roles.yaml)."""
        ids = self.texts(fld)
        for role in ids:
            if not ROLE_ID_RE.match(role):
                raise self.fail(fld, f"{role!r} is not a role id like 'user-admin'")
        return ids

    def link(self, fld: str) -> str:
        """A required https:// link."""
        url = self.text(fld)
        if not URL_RE.match(url):
            raise self.fail(fld, f"must be an https:// link (got {url!r})")
        return url

    def links(self, fld: str) -> tuple[str, ...]:
        """A required non-empty list of https:// links (a single link is accepted too)."""
        value = self.raw.get(fld)
        urls = self.texts(fld) if isinstance(value, list) else (self.link(fld),)
        if not urls:
            raise self.fail(fld, "needs at least one https:// link")
        for url in urls:
            if not URL_RE.match(url):
                raise self.fail(fld, f"must be https:// links (got {url!r})")
        return urls


_SCOPE_FIELDS = {
    "name", "audience", "access", "allows", "source", "endpoints", "counterpart", "related",
    "synonyms", "ambiguous_synonyms", "examples", "requires", "notes", "deprecated", "alternative_to",
    "requires_scopes", "roles", "covers",
}
_ENDPOINT_FIELDS = {"call", "requires_scopes", "roles", "note", "when"}


def parse_endpoint_item(item: Any, entry: _Entry) -> Endpoint:
    """One endpoint from its plain form `METHOD /path (note)` or its mapping form
    `{call, requires_scopes, roles, note, when}`, for calls that need more than the scope (`when`: only
    for questions that say one of its phrases)."""
    if isinstance(item, str):
        try:
            return parse_endpoint(item)
        except ValueError as exc:
            raise entry.fail("endpoints", str(exc)) from None
    if not isinstance(item, dict) or "call" not in item or not set(item) <= _ENDPOINT_FIELDS:
        raise entry.fail("endpoints", f"each item is 'METHOD /path' or a mapping of {sorted(_ENDPOINT_FIELDS)} with 'call'")
    inner = _Entry(item, entry.where)
    try:
        endpoint = parse_endpoint(inner.text("call"))
    except ValueError as exc:
        raise entry.fail("endpoints", str(exc)) from None
    found = replace(
        endpoint,
        note=inner.text("note", required=False) or endpoint.note,
        requires_scopes=inner.scope_names("requires_scopes"),
        roles=inner.role_ids("roles"),
        when=tuple(p.lower() for p in inner.texts("when")),
    )
    if found.when and not found.requires_scopes:
        raise entry.fail("endpoints", f"{found}: 'when' limits requires_scopes, and there are none")
    return found


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
    source = entry.link("source")
    items = raw.get("endpoints") or []
    if not isinstance(items, list):
        raise entry.fail("endpoints", "must be a list of 'METHOD /path' strings or mappings")
    endpoints = [parse_endpoint_item(item, entry) for item in items]
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
        ambiguous_synonyms=entry.texts("ambiguous_synonyms"),
        examples=entry.texts("examples"),
        requires=entry.text("requires", required=False),
        notes=entry.text("notes", required=False),
        deprecated=entry.text("deprecated", required=False),
        alternative_to=entry.scope_name("alternative_to", required=False),
        requires_scopes=entry.scope_names("requires_scopes"),
        roles=entry.role_ids("roles"),
        covers=entry.texts("covers"),
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


def _equivalents(groups: Any, entry: _Entry, filename: str) -> tuple[tuple[str, ...], ...]:
    """The groups of words that mean the same, each of two words or more, lower case."""
    if not isinstance(groups, list):
        raise entry.fail("equivalents", "must be a list of word lists")
    equivalents = []
    for i, group in enumerate(groups):
        words = _Entry({"group": group}, f"{filename}: equivalents {i + 1}").texts("group")
        if len(words) < 2:
            raise KnowledgeError(f"{filename}: equivalents {i + 1}: needs at least two words")
        equivalents.append(tuple(w.lower() for w in words))
    return tuple(equivalents)


def parse_vocabulary(doc: Any, filename: str = VOCABULARY_FILE) -> Vocabulary:
    """The matcher's domain vocabulary from its YAML document."""
    if not isinstance(doc, dict):
        raise KnowledgeError(f"{filename}: must be a mapping")
    entry = _Entry(doc, filename)
    cues = doc.get("audience_cues", {})
    if not isinstance(cues, dict) or not set(cues) <= set(AUDIENCES):
        raise entry.fail("audience_cues", f"must map audiences ({', '.join(AUDIENCES)}) to phrases")
    audience_cues = {
        audience: tuple(p.lower() for p in _Entry(cues, filename).texts(audience)) for audience in cues
    }
    return Vocabulary(
        equivalents=_equivalents(doc.get("equivalents", []), entry, filename),
        read_verbs=_words(entry, "read_verbs"),
        lookup_verbs=_words(entry, "lookup_verbs"),
        object_verbs=_words(entry, "object_verbs"),
        write_verbs=_words(entry, "write_verbs"),
        audience_cues=audience_cues,
        compare_cues=_words(entry, "compare_cues"),
        reverse_cues=tuple(p.lower() for p in entry.texts("reverse_cues")),
        keep_words=_words(entry, "keep_words"),
        sdk_paths=_sdk_paths(doc.get("sdk_paths", {}), entry),
        webhook_resources=_webhook_resources(doc.get("webhook_resources", {}), entry),
        webhook_firehose=tuple(r.lower() for r in entry.texts("webhook_firehose")),
        admin_lists_whole=_words(entry, "admin_lists_whole"),
        languages=_languages(doc.get("languages", {}), filename),
        english_lookalikes=_words(entry, "english_lookalikes"),
        method_verbs=_method_verbs(doc.get("method_verbs", {}), entry),
        other_platforms=tuple(p.lower() for p in entry.texts("other_platforms")),
        webex_words=tuple(p.lower() for p in entry.texts("webex_words")),
        app_usage_cues=tuple(p.lower() for p in entry.texts("app_usage_cues")),
        app_actions=tuple(p.lower() for p in entry.texts("app_actions")),
        other_platform_sides=tuple(p.lower() for p in entry.texts("other_platform_sides")),
        hosting_platforms=tuple(p.lower() for p in entry.texts("hosting_platforms")),
        developer_words=tuple(p.lower() for p in entry.texts("developer_words")),
        platform_fact_cues=tuple(p.lower() for p in entry.texts("platform_fact_cues")),
        programming_cues=tuple(p.lower() for p in entry.texts("programming_cues")),
        people_words=frozenset(p.lower() for p in entry.texts("people_words")),
        content_words=frozenset(p.lower() for p in entry.texts("content_words")),
        device_models=tuple(p.lower() for p in entry.texts("device_models")),
        product_names=tuple(p.lower() for p in entry.texts("product_names")),
        xapi_roots=tuple(entry.texts("xapi_roots")),
        xapi_command_verbs=frozenset(p.lower() for p in entry.texts("xapi_command_verbs")),
    )


def _method_verbs(raw: Any, entry: _Entry) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict) or not set(raw) <= {"GET", "POST", "PUT", "PATCH", "DELETE"}:
        raise entry.fail("method_verbs", "must map HTTP methods to verb lists")
    return {method: _words(_Entry(raw, entry.where), method) for method in raw}


def _sdk_paths(raw: Any, entry: _Entry) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.startswith("/v1/")
                                            for k, v in raw.items()):
        raise entry.fail("sdk_paths", "must map SDK attribute names to '/v1/...' paths")
    return {k.lower(): v for k, v in raw.items()}


def _webhook_resources(raw: Any, entry: _Entry) -> dict[str, str]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) and SCOPE_NAME_RE.match(v)
                                            for k, v in raw.items()):
        raise entry.fail("webhook_resources", "must map webhook resources to scope names")
    return {k.lower(): v for k, v in raw.items()}


def _languages(raw: Any, filename: str) -> dict[str, Language]:
    """Per language: its name, marker words and an API-word glossary into English."""
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{filename}: field 'languages': must map language codes to entries")
    languages = {}
    for code, spec in raw.items():
        where = _Entry(spec if isinstance(spec, dict) else {}, f"{filename}: languages {code}")
        glossary = spec.get("words", {}) if isinstance(spec, dict) else None
        if not isinstance(glossary, dict) or not all(isinstance(v, str) for v in glossary.values()):
            raise where.fail("words", "must map words to their English equivalent")
        languages[code] = Language(code, where.text("name") or code, _words(where, "markers"),
                                   {str(k).lower(): v.lower() for k, v in glossary.items()})
    return languages


def _listed(doc: Any, key: str, filename: str, label: str) -> Iterator[tuple[dict, _Entry]]:
    """Each item of the non-empty list `key` of a knowledge file, as its mapping and an entry
    whose errors say where it is ("roles.yaml: role 3")."""
    items = doc.get(key) if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        raise KnowledgeError(f"{filename}: must be a mapping with a non-empty list '{key}'")
    for i, raw in enumerate(items, 1):
        raw = raw if isinstance(raw, dict) else {}
        yield raw, _Entry(raw, f"{filename}: {label} {i}")


def parse_roles(doc: Any, filename: str = ROLES_FILE) -> dict[str, Role]:
    """The roles, personas and licences of roles.yaml, keyed by id."""
    roles: dict[str, Role] = {}
    for _, entry in _listed(doc, "roles", filename, "role"):
        role_id = entry.text("id")
        if not ROLE_ID_RE.match(role_id):
            raise entry.fail("id", f"{role_id!r} is not an id like 'user-admin'")
        if role_id in roles:
            raise entry.fail("id", f"{role_id!r} is defined twice")
        roles[role_id] = Role(
            id=role_id,
            title=entry.text("title"),
            kind=entry.choice("kind", ROLE_KINDS),
            summary=entry.text("summary"),
            source=entry.link("source"),
        )
    return roles


_GUIDANCE_FIELDS = {"id", "title", "summary", "points", "instead", "cues", "scopes", "cues_say_who", "source",
                    "explains_403_for", "applies_to", "see_also", "offers", "offered_for", "offered_for_pairs",
                    "cue_pairs", "already", "already_scopes"}


def _word_pairs(raw: Any, entry: _Entry, field_name: str) -> WordPairs:
    """`cue_pairs`, `offered_for_pairs`: a list of [words, words] pairs, each a list of lower-case single words."""
    ok = isinstance(raw, list) and all(
        isinstance(p, list) and len(p) == 2 and all(
            isinstance(side, list) and side and all(isinstance(w, str) and w.strip() and " " not in w.strip()
                                                    for w in side) for side in p) for p in raw)
    if not ok:
        raise entry.fail(field_name, "must be a list of [words, words] pairs of single words")
    return tuple((frozenset(w.strip().lower() for w in a), frozenset(w.strip().lower() for w in b)) for a, b in raw)


def parse_guidance(doc: Any, filename: str = GUIDANCE_FILE) -> dict[str, Guidance]:
    """The guidance topics of guidance.yaml, keyed by id."""
    found: dict[str, Guidance] = {}
    for raw, entry in _listed(doc, "guidance", filename, "topic"):
        topic_id = entry.text("id")
        entry.where = f"{entry.where} ({topic_id})"
        unknown = sorted(set(raw) - _GUIDANCE_FIELDS)
        if unknown:
            raise entry.fail(unknown[0], f"is not a known field (known: {', '.join(sorted(_GUIDANCE_FIELDS))})")
        if topic_id in found:
            raise entry.fail("id", f"{topic_id!r} is defined twice")
        topic = Guidance(
            id=topic_id,
            title=entry.text("title"),
            summary=entry.text("summary"),
            points=entry.texts("points"),
            instead=entry.text("instead"),
            cues=tuple(c.lower() for c in entry.texts("cues")),
            source=entry.links("source"),
            scopes=entry.scope_names("scopes"),
            cues_say_who=raw.get("cues_say_who") is True,
            explains_403_for=entry.choice("explains_403_for", AUDIENCES, required=False),
            applies_to=entry.choice("applies_to", AUDIENCES, required=False),
            see_also=entry.texts("see_also"),
            offers=raw.get("offers"),
            offered_for=tuple(p.lower() for p in entry.texts("offered_for")),
            offered_for_pairs=_word_pairs(raw.get("offered_for_pairs", []), entry, "offered_for_pairs"),
            cue_pairs=_word_pairs(raw.get("cue_pairs", []), entry, "cue_pairs"),
            already=entry.text("already", required=False),
            already_scopes=entry.scope_names("already_scopes"),
        )
        for fld in ("points", "cues"):
            if not getattr(topic, fld):
                raise entry.fail(fld, "needs at least one item")
        if topic.offers is not None and topic.offers not in topic.scopes:
            raise entry.fail("offers", f"{topic.offers!r} is not one of the topic's scopes")
        for fld in ("offered_for", "offered_for_pairs"):
            if getattr(topic, fld) and topic.offers is None:
                raise entry.fail(fld, "needs 'offers': the scope it offers")
        if bool(topic.already) != bool(topic.already_scopes):
            raise entry.fail("already", "goes with 'already_scopes': what is said, and for which scopes' work")
        found[topic_id] = topic
    for topic in found.values():
        unknown_ids = [t for t in topic.see_also if t not in found]
        if unknown_ids:
            raise KnowledgeError(f"{filename}: topic {topic.id}: see_also names unknown topic {unknown_ids[0]!r}")
    return found


def _check_references(scope: Scope, here: str, known: Mapping[str, str], roles: Mapping[str, Role]) -> None:
    """Every scope and role an entry (or one of its endpoints) names must exist."""
    refs = [("counterpart", scope.counterpart), ("alternative_to", scope.alternative_to)]
    refs += [("related", r) for r in scope.related]
    refs += [("requires_scopes", r) for r in scope.requires_scopes]
    refs += [("endpoints", r) for e in scope.endpoints for r in e.requires_scopes]
    for fld, ref in refs:
        if ref is not None and ref.lower() not in known:
            raise KnowledgeError(f"{here}: field '{fld}': {ref!r} is not a scope in the knowledge base")
    if scope.name.lower() in {r.lower() for r in scope.requires_scopes}:
        raise KnowledgeError(f"{here}: field 'requires_scopes': lists the scope itself")
    for fld, role in [("roles", r) for r in scope.roles] + [("endpoints", r) for e in scope.endpoints for r in e.roles]:
        if role not in roles:
            raise KnowledgeError(f"{here}: field '{fld}': role {role!r} is not defined in {ROLES_FILE}")


def describe_roles(ids: Iterable[str], roles: Mapping[str, Role]) -> str:
    """Role ids in words: any one of the admin roles or personas, and every licence."""
    picked = [roles[i] for i in ids]
    anyone = [r.title for r in picked if r.kind != "licence"]
    licences = [r.title for r in picked if r.kind == "licence"]
    parts = [" or ".join(anyone)] if anyone else []
    parts += licences
    return " and ".join(parts)


def _also_needed(scope: Scope, roles: Mapping[str, Role]) -> str | None:
    """The `requires` text people see: the free text, then scopes granted together, then roles."""
    parts = [scope.requires.rstrip(".")] if scope.requires else []
    if scope.requires_scopes:
        parts.append("granted together with " + ", ".join(scope.requires_scopes))
    if scope.roles:
        parts.append("held by " + describe_roles(scope.roles, roles))
    return "; ".join(parts) + "." if parts else None


def build_knowledge(
    documents: Mapping[str, Any],
    vocabulary: Vocabulary | None = None,
    roles: Mapping[str, Role] | None = None,
    guidance: Mapping[str, Guidance] | None = None,
) -> KnowledgeBase:
    """A checked KnowledgeBase from parsed area documents keyed by file name, with the
    roles and guidance topics their entries may name."""
    roles = roles or {}
    guidance = guidance or {}
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
        _check_references(scope, where[scope.key], where, roles)
    for topic in guidance.values():
        named = [("scopes", n) for n in topic.scopes] + [("already_scopes", n) for n in topic.already_scopes]
        for fld, name in named:
            if name.lower() not in where:
                raise KnowledgeError(f"{GUIDANCE_FILE}: topic {topic.id}: field '{fld}': {name!r} is not a scope")
    scopes = [replace(s, requires=_also_needed(s, roles)) for s in scopes]
    return KnowledgeBase(tuple(scopes), areas, vocabulary or Vocabulary(), dict(roles), dict(guidance))


# PyYAML's LibYAML-backed safe loader when it was built with it (ten times faster, the same documents); the
# pure-Python one otherwise. The knowledge files are most of a cold start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """A YAML document's data, read safely (plain data only, no Python objects); yaml.YAMLError when it is not."""
    return yaml.load(text, Loader=_SAFE_LOADER)


def _read_yaml(path: Path) -> Any:
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: not valid YAML: {exc}") from None


def knowledge_dir() -> Path:
    """Where the knowledge files live: $SCOPEBOT_KNOWLEDGE_DIR or the repository's knowledge/."""
    return Path(os.environ.get("SCOPEBOT_KNOWLEDGE_DIR", DEFAULT_DIR))


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Read and validate every knowledge file in `directory`."""
    directory = directory or knowledge_dir()
    paths = sorted(directory.glob("*.yaml"))
    documents = {p.name: _read_yaml(p) for p in paths if p.name not in NOT_AREA_FILES}
    if not documents:
        raise KnowledgeError(f"{directory}: no knowledge files (*.yaml) found")
    vocab_path, roles_path, guidance_path = (directory / f for f in (VOCABULARY_FILE, ROLES_FILE, GUIDANCE_FILE))
    vocabulary = parse_vocabulary(_read_yaml(vocab_path)) if vocab_path.exists() else None
    roles = parse_roles(_read_yaml(roles_path)) if roles_path.exists() else None
    guidance = parse_guidance(_read_yaml(guidance_path)) if guidance_path.exists() else None
    return build_knowledge(documents, vocabulary, roles, guidance)
