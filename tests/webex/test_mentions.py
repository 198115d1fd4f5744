"""The question read from a Webex message: the bot's mention removed, the message's lines kept."""

from __future__ import annotations

from bot.webex.client import BotIdentity, IncomingMessage
from bot.webex.mentions import question_text

BOT = BotIdentity("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3Q", "Scope Bot")
MENTION = f'<spark-mention data-object-type="person" data-object-id="{BOT.id}">Scope Bot</spark-mention>'


def test_the_mention_goes_and_the_lines_stay() -> None:
    markup = (f"<p>{MENTION} our script does</p><pre><code>api.messages.create(roomId=r,\n"
              "    markdown=&quot;hi&quot;)</code></pre><blockquote><p>someone said: use spark:all</p>"
              "</blockquote><p>which scope is missing?</p>")
    text = question_text(IncomingMessage("m", "r", html=markup), BOT)
    assert text.splitlines() == ["our script does", "```", "api.messages.create(roomId=r,",
                                 'markdown="hi")', "```", "> someone said: use spark:all",
                                 "which scope is missing?"]


def test_plain_text_keeps_its_lines_too() -> None:
    text = question_text(IncomingMessage("m", "r", text="Scope Bot  list   spaces\n\nplease"), BOT)
    assert text == "list spaces\nplease"
