"""gunicorn settings for scopebot (read from the working directory).

gunicorn binds to 0.0.0.0:$PORT and runs $WEB_CONCURRENCY workers on its own; this file adds a
graceful shutdown window (in-flight replies are finished on SIGTERM) and JSON log lines.
"""

graceful_timeout = 30
accesslog = None  # each webhook is already logged by the app, with its event id and timing
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
