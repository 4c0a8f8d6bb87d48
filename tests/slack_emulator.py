"""A local Slack for tests: Web API, response URLs, file uploads and Socket Mode over real HTTP.

Self-contained (stdlib + ``websockets``); it imports nothing from the project.

    with SlackEmulator() as emu:
        client = WebClient(token="xoxb-test", base_url=emu.base_url)
        client.chat_postMessage(channel="C0CHAN", text="hi")
        [call] = emu.wait_for("chat.postMessage")
        assert call.params["text"] == "hi"

Web API: every method is served at ``POST {base_url}<method>`` (GET works too), parameters are
merged from the query string, a form body, a multipart body or a JSON body; the token comes from
``Authorization: Bearer`` or the ``token`` field. A call without a token gets ``not_authed``; an
app-level (``xapp-``) token is only accepted by ``apps.connections.open`` and a bot/user token is
refused there (``not_allowed_token_type``), as Slack does. Every call, failed or not, is recorded.

Socket Mode: ``apps.connections.open`` answers ``{"ok": true, "url": emu.socket_url}``; the
WebSocket server sends ``hello`` on connect and then whatever the test sends with
``send_envelope``; the client's acks are recorded (``wait_for_ack``).

Helpers for signed HTTP requests to a bot (what Slack itself sends): ``sign``,
``slash_command_body``, ``event_body``, ``block_action_body``, ``post_signed`` and the
``*_payload`` functions (the same payloads as dicts, for Socket Mode envelopes).
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import hashlib
import hmac
import itertools
import json
import logging
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection
from websockets.sync.server import serve as ws_serve

__all__ = [
    "BOT_ID",
    "BOT_USER_ID",
    "TEAM_ID",
    "APP_ID",
    "Call",
    "Response",
    "Upload",
    "SlackEmulator",
    "sign",
    "post_signed",
    "slash_command_payload",
    "slash_command_body",
    "event_payload",
    "event_body",
    "app_mention_event",
    "message_event",
    "block_action_payload",
    "block_action_body",
    "url_verification_body",
]

log = logging.getLogger("slack_emulator")

TEAM_ID = "T0001"
TEAM_NAME = "Sitrep Test"
TEAM_DOMAIN = "sitrep-test"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
BOT_NAME = "sitrep"
APP_ID = "A0APP"
DEFAULT_USER_ID = "U0USER"
DEFAULT_CHANNEL_ID = "C0CHAN"
VERIFICATION_TOKEN = "verification-token-unused"

# methods that need no token at all
_NO_AUTH_METHODS = {"api.test"}
# methods an app-level (xapp-) token may call
_APP_TOKEN_METHODS = {"apps.connections.open", "auth.test", "api.test"}
# params whose form value is a JSON document (slack_sdk JSON-encodes them in form bodies)
_JSON_FIELDS = {"blocks", "attachments", "files", "metadata", "view", "unfurls"}


# --------------------------------------------------------------------------------------------
# records


@dataclass
class Call:
    """One Web API call as the emulator received it."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    time: float
    status: int = 200  # the HTTP status it was answered with
    response: dict[str, Any] | None = None  # the JSON it was answered with
    token: str | None = None
    http_method: str = "POST"

    @property
    def ok(self) -> bool:
        """True when the call was answered with HTTP 200 and ``"ok": true``."""
        return self.status == 200 and bool((self.response or {}).get("ok"))

    @property
    def error(self) -> str | None:
        return (self.response or {}).get("error")


@dataclass
class Response:
    """One POST to a response_url."""

    id: str
    body: Any  # parsed JSON when it was JSON, else the text
    headers: dict[str, str]
    time: float
    status: int = 200

    @property
    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}

    @property
    def text(self) -> str | None:
        return self.json.get("text")


@dataclass
class Upload:
    """A file uploaded through files.getUploadURLExternal -> upload URL -> completeUploadExternal."""

    file_id: str
    filename: str
    length: int | None
    content: bytes | None = None
    title: str | None = None
    completed: bool = False
    channel_id: str | None = None
    channels: list[str] = field(default_factory=list)
    initial_comment: str | None = None
    thread_ts: str | None = None
    alt_txt: str | None = None
    snippet_type: str | None = None


@dataclass
class _Failure:
    status: int
    remaining: int
    retry_after: int | None
    error: str | None


# --------------------------------------------------------------------------------------------
# the emulator


