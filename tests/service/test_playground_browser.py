"""The playground in real headless Chromium, started as the Procfile starts it with PLAYGROUND=1 and
no token: a person types a question and presses Enter, sees the card the renderer draws, its
Markdown fallback and the `ask --json` row; presses the card's buttons; and nothing the page loads
comes from anywhere but the app, nothing typed runs as HTML, and no script error or CSP violation
happens on the way."""

from __future__ import annotations

import json

import pytest

import card_render
from browser import Browser, Page
from service_harness import PlaygroundOnly, running

pytestmark = pytest.mark.skipif(card_render.chromium() is None,
                                reason="Chromium is not installed (make test installs Debian's chromium when "
                                       "run as root); the playground was not tried in a browser")
# Errors and CSP violations the page meets, kept where the test can read them.
WATCH = """window.__problems = [];
addEventListener("securitypolicyviolation", e => __problems.push("CSP: " + e.violatedDirective + " " + e.blockedURI));
addEventListener("error", e => __problems.push("error: " + e.message));
addEventListener("unhandledrejection", e => __problems.push("rejection: " + e.reason));"""
NEWEST = "document.querySelector('#conversation .exchange')"
HOSTILE = '<img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> answer calls'


@pytest.fixture(scope="module")
def served(standin, tmp_path_factory):
    """The playground under gunicorn, and a browser."""
    state = tmp_path_factory.mktemp("playground-browser")
    with running(PlaygroundOnly(standin.base_url, state)) as service, Browser(state / "profile") as browser:
        yield service, browser


@pytest.fixture
def page(served):
    """A new tab with the playground loaded and ready, watched for errors."""
    service, browser = served
    tab = browser.page()
    tab.before_load(WATCH)
    tab.goto(service.url + "/")
    tab.wait_for("document.body.dataset.ready === 'yes'")
    tab.origin = service.url  # type: ignore[attr-defined]
    yield tab
    tab.close()


def reply(page: Page, count: int) -> dict:
    """The newest exchange once it is the `count`-th and has its reply: its parts as text."""
    page.wait_for(f"document.querySelectorAll('#conversation .exchange').length === {count}"
                  f" && {NEWEST}.dataset.state !== 'waiting'")
    return page.evaluate(f"""(() => {{ const x = {NEWEST}; const text = s => x.querySelector(s)?.textContent;
        return {{state: x.dataset.state, asked: text('.asked'), card: x.querySelector('.ac-adaptiveCard')?.innerText,
                 markdown: text('.markdown pre'), json: text('.json pre'), data: text('.data pre'),
                 error: text('.error')}}; }})()""")


def button(title: str) -> str:
    """A JavaScript expression for the button titled `title` in the newest exchange."""
    return f"[...{NEWEST}.querySelectorAll('button')].find(b => b.textContent.trim() === {json.dumps(title)})"


def assert_clean(page: Page) -> None:
    """No script error, unhandled rejection or CSP violation so far."""
    assert page.evaluate("window.__problems") == []
    assert page.events("Runtime.exceptionThrown") == []


def test_a_typed_question_shows_the_card_the_fallback_and_the_json(page) -> None:
    page.click("document.getElementById('question')")
    page.type("what scope do I need to answer calls")
    page.press_enter()
    shown = reply(page, 1)
    assert shown["state"] == "done", shown["error"]
    assert "spark:calls_write" in shown["card"] and "You need:" in shown["card"]
    assert "**`spark:calls_write`**" in shown["markdown"]
    row = json.loads(shown["json"])
    assert row["scopes"] == ["spark:calls_write"] and row["kind"] == "scope" and row["text"] == shown["markdown"]
    assert page.evaluate("document.getElementById('question').value") == ""
    assert_clean(page)


def test_a_card_button_shows_its_reply_and_votes_are_disabled(page) -> None:
    page.click("document.querySelector('.example')")  # "what scope do I need to answer calls?"
    assert "spark:calls_write" in reply(page, 1)["card"]
    page.click(button("Feedback"))
    helpful = button("Helpful")
    assert page.evaluate(f"{helpful}.disabled && {helpful}.classList.contains('ac-pushButton-disabled')")
    page.click(button("More"))
    page.click(button("Show"))
    shown = reply(page, 2)
    assert shown["state"] == "done", shown["error"]
    assert shown["asked"] == "You pressed Show" and "About this scope" in shown["card"]
    pressed = json.loads(shown["data"])
    assert pressed == {"action": "scope", "scope": "spark:calls_read"} and "spark:calls_read" in shown["card"]
    assert_clean(page)


def test_typed_html_stays_text(page) -> None:
    page.click("document.getElementById('question')")
    page.type(HOSTILE)
    page.click("document.querySelector('#ask button[type=submit]')")
    shown = reply(page, 1)
    assert shown["state"] == "done", shown["error"]
    assert shown["asked"] == f"You asked: {HOSTILE}" and "spark:calls_write" in shown["card"]
    assert page.evaluate("window.__pwned === undefined && !document.querySelector('#conversation img, "
                         "#conversation script')")
    assert_clean(page)


def test_a_link_with_a_question_asks_it_and_loads_nothing_from_elsewhere(page) -> None:
    page.goto(page.origin + "/?q=GET%20/v1/rooms")
    shown = reply(page, 1)
    assert shown["state"] == "done" and json.loads(shown["json"])["scopes"] == ["spark:rooms_read"]
    loaded = [e["request"]["url"] for e in page.events("Network.requestWillBeSent")]
    assert any(url.endswith("/vendor/adaptivecards.min.js") for url in loaded)
    assert [url for url in loaded if not url.startswith(page.origin + "/")] == []
    assert_clean(page)
