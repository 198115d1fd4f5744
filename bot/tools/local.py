"""Local mode: questions typed on standard input go through the same handler as webhooks; when a
person is typing, the playground is served on 127.0.0.1:$PORT beside it."""

from __future__ import annotations

from typing import TextIO

from bot.core.handler import Handler
from bot.core.oauth import SETTINGS_HINT

BANNER = "scopebot local mode (no WEBEX_BOT_TOKEN set). Ask a question, or type help. Ctrl-D quits."
PLAYGROUND_LINE = "Playground (the replies as Webex shows them): {url}"


def start_playground(handler: Handler) -> str:
    """Serve the playground in the background, answering with `handler`'s knowledge but recording
    nothing; the banner line that says where (or why not)."""
    from bot.service.app import build_app, playground_handler
    from bot.service.config import ConfigError, listen_port
    from bot.service.server import serve_in_background

    try:
        port = listen_port()
    except ConfigError as error:
        return f"The playground did not start: {error}."
    try:
        url = serve_in_background(build_app(None, playground_handler(handler)), port)
    except OSError as error:
        return f"The playground did not start on port {port} ({error.strerror}); set PORT to a free one."
    return PLAYGROUND_LINE.format(url=url)


def run_local(handler: Handler, stdin: TextIO, out: TextIO) -> int:
    """Answer each line of `stdin` until it ends; a prompt and the playground only when a person is typing."""
    interactive = stdin.isatty()
    if interactive:
        hint = "" if handler.links.ready else SETTINGS_HINT + "\n"
        out.write(BANNER + "\n" + hint + start_playground(handler) + "\n> ")
        out.flush()
    for line in stdin:
        if line.strip():
            out.write(handler.handle_text(line).markdown + "\n\n")
        if interactive:
            out.write("> ")
        out.flush()
    return 0
