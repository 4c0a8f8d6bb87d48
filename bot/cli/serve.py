"""`sitrep serve`: run the Slack bot (Socket Mode or HTTP), or the local console without tokens."""

from __future__ import annotations

import logging
import signal
import threading
from contextlib import contextmanager

import click

from bot.cli.common import CliContext, fail, pass_context
from bot.settings import Settings

log = logging.getLogger("sitrep.serve")

NO_TOKENS = ("sitrep: no Slack tokens are set (SLACK_BOT_TOKEN plus SLACK_APP_TOKEN for Socket "
             "Mode, or SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET for HTTP); opening the local "
             "console instead.")


@click.command("serve")
@click.option("--http", "use_http", is_flag=True,
              help="Serve Slack's HTTP requests (POST /slack/events) even if SLACK_APP_TOKEN "
                   "is set.")
@click.option("--port", type=click.IntRange(0, 65535), default=3000, show_default=True,
              help="HTTP port (0: any free port, printed at start).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="HTTP address to listen on (0.0.0.0 for every interface).")
@click.option("--threads", type=click.IntRange(1, 64), default=8, show_default=True,
              help="HTTP worker threads.")
@click.pass_context
@pass_context
def command(ctx: CliContext, click_ctx: click.Context, use_http: bool, port: int, host: str,
            threads: int) -> None:
    """Run the Slack bot: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP with every
    Slack request (slash commands, events, buttons) at POST /slack/events and GET /healthz
    for load balancers.

    Without any Slack token (and without --http) it opens the local console instead.
    """
    settings = ctx.settings
    if not use_http and not _any_slack_setting(settings):
        click.echo(NO_TOKENS, err=True)
        _open_console(click_ctx)
        return
    socket_mode = settings.slack_app_token is not None and not use_http
    _check_settings(settings, socket_mode)

    runtime = ctx.runtime
    ctx.sessions()      # upgrades the schema, or exits with one line naming the database
    app = _build_app_or_fail(runtime)

    # Background work started with the bot (the digest scheduler) goes here; stopped at exit.
    from bot.digest.scheduler import start_scheduler

    digest = start_scheduler(runtime, app.client) if settings.slack_bot_token else None
    try:
        with _stop_on_signals():
            if socket_mode:
                _run_socket_mode(app, settings)
            else:
                _run_http(app, settings, host, port, threads)
    except KeyboardInterrupt:
        # Ctrl-C or SIGTERM before the server's own loop caught it: still a clean stop
        log.info("sitrep stopped")
    finally:
        if digest is not None:
            digest.stop()


def _any_slack_setting(settings: Settings) -> bool:
    return any(value is not None for value in (settings.slack_bot_token,
                                               settings.slack_app_token,
                                               settings.slack_signing_secret))


def _check_settings(settings: Settings, socket_mode: bool) -> None:
    if socket_mode:
        if settings.slack_bot_token is None:
            fail("Socket Mode needs SLACK_BOT_TOKEN (xoxb-...) as well as SLACK_APP_TOKEN; "
                 "set it in the environment or .env")
        return
    missing = [name for name, value in (("SLACK_BOT_TOKEN", settings.slack_bot_token),
                                        ("SLACK_SIGNING_SECRET", settings.slack_signing_secret))
               if value is None]
    if missing:
        fail(f"HTTP mode needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET; {' and '.join(missing)} "
             f"{'is' if len(missing) == 1 else 'are'} not set (or set SLACK_APP_TOKEN for "
             "Socket Mode)")


def _build_app_or_fail(runtime):
    """The Bolt app; its auth.test at start turns a wrong token or SLACK_API_URL into one line."""
    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackApiError

    from bot.slack_app import build_app

    where = runtime.settings.slack_api_url
    try:
        app = build_app(runtime)
    except (BoltError, SlackApiError) as exc:
        # Bolt raises BoltError from inside `except SlackApiError`: the cause has the code.
        cause = exc if isinstance(exc, SlackApiError) else exc.__context__
        response = getattr(cause, "response", None)
        reason = response.get("error") if response is not None else str(exc)[:200]
        fail(f"Slack refused SLACK_BOT_TOKEN at {where} (auth.test: {reason}); check the token")
    except Exception as exc:   # URLError, refused connection, bad JSON from a wrong URL
        reason = str(getattr(exc, "reason", None) or exc).strip().splitlines()[0][:200]
        fail(f"cannot reach the Slack Web API at SLACK_API_URL={where} ({reason})")
    log.info("connected to Slack at %s", where)
    return app


def _run_http(app, settings: Settings, host: str, port: int, threads: int) -> None:
    from bot.slack_app import EVENTS_PATH, HttpServer

    try:
        server = HttpServer(app, settings.slack_signing_secret.get_secret_value(), host=host,
                            port=port, threads=threads)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    try:
        log.info("sitrep is listening on %s (Slack requests: POST %s)", server.url, EVENTS_PATH)
        server.run()
    except KeyboardInterrupt:
        server.stop()
    log.info("sitrep stopped")


def _run_socket_mode(app, settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, settings.slack_app_token.get_secret_value())
    try:
        handler.connect()
    except Exception as exc:
        response = getattr(exc, "response", None)
        reason = (response.get("error") if response is not None
                  else str(getattr(exc, "reason", None) or exc).strip().splitlines()[0][:200])
        fail(f"cannot open a Socket Mode connection through {settings.slack_api_url} "
             f"(apps.connections.open with SLACK_APP_TOKEN: {reason})")
    log.info("sitrep is connected to Slack in Socket Mode")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()
        log.info("sitrep stopped")


@contextmanager
def _stop_on_signals():
    """SIGTERM (a deployment stopping the bot) ends it like Ctrl-C: cleanly."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _open_console(click_ctx: click.Context) -> None:
    try:
        from bot.cli import console
    except ModuleNotFoundError as exc:
        if exc.name != "bot.cli.console":
            raise
        fail("the local console is not available in this installation")
    click_ctx.invoke(console.command)
