"""`sitrep serve` as a real subprocess: HTTP on a port, Socket Mode, the console without
tokens, and one clear line when the settings or Slack are wrong."""

from __future__ import annotations

import time
import urllib.request

import pytest
from slack_emulator import (
    SlackEmulator,
    post_signed,
    slash_command_body,
    slash_command_payload,
)
from slack_testing import (
    APP_TOKEN,
    SECRET,
    add_facts,
    fact_lines,
    message_text,
    serve_env,
    serve_process,
)

LISTENING = r"listening on http://127\.0\.0\.1:(\d+)"


def test_slack_serve_http_subprocess_answers_signed_requests(slack_emulator, bot_db_url,
                                                             tmp_path):
    add_facts(bot_db_url)
    env = serve_env(bot_db_url, slack_emulator)
    with serve_process(["--http", "--port", "0"], env, tmp_path) as proc:
        port = int(proc.wait_for_line(LISTENING).group(1))
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
            assert response.status == 200 and response.read() == b"ok"
        assert len(slack_emulator.calls("auth.test")) == 1

        response_url = slack_emulator.new_response_url()
        started = time.monotonic()
        status, _ = post_signed(f"{base}/slack/events",
                                slash_command_body("/troops", "", response_url), SECRET)
        assert status == 200 and time.monotonic() - started < 3
        [reply] = slack_emulator.wait_for_response(id=response_url, timeout=15)
        assert "3,000" in message_text(reply.json)
        assert fact_lines(reply.json)

        status, _ = post_signed(f"{base}/slack/events",
                                slash_command_body("/troops", "", response_url), "wrong")
        assert status == 401
        status, _ = post_signed(f"{base}/slack/events",
                                slash_command_body("/troops", "", response_url), SECRET,
                                timestamp=int(time.time()) - 301)
        assert status == 401
        assert proc.stop() == 0
    assert "sitrep stopped" in proc.output


def test_slack_serve_socket_mode_subprocess(slack_emulator, bot_db_url, tmp_path):
    env = serve_env(bot_db_url, slack_emulator, SLACK_APP_TOKEN=APP_TOKEN,
                    SLACK_SIGNING_SECRET="")
    with serve_process([], env, tmp_path) as proc:
        proc.wait_for_line("connected to Slack in Socket Mode")
        response_url = slack_emulator.new_response_url()
        envelope = slack_emulator.send_envelope(
            "slash_commands", slash_command_payload("/sitrep", "help", response_url))
        slack_emulator.wait_for_ack(envelope, timeout=10)
        [reply] = slack_emulator.wait_for_response(id=response_url, timeout=15)
        assert "/troops" in message_text(reply.json)
        assert proc.stop() == 0


def invoke_serve(args: list[str], env: dict, cwd, monkeypatch, stdin: str = ""):
    """`sitrep serve` in-process through click's CliRunner (for the cases that end at once)."""
    from click.testing import CliRunner

    from bot.cli import cli

    monkeypatch.chdir(cwd)          # no developer .env
    overrides = {name: env.get(name) or None for name in (
        "DATABASE_URL", "SLACK_API_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET",
        "SLACK_APP_TOKEN", "DIGEST_CHANNEL")}
    return CliRunner().invoke(cli, ["serve", *args], env=overrides, input=stdin,
                              catch_exceptions=False)


def test_slack_serve_without_tokens_opens_the_console(bot_db_url, tmp_path, monkeypatch):
    env = serve_env(bot_db_url, None, SLACK_BOT_TOKEN="", SLACK_SIGNING_SECRET="")
    result = invoke_serve([], env, tmp_path, monkeypatch, stdin="/sitrep help\nquit\n")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "no Slack tokens" in line]
    assert len(lines) == 1
    assert "SLACK_BOT_TOKEN" in lines[0] and "SLACK_APP_TOKEN" in lines[0]
    assert "/troops" in result.stdout


@pytest.mark.parametrize(("unset", "named"), [
    ({"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET is not set"),
    ({"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": ""},
     "SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set"),
])
def test_slack_serve_http_without_its_settings_exits_with_one_line(bot_db_url, tmp_path,
                                                                   monkeypatch, unset, named):
    env = serve_env(bot_db_url, None, **unset)
    result = invoke_serve(["--http", "--port", "0"], env, tmp_path, monkeypatch)
    assert result.exit_code != 0
    assert named in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_slack_serve_socket_mode_without_a_bot_token_exits_with_one_line(bot_db_url, tmp_path,
                                                                         monkeypatch):
    env = serve_env(bot_db_url, None, SLACK_BOT_TOKEN="", SLACK_APP_TOKEN=APP_TOKEN)
    result = invoke_serve([], env, tmp_path, monkeypatch)
    assert result.exit_code != 0
    assert "Socket Mode needs SLACK_BOT_TOKEN" in result.stderr


def test_slack_serve_wrong_token_fails_fast(bot_db_url, tmp_path, monkeypatch):
    with SlackEmulator(valid_tokens={"xoxb-the-right-one"}) as emulator:
        result = invoke_serve(["--http", "--port", "0"], serve_env(bot_db_url, emulator),
                              tmp_path, monkeypatch)
    assert result.exit_code != 0
    assert "Slack refused SLACK_BOT_TOKEN" in result.stderr and "invalid_auth" in result.stderr
    assert "Traceback" not in result.output


def test_slack_serve_wrong_api_url_fails_fast(bot_db_url, tmp_path, monkeypatch):
    result = invoke_serve(["--http", "--port", "0"], serve_env(bot_db_url, None), tmp_path,
                          monkeypatch)
    assert result.exit_code != 0
    assert "cannot reach the Slack Web API at SLACK_API_URL=http://127.0.0.1:9/api/" in (
        result.stderr)


def test_slack_serve_dead_database_fails_at_start(slack_emulator, tmp_path, monkeypatch):
    env = serve_env("postgresql+psycopg://nobody@127.0.0.1:9/none", slack_emulator)
    result = invoke_serve(["--http", "--port", "0"], env, tmp_path, monkeypatch)
    assert result.exit_code != 0
    assert "cannot use the database" in result.stderr
    assert slack_emulator.calls() == []        # the database is checked before Slack


def test_slack_serve_socket_mode_with_a_refused_app_token_exits_with_one_line(
        bot_db_url, tmp_path, monkeypatch):
    with SlackEmulator(valid_tokens={"xoxb-test"}) as emulator:
        env = serve_env(bot_db_url, emulator, SLACK_APP_TOKEN=APP_TOKEN)
        result = invoke_serve([], env, tmp_path, monkeypatch)
    assert result.exit_code != 0
    assert "cannot open a Socket Mode connection" in result.stderr
    assert "(apps.connections.open with SLACK_APP_TOKEN: invalid_auth)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
