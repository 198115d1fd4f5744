"""Audit: compares every endpoint of the knowledge base with official endpoint-to-scope statements.

The statements are the rows of knowledge/reference/openapi_endpoint_scopes.tsv; disagreements the
knowledge base explains are listed in knowledge/audit_exceptions.yaml. Everything here but the two
`load_*` functions is pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from bot.core.endpoints import DEFAULT_HOST, Endpoint
from bot.core.knowledge import EXCEPTIONS_FILE, URL_RE, KnowledgeBase, KnowledgeError, Scope, parse_yaml

REFERENCE_FILE = Path("reference") / "openapi_endpoint_scopes.tsv"
CONTACT_CENTER_SPEC = "webex-contact-center"
CONTACT_CENTER_HOST = "api.wxcc-us1.cisco.com"
KINDS = ("unnamed-scope", "missing-together", "unknown-path")
_COLUMNS = ("spec", "method", "path", "scopes", "relation", "roles", "deprecated")


@dataclass(frozen=True)
class Statement:
    """One official statement: this operation exists and (if `scopes`) needs these scopes."""

    spec: str
    method: str
    host: str
    path: str
    scopes: tuple[str, ...]
    relation: str  # single | any | all | unclear | none (documented, no scope named)
    roles: tuple[str, ...] = ()
    source: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies the operation, placeholders and case ignored."""
        return operation_key(self.method, self.host, self.path)


@dataclass(frozen=True)
class Disagreement:
    """One place where a knowledge-base endpoint and the official statements differ."""

    kind: str
    scope: str
    endpoint: str  # "METHOD /path" or "METHOD https://host/path", no note
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.scope}: {self.endpoint}: {self.detail}"


@dataclass(frozen=True)
class AuditException:
    """A disagreement the knowledge base explains, with the official source that shows why."""

    kind: str
    scope: str
    endpoint: str
    reason: str
    source: str

    def covers(self, item: Disagreement) -> bool:
        """True when this exception explains `item` (same kind, scope and endpoint)."""
        return (self.kind, self.scope.lower(), self.endpoint) == (item.kind, item.scope.lower(), item.endpoint)


@dataclass(frozen=True)
class AuditReport:
    """What the audit found: unexplained and explained disagreements, and exceptions no longer needed."""

    unexplained: tuple[Disagreement, ...]
    explained: tuple[Disagreement, ...]
    stale: tuple[AuditException, ...]

    @property
    def ok(self) -> bool:
        """True when every disagreement is explained and every exception still applies."""
        return not self.unexplained and not self.stale


def operation_key(method: str, host: str, path: str) -> tuple[str, str, str]:
    """Method, host and path with every `{placeholder}` made alike, for comparing templates."""
    return method.upper(), host.lower(), re.sub(r"\{[^}]*\}", "{}", path.rstrip("/").lower())


def endpoint_text(endpoint: Endpoint) -> str:
    """The endpoint as the audit names it: `METHOD /path`, with the host when not the default."""
    host = "" if endpoint.host == DEFAULT_HOST else f"https://{endpoint.host}"
    return f"{endpoint.method} {host}{endpoint.path}"


def parse_statement(fields: list[str]) -> Statement:
    """One TSV row (spec, method, path, scopes, relation, roles, deprecated[, source])."""
    if len(fields) < len(_COLUMNS):
        raise ValueError(f"expected {len(_COLUMNS)} or more columns, got {len(fields)}")
    spec, method, path, scopes, relation, roles = fields[:6]
    host = CONTACT_CENTER_HOST if spec == CONTACT_CENTER_SPEC else DEFAULT_HOST
    full = re.match(r"^https://([^/]+)(/.*)$", path)
    if full:
        host, path = full.group(1), full.group(2)
    return Statement(
        spec=spec,
        method=method.upper(),
        host=host,
        path=path,
        scopes=tuple(s for s in scopes.split(",") if s),
        relation=relation or "none",
        roles=tuple(r for r in roles.split(";") if r),
        source=fields[7] if len(fields) > 7 else "",
    )


