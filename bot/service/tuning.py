"""Every tuned number of the service, in one place; the setting named beside a number overrides
it (see the README's settings table and bot.service.config).

Webex calls: a request gives up after WEBEX_TIMEOUT_SECONDS; a transient failure (429, 5xx,
timeout, dropped connection) is retried WEBEX_RETRY_ATTEMPTS times in all, waiting
WEBEX_RETRY_BASE_DELAY seconds doubled each time up to WEBEX_RETRY_MAX_DELAY (or what
Retry-After asks, up to WEBEX_MAX_RETRY_AFTER).

The inbox: a worker holds an event for LEASE_SECONDS (longer than the slowest handling, Webex
retries included, so two workers never hold one event); an event that failed is tried again
after REDELIVERY_BASE_DELAY seconds, doubling up to REDELIVERY_MAX_DELAY, until
EVENT_DEADLINE_SECONDS after it arrived, when it is marked failed.
"""

WEBEX_TIMEOUT_SECONDS = 20  # SCOPEBOT_WEBEX_TIMEOUT
WEBEX_RETRY_ATTEMPTS = 4  # SCOPEBOT_RETRY_ATTEMPTS
WEBEX_RETRY_BASE_DELAY = 0.5  # SCOPEBOT_RETRY_BASE_DELAY
WEBEX_RETRY_MAX_DELAY = 8.0
WEBEX_MAX_RETRY_AFTER = 60.0

WORKER_THREADS = 4  # SCOPEBOT_WORKER_THREADS: threads of the answering process
LEASE_SECONDS = 300.0  # SCOPEBOT_LEASE_SECONDS
REDELIVERY_BASE_DELAY = 5.0  # SCOPEBOT_REDELIVERY_BASE_DELAY
REDELIVERY_MAX_DELAY = 600.0  # SCOPEBOT_REDELIVERY_MAX_DELAY
EVENT_DEADLINE_SECONDS = 24 * 3600.0  # SCOPEBOT_EVENT_DEADLINE
POLL_SECONDS = 0.2  # SCOPEBOT_POLL_SECONDS: how often an idle worker thread looks for new or due events
DRAIN_SECONDS = 20.0  # on SIGTERM, keep answering due events this long (below gunicorn's graceful_timeout)
RECENT_MESSAGES = 50  # a retried reply looks this far back in its space (or thread) for itself
ANSWERER_NICENESS = 19  # the answering process yields the CPU to the webhook acknowledgements
CHECKPOINT_SECONDS = 1.0  # how often the answering process folds SQLite's write-ahead log into the file

MAX_BODY_BYTES = 1024 * 1024  # a webhook body larger than this gets 413
DATABASE_CONNECT_TIMEOUT = 10  # SCOPEBOT_DATABASE_CONNECT_TIMEOUT: seconds before an unanswering database is an error
RETENTION_DAYS = 90  # RETENTION_DAYS: stored question text and settled events are purged after this
PURGE_EVERY_SECONDS = 24 * 3600.0  # the answering process purges at start and then daily
