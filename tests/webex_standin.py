"""A stand-in for the Webex REST API on loopback, enough for the bot and webexpythonsdk.

Serves people/me, messages (get, create), attachment/actions (get) and webhooks (CRUD), keeps
what it was sent, and can be told to fail requests (status, Retry-After, delays, dropped
connections) so fault handling is tested over real HTTP.
"""

from __future__ import annotations

import base64
import itertools
import random
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_ID = base64.b64encode(b"ciscospark://us/PEOPLE/0b07b0f1-aaaa-4bbb-8ccc-000000000001").decode().rstrip("=")
BOT_EMAIL = "scopebot@webex.bot"
BOT_NAME = "ScopeBot"


def now_iso() -> str:
    """Now as Webex writes times, e.g. 2026-11-24T10:00:00.123Z."""
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + f".{int(now % 1 * 1000):03d}Z"


def webex_id(kind: str, n: int) -> str:
    return base64.b64encode(f"ciscospark://us/{kind}/{n:08d}-0000-4000-8000-000000000000".encode()).decode().rstrip("=")


@dataclass
class Fault:
    """Make matching requests fail: `times` requests whose path matches `path` (a regex)."""

    path: str
    status: int | None = 500  # None: after `delay`, answer normally (a slow Webex)
    times: int = 1
    retry_after: str | None = None
    delay: float = 0.0
    drop: bool = False  # close the connection without an answer
    method: str | None = None


@dataclass
class State:
    messages: dict[str, dict] = field(default_factory=dict)
    actions: dict[str, dict] = field(default_factory=dict)
    webhooks: dict[str, dict] = field(default_factory=dict)
    rooms: dict[str, str] = field(default_factory=dict)  # room id -> room type
    sent: list[dict] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # person id -> email
    chaos_rate: float = 0.0  # share of requests that fail at random (see Chaos)
    tokens: set[str] | None = None  # the only bearer tokens accepted (None: any)
    reply_hold: float = 0.0  # seconds a posted message is held back after it was recorded
    outage_rooms: set[str] = field(default_factory=set)  # posting here is refused with 503...
    outage_until: float = 0.0  # ...until this time.monotonic()
    lock: threading.Lock = field(default_factory=threading.Lock)


