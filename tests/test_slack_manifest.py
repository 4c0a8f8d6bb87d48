"""The Slack manifest and docs/slack.md agree with what the app registers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
COMMANDS = ["/troops", "/whosaid", "/summary", "/sitrep"]


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((REPO / "slack-manifest.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registered() -> set[str]:
    """The slash commands, actions and events the real app listens to."""
    from slack_bolt import App

    from handlers import register_listeners

    app = App(token="xoxb-test", signing_secret="secret", token_verification_enabled=False)
    found: set[str] = set()
    original_command, original_action, original_event = app.command, app.action, app.event
    app.command = lambda name, *a, **k: (found.add(name), original_command(name, *a, **k))[1]
    app.action = lambda name, *a, **k: (found.add(name), original_action(name, *a, **k))[1]
    app.event = lambda name, *a, **k: (found.add(name), original_event(name, *a, **k))[1]
    register_listeners(app)
    return found


def test_slack_manifest_declares_every_command_with_a_usage_hint(manifest, registered):
    declared = {c["command"]: c for c in manifest["features"]["slash_commands"]}
    assert sorted(declared) == sorted(COMMANDS)
    assert set(COMMANDS) <= registered
    for command in declared.values():
        assert command["description"] and command["usage_hint"]


def test_slack_manifest_subscribes_to_what_the_app_handles(manifest, registered):
    settings = manifest["settings"]
    assert settings["event_subscriptions"]["bot_events"] == ["app_mention"]
    assert "app_mention" in registered
    assert settings["interactivity"]["is_enabled"] is True
    assert {"sitrep_share", "sitrep_more"} <= registered
    assert settings["socket_mode_enabled"] is True


def test_slack_manifest_asks_for_the_scopes_the_bot_uses(manifest):
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "app_mentions:read", "files:write"} <= scopes


def test_slack_manifest_http_urls_point_at_slack_events():
    text = (REPO / "slack-manifest.yml").read_text(encoding="utf-8")
    urls = [line.split(":", 1)[1].strip() for line in text.splitlines()
            if line.strip().startswith(("# url:", "# request_url:"))]
    assert len(urls) == 6
    assert set(urls) == {"https://YOUR-HOST/slack/events"}


def test_slack_docs_cover_commands_settings_and_modes():
    docs = (REPO / "docs" / "slack.md").read_text(encoding="utf-8")
    for needle in [*COMMANDS, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
                   "SLACK_API_URL", "sitrep serve --http", "/slack/events", "/healthz",
                   "Socket Mode", "slack-manifest.yml"]:
        assert needle in docs, needle
