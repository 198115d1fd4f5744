"""The playground: GET / is a page where a question gets the reply Webex would show (the card drawn
by the Adaptive Cards renderer, its Markdown fallback and the `ask --json` row); POST /playground/ask
and POST /playground/action answer it. The page's scripts are served from static/ (the renderer and
markdown-it vendored under static/vendor/), so it works offline. Nothing here stores the questions
or calls Webex.
"""

from __future__ import annotations

from typing import Any, Mapping

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from bot.core.actions import CardAction
from bot.core.cards import EXAMPLE_QUESTIONS
from bot.core.handler import MAX_QUESTION_CHARS, Handler, Reply

HANDLER = "scopebot.playground"  # the app.extensions key of the playground's Handler
# Buttons the playground answers. A Helpful / Not helpful vote counts one per Webex person and
# card, and the playground has neither: those buttons are shown disabled.
ANSWERED_ACTIONS = (CardAction.SCOPE, CardAction.RELATED, CardAction.HELP, CardAction.LIST)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

playground = Blueprint("playground", __name__, static_folder="static", static_url_path="/playground/static",
                       template_folder="templates")

MAX_ECHOED_NAME = 100  # characters of an unknown scope name said back in a 404


def _handler() -> Handler:
    return current_app.extensions[HANDLER]


@playground.after_request
def _secure(response: Response) -> Response:
    """Only the app's own scripts and styles run on the page, whatever a reply contains."""
    response.headers.update(SECURITY_HEADERS)
    return response


@playground.get("/")
def page() -> str:
    """The playground page: a box for the question, the card as Webex draws it, its Markdown and JSON."""
    return render_template("playground.html", max_chars=MAX_QUESTION_CHARS, examples=EXAMPLE_QUESTIONS,
                           answered=[a.value for a in ANSWERED_ACTIONS])


def _body() -> Mapping[str, Any]:
    """The request's JSON object, or a 4xx saying what to send."""
    if not request.is_json:
        abort(415, 'send JSON (Content-Type: application/json), like {"question": "answer calls"}')
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, 'the body must be a JSON object, like {"question": "answer calls"}')
    return body


def _shown(reply: Reply) -> dict[str, Any]:
    """What the page draws of a reply: the card Webex would show, and the Markdown sent with it."""
    return {"card": reply.card, "markdown": reply.markdown}


@playground.post("/playground/ask")
def ask() -> Any:
    """The reply to one question, as the bot would send it, with its `ask --json` row."""
    question = _body().get("question")
    if not isinstance(question, str):
        abort(400, '"question" must be a string, like {"question": "answer calls"}')
    question = question.strip()
    if not question:
        abort(400, "the question is empty: type what your integration needs to do")
    if len(question) > MAX_QUESTION_CHARS:
        abort(413, f"the question has {len(question)} characters; the bot reads at most {MAX_QUESTION_CHARS}")
    reply = _handler().handle_text(question)
    return jsonify(question=question, json=reply.to_json(question), **_shown(reply))


@playground.post("/playground/action")
def action() -> Any:
    """The reply to a card's button, given the data it submits ({"data": {"action": "scope", ...}})."""
    data = _body().get("data")
    pressed = CardAction.of(data)
    if pressed not in ANSWERED_ACTIONS:
        answered = ", ".join(a.value for a in ANSWERED_ACTIONS)
        abort(400, f'"data" must be the data of a button the playground answers (action: {answered}); '
                   "votes count only in Webex")
    reply = _handler().handle_action(data)
    if reply is None:
        abort(404, f"nothing to show for {pressed.value} {str(data.get('scope'))[:MAX_ECHOED_NAME]!r}: no such scope")
    return jsonify(**_shown(reply))