class StandIn:
    """Runs the stand-in on a free loopback port in a background thread."""

    def __init__(self) -> None:
        self.state = State()
        self._ids = itertools.count(1)
        handler = type("Handler", (_Handler,), {"standin": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1/"

    def __enter__(self) -> "StandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def next_id(self, kind: str) -> str:
        return webex_id(kind, next(self._ids))

    # ----- scenario helpers -----

    def add_message(self, text: str, *, room_type: str = "direct", html: str | None = None,
                    parent_id: str | None = None, person_id: str | None = None,
                    person_email: str = "ada@example.com", mentions: tuple[str, ...] = (),
                    room_id: str | None = None) -> dict:
        """A message in a space of its own (unless `room_id` says which), so tests never see
        each other's replies."""
        message = {
            "id": self.next_id("MESSAGE"), "roomId": room_id or self.next_id("ROOM"),
            "roomType": room_type, "text": text, "personId": person_id or webex_id("PEOPLE", 42),
            "personEmail": person_email, "created": now_iso(),
        }
        if html is not None:
            message["html"] = html
        if parent_id:
            message["parentId"] = parent_id
        if mentions:
            message["mentionedPeople"] = list(mentions)
        with self.state.lock:
            self.state.messages[message["id"]] = message
            self.state.rooms[message["roomId"]] = room_type
            self.state.people[message["personId"]] = person_email
        return message

    def add_action(self, message: dict, inputs: dict) -> dict:
        action = {"id": self.next_id("ATTACHMENT_ACTION"), "type": "submit", "messageId": message["id"],
                  "roomId": message["roomId"], "personId": webex_id("PEOPLE", 42), "inputs": inputs}
        with self.state.lock:
            self.state.actions[action["id"]] = action
        return action

    def add_webhook(self, **fields: Any) -> dict:
        hook = {"id": self.next_id("WEBHOOK"), "status": "active", "created": "2026-11-24T10:00:00.000Z",
                **fields}
        with self.state.lock:
            self.state.webhooks[hook["id"]] = hook
        return hook

    def chaos(self, rate: float) -> None:
        """Fail this share of all requests at random with 500, 502, 503 or 429 (Retry-After: 0)."""
        with self.state.lock:
            self.state.chaos_rate = rate

    def hold_replies(self, seconds: float) -> None:
        """Record each posted message, then wait `seconds` before answering: the window in which a
        crash leaves a reply posted but not known to the bot."""
        with self.state.lock:
            self.state.reply_hold = seconds

    def outage(self, rooms: set[str], seconds: float) -> None:
        """Refuse posting into `rooms` with 503 for the next `seconds`."""
        with self.state.lock:
            self.state.outage_rooms, self.state.outage_until = set(rooms), time.monotonic() + seconds

    def in_outage(self, room_id: str) -> bool:
        with self.state.lock:
            return room_id in self.state.outage_rooms and time.monotonic() < self.state.outage_until

    def fail(self, fault: Fault) -> None:
        with self.state.lock:
            self.state.faults.append(fault)

    def listing(self, raw_path: str) -> list[dict]:
        """GET /v1/messages?roomId=&parentId=&max=: a room's (or thread's) messages, newest first."""
        query = parse_qs(urlsplit(raw_path).query)
        room, parent = query.get("roomId", [""])[0], query.get("parentId", [None])[0]
        limit = int(query.get("max", ["50"])[0])
        with self.state.lock:
            found = [m for m in self.state.messages.values() if m["roomId"] == room
                     and (parent is None or m.get("parentId") == parent)]
        return sorted(found, key=lambda m: m["created"], reverse=True)[:limit]

    def sent(self) -> list[dict]:
        with self.state.lock:
            return list(self.state.sent)

    def requests(self) -> list[tuple[str, str]]:
        with self.state.lock:
            return list(self.state.requests)


class _Handler(BaseHTTPRequestHandler):
    standin: StandIn
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # headers and body leave in one write (no Nagle/delayed-ACK stalls)
    disable_nagle_algorithm = True

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def _read_body(self) -> None:
        """Read the whole request body first, so a keep-alive connection stays in step."""
        length = int(self.headers.get("Content-Length") or 0)
        self._raw = self.rfile.read(length) if length else b""

    def _body(self) -> Any:
        return json.loads(self._raw) if self._raw else None

    def _send(self, status: int, payload: Any = None, headers: dict[str, str] | None = None) -> None:
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("TrackingID", "STANDIN_0")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except ConnectionError:  # the client gave up waiting (a timeout test): nothing to do
            pass

    def _fault(self) -> bool:
        state = self.standin.state
        with state.lock:
            state.requests.append((self.command, self.path))
            fault = next((f for f in state.faults if f.times > 0 and re.search(f.path, self.path)
                          and (f.method in (None, self.command))), None)
            if fault:
                fault.times -= 1
        if fault is None:
            if state.chaos_rate and random.random() < state.chaos_rate:
                status = random.choice([500, 502, 503, 429])
                self._send(status, {"message": "chaos"}, {"Retry-After": "0"} if status == 429 else None)
                return True
            return False
        if fault.delay:
            time.sleep(fault.delay)
        if fault.status is None and not fault.drop:
            return False
        if fault.drop:
            self.close_connection = True
            self.connection.close()
            return True
        headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
        self._send(fault.status, {"message": "injected fault", "trackingId": "STANDIN_0"}, headers)
        return True

    def _authorized(self) -> bool:
        auth, tokens = self.headers.get("Authorization", ""), self.standin.state.tokens
        if not auth.startswith("Bearer ") or (tokens is not None and auth[len("Bearer "):] not in tokens):
            self._send(401, {"message": "The request requires a valid access token."})
            return False
        return True

    def _route(self) -> None:
        self._read_body()
        if self._fault() or not self._authorized():
            return
        state = self.standin.state
        path = self.path.split("?", 1)[0].rstrip("/")
        method = self.command
        if method == "GET" and path == "/v1/people/me":
            return self._send(200, {"id": BOT_ID, "emails": [BOT_EMAIL], "displayName": BOT_NAME,
                                    "nickName": BOT_NAME, "type": "bot"})
        if m := re.fullmatch(r"/v1/people/([^/]+)", path):
            with state.lock:
                email = state.people.get(m[1])
            return self._send(200, {"id": m[1], "emails": [email]}) if email else self._send(404, {"message": "not found"})
        if method == "GET" and path == "/v1/messages":
            return self._send(200, {"items": self.standin.listing(self.path)})
        if m := re.fullmatch(r"/v1/messages/([^/]+)", path):
            with state.lock:
                message = state.messages.get(m[1])
            return self._send(200, message) if message else self._send(404, {"message": "not found"})
        if method == "POST" and path == "/v1/messages":
            body = self._body() or {}
            if not body.get("roomId") or not (body.get("text") or body.get("markdown")):
                return self._send(400, {"message": "roomId and text or markdown are required"})
            if self.standin.in_outage(body["roomId"]):
                return self._send(503, {"message": "outage"})
            message = {**body, "id": self.standin.next_id("MESSAGE"), "personId": BOT_ID,
                       "personEmail": BOT_EMAIL, "roomType": state.rooms.get(body["roomId"], "direct"),
                       "created": now_iso()}
            with state.lock:
                state.sent.append(body)
                state.messages[message["id"]] = message
                hold = state.reply_hold
            time.sleep(hold)
            return self._send(200, message)
        if m := re.fullmatch(r"/v1/attachment/actions/([^/]+)", path):
            with state.lock:
                action = state.actions.get(m[1])
            return self._send(200, action) if action else self._send(404, {"message": "not found"})
        if path == "/v1/webhooks":
            if method == "GET":
                with state.lock:
                    return self._send(200, {"items": list(state.webhooks.values())})
            body = self._body() or {}
            return self._send(200, self.standin.add_webhook(**body))
        if m := re.fullmatch(r"/v1/webhooks/([^/]+)", path):
            with state.lock:
                hook = state.webhooks.get(m[1])
                if hook is None:
                    return self._send(404, {"message": "not found"})
                if method == "GET":
                    return self._send(200, hook)
                if method == "PUT":
                    hook.update(self._body() or {})
                    return self._send(200, hook)
                if method == "DELETE":
                    del state.webhooks[m[1]]
                    return self._send(204)
        self._send(404, {"message": f"no route {method} {path}"})

    do_GET = do_POST = do_PUT = do_DELETE = _route
