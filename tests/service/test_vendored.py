"""The playground's vendored scripts are the pinned npm packages' files, unchanged, with their
licence notices beside them (`make vendor` copies them again)."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

VENDOR = ROOT / "bot" / "service" / "static" / "vendor"
PACKAGES = ROOT / "tests" / "render" / "node_modules"
PINNED = json.loads((ROOT / "tests" / "render" / "package.json").read_text())["dependencies"]
COPIES = {"adaptivecards.min.js": "adaptivecards/dist/adaptivecards.min.js",
          "adaptivecards.min.js.LICENSE.txt": "adaptivecards/dist/adaptivecards.min.js.LICENSE.txt",
          "markdown-it.min.js": "markdown-it/dist/markdown-it.min.js"}
BUNDLED = ("adaptivecards", "swiper", "markdown-it", "entities", "linkify-it", "mdurl", "punycode.js", "uc.micro")


def test_the_scripts_keep_their_licence_notices() -> None:
    assert (VENDOR / "markdown-it.min.js").read_text().startswith(
        f"/*! markdown-it {PINNED['markdown-it']} https://github.com/markdown-it/markdown-it @license MIT */")
    assert (VENDOR / "adaptivecards.min.js").read_text().startswith(
        "/*! For license information please see adaptivecards.min.js.LICENSE.txt */")
    for package in BUNDLED:
        assert "Copyright" in (VENDOR / "licenses" / f"{package}.txt").read_text(), package
    assert all(f"licenses/{package}.txt" in (VENDOR / "README.md").read_text() for package in BUNDLED)


def test_the_copies_are_the_pinned_packages_files() -> None:
    if not PACKAGES.exists():
        pytest.skip("the npm packages are not installed (make test runs npm ci in tests/render)")
    for package, version in PINNED.items():
        assert json.loads((PACKAGES / package / "package.json").read_text())["version"] == version
    changed = [name for name, source in COPIES.items()
               if (VENDOR / name).read_bytes() != (PACKAGES / source).read_bytes()]
    changed += [p for p in BUNDLED if (VENDOR / "licenses" / f"{p}.txt").read_bytes()
                != next((PACKAGES / p).glob("LICENSE*")).read_bytes()]
    assert changed == [], "run `make vendor`"
