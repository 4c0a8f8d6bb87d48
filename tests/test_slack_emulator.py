"""Tests of the Slack emulator itself: real slack_sdk / slack_bolt clients over real HTTP."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_emulator import (
    BOT_ID,
    BOT_USER_ID,
    TEAM_ID,
    Call,
    SlackEmulator,
    app_mention_event,
    block_action_body,
    event_body,
    event_payload,
    post_signed,
    sign,
    slash_command_body,
    slash_command_payload,
)
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.socket_mode.websocket_client import SocketModeClient as WSClientSocketModeClient
from slack_sdk.webhook import WebhookClient

BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
SECRET = "test-signing-secret"


@pytest.fixture
def emu() -> Iterator[SlackEmulator]:
    with SlackEmulator() as emulator:
        yield emulator


@pytest.fixture
def client(emu: SlackEmulator) -> WebClient:
    return WebClient(token=BOT_TOKEN, base_url=emu.base_url, timeout=5)


# ------------------------------------------------------------------------------ Web API


def test_auth_test_and_post_message_read_back(emu: SlackEmulator, client: WebClient) -> None:
    auth = client.auth_test()
    assert auth["team_id"] == TEAM_ID
    assert (auth["user_id"], auth["bot_id"]) == (BOT_USER_ID, BOT_ID)
    assert auth["is_enterprise_install"] is False

    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*3,000* troops"}}]
    posted = client.chat_postMessage(channel="C0CHAN", text="3,000 troops", blocks=blocks)
    assert posted["ok"] and posted["channel"] == "C0CHAN"
    assert posted["message"]["text"] == "3,000 troops"
    assert posted["message"]["blocks"] == blocks

    [call] = emu.wait_for("chat.postMessage")
    assert call.headers["Content-Type"].startswith("application/json")
    assert call.token == BOT_TOKEN
    assert call.params["blocks"] == blocks
    assert call.ok and call.status == 200

    reply = client.chat_postMessage(
        channel="C0CHAN", text="source: Reuters", thread_ts=posted["ts"]
    )
    assert reply["message"]["thread_ts"] == posted["ts"]
    assert float(reply["ts"]) > float(posted["ts"])
    client.chat_postMessage(channel="C0CHAN", text="unrelated")

    thread = client.conversations_replies(channel="C0CHAN", ts=posted["ts"])
    assert [m["text"] for m in thread["messages"]] == ["3,000 troops", "source: Reuters"]
    assert [m["text"] for m in emu.messages("C0CHAN", thread_ts=posted["ts"])] == [
        "3,000 troops",
        "source: Reuters",
    ]
    # conversations.replies is a form call
    [replies_call] = emu.calls("conversations.replies")
    assert replies_call.headers["Content-Type"].startswith("application/x-www-form-urlencoded")


def test_ts_values_are_unique_and_increasing(emu: SlackEmulator, client: WebClient) -> None:
    ts = [client.chat_postMessage(channel="C1", text=str(i))["ts"] for i in range(5)]
    assert len(set(ts)) == 5
    assert ts == sorted(ts, key=float)
    assert all(len(t.split(".")[1]) == 6 for t in ts)


def test_other_methods_and_seeded_thread(emu: SlackEmulator, client: WebClient) -> None:
    parent = emu.add_message("C0CHAN", "how many troops are in Kursk?", user="U0USER")
    client.chat_postMessage(channel="C0CHAN", text="about 11,000", thread_ts=parent)
    thread = client.conversations_replies(channel="C0CHAN", ts=parent)["messages"]
    assert [(m["user"], m["text"]) for m in thread] == [
        ("U0USER", "how many troops are in Kursk?"),
        (BOT_USER_ID, "about 11,000"),
    ]

    eph = client.chat_postEphemeral(channel="C0CHAN", user="U0USER", text="only you")
    assert eph["message_ts"]
    assert emu.wait_for("chat.postEphemeral")[0].params["user"] == "U0USER"

    posted = client.chat_postMessage(channel="C0CHAN", text="draft")
    updated = client.chat_update(channel="C0CHAN", ts=posted["ts"], text="final")
    assert updated["text"] == "final"
    assert emu.messages("C0CHAN", thread_ts=posted["ts"])[0]["text"] == "final"

    post_at = int(time.time()) + 3600
    sched = client.chat_scheduleMessage(channel="C0CHAN", text="digest", post_at=post_at)
    assert sched["post_at"] == post_at and sched["scheduled_message_id"]
    assert emu.scheduled_messages()[0]["message"]["text"] == "digest"

    user = client.users_info(user="U0USER")["user"]
    assert user["real_name"] == "Ada Lovelace" and user["tz"] == "Europe/Amsterdam"
    emu.add_user("U0RUTTE", real_name="Mark Rutte", tz="Europe/Brussels")
    assert client.users_info(user="U0RUTTE")["user"]["tz"] == "Europe/Brussels"


def test_token_field_unknown_method_and_missing_token(emu: SlackEmulator) -> None:
    # a form body with the token in it, no Authorization header
    req = urllib.request.Request(
        emu.base_url + "users.info",
        data=b"token=xoxb-form&user=U0USER",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert json.loads(resp.read())["user"]["id"] == "U0USER"
    assert emu.calls("users.info")[0].token == "xoxb-form"

    client = WebClient(token=BOT_TOKEN, base_url=emu.base_url, timeout=5)
    with pytest.raises(SlackApiError) as err:
        client.api_call("reminders.add", params={"text": "x"})
    assert err.value.response["error"] == "unknown_method"
    assert emu.calls("reminders.add")[0].params == {"text": "x"}

    with pytest.raises(SlackApiError) as err:
        WebClient(base_url=emu.base_url, timeout=5).auth_test()
    assert err.value.response["error"] == "not_authed"

    with pytest.raises(SlackApiError) as err:  # a bot token cannot open a socket
        client.apps_connections_open(app_token=BOT_TOKEN)
    assert err.value.response["error"] == "not_allowed_token_type"
    with pytest.raises(SlackApiError) as err:  # nor an app token post a message
        WebClient(token=APP_TOKEN, base_url=emu.base_url).chat_postMessage(channel="C", text="x")
    assert err.value.response["error"] == "not_allowed_token_type"

    req = urllib.request.Request(
        emu.base_url + "chat.postMessage",
        data=b"{not json",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {BOT_TOKEN}"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert json.loads(resp.read()) == {"ok": False, "error": "invalid_json"}


def test_set_handler_overrides_a_method(emu: SlackEmulator, client: WebClient) -> None:
    emu.set_handler("conversations.info", {"ok": True, "channel": {"id": "C9", "name": "ops"}})
    assert client.conversations_info(channel="C9")["channel"]["name"] == "ops"
    emu.set_handler("chat.postMessage", lambda call: (503, {"ok": False, "error": "down"}))
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C9", text="x")
    assert err.value.response.status_code == 503
    emu.reset()  # handlers are cleared
    assert client.chat_postMessage(channel="C9", text="x")["ok"]


def test_files_upload_v2_end_to_end(emu: SlackEmulator, client: WebClient) -> None:
    parent = client.chat_postMessage(channel="C0CHAN", text="chart follows")["ts"]
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10
    result = client.files_upload_v2(
        channel="C0CHAN",
        content=content,
        filename="troops.png",
        title="Troops over time",
        initial_comment="Here is the chart",
        thread_ts=parent,
    )
    assert result["ok"]
    assert result["file"]["title"] == "Troops over time"
    file_id = result["files"][0]["id"]

    [get_url] = emu.calls("files.getUploadURLExternal")
    assert get_url.params["filename"] == "troops.png"
    assert int(get_url.params["length"]) == len(content)
    upload = emu.upload(file_id)
    assert upload.content == content and upload.completed
    assert (upload.channel_id, upload.initial_comment, upload.thread_ts) == (
        "C0CHAN",
        "Here is the chart",
        parent,
    )
    [complete] = emu.calls("files.completeUploadExternal")
    assert complete.params["files"] == [{"id": file_id, "title": "Troops over time"}]
    shared = emu.messages("C0CHAN", thread_ts=parent)[-1]
    assert shared["files"][0]["id"] == file_id and shared["text"] == "Here is the chart"


# ------------------------------------------------------------------------------ failures


def test_rate_limit_is_retried_with_retry_handler(emu: SlackEmulator) -> None:
    client = WebClient(
        token=BOT_TOKEN,
        base_url=emu.base_url,
        timeout=5,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)],
    )
    emu.fail_next("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    assert client.chat_postMessage(channel="C0CHAN", text="hi")["ok"]
    assert time.monotonic() - started >= 1.0  # it honoured Retry-After
    calls = emu.wait_for("chat.postMessage", count=2)
    assert [(c.status, c.error) for c in calls] == [(429, "ratelimited"), (200, None)]
    assert len(emu.messages("C0CHAN")) == 1


def test_rate_limit_raises_without_retry_handler(emu: SlackEmulator, client: WebClient) -> None:
    emu.fail_next("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C0CHAN", text="hi")
    assert err.value.response.status_code == 429
    assert err.value.response["error"] == "ratelimited"
    assert err.value.response.headers["Retry-After"] == "7"
    # only the next call failed
    assert client.chat_postMessage(channel="C0CHAN", text="hi")["ok"]
    assert [c.status for c in emu.calls("chat.postMessage")] == [429, 200]


def test_server_error_once(emu: SlackEmulator, client: WebClient) -> None:
    emu.fail_next("chat.postMessage", status=500)
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="C0CHAN", text="hi")
    assert err.value.response.status_code == 500

    retrying = WebClient(
        token=BOT_TOKEN,
        base_url=emu.base_url,
        timeout=5,
        retry_handlers=[ServerErrorRetryHandler(max_retry_count=1)],
    )
    emu.fail_next("chat.postMessage", status=500)
    assert retrying.chat_postMessage(channel="C0CHAN", text="hi")["ok"]
    assert [c.status for c in emu.calls("chat.postMessage")] == [500, 500, 200]


def test_error_answers_and_several_failures(emu: SlackEmulator, client: WebClient) -> None:
    emu.fail_next("chat.postMessage", error="channel_not_found")
    emu.fail_next("chat.postMessage", error="not_in_channel", times=2)
    errors = []
    for _ in range(4):
        try:
            client.chat_postMessage(channel="C0CHAN", text="hi")
            errors.append(None)
        except SlackApiError as e:
            assert e.response.status_code == 200
            errors.append(e.response["error"])
    assert errors == ["channel_not_found", "not_in_channel", "not_in_channel", None]
    assert [c.ok for c in emu.calls("chat.postMessage")] == [False, False, False, True]
    # the emulator's own validation
    with pytest.raises(SlackApiError, match="no_text"), pytest.warns(UserWarning):
        client.chat_postMessage(channel="C0CHAN", text="")


def test_wait_for_times_out_with_what_was_recorded(emu: SlackEmulator, client: WebClient) -> None:
    client.auth_test()
    with pytest.raises(AssertionError, match=r"(?s)chat\.postMessage.*auth\.test -> 200"):
        emu.wait_for("chat.postMessage", timeout=0.2)
    assert emu.wait_for(None, predicate=lambda c: c.method == "auth.test")
    emu.reset()
    assert emu.calls() == []


# ------------------------------------------------------------------------------ response_url


def test_response_url_with_webhook_client(emu: SlackEmulator) -> None:
    url = emu.new_response_url()
    assert url.startswith(f"http://127.0.0.1:{emu.port}/response/")
    webhook = WebhookClient(url, timeout=5)
    resp = webhook.send(text="3,000 troops", response_type="in_channel", replace_original=False)
    assert (resp.status_code, resp.body) == (200, "ok")
    [got] = emu.wait_for_response(id=url)
    assert got.json == {
        "text": "3,000 troops",
        "response_type": "in_channel",
        "replace_original": False,
    }
    assert got.text == "3,000 troops"

    emu.fail_next("response_url", status=500)
    assert webhook.send(text="again").status_code == 500  # WebhookClient does not raise
    assert [r.status for r in emu.responses(url)] == [200, 500]
    emu.fail_next("response_url", error="expired_url")
    resp = webhook.send(text="late")
    assert (resp.status_code, resp.body) == (404, "expired_url")
    with pytest.raises(AssertionError):
        emu.wait_for_response(count=4, timeout=0.1)


# ------------------------------------------------------------------------------ Socket Mode


def _bolt_app(emu: SlackEmulator) -> App:
    # NB: the token must be on the WebClient: App(client=..., token=...) ignores token=.
    app = App(
        client=WebClient(token=BOT_TOKEN, base_url=emu.base_url, timeout=5),
        signing_secret=SECRET,
    )

    @app.command("/troops")
    def troops(ack, respond, command):
        ack(f"Looking up {command['text']}...")
        respond(text=f"About 11,000 troops in {command['text']}", response_type="in_channel")

    @app.event("app_mention")
    def mention(event, say):
        say(text="on it", thread_ts=event.get("thread_ts") or event["ts"])

    @app.action("more")
    def more(ack, respond, action):
        ack()
        respond(text=f"more about {action['value']}", replace_original=False)

    return app


def test_bolt_socket_mode_end_to_end(emu: SlackEmulator) -> None:
    app = _bolt_app(emu)
    assert emu.calls("auth.test"), "App() verifies its token with auth.test at construction"
    handler = SocketModeHandler(app, APP_TOKEN)
    try:
        handler.connect()
        emu.wait_for_socket_client(timeout=5)
        [open_call] = emu.wait_for("apps.connections.open")
        assert open_call.token == APP_TOKEN

        # slash command: ack text in the ack, then the answer through response_url
        url = emu.new_response_url()
        eid = emu.send_envelope(
            "slash_commands",
            slash_command_payload("/troops", "Kursk", url),
            accepts_response_payload=True,
        )
        assert emu.wait_for_ack(eid, timeout=5) == {"text": "Looking up Kursk..."}
        [resp] = emu.wait_for_response(id=url, timeout=5)
        assert resp.json["text"] == "About 11,000 troops in Kursk"

        # an event: acked without payload, answered with chat.postMessage in the thread
        event = app_mention_event(f"<@{BOT_USER_ID}> troops?", ts="1730000001.000200")
        eid = emu.send_envelope("events_api", event_payload(event))
        assert emu.wait_for_ack(eid, timeout=5) == {}
        [post] = emu.wait_for("chat.postMessage", timeout=5)
        assert post.params["thread_ts"] == "1730000001.000200"

        # Slack's refresh warning: the client fetches a new URL and reconnects
        before = emu.connection_count
        assert emu.disconnect_clients() == 1
        emu.wait_for_socket_client(timeout=5, connections=before + 1)
        emu.wait_for("apps.connections.open", count=2, timeout=5)
        eid = emu.send_envelope(
            "slash_commands",
            slash_command_payload("/troops", "Belgorod", emu.new_response_url()),
            accepts_response_payload=True,
        )
        assert emu.wait_for_ack(eid, timeout=5) == {"text": "Looking up Belgorod..."}
    finally:
        handler.close()
    assert emu.wait_for_response(count=2, timeout=5)[-1].text == "About 11,000 troops in Belgorod"


def test_websocket_client_socket_mode_client(emu: SlackEmulator) -> None:
    """The websocket-client based SocketModeClient works too (hello, envelope, ack, pings)."""
    received: list[SocketModeRequest] = []

    def listener(client, req: SocketModeRequest) -> None:
        received.append(req)
        client.send_socket_mode_response(
            SocketModeResponse(envelope_id=req.envelope_id, payload={"text": "got it"})
        )

    sm = WSClientSocketModeClient(
        app_token=APP_TOKEN,
        web_client=WebClient(base_url=emu.base_url, timeout=5),
        ping_interval=1,
    )
    sm.socket_mode_request_listeners.append(listener)
    try:
        sm.connect()
        emu.wait_for_socket_client(timeout=5)
        payload = slash_command_payload("/troops", "x", emu.new_response_url())
        eid = emu.send_envelope("slash_commands", payload, accepts_response_payload=True)
        assert emu.wait_for_ack(eid, timeout=5) == {"text": "got it"}
        assert received[0].payload["command"] == "/troops"
    finally:
        # SocketModeClient.close() of the websocket-client flavour can block ~10 s: its
        # dispatcher select()s with a 10 s timeout on a socket another thread just closed.
        # Let it finish in the background (daemon thread; it needs the emulator no more).
        closer = threading.Thread(target=sm.close, name="ws-client-close", daemon=True)
        closer.start()
        closer.join(timeout=2)


def test_socket_mode_errors_are_reported(emu: SlackEmulator) -> None:
    with pytest.raises(AssertionError, match="Socket Mode client"):
        emu.wait_for_socket_client(timeout=0.1)
    with pytest.raises(AssertionError):
        emu.send_envelope("events_api", {}, timeout=0.1)
    with pytest.raises(AssertionError, match="ack"):
        emu.wait_for_ack("nope", timeout=0.1)


# ------------------------------------------------------------------------------ signed HTTP


class _BoltHTTP:
    """A minimal HTTP front for a Bolt app (what `sitrep serve --http` does)."""

    def __init__(self, app: App) -> None:
        outer = self
        self.app = app

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                req = BoltRequest(
                    body=body.decode("utf-8"),
                    headers={k.lower(): v for k, v in self.headers.items()},
                )
                resp = outer.app.dispatch(req)
                data = (resp.body or "").encode()
                self.send_response(resp.status)
                for k, values in resp.headers.items():
                    for v in values:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/slack/events"

    def __enter__(self) -> _BoltHTTP:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def test_sign_matches_slack_sdk_verifier() -> None:
    from slack_sdk.signature import SignatureVerifier

    body = slash_command_body("/troops", "Kursk", "http://127.0.0.1:1/response/x")
    headers = sign(SECRET, body)
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert SignatureVerifier(SECRET).is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    assert sign(SECRET, b'{"a": 1}', timestamp=1)["Content-Type"] == "application/json"


def test_signed_requests_to_a_bolt_http_app(emu: SlackEmulator) -> None:
    app = _bolt_app(emu)
    with _BoltHTTP(app) as bot:
        url = emu.new_response_url()
        body = slash_command_body("/troops", "Kursk", url)
        assert post_signed(bot.url, body, SECRET) == (200, "Looking up Kursk...")
        assert emu.wait_for_response(id=url)[0].text == "About 11,000 troops in Kursk"

        # wrong secret, stale timestamp, unsigned: refused
        assert post_signed(bot.url, body, "wrong")[0] == 401
        assert post_signed(bot.url, body, SECRET, timestamp=int(time.time()) - 600)[0] == 401
        req = urllib.request.Request(bot.url, data=body, method="POST")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=5)
        assert err.value.code == 401

        event = app_mention_event(f"<@{BOT_USER_ID}> hi", ts="1730000002.000300")
        assert post_signed(bot.url, event_body(event, event_id="Ev1"), SECRET)[0] == 200
        [post] = emu.wait_for("chat.postMessage")
        assert post.params["thread_ts"] == "1730000002.000300"

        url2 = emu.new_response_url()
        status, _ = post_signed(bot.url, block_action_body("more", "Kursk", url2), SECRET)
        assert status == 200
        assert emu.wait_for_response(id=url2)[0].json == {
            "text": "more about Kursk",
            "replace_original": False,
        }


def test_stop_leaves_no_threads_behind() -> None:
    emulator = SlackEmulator().start()
    client = WebClient(token=BOT_TOKEN, base_url=emulator.base_url, timeout=5, retry_handlers=[])
    client.auth_test()
    emulator.stop()
    leftovers = [t.name for t in threading.enumerate() if t.name.startswith("slack-emulator")]
    assert leftovers == []
    with pytest.raises(Exception):  # noqa: B017 - the port is closed
        client.auth_test()


def test_call_record_shape() -> None:
    call = Call("chat.postMessage", {"text": "x"}, {}, 0.0)
    assert (call.method, call.params, call.status, call.ok) == (
        "chat.postMessage",
        {"text": "x"},
        200,
        False,
    )
