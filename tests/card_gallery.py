"""`make cards-gallery`: a screenshot of every kind of card at both widths into docs/cards/, and
docs/cards.md showing them with what each card is for and what the render check found."""

from __future__ import annotations

import sys
from pathlib import Path

import card_render
from bot.core.handler import Handler
from bot.core.knowledge import load_knowledge
from bot.core.oauth import AppLinks
from card_samples import sample_cards

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "cards"
LINKS = AppLinks("C0ffee123", "https://example.com/oauth/callback")
ABOUT = {
    "answer": "One scope answers the question; with WEBEX_CLIENT_ID and WEBEX_REDIRECT_URI set, "
              "an Authorize button.",
    "answer-without-links": "The same answer without those settings: one line says how to set them.",
    "answer-unsure": "A low-confidence answer: says so, with its assumptions.",
    "endpoint": "An API call pasted as the question, with the scope that documents it.",
    "plan": "Several needs in one sentence: one least-privilege scope each.",
    "compare": "Two scopes, stacked so a phone can read them.",
    "unlocks": "What a named scope lets an app do.",
    "guidance": "The answer is an explanation, not a scope.",
    "clarify": "Two readings lead to different scopes: each has a button.",
    "decline": "Not a question about scopes.",
    "hostile": "A question wrapped in hostile noise (mention, links, image, HTML, bidi override): answered, echoed inert.",
    "code": "Pasted code: one row per API call (METHOD, path, scopes), a call that matches nothing said so.",
    "audit": "A scope audit: what the integration requests against what it does.",
    "audit-url": "A pasted authorization URL with no use described: the scopes it asks for, and what to tell.",
    "help": "The help command.",
    "areas": "The list command: every area.",
    "area": "list AREA: the scopes of one area.",
    "button-scope": "The reply to a scope button (More > Show).",
    "button-related": "The reply to More > Compare.",
    "button-help": "The reply to the Help button.",
    "button-list": "The reply to the Areas button.",
}
SHOWN = {name: about for name, about in ABOUT.items() if name not in ("button-help", "button-list")}
OPENED = ("answer",)  # cards whose Action.ShowCard contents are pictured too


def opened(name: str, card: dict) -> dict[str, dict]:
    """The cards behind `card`'s Action.ShowCard buttons, named like the render check names them."""
    return {f"{name} > {a['title']}": {"type": "AdaptiveCard", "version": "1.3", **a["card"]}
            for a in card.get("actions", []) if a["type"] == "Action.ShowCard"}


def main() -> int:
    if card_render.chromium() is None or not card_render.renderer_installed():
        print("cards-gallery needs Chromium and the npm packages of tests/render", file=sys.stderr)
        return 1
    kb = load_knowledge()
    cards = sample_cards(Handler(kb, links=LINKS))
    cards["answer-without-links"] = sample_cards(Handler(kb))["answer"]
    pictured = {n: cards[n] for n in SHOWN} | {k: v for n in OPENED for k, v in opened(n, cards[n]).items()}
    rendered = {(r.name, r.width): r for r in card_render.render(pictured)}
    OUT.mkdir(parents=True, exist_ok=True)
    lines = ["# The cards, as Webex renders them", "",
             "Made by `make cards-gallery`: each card the bot sends, rendered by the Adaptive Cards "
             "renderer (npm `adaptivecards`, schema 1.3) with a Webex-like host config in headless "
             "Chromium, at Webex's 500 px message column and a 340 px phone. `make test` renders the "
             "same cards and fails on any layout problem (tests/test_card_render.py).", ""]
    for name, card in pictured.items():
        slug = name.replace(" > ", "-").replace(" ", "-").lower()
        row = []
        for width in card_render.WIDTHS:
            result = rendered[(name, width)]
            path = OUT / f"{slug}-{width}.png"
            card_render.screenshot(name, card, width, result.height, path)
            row.append(f"![{name} at {width} px](cards/{path.name})")
        problems = sorted({p for w in card_render.WIDTHS for p in rendered[(name, w)].problems})
        about = SHOWN.get(name) or "What the button of that name opens under the card."
        lines += [f"## {name}", "", about, "", "Render check: " + ("no problems." if not problems else
                  "; ".join(problems)), "", "500 px | 340 px", "--- | ---", " | ".join(row), ""]
    (ROOT / "docs" / "cards.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(pictured)} cards, {2 * len(pictured)} screenshots in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
