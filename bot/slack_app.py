"""The Slack app: a Bolt `App` wired to sitrep's listeners, and its HTTP (WSGI) front door.

Thin on purpose (Bolt sample-app style): build the client and the App, hand the runtime to
the listeners through Bolt's context, `register_listeners(app)`. The listeners live in the
top-level `handlers` package.
"""

from __future__ import annotations

import gc
import io
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.lazy_listener import ThreadLazyListenerRunner
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.signature import SignatureVerifier

from bot.runtime import Runtime
from bot.settings import Settings
from handlers import register_listeners
from handlers.common import provide_runtime

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 4 * 1024 * 1024   # Slack's requests are small; refuse anything huge
LISTENER_THREADS = 16      # ack functions and event listeners (Bolt's default: 5)
ANSWER_THREADS = 2         # lazy listeners (the answers) worked on at once: one a core
CONNECTION_LIMIT = 1000    # open HTTP connections waitress serves at once (its default: 100)
BACKLOG = 2048             # connections the kernel queues before waitress accepts them


class ListenerExecutor(ThreadPoolExecutor):
    """Bolt's listener executor, which runs the ack functions (and event listeners), owning
    the small pool the lazy listeners (the answers) run on.

    With one pool for both, a burst of slash commands queues each ack behind the answers
    submitted before it, and Slack gives up after 3 s. Answers are CPU-bound and hold the GIL:
    more than one a core only makes every one of them (and the acks) slower. `shutdown`
    waits for both pools.
    """

    def __init__(self, max_workers: int = LISTENER_THREADS, answer_workers: int = ANSWER_THREADS):
        super().__init__(max_workers=max_workers, thread_name_prefix="sitrep-listener")
        self.answers = ThreadPoolExecutor(max_workers=answer_workers,
                                          thread_name_prefix="sitrep-answer")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        self.answers.shutdown(wait=wait, cancel_futures=cancel_futures)


def build_client(settings: Settings) -> WebClient:
    """The Web API client: every call goes to SLACK_API_URL, with retries on 429, 5xx and
    dropped connections (slack_sdk installs only the connection-error one by default)."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=30,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=1),
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=1),
        ],
    )


class _GivenClientFilter(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and warns that it is unused when
    a client is given; sitrep gives the client on purpose (it carries SLACK_API_URL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def build_app(runtime: Runtime, *, client: WebClient | None = None) -> App:
    """The Bolt app for `runtime`'s settings.

    Calls auth.test once (Bolt's token verification), so a wrong token or SLACK_API_URL
    fails here rather than on the first request; the result also gives Bolt the bot's own
    user and bot ids, which its ignore-own-events middleware needs. No database work here.
    """
    settings = runtime.settings
    secret = settings.slack_signing_secret
    logger = logging.getLogger("sitrep.slack")
    if not any(isinstance(f, _GivenClientFilter) for f in logger.filters):
        logger.addFilter(_GivenClientFilter())
    executor = ListenerExecutor()
    app = App(
        client=client or build_client(settings),
        # Passed explicitly (also when empty, for Socket Mode): otherwise Bolt would read
        # os.environ itself.
        signing_secret=secret.get_secret_value() if secret else "",
        process_before_response=False,
        logger=logger,
        listener_executor=executor,
    )
    # lazy listeners on their own bounded pool, so an ack never waits behind an answer
    app.listener_runner.lazy_listener_runner = ThreadLazyListenerRunner(
        logger=logger, executor=executor.answers)
    app.use(provide_runtime(runtime))
    register_listeners(app)
    return app


def build_wsgi_app(app: App, signing_secret: str):
    """A WSGI application: Slack's requests at POST /slack/events, GET /healthz for deployments.

    Bolt parses a request's body before it checks the signature, so a malformed unsigned body
    would end in a 500 and a traceback; here the signature is checked first (401), and a signed
    body Bolt cannot parse gets a 400.
    """
    slack = SlackRequestHandler(app, path=EVENTS_PATH)
    verifier = SignatureVerifier(signing_secret)

    def wsgi_app(environ, start_response):
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _plain(start_response, "200 OK", b"ok")
        if path != EVENTS_PATH or method != "POST":
            return slack(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _plain(start_response, "400 Bad Request", b"bad request")
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        if not _signed(verifier, body, environ) and not _ssl_check(body):
            log.info("refused a request to %s without a valid Slack signature", path)
            return _plain(start_response, "401 Unauthorized", b"invalid request")
        try:
            return slack(environ, start_response)
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("refused a signed request Bolt could not read: %s", exc)
            return _plain(start_response, "400 Bad Request", b"bad request")

    return wsgi_app


def _signed(verifier: SignatureVerifier, body: bytes, environ: dict) -> bool:
    try:
        return verifier.is_valid(body=body,
                                 timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
                                 signature=environ.get("HTTP_X_SLACK_SIGNATURE"))
    except (ValueError, TypeError):     # a timestamp that is not a number
        return False


def _ssl_check(body: bytes) -> bool:
    """Slack's certificate check of a slash command URL; Bolt answers it."""
    return b"ssl_check=1" in body and len(body) < 1000


def _plain(start_response, status: str, body: bytes) -> list[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(body)))])
    return [body]


def settle_heap() -> None:
    """Before serving: collect the start-up garbage once, then keep the cyclic collector off
    what is left (modules, the app, the engine: alive until exit). Otherwise every full
    collection during an answer walks them all (tens of milliseconds, the answers' p95)."""
    gc.collect()
    gc.freeze()


class HttpServer:
    """A threaded production WSGI server (waitress) serving the app; `run()` blocks,
    `stop()` (from any thread) makes `run()` return."""

    def __init__(self, app: App, signing_secret: str, host: str = "127.0.0.1", port: int = 3000,
                 threads: int = 8):
        from waitress import create_server

        if not signing_secret:
            raise ValueError("HTTP mode needs the signing secret")
        # before the server's sockets exist: a collection may finalize an earlier server's
        # leftovers, whose file descriptor numbers the new sockets would otherwise reuse
        settle_heap()
        self._server = create_server(build_wsgi_app(app, signing_secret), host=host, port=port, threads=threads,
                                     ident="sitrep", clear_untrusted_proxy_headers=True,
                                     max_request_body_size=MAX_BODY_BYTES,
                                     connection_limit=CONNECTION_LIMIT, backlog=BACKLOG)
        self._stopped = threading.Event()

    @property
    def host(self) -> str:
        return self._server.effective_host

    @property
    def port(self) -> int:
        return self._server.effective_port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def run(self) -> None:
        try:
            self._server.run()
        finally:
            self._server.task_dispatcher.shutdown()
            self._stopped.set()

    def stop(self, timeout: float = 5.0) -> None:
        from waitress import wasyncore

        server = self._server
        # Closing from inside the server's own loop thread (through its trigger) avoids
        # racing its poll(); the loop ends once nothing is left to watch.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        self._stopped.wait(timeout)
