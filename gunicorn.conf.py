"""gunicorn settings for scopebot (read from the working directory).

gunicorn binds to 0.0.0.0:$PORT; this file sets $WEB_CONCURRENCY web workers (default 2), starts
the answering process beside them (bot.service.answerer; not when PLAYGROUND=1 serves the
playground alone, without a WEBEX_BOT_TOKEN), gives in-flight replies a graceful shutdown window,
and makes every log line JSON.
"""

import os

from bot.service.answerer import Supervisor

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
graceful_timeout = 30
accesslog = None  # each webhook is already logged by the app, with its event id and timing
answerer = Supervisor()


def on_starting(server) -> None:
    """Refuse to start on a settings mistake with one clear line, before any worker boots."""
    from bot.service.server import check_settings

    check_settings()


def when_ready(server) -> None:
    """Start the answering process, unless there is nothing to answer: without a token it could only
    fail and be restarted, over and over."""
    from bot.service.config import playground_only

    if playground_only():
        server.log.info("playground only: no WEBEX_BOT_TOKEN, so no answering process")
    else:
        answerer.start()


def post_worker_init(worker) -> None:
    from bot.service import heap
    from bot.service.app import warm_up

    warm_up(worker.wsgi)
    heap.settle()


def on_exit(server) -> None:
    answerer.stop(graceful_timeout - 5)


logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "bot.service.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stderr"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["stderr"]},
}
