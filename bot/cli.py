"""Command line: ask, audit, eval, kb (check/stats/export/audit), run (the bot), work, report, purge,
doctor, webhooks."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import urlsplit

import yaml

from bot.tools.evaluate import evaluate, successors
from bot.core.audit import requested_in
from bot.core.handler import Handler
from bot.tools.kbaudit import audit_knowledge, explain, load_exceptions, load_statements
from bot.tools.kbcheck import check_knowledge, knowledge_stats
from bot.tools.kbexport import export_knowledge
from bot.core.knowledge import KnowledgeBase, KnowledgeError, knowledge_dir, load_knowledge, parse_yaml
from bot.core.oauth import AppLinks
from bot.core.safe_text import well_formed


def _questions(args: argparse.Namespace, stdin: TextIO) -> Iterable[str]:
    """The questions from the command line, or from stdin one per line (all of it as one post with `--whole`: a
    pasted post keeps its lines), a byte that was not UTF-8 (Python keeps it as a lone surrogate) made U+FFFD:
    printed JSON then stays valid UTF-8 for whatever reads it."""
    lines = [" ".join(args.question)] if args.question else [stdin.read()] if args.whole else stdin
    return (well_formed(line) for line in lines)


def _links() -> AppLinks:
    """The integration's OAuth settings from the environment, for working authorization links."""
    return AppLinks.from_settings(os.environ)