class SlackEmulator:
    """A Slack Web API + response_url + Socket Mode server on 127.0.0.1 (random free ports).

    Use as a context manager or call ``start()`` / ``stop()``.
    """

    def __init__(
        self,
        *,
        valid_tokens: Iterable[str] | None = None,
        ws_ping_interval: float | None = 1.0,
        logger: logging.Logger | None = None,
    ):
        """
        Args:
            valid_tokens: if given, any other token is answered ``invalid_auth``.
            ws_ping_interval: how often the WebSocket server pings clients (None: never). Short
                by default: slack_sdk's builtin SocketModeClient.close() waits for a blocked
                recv() (3 s timeout) to return, and a ping wakes it up, so close() takes ~1 s.
        """
        self.log = logger or log
        self.valid_tokens = set(valid_tokens) if valid_tokens is not None else None
        self._ws_ping_interval = ws_ping_interval

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)

        self._calls: list[Call] = []
        self._responses: list[Response] = []
        self._failures: dict[str, list[_Failure]] = {}
        self._handlers: dict[str, Any] = {}
        self._messages: list[dict[str, Any]] = []
        self._scheduled: list[dict[str, Any]] = []
        self._uploads: dict[str, Upload] = {}
        self._users: dict[str, dict[str, Any]] = {}
        self._ts_counter = itertools.count(1)
        self._id_counter = itertools.count(1)

        self._ws_clients: list[ServerConnection] = []
        self._ws_threads: list[threading.Thread] = []
        self._ws_connection_count = 0
        self._socket_messages: list[dict[str, Any]] = []
        self._envelopes: list[dict[str, Any]] = []

        self._http: ThreadingHTTPServer | None = None
        self._http_thread: threading.Thread | None = None
        self._ws = None
        self._ws_thread: threading.Thread | None = None
        self._stopping = False

        self.add_user(
            DEFAULT_USER_ID,
            real_name="Ada Lovelace",
            name="ada",
            tz="Europe/Amsterdam",
            tz_label="Central European Time",
            tz_offset=3600,
        )
        self.add_user(BOT_USER_ID, real_name="sitrep", name=BOT_NAME, is_bot=True, tz="UTC")

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> SlackEmulator:
        if self._http is not None:
            return self
        self._stopping = False
        emulator = self

        class Handler(_Handler):
            emu = emulator

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._http_thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="slack-emulator-http",
            daemon=True,
        )
        self._http_thread.start()

        self._ws = ws_serve(
            self._ws_handler,
            "127.0.0.1",
            0,
            ping_interval=self._ws_ping_interval,
            ping_timeout=20,
            close_timeout=1,
            open_timeout=5,
            logger=logging.getLogger("slack_emulator.websockets"),
        )
        self._ws_thread = threading.Thread(
            target=self._ws.serve_forever, name="slack-emulator-ws", daemon=True
        )
        self._ws_thread.start()
        return self

    def stop(self) -> None:
        """Stops both servers, closes WebSocket connections and joins every thread it started."""
        self._stopping = True
        if self._ws is not None:
            self._ws.shutdown()
            if self._ws_thread is not None:
                self._ws_thread.join(timeout=5)
            self._ws = None
        with self._lock:
            clients = list(self._ws_clients)
        for conn in clients:
            with contextlib.suppress(Exception):
                conn.close(1001, "server shutting down")
        with self._lock:
            threads = list(self._ws_threads)
        for t in threads:
            t.join(timeout=5)
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            if self._http_thread is not None:
                self._http_thread.join(timeout=5)
            self._http = None
        with self._cond:
            self._cond.notify_all()

    def __enter__(self) -> SlackEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._http is not None, "emulator not started"
        return self._http.server_address[1]

    @property
    def ws_port(self) -> int:
        assert self._ws is not None, "emulator not started"
        return self._ws.socket.getsockname()[1]

    @property
    def url(self) -> str:
        """http://127.0.0.1:PORT/"""
        return f"http://127.0.0.1:{self.port}/"

    @property
    def base_url(self) -> str:
        """The Web API base URL, for ``WebClient(base_url=...)`` / ``SLACK_API_URL``."""
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def socket_url(self) -> str:
        """What apps.connections.open answers."""
        return f"ws://127.0.0.1:{self.ws_port}/link"

    def reset(self) -> None:
        """Forgets calls, responses, acks, messages, uploads, scheduled messages, pending
        failures and custom handlers. Users, open WebSocket connections and the connection
        count stay; ts values keep increasing."""
        with self._cond:
            self._calls.clear()
            self._responses.clear()
            self._failures.clear()
            self._handlers.clear()
            self._messages.clear()
            self._scheduled.clear()
            self._uploads.clear()
            self._socket_messages.clear()
            self._envelopes.clear()
            self._cond.notify_all()

    # ---------------------------------------------------------------- ids

    def next_ts(self) -> str:
        """A unique, increasing message ts like "1730000000.000100"."""
        n = next(self._ts_counter)
        micros = 1_730_000_000_000_000 + n * 100
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._id_counter):08d}"

    # ---------------------------------------------------------------- Web API records

    def calls(self, method: str | None = None) -> list[Call]:
        """Every recorded call (of ``method`` if given), failed ones included, oldest first."""
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(
        self,
        method: str | None,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Blocks until at least ``count`` calls of ``method`` (any method if None) matching
        ``predicate`` were recorded; returns all the matching calls so far.
        Raises AssertionError listing what was recorded on timeout."""

        def matching() -> list[Call]:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method) and (predicate is None or predicate(c))
            ]

        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = matching()
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"timed out after {timeout}s waiting for {count} call(s) of "
                        f"{method or 'any method'}{' matching the predicate' if predicate else ''}; "
                        f"got {len(found)}. Recorded calls:\n{self._describe_calls()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    def _describe_calls(self) -> str:
        if not self._calls:
            return "  (none)"
        lines = []
        for c in self._calls:
            params = {k: v for k, v in c.params.items() if k != "token"}
            text = json.dumps(params, default=str)
            if len(text) > 300:
                text = text[:300] + "..."
            outcome = "ok" if c.ok else (c.error or "not ok")
            lines.append(f"  {c.method} -> {c.status} {outcome}: {text}")
        return "\n".join(lines)

    # ---------------------------------------------------------------- stored state

    def messages(self, channel: str | None = None, thread_ts: str | None = None) -> list[dict]:
        """Messages in channels (posted through chat.postMessage, shared files, or add_message),
        optionally only one channel / one thread (its parent included). Copies, oldest first."""
        with self._lock:
            out = [
                dict(m)
                for m in self._messages
                if (channel is None or m.get("channel") == channel)
                and (thread_ts is None or m["ts"] == thread_ts or m.get("thread_ts") == thread_ts)
            ]
        return sorted(out, key=lambda m: float(m["ts"]))

    def add_message(
        self,
        channel: str,
        text: str,
        user: str = DEFAULT_USER_ID,
        thread_ts: str | None = None,
        ts: str | None = None,
        **extra: Any,
    ) -> str:
        """Puts a message (e.g. a user's question) into a channel/thread; returns its ts."""
        ts = ts or self.next_ts()
        msg = {"type": "message", "channel": channel, "user": user, "text": text, "ts": ts}
        if thread_ts:
            msg["thread_ts"] = thread_ts
        msg.update(extra)
        with self._cond:
            self._messages.append(msg)
        return ts

    def scheduled_messages(self) -> list[dict]:
        with self._lock:
            return [dict(m) for m in self._scheduled]

    def add_user(
        self,
        user_id: str,
        real_name: str,
        tz: str = "UTC",
        name: str | None = None,
        **extra: Any,
    ) -> dict:
        """Adds (or replaces) a user that users.info answers with."""
        user = _make_user(user_id, real_name, tz=tz, name=name, **extra)
        with self._lock:
            self._users[user_id] = user
        return user

    def uploads(self) -> list[Upload]:
        with self._lock:
            return list(self._uploads.values())

    def upload(self, file_id: str) -> Upload:
        with self._lock:
            return self._uploads[file_id]

    # ---------------------------------------------------------------- behaviour overrides

    def fail_next(
        self,
        method: str,
        status: int | None = None,
        times: int = 1,
        retry_after: int | None = 1,
        error: str | None = None,
    ) -> None:
        """Answers the next ``times`` calls of ``method`` with a failure.

        ``method`` is a Web API method name, "response_url" (any response URL) or "upload"
        (the file upload URL). Without ``error``: HTTP ``status`` (default 429; 429 carries
        ``Retry-After: retry_after`` and ``{"ok": false, "error": "ratelimited"}``, other
        statuses ``{"ok": false, "error": "internal_error"}``). With ``error``: a Web API method
        gets HTTP 200 (or ``status`` if given) with ``{"ok": false, "error": error}``; a
        response_url gets HTTP 404 (or ``status``) with ``error`` as text.
        Calls of several fail_next for one method are used up in order.
        """
        if status is None and error is None:
            status = 429
        elif status is None:
            status = 404 if method in ("response_url", "upload") else 200
        if status == 429 and error is None:
            error = "ratelimited"
        with self._lock:
            self._failures.setdefault(method, []).append(
                _Failure(status=status, remaining=times, retry_after=retry_after, error=error)
            )

    def set_handler(self, method: str, handler: dict | Callable[[Call], Any]) -> None:
        """Overrides a Web API method: ``handler`` is a dict to answer with, or a function
        ``(call) -> dict`` or ``(call) -> (status, dict)``. Cleared by reset()."""
        with self._lock:
            self._handlers[method] = handler

    def _take_failure(self, method: str) -> _Failure | None:
        with self._lock:
            queue = self._failures.get(method)
            if not queue:
                return None
            failure = queue[0]
            failure.remaining -= 1
            if failure.remaining <= 0:
                queue.pop(0)
            return failure

    # ---------------------------------------------------------------- response URLs

    def new_response_url(self) -> str:
        """A fresh response_url served by the emulator: http://127.0.0.1:PORT/response/<id>."""
        return f"http://127.0.0.1:{self.port}/response/{uuid.uuid4().hex[:16]}"

    @staticmethod
    def response_id(url: str) -> str:
        return url.rstrip("/").rsplit("/", 1)[-1]

    def responses(self, id: str | None = None) -> list[Response]:
        """Every POST to a response URL (of one id, or of one full URL), failed ones included."""
        if id is not None and "/" in id:
            id = self.response_id(id)
        with self._lock:
            return [r for r in self._responses if id is None or r.id == id]

    def wait_for_response(
        self,
        count: int = 1,
        timeout: float = 5.0,
        id: str | None = None,
        predicate: Callable[[Response], bool] | None = None,
    ) -> list[Response]:
        """Blocks until at least ``count`` matching response_url POSTs arrived; returns them all."""
        if id is not None and "/" in id:
            id = self.response_id(id)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [
                    r
                    for r in self._responses
                    if (id is None or r.id == id) and (predicate is None or predicate(r))
                ]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"timed out after {timeout}s waiting for {count} response_url POST(s)"
                        f"{' to ' + id if id else ''}; got {len(found)}. Recorded: "
                        f"{[(r.id, r.status, r.body) for r in self._responses]}\n"
                        f"Web API calls:\n{self._describe_calls()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    # ---------------------------------------------------------------- Socket Mode

    @property
    def connected_clients(self) -> int:
        with self._lock:
            return len(self._ws_clients)

    @property
    def connection_count(self) -> int:
        """How many WebSocket connections were accepted since start (not cleared by reset)."""
        with self._lock:
            return self._ws_connection_count

    def wait_for_socket_client(self, timeout: float = 5.0, connections: int = 1) -> int:
        """Blocks until a client is connected and at least ``connections`` connections were
        accepted since start; returns the connection count. (After ``disconnect_clients()``,
        wait for ``connections=previous_count + 1`` to see the reconnection.)"""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not (self._ws_clients and self._ws_connection_count >= connections):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"timed out after {timeout}s waiting for a Socket Mode client "
                        f"(connections so far: {self._ws_connection_count}, open: "
                        f"{len(self._ws_clients)}). Web API calls:\n{self._describe_calls()}"
                    )
                self._cond.wait(min(remaining, 0.5))
            return self._ws_connection_count

    def send_envelope(
        self,
        type: str,
        payload: dict,
        accepts_response_payload: bool = False,
        *,
        envelope_id: str | None = None,
        retry_attempt: int = 0,
        retry_reason: str = "",
        timeout: float = 5.0,
    ) -> str:
        """Sends an envelope ("slash_commands" | "events_api" | "interactive") to the newest
        connected client (waiting up to ``timeout`` for one); returns its envelope_id."""
        envelope_id = envelope_id or str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": type,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
            "retry_attempt": retry_attempt,
            "retry_reason": retry_reason,
        }
        text = json.dumps(envelope)
        deadline = time.monotonic() + timeout
        while True:
            self.wait_for_socket_client(timeout=max(0.0, deadline - time.monotonic()))
            with self._lock:
                clients = list(reversed(self._ws_clients))
            for conn in clients:
                try:
                    conn.send(text)
                except ConnectionClosed:
                    continue
                with self._cond:
                    self._envelopes.append(envelope)
                return envelope_id
            if time.monotonic() >= deadline:
                raise AssertionError("no connected Socket Mode client accepted the envelope")
            time.sleep(0.05)

    def envelopes(self) -> list[dict]:
        """Envelopes sent so far."""
        with self._lock:
            return list(self._envelopes)

    def socket_messages(self) -> list[dict]:
        """Every message a client sent over the WebSocket (acks and anything else)."""
        with self._lock:
            return list(self._socket_messages)

    def acks(self, envelope_id: str | None = None) -> list[dict]:
        """Acks received (raw ``{"envelope_id", "payload"?}`` dicts)."""
        with self._lock:
            return [
                m
                for m in self._socket_messages
                if "envelope_id" in m and (envelope_id is None or m["envelope_id"] == envelope_id)
            ]

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict:
        """Blocks until the client acks ``envelope_id``; returns the ack's payload ({} if none)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                acks = self.acks(envelope_id)
                if acks:
                    return acks[0].get("payload") or {}
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"timed out after {timeout}s waiting for the ack of {envelope_id}; "
                        f"socket messages: {self._socket_messages}\n"
                        f"Web API calls:\n{self._describe_calls()}"
                    )
                self._cond.wait(min(remaining, 0.5))

    def disconnect_clients(self, reason: str = "refresh_requested") -> int:
        """Sends ``{"type": "disconnect", "reason": reason}`` to every connected client (Slack's
        warning that makes a client fetch a new URL and reconnect); returns how many got it."""
        frame = json.dumps(
            {
                "type": "disconnect",
                "reason": reason,
                "debug_info": {"host": "slack-emulator"},
            }
        )
        sent = 0
        with self._lock:
            clients = list(self._ws_clients)
        for conn in clients:
            try:
                conn.send(frame)
                sent += 1
            except ConnectionClosed:
                pass
        return sent

    def close_clients(self, code: int = 1001, reason: str = "going away") -> int:
        """Closes every WebSocket connection from the server side (a dropped connection)."""
        with self._lock:
            clients = list(self._ws_clients)
        for conn in clients:
            with contextlib.suppress(Exception):
                conn.close(code, reason)
        return len(clients)

    def _ws_handler(self, conn: ServerConnection) -> None:
        path = urlsplit(conn.request.path).path if conn.request else ""
        if not path.startswith("/link"):
            conn.close(1008, "unknown path")
            return
        with self._lock:
            self._ws_threads = [t for t in self._ws_threads if t.is_alive()]
            self._ws_threads.append(threading.current_thread())
        try:
            conn.send(
                json.dumps(
                    {
                        "type": "hello",
                        "num_connections": 1,
                        "debug_info": {
                            "host": "slack-emulator",
                            "build_number": 1,
                            "approximate_connection_time": 18060,
                        },
                        "connection_info": {"app_id": APP_ID},
                    }
                )
            )
            with self._cond:
                self._ws_clients.append(conn)
                self._ws_connection_count += 1
                self._cond.notify_all()
            for raw in conn:
                if isinstance(raw, bytes):
                    raw = raw.decode("utf-8", "replace")
                try:
                    message = json.loads(raw)
                except ValueError:
                    message = {"raw": raw}
                if not isinstance(message, dict):
                    message = {"raw": message}
                with self._cond:
                    self._socket_messages.append(message)
                    self._cond.notify_all()
        except ConnectionClosed:
            pass
        finally:
            with self._cond:
                if conn in self._ws_clients:
                    self._ws_clients.remove(conn)
                self._cond.notify_all()

    # ---------------------------------------------------------------- HTTP dispatch

    def _record(self, call: Call) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()

    def _handle_api(
        self, method: str, params: dict, headers: dict, token: str | None, http_method: str
    ) -> tuple[int, dict, dict]:
        """Returns (status, json body, extra headers); records the call."""
        call = Call(
            method=method,
            params=params,
            headers=headers,
            time=time.time(),
            token=token,
            http_method=http_method,
        )
        status, body, extra = self._answer(call)
        call.status, call.response = status, body
        self._record(call)
        return status, body, extra

    def _answer(self, call: Call) -> tuple[int, dict, dict]:
        failure = self._take_failure(call.method)
        if failure is not None:
            return _failure_answer(failure)

        method, token = call.method, call.token
        if method not in _NO_AUTH_METHODS:
            if not token:
                return 200, {"ok": False, "error": "not_authed"}, {}
            if self.valid_tokens is not None and token not in self.valid_tokens:
                return 200, {"ok": False, "error": "invalid_auth"}, {}
            is_app_token = token.startswith("xapp-")
            if method == "apps.connections.open" and not is_app_token:
                return 200, {"ok": False, "error": "not_allowed_token_type"}, {}
            if is_app_token and method not in _APP_TOKEN_METHODS:
                return 200, {"ok": False, "error": "not_allowed_token_type"}, {}
        if "_invalid_json" in call.params:
            return 200, {"ok": False, "error": "invalid_json"}, {}

        with self._lock:
            custom = self._handlers.get(method)
        if custom is not None:
            result = custom(call) if callable(custom) else custom
            if isinstance(result, tuple):
                return result[0], result[1], {}
            return 200, result, {}

        handler = _API_METHODS.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        try:
            return 200, handler(self, call), {}
        except _ApiError as e:
            return 200, {"ok": False, "error": e.error}, {}

    def _handle_upload(self, file_id: str, data: bytes, headers: dict) -> tuple[int, str]:
        call = Call(
            method="upload",
            params={"file_id": file_id, "length": len(data)},
            headers=headers,
            time=time.time(),
        )
        failure = self._take_failure("upload")
        if failure is not None:
            call.status, call.response = failure.status, {"ok": False, "error": failure.error}
            self._record(call)
            return failure.status, failure.error or "internal_error"
        with self._lock:
            upload = self._uploads.get(file_id)
            if upload is not None:
                upload.content = data
        if upload is None:
            call.status, call.response = 404, {"ok": False, "error": "file_not_found"}
            self._record(call)
            return 404, "file_not_found"
        call.response = {"ok": True}
        self._record(call)
        return 200, f"OK - {len(data)}"

    def _handle_response_url(self, rid: str, raw: bytes, headers: dict) -> tuple[int, str, dict]:
        text = raw.decode("utf-8", "replace")
        try:
            body: Any = json.loads(text) if text else {}
        except ValueError:
            body = text
        resp = Response(id=rid, body=body, headers=headers, time=time.time())
        failure = self._take_failure("response_url")
        status, answer, extra = 200, "ok", {}
        if failure is not None:
            status = failure.status
            answer = failure.error or "internal_error"
            if status == 429 and failure.retry_after is not None:
                extra["Retry-After"] = str(failure.retry_after)
        elif not isinstance(body, dict):
            status, answer = 400, "invalid_payload"
        resp.status = status
        with self._cond:
            self._responses.append(resp)
            self._cond.notify_all()
        return status, answer, extra


def _failure_answer(failure: _Failure) -> tuple[int, dict, dict]:
    extra: dict[str, str] = {}
    if failure.status == 429 and failure.retry_after is not None:
        extra["Retry-After"] = str(failure.retry_after)
    error = failure.error or ("ratelimited" if failure.status == 429 else "internal_error")
    return failure.status, {"ok": False, "error": error}, extra


# --------------------------------------------------------------------------------------------
# Web API methods


class _ApiError(Exception):
    def __init__(self, error: str):
        super().__init__(error)
        self.error = error


def _require(params: dict, *names: str, error: str = "invalid_arguments") -> None:
    for name in names:
        if params.get(name) in (None, ""):
            raise _ApiError(error)


def _message_from(emu: SlackEmulator, params: dict, ts: str) -> dict:
    msg: dict[str, Any] = {
        "type": "message",
        "subtype": "bot_message" if params.get("username") else None,
        "text": params.get("text", ""),
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "team": TEAM_ID,
        "ts": ts,
    }
    if msg["subtype"] is None:
        del msg["subtype"]
    for key in ("blocks", "attachments", "metadata"):
        if params.get(key) is not None:
            msg[key] = params[key]
    if params.get("thread_ts"):
        msg["thread_ts"] = str(params["thread_ts"])
    return msg


def _api_test(emu: SlackEmulator, call: Call) -> dict:
    args = {k: v for k, v in call.params.items() if k != "token"}
    if args.get("error"):
        raise _ApiError(str(args["error"]))
    return {"ok": True, "args": args}


def _auth_test(emu: SlackEmulator, call: Call) -> dict:
    return {
        "ok": True,
        "url": f"https://{TEAM_DOMAIN}.slack.com/",
        "team": TEAM_NAME,
        "user": BOT_NAME,
        "team_id": TEAM_ID,
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


def _chat_post_message(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    if not (p.get("text") or p.get("blocks") or p.get("attachments")):
        raise _ApiError("no_text")
    ts = emu.next_ts()
    msg = _message_from(emu, p, ts)
    stored = dict(msg, channel=p["channel"])
    with emu._lock:
        emu._messages.append(stored)
    return {"ok": True, "channel": p["channel"], "ts": ts, "message": msg}


def _chat_post_ephemeral(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "user", error="user_not_in_channel")
    if not (p.get("text") or p.get("blocks") or p.get("attachments")):
        raise _ApiError("no_text")
    return {"ok": True, "message_ts": emu.next_ts()}


def _chat_update(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "ts", error="message_not_found")
    if not (p.get("text") or p.get("blocks") or p.get("attachments")):
        raise _ApiError("no_text")
    ts = str(p["ts"])
    with emu._lock:
        for m in emu._messages:
            if m["ts"] == ts and m.get("channel") == p["channel"]:
                m["text"] = p.get("text", "")
                for key in ("blocks", "attachments", "metadata"):
                    if key in p:
                        m[key] = p[key]
                m["edited"] = {"user": BOT_USER_ID, "ts": emu.next_ts()}
                message = {k: v for k, v in m.items() if k != "channel"}
                break
        else:
            raise _ApiError("message_not_found")
    return {
        "ok": True,
        "channel": p["channel"],
        "ts": ts,
        "text": message.get("text", ""),
        "message": message,
    }


def _chat_delete(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "ts", error="message_not_found")
    with emu._lock:
        before = len(emu._messages)
        emu._messages[:] = [
            m
            for m in emu._messages
            if not (m["ts"] == str(p["ts"]) and m.get("channel") == p["channel"])
        ]
        if len(emu._messages) == before:
            raise _ApiError("message_not_found")
    return {"ok": True, "channel": p["channel"], "ts": str(p["ts"])}


def _chat_schedule_message(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "post_at", error="invalid_time")
    if not (p.get("text") or p.get("blocks") or p.get("attachments")):
        raise _ApiError("no_text")
    try:
        post_at = int(float(p["post_at"]))
    except (TypeError, ValueError):
        raise _ApiError("invalid_time") from None
    if post_at < time.time() - 60:
        raise _ApiError("time_in_past")
    sid = emu._next_id("Q")
    msg = _message_from(emu, p, emu.next_ts())
    with emu._lock:
        emu._scheduled.append(
            {"id": sid, "channel": p["channel"], "post_at": post_at, "message": msg}
        )
    return {
        "ok": True,
        "channel": p["channel"],
        "scheduled_message_id": sid,
        "post_at": post_at,
        "message": msg,
    }


def _chat_get_permalink(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "message_ts", error="message_not_found")
    ts = str(p["message_ts"]).replace(".", "")
    return {
        "ok": True,
        "channel": p["channel"],
        "permalink": f"https://{TEAM_DOMAIN}.slack.com/archives/{p['channel']}/p{ts}",
    }


def _conversations_replies(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    _require(p, "ts", error="thread_not_found")
    msgs = emu.messages(channel=p["channel"], thread_ts=str(p["ts"]))
    if not msgs:
        raise _ApiError("thread_not_found")
    out = [{k: v for k, v in m.items() if k != "channel"} for m in msgs]
    return {
        "ok": True,
        "messages": out,
        "has_more": False,
        "response_metadata": {"next_cursor": ""},
    }


def _conversations_history(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    msgs = [
        {k: v for k, v in m.items() if k != "channel"}
        for m in emu.messages(channel=p["channel"])
        if not m.get("thread_ts") or m["thread_ts"] == m["ts"]
    ]
    msgs.reverse()  # newest first, as Slack does
    limit = int(p.get("limit") or 100)
    return {
        "ok": True,
        "messages": msgs[:limit],
        "has_more": len(msgs) > limit,
        "response_metadata": {"next_cursor": ""},
    }


def _conversations_info(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "channel", error="channel_not_found")
    cid = p["channel"]
    return {
        "ok": True,
        "channel": {
            "id": cid,
            "name": "general" if cid == DEFAULT_CHANNEL_ID else cid.lower(),
            "is_channel": cid.startswith("C"),
            "is_im": cid.startswith("D"),
            "is_private": cid.startswith("G"),
            "is_member": True,
            "tz": "UTC",
        },
    }


def _users_info(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "user", error="user_not_found")
    uid = p["user"]
    with emu._lock:
        user = emu._users.get(uid)
    if user is None:
        if not (uid[:1] in ("U", "W") and uid[1:].isalnum() and uid.isupper()):
            raise _ApiError("user_not_found")
        user = _make_user(uid, f"User {uid}")
    return {"ok": True, "user": json.loads(json.dumps(user))}


def _files_get_upload_url_external(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    _require(p, "filename", "length")
    try:
        length = int(p["length"])
    except (TypeError, ValueError):
        raise _ApiError("invalid_arguments") from None
    file_id = emu._next_id("F")
    upload = Upload(
        file_id=file_id,
        filename=str(p["filename"]),
        length=length,
        alt_txt=p.get("alt_txt"),
        snippet_type=p.get("snippet_type"),
    )
    with emu._lock:
        emu._uploads[file_id] = upload
    return {"ok": True, "upload_url": f"{emu.url}upload/{file_id}", "file_id": file_id}


def _files_complete_upload_external(emu: SlackEmulator, call: Call) -> dict:
    p = call.params
    files = p.get("files")
    if isinstance(files, str):
        try:
            files = json.loads(files)
        except ValueError:
            raise _ApiError("invalid_arguments") from None
    if not isinstance(files, list) or not files:
        raise _ApiError("invalid_arguments")
    channels = [c for c in str(p.get("channels") or "").split(",") if c]
    channel_id = p.get("channel_id")
    thread_ts = str(p["thread_ts"]) if p.get("thread_ts") else None
    out = []
    with emu._lock:
        for f in files:
            upload = emu._uploads.get(f.get("id"))
            if upload is None or upload.content is None:
                raise _ApiError("file_not_found")
            upload.completed = True
            upload.title = f.get("title") or upload.filename
            upload.channel_id = channel_id
            upload.channels = channels
            upload.initial_comment = p.get("initial_comment")
            upload.thread_ts = thread_ts
            out.append(_file_object(emu, upload))
    for cid in ([channel_id] if channel_id else []) + channels:
        msg = {
            "type": "message",
            "channel": cid,
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "text": p.get("initial_comment") or "",
            "ts": emu.next_ts(),
            "files": out,
        }
        if thread_ts:
            msg["thread_ts"] = thread_ts
        with emu._lock:
            emu._messages.append(msg)
    return {"ok": True, "files": out}


def _file_object(emu: SlackEmulator, upload: Upload) -> dict:
    return {
        "id": upload.file_id,
        "name": upload.filename,
        "title": upload.title,
        "size": len(upload.content or b""),
        "user": BOT_USER_ID,
        "url_private": f"{emu.url}files/{upload.file_id}/{upload.filename}",
        "permalink": f"https://{TEAM_DOMAIN}.slack.com/files/{BOT_USER_ID}/{upload.file_id}",
    }


def _apps_connections_open(emu: SlackEmulator, call: Call) -> dict:
    return {"ok": True, "url": emu.socket_url}


def _ok(emu: SlackEmulator, call: Call) -> dict:
    return {"ok": True}


_API_METHODS: dict[str, Callable[[SlackEmulator, Call], dict]] = {
    "api.test": _api_test,
    "auth.test": _auth_test,
    "chat.postMessage": _chat_post_message,
    "chat.postEphemeral": _chat_post_ephemeral,
    "chat.update": _chat_update,
    "chat.delete": _chat_delete,
    "chat.scheduleMessage": _chat_schedule_message,
    "chat.getPermalink": _chat_get_permalink,
    "conversations.replies": _conversations_replies,
    "conversations.history": _conversations_history,
    "conversations.info": _conversations_info,
    "users.info": _users_info,
    "files.getUploadURLExternal": _files_get_upload_url_external,
    "files.completeUploadExternal": _files_complete_upload_external,
    "apps.connections.open": _apps_connections_open,
    "reactions.add": _ok,
    "reactions.remove": _ok,
}


def _make_user(
    user_id: str, real_name: str, tz: str = "UTC", name: str | None = None, **extra: Any
) -> dict:
    name = name or real_name.split()[0].lower()
    user = {
        "id": user_id,
        "team_id": TEAM_ID,
        "name": name,
        "deleted": False,
        "real_name": real_name,
        "tz": tz,
        "tz_label": extra.pop("tz_label", tz),
        "tz_offset": extra.pop("tz_offset", 0),
        "is_bot": extra.pop("is_bot", False),
        "is_admin": False,
        "profile": {"real_name": real_name, "display_name": name, "team": TEAM_ID},
    }
    user.update(extra)
    return user


# --------------------------------------------------------------------------------------------
# HTTP handler


class _Handler(BaseHTTPRequestHandler):
    emu: SlackEmulator
    server_version = "SlackEmulator/1.0"
    protocol_version = "HTTP/1.1"
    timeout = 30  # an idle keep-alive connection must not hold a thread forever

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, status: int, body: dict, extra: dict | None = None) -> None:
        self._send(status, json.dumps(body).encode(), "application/json; charset=utf-8", extra)

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, http_method: str) -> None:
        try:
            raw = self._read_body()
            split = urlsplit(self.path)
            parts = [p for p in split.path.split("/") if p]
            headers = {k: v for k, v in self.headers.items()}
            if len(parts) == 2 and parts[0] == "api":
                params = _flatten(parse_qs(split.query, keep_blank_values=True))
                params.update(_parse_body(raw, self.headers.get("Content-Type", "")))
                token = None
                auth = self.headers.get("Authorization", "")
                if auth.lower().startswith("bearer "):
                    token = auth[7:].strip() or None
                token = token or (str(params["token"]) if params.get("token") else None)
                status, body, extra = self.emu._handle_api(
                    parts[1], params, headers, token, http_method
                )
                self._send_json(status, body, extra)
            elif len(parts) == 2 and parts[0] == "upload" and http_method == "POST":
                status, text = self.emu._handle_upload(parts[1], raw, headers)
                self._send(status, text.encode(), "text/plain; charset=utf-8")
            elif len(parts) == 2 and parts[0] == "response" and http_method == "POST":
                status, text, extra = self.emu._handle_response_url(parts[1], raw, headers)
                self._send(status, text.encode(), "text/html", extra)
            else:
                self._send(404, b"not found", "text/plain")
        except Exception:  # a broken emulator must answer, not hang the test
            log.exception("slack emulator failed on %s %s", http_method, self.path)
            with contextlib.suppress(Exception):
                self._send_json(500, {"ok": False, "error": "emulator_error"})


def _flatten(parsed: dict[str, list[str]]) -> dict[str, Any]:
    return {k: v[0] if len(v) == 1 else v for k, v in parsed.items()}


def _decode_json_fields(params: dict[str, Any]) -> dict[str, Any]:
    for key in _JSON_FIELDS:
        value = params.get(key)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:
            return {"_invalid_json": raw.decode("utf-8", "replace")}
        return data if isinstance(data, dict) else {"_invalid_json": data}
    if ctype == "multipart/form-data":
        msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw
        )
        out: dict[str, Any] = {}
        for part in msg.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if not name:
                continue
            payload = part.get_payload(decode=True) or b""
            if part.get_filename():
                out[name] = {"filename": part.get_filename(), "content": payload}
            else:
                out[name] = payload.decode("utf-8", "replace")
        return _decode_json_fields(out)
    return _decode_json_fields(
        _flatten(parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True))
    )


# --------------------------------------------------------------------------------------------
# what Slack sends to a bot over HTTP


def sign(secret: str, body: bytes, timestamp: int | str | None = None) -> dict[str, str]:
    """Headers Slack sends with a request: X-Slack-Signature, X-Slack-Request-Timestamp and
    Content-Type (JSON when the body looks like JSON, form-encoded otherwise)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + ts.encode() + b":" + body
    signature = "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()
    is_json = body.lstrip()[:1] in (b"{", b"[")
    return {
        "X-Slack-Signature": signature,
        "X-Slack-Request-Timestamp": ts,
        "Content-Type": "application/json" if is_json else "application/x-www-form-urlencoded",
    }


