"""Local mode: questions typed on standard input go through the same handler as webhooks."""

from __future__ import annotations

from typing import TextIO

from bot.core.handler import Handler

BANNER = "scopebot local mode (no WEBEX_BOT_TOKEN set). Ask a question, or type help. Ctrl-D quits."


def run_local(handler: Handler, stdin: TextIO, out: TextIO) -> int:
    """Answer each line of `stdin` until it ends; a prompt only when a person is typing."""
    interactive = stdin.isatty()
    if interactive:
        out.write(BANNER + "\n> ")
        out.flush()
    for line in stdin:
        if line.strip():
            out.write(handler.handle_text(line).markdown + "\n\n")
        if interactive:
            out.write("> ")
        out.flush()
    return 0