def parse_statements(lines: Iterable[str]) -> list[Statement]:
    """Every statement of the TSV text; `#` lines are the header's credits, the first other line names columns."""
    rows = [line.rstrip("\n").split("\t") for line in lines if line.strip() and not line.startswith("#")]
    statements = []
    for number, fields in enumerate(rows[1:], 2):
        try:
            statements.append(parse_statement(fields))
        except ValueError as exc:
            raise KnowledgeError(f"{REFERENCE_FILE}: row {number}: {exc}") from None
    return statements


def parse_exceptions(doc: Any) -> list[AuditException]:
    """The explained disagreements of audit_exceptions.yaml, each with a kind, reason and official source."""
    items = doc.get("exceptions") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise KnowledgeError(f"{EXCEPTIONS_FILE}: must be a mapping with a list 'exceptions'")
    found = []
    for i, raw in enumerate(items, 1):
        where = f"{EXCEPTIONS_FILE}: exception {i}"
        if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) and raw[k].strip()
                                                for k in ("kind", "scope", "endpoint", "reason", "source")):
            raise KnowledgeError(f"{where}: needs kind, scope, endpoint, reason and source")
        if raw["kind"] not in KINDS:
            raise KnowledgeError(f"{where}: kind must be one of {', '.join(KINDS)}")
        if not URL_RE.match(raw["source"]):
            raise KnowledgeError(f"{where}: source must be an https:// link")
        found.append(AuditException(raw["kind"], raw["scope"], raw["endpoint"], " ".join(raw["reason"].split()),
                                    raw["source"]))
    return found


def check_endpoint(scope: Scope, endpoint: Endpoint, statements: list[Statement]) -> list[Disagreement]:
    """Disagreements between one knowledge-base endpoint of `scope` and the statements about it."""
    here = endpoint_text(endpoint)
    if not statements:
        return [Disagreement("unknown-path", scope.name, here, "no official source has this operation")]
    named = [s for s in statements if s.scopes]
    known = {n.lower() for s in named for n in s.scopes}
    found = []
    if named and scope.key not in known:
        found.append(Disagreement("unnamed-scope", scope.name, here,
                                  f"the official statement names {', '.join(sorted(known))}"))
    together = {r.lower() for r in scope.requires_scopes + endpoint.requires_scopes} | {scope.key}
    for statement in named:
        needed = {n.lower() for n in statement.scopes}
        if statement.relation == "all" and scope.key in needed and needed - together:
            found.append(Disagreement("missing-together", scope.name, here,
                                      f"needs together {', '.join(sorted(needed - together))}"))
    return found


def audit_knowledge(kb: KnowledgeBase, statements: Iterable[Statement]) -> list[Disagreement]:
    """Every disagreement between the knowledge base's endpoints and the official statements."""
    by_key: dict[tuple[str, str, str], list[Statement]] = {}
    for statement in statements:
        by_key.setdefault(statement.key, []).append(statement)
    found: list[Disagreement] = []
    for scope in kb.scopes:
        for endpoint in scope.endpoints:
            key = operation_key(endpoint.method, endpoint.host, endpoint.path)
            found += check_endpoint(scope, endpoint, by_key.get(key, []))
    return found


def explain(found: Iterable[Disagreement], exceptions: Iterable[AuditException]) -> AuditReport:
    """Split disagreements into unexplained and explained ones, and find exceptions that match nothing."""
    exceptions = list(exceptions)
    found = list(found)
    explained = [d for d in found if any(e.covers(d) for e in exceptions)]
    unexplained = [d for d in found if d not in explained]
    stale = [e for e in exceptions if not any(e.covers(d) for d in found)]
    return AuditReport(tuple(unexplained), tuple(explained), tuple(stale))


def load_statements(directory: Path) -> list[Statement]:
    """The official statements shipped in `directory`/reference/."""
    with open(directory / REFERENCE_FILE, encoding="utf-8") as fh:
        return parse_statements(fh)


def load_exceptions(directory: Path) -> list[AuditException]:
    """The explained disagreements shipped in `directory` (none when the file is absent)."""
    path = directory / EXCEPTIONS_FILE
    if not path.exists():
        return []
    return parse_exceptions(parse_yaml(path.read_text(encoding="utf-8")))