def post_signed(
    url: str,
    body: bytes,
    secret: str,
    headers: dict[str, str] | None = None,
    timestamp: int | str | None = None,
    timeout: float = 10.0,
) -> tuple[int, str]:
    """POSTs ``body`` to ``url`` signed with ``secret``; returns (status, response text).
    ``headers`` are added last (e.g. X-Slack-Retry-Num, or a bad signature to override)."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    all_headers = sign(secret, body, timestamp)
    all_headers.update(headers or {})
    req = urllib.request.Request(url, data=body, headers=all_headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.read().decode("utf-8", "replace")


def _trigger_id() -> str:
    return f"{int(time.time())}.{uuid.uuid4().int % 10**12}.{uuid.uuid4().hex}"


def slash_command_payload(
    command: str,
    text: str,
    response_url: str,
    user_id: str = DEFAULT_USER_ID,
    channel_id: str = DEFAULT_CHANNEL_ID,
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
    user_name: str = "ada",
    channel_name: str = "general",
) -> dict[str, str]:
    """The fields of a slash command (the form Slack POSTs, or a slash_commands envelope's
    payload)."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }


def slash_command_body(
    command: str,
    text: str,
    response_url: str,
    user_id: str = DEFAULT_USER_ID,
    channel_id: str = DEFAULT_CHANNEL_ID,
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
    **kwargs: str,
) -> bytes:
    """A slash command request body, form-encoded like Slack's."""
    payload = slash_command_payload(
        command,
        text,
        response_url,
        user_id=user_id,
        channel_id=channel_id,
        team_id=team_id,
        trigger_id=trigger_id,
        **kwargs,
    )
    return urlencode(payload).encode("utf-8")