def cmd_ask(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    handler = Handler(load_knowledge(), links=_links())
    for line in _questions(args, stdin):
        question = line.strip()
        if not question:
            continue
        reply = handler.handle_text(question)
        if args.json:
            out.write(json.dumps(reply.to_json(question)) + "\n")
        elif args.card:
            out.write(json.dumps(reply.card, indent=2) + "\n")
        else:
            out.write(reply.markdown + "\n\n")
        out.flush()
    return 0


def cmd_audit(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    """The scopes an integration requests against what its code and description need."""
    requested = requested_in(args.scopes)
    if not requested.names:
        raise UsageError("--scopes must list scope names (like 'spark:all spark:messages_write') "
                         "or be the app's authorization URL")
    code = _read_code(args.code, stdin) if args.code else ""
    handler = Handler(load_knowledge(), links=_links())
    does = "\n".join(filter(None, [args.does, code]))
    answer = handler.matcher.audit(f"audit {args.scopes}", requested, does, handler.links)
    if args.json:
        assert answer.audit is not None
        out.write(json.dumps({**answer.audit.to_json(), "confidence": answer.confidence.value,
                              "calls": [c.to_json() for c in answer.calls]}) + "\n")
    else:
        out.write(handler.reply(answer).markdown + "\n")
    return 0


def _read_code(path: str, stdin: TextIO) -> str:
    """The code to audit, from a file or '-' for standard input, as text."""
    if path == "-":
        return stdin.read()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError as exc:
        raise UsageError(f"cannot read --code {path}: {exc.strerror}") from None


def cmd_eval(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    try:
        with open(args.file, encoding="utf-8") as fh:
            items = parse_yaml(fh.read())
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:  # not UTF-8: a file it cannot read either
        print(f"cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    if not isinstance(items, list):
        print(f"{args.file}: expected a list of questions", file=sys.stderr)
        return 2
    kb = load_knowledge()
    handler = Handler(kb)
    try:
        report = evaluate(handler.matcher.answer, items, successors(kb))
    except ValueError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 2
    out.write(report.summary() + "\n")
    return 0


def kb_audit(kb: KnowledgeBase, out: TextIO) -> int:
    """Print every unexplained disagreement with the official statements and every stale exception."""
    directory = knowledge_dir()
    report = explain(audit_knowledge(kb, load_statements(directory)), load_exceptions(directory))
    out.writelines(f"{item}\n" for item in report.unexplained)
    out.writelines(f"stale exception: {e.kind}: {e.scope}: {e.endpoint}\n" for e in report.stale)
    verdict = "ok" if report.ok else "FAILED"
    out.write(f"kb audit {verdict}: {len(report.unexplained)} unexplained, {len(report.explained)} explained, "
              f"{len(report.stale)} stale exceptions\n")
    return 0 if report.ok else 1


def cmd_kb(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    kb = load_knowledge()
    if args.action == "export":
        out.write(json.dumps(export_knowledge(kb), indent=2 if not args.json else None) + "\n")
        return 0
    if args.action == "audit":
        return kb_audit(kb, out)
    if args.action == "stats":
        stats = knowledge_stats(kb)
        if args.json:
            out.write(json.dumps(stats) + "\n")
        else:
            out.write(f"{stats['scopes']} scopes, {stats['endpoints']} endpoints\n")
            out.writelines(f"  {area}: {n}\n" for area, n in stats["areas"].items())
        return 0
    problems = check_knowledge(kb)
    for problem in problems:
        out.write(problem + "\n")
    stats = knowledge_stats(kb)
    verdict = "FAILED" if problems else "ok"
    out.write(f"kb check {verdict}: {stats['scopes']} scopes, {stats['endpoints']} endpoints, "
              f"{len(problems)} problems\n")
    return 1 if problems else 0


def cmd_run(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    if os.environ.get("WEBEX_BOT_TOKEN"):
        from bot.service.server import serve

        return serve()
    from bot.service import heap
    from bot.service.wiring import database
    from bot.storage.feedback import FeedbackStore
    from bot.tools.local import run_local

    handler = Handler(load_knowledge(), recorder=FeedbackStore(database()), links=_links())
    heap.settle()
    return run_local(handler, stdin, out)


def cmd_work(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from bot.service.answerer import answer_events
    from bot.service.config import Settings

    return answer_events(Settings.from_env())


def cmd_report(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from bot.service.wiring import database
    from bot.storage.feedback import FeedbackStore

    report = FeedbackStore(database()).report(args.limit)
    out.write((json.dumps(report.to_json()) if args.json else report.text()) + "\n")
    return 0


def cmd_purge(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from bot.service.config import retention_days
    from bot.service.wiring import database
    from bot.storage.retention import purge

    days = retention_days() if args.days is None else args.days
    removed = purge(database(), days)
    out.write(f"purged what is older than {days:g} days: "
              + ", ".join(f"{n} {what}" for what, n in removed.items()) + "\n")
    return 0


def cmd_doctor(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from bot.tools.doctor import diagnose

    findings = diagnose(os.environ, args.url)
    out.writelines(f"{finding}\n" for finding in findings)
    return 1 if any(not f.ok for f in findings) else 0


def cmd_webhooks(args: argparse.Namespace, out: TextIO, stdin: TextIO) -> int:
    from bot.service.config import Settings
    from bot.service.wiring import webex_client
    from bot.webex.webhooks import delete_webhooks, ours, sync_webhooks

    settings = Settings.from_env()
    client = webex_client(settings)
    if args.action == "sync":
        report = sync_webhooks(client, public_url(args.url), settings.webhook_secret, settings.webhook_prefix)
        out.writelines(line + "\n" for line in report.lines())
    elif args.action == "list":
        for hook in ours(client.list_webhooks(), settings.webhook_prefix):
            out.write(f"{hook.id}  {hook.status:8}  {hook.resource}/{hook.event}  {hook.target_url}  {hook.name}\n")
    else:
        for line in delete_webhooks(client, settings.webhook_prefix, args.id):
            out.write(f"deleted: {line}\n")
    return 0


class UsageError(ValueError):
    """A command-line argument that cannot work; the message says which and why."""


def public_url(url: str | None) -> str:
    """The webhook target URL, checked: Webex only calls https:// URLs with a host."""
    parts = urlsplit(url or "")
    if parts.scheme != "https" or not parts.hostname or " " in (url or ""):
        raise UsageError(f"--url must be the public https URL of POST /webhooks, like "
                         f"https://bot.example.com/webhooks (got {url!r})")
    return url  # type: ignore[return-value]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or one per line from standard input)")
    ask.add_argument("question", nargs="*", help="the question; omit to read standard input")
    fmt = ask.add_mutually_exclusive_group()
    fmt.add_argument("--card", action="store_true", help="print the Adaptive Card JSON")
    fmt.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--whole", action="store_true",
                     help="read all of standard input as one question (a post with line breaks)")
    ask.set_defaults(func=cmd_ask)
    aud = sub.add_parser("audit", help="which requested scopes an app does not need, and which it lacks")
    aud.add_argument("--scopes", required=True, help="the requested scopes, or the app's authorization URL")
    aud.add_argument("--code", metavar="FILE", help="the app's code ('-' for standard input)")
    aud.add_argument("--does", help="what the app does, in words")
    aud.add_argument("--json", action="store_true", help="print unneeded, missing, minimal and authorization_url")
    aud.set_defaults(func=cmd_audit)
    ev = sub.add_parser("eval", help="score the matcher on a question file")
    ev.add_argument("file")
    ev.set_defaults(func=cmd_eval)
    kb = sub.add_parser("kb", help="check, audit or export the knowledge base, or print its statistics")
    kb.add_argument("action", choices=["check", "stats", "export", "audit"])
    kb.add_argument("--json", action="store_true", help="stats as JSON; export as compact JSON")
    kb.set_defaults(func=cmd_kb)
    run = sub.add_parser("run", help="run the bot (local mode on standard input without a token)")
    run.set_defaults(func=cmd_run)
    work = sub.add_parser("work", help="answer stored webhook events (gunicorn starts this beside the web workers)")
    work.set_defaults(func=cmd_work)
    report = sub.add_parser("report", help="top unanswered questions and feedback per scope")
    report.add_argument("--json", action="store_true")
    report.add_argument("--limit", type=int, default=20)
    report.set_defaults(func=cmd_report)
    purge = sub.add_parser("purge", help="forget stored questions older than RETENTION_DAYS (default 90)")
    purge.add_argument("--days", type=float, help="override RETENTION_DAYS")
    purge.set_defaults(func=cmd_purge)
    doctor = sub.add_parser("doctor", help="check the token, the webhooks and their URL, and the database")
    doctor.add_argument("--url", help="the public https URL the webhooks should point at")
    doctor.set_defaults(func=cmd_doctor)
    hooks = sub.add_parser("webhooks", help="register, list or delete the bot's webhooks")
    hooks.add_argument("action", choices=["sync", "list", "delete"])
    hooks.add_argument("--url", help="with sync: the public https URL of POST /webhooks")
    hooks.add_argument("--id", help="with delete: only this webhook (default: all of ours)")
    hooks.set_defaults(func=cmd_webhooks)
    return parser


def main(argv: list[str] | None = None, out: TextIO = sys.stdout, stdin: TextIO = sys.stdin) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args, out, stdin)
    except BrokenPipeError:
        return 0
    except Exception as error:  # every mistake ends in one line that says what to fix, not a traceback
        print(f"{args.command}: {error_line(error)}", file=sys.stderr)
        return 2


def error_line(error: Exception) -> str:
    """One line about a failed command: settings, database, Webex, knowledge base, or unexpected."""
    from bot.service.config import ConfigError, DEFAULT_API_BASE_URL
    from bot.storage.database import DatabaseError
    from bot.webex.errors import describe

    if isinstance(error, (ConfigError, DatabaseError, UsageError)):
        return str(error)
    if isinstance(error, KnowledgeError):
        return f"knowledge error: {error}"
    webex = describe(error, os.environ.get("WEBEX_API_BASE_URL") or DEFAULT_API_BASE_URL)
    return webex or f"unexpected {type(error).__name__}: {error}".splitlines()[0][:300]
