"""The import contract that keeps the layers apart: a pure core, one edge per outside system.

- bot.core imports only bot.core, the standard library and pure libraries;
- bot.webex is the only package that imports webexpythonsdk, and it imports no other bot package;
- bot.storage is the only package that imports SQLAlchemy; of the bot it may use only bot.core;
- bot.service (Flask) wires the others; only bot.cli and bot.tools may sit above it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PURE_LIBRARIES = {"yaml", "rapidfuzz", "snowballstemmer", "spellchecker"}
OWNERS = {"webexpythonsdk": "bot.webex", "sqlalchemy": "bot.storage", "flask": "bot.service",
          "werkzeug": "bot.service", "gunicorn": "bot.service"}
MAY_IMPORT = {  # a package: the bot packages it may import besides itself
    "bot.core": set(),
    "bot.webex": set(),
    "bot.storage": {"bot.core"},
    "bot.service": {"bot.core", "bot.webex", "bot.storage"},
    "bot.tools": {"bot.core", "bot.storage", "bot.service", "bot.webex"},
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append((".".join(p for p in parts if p != "__init__"), path))
    return found


def imports(path: Path) -> set[str]:
    """Every module name imported anywhere in the file (inside functions too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def violations(module: str, imported: set[str]) -> list[str]:
    """What `module` imports that its layer may not."""
    own = package(module)
    found = []
    for name in imported:
        top = name.split(".")[0]
        if top == "bot":
            target = package(name)
            if own in MAY_IMPORT and target != own and target not in MAY_IMPORT[own]:
                found.append(f"{module} imports {name}")
        elif top in OWNERS and not own.startswith(OWNERS[top]):
            found.append(f"{module} imports {name}, which only {OWNERS[top]} may use")
        elif own == "bot.core" and top not in sys.stdlib_module_names and top not in PURE_LIBRARIES:
            found.append(f"{module} imports {name}, which is neither standard nor a pure library")
    return found


@pytest.mark.parametrize("module, path", modules(), ids=[m for m, _ in modules()])
def test_module_keeps_its_layer(module: str, path: Path) -> None:
    assert violations(module, imports(path)) == []


def test_the_contract_can_fail() -> None:
    assert violations("bot.core.cards", {"bot.webex.client"}) == ["bot.core.cards imports bot.webex.client"]
    assert violations("bot.core.text", {"requests"})
    assert violations("bot.storage.feedback", {"flask"})
    assert violations("bot.webex.client", {"bot.core.cards"})


FUNCTION_LINES, CLASS_LINES = 50, 200  # past these a reader loses the thread; split instead


@pytest.mark.parametrize("module, path", modules(), ids=[m for m, _ in modules()])
def test_functions_and_classes_stay_short(module: str, path: Path) -> None:
    """No function or class outgrows one screen."""
    too_long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
                for node in ast.walk(ast.parse(path.read_text()))
                if isinstance(node, (ast.FunctionDef, ast.ClassDef))
                and node.end_lineno - node.lineno + 1 > (CLASS_LINES if isinstance(node, ast.ClassDef) else FUNCTION_LINES)]
    assert too_long == []