def event_payload(
    event: dict,
    event_id: str | None = None,
    team_id: str = TEAM_ID,
    event_time: int | None = None,
    api_app_id: str = APP_ID,
) -> dict:
    """An Events API event_callback (the JSON Slack POSTs, or an events_api envelope's
    payload)."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{uuid.uuid4().hex}",
    }


def event_body(
    event: dict,
    event_id: str | None = None,
    team_id: str = TEAM_ID,
    event_time: int | None = None,
    api_app_id: str = APP_ID,
) -> bytes:
    """An Events API request body (JSON)."""
    return json.dumps(event_payload(event, event_id, team_id, event_time, api_app_id)).encode()


def _event_ts() -> str:
    now = time.time()
    return f"{int(now)}.{int((now % 1) * 1_000_000):06d}"


def app_mention_event(
    text: str,
    user: str = DEFAULT_USER_ID,
    channel: str = DEFAULT_CHANNEL_ID,
    ts: str | None = None,
    thread_ts: str | None = None,
) -> dict:
    """An app_mention event; ``text`` should contain ``<@U0BOT>`` as Slack's does."""
    ts = ts or _event_ts()
    event = {
        "type": "app_mention",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def message_event(
    text: str,
    user: str = DEFAULT_USER_ID,
    channel: str = DEFAULT_CHANNEL_ID,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str = "channel",
) -> dict:
    """A message event (channel_type "im" for a direct message)."""
    ts = ts or _event_ts()
    event = {
        "type": "message",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
        "team": TEAM_ID,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def block_action_payload(
    action_id: str,
    value: str,
    response_url: str,
    user_id: str = DEFAULT_USER_ID,
    channel_id: str = DEFAULT_CHANNEL_ID,
    message: dict | None = None,
    block_id: str = "b0",
    team_id: str = TEAM_ID,
    trigger_id: str | None = None,
) -> dict:
    """A block_actions payload for a button click (an interactive envelope's payload)."""
    message = message or {
        "type": "message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "text": "",
        "ts": _event_ts(),
        "blocks": [],
    }
    action_ts = _event_ts()
    return {
        "type": "block_actions",
        "user": {"id": user_id, "username": "ada", "name": "ada", "team_id": team_id},
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "container": {
            "type": "message",
            "message_ts": message.get("ts"),
            "channel_id": channel_id,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id or _trigger_id(),
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "general"},
        "message": message,
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": block_id,
                "text": {"type": "plain_text", "text": value, "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": action_ts,
            }
        ],
    }


def block_action_body(
    action_id: str,
    value: str,
    response_url: str,
    user_id: str = DEFAULT_USER_ID,
    channel_id: str = DEFAULT_CHANNEL_ID,
    message: dict | None = None,
    **kwargs: Any,
) -> bytes:
    """A block_actions request body: form field ``payload`` = the JSON, as Slack sends it."""
    payload = block_action_payload(
        action_id,
        value,
        response_url,
        user_id=user_id,
        channel_id=channel_id,
        message=message,
        **kwargs,
    )
    return urlencode({"payload": json.dumps(payload)}).encode("utf-8")


def url_verification_body(challenge: str = "challenge-token") -> bytes:
    return json.dumps(
        {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}
    ).encode()
