"""Settings: defaults, validation, one clear line per invalid setting."""

from __future__ import annotations

from datetime import time

import pytest

from bot.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)   # no stray .env
    for name in ("DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN",
                 "SLACK_API_URL", "DIGEST_CHANNEL", "DIGEST_TIME", "DIGEST_TZ",
                 "MAX_ARTICLE_BYTES", "LOG_LEVEL", "DIGEST_SKIP_EMPTY"):
        monkeypatch.delenv(name, raising=False)


def test_settings_defaults_follow_the_contract():
    settings = load_settings()
    assert settings.database_url == "sqlite:///data/sitrep.db"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.slack_bot_token is None and settings.digest_channel is None
    assert settings.digest_clock[0] == time(8, 0) and str(settings.digest_clock[1]) == "UTC"
    assert not settings.has_slack_http


def test_settings_from_environment(monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    monkeypatch.setenv("DIGEST_TIME", "7:30")
    monkeypatch.setenv("DIGEST_TZ", "Asia/Seoul")
    monkeypatch.setenv("SLACK_APP_TOKEN", "")
    settings = load_settings()
    assert settings.slack_api_url == "http://127.0.0.1:9999/api/"
    assert settings.slack_bot_token.get_secret_value() == "xoxb-1"
    assert "xoxb-1" not in repr(settings)
    assert settings.slack_app_token is None
    assert settings.has_slack_http
    assert settings.digest_clock[0] == time(7, 30)


@pytest.mark.parametrize(("name", "value", "words"), [
    ("DIGEST_TIME", "8am", "HH:MM"),
    ("DIGEST_TZ", "Europe/Atlantis", "IANA"),
    ("SLACK_APP_TOKEN", "xoxb-wrong-kind", "xapp-"),
    ("LOG_LEVEL", "LOUD", "DEBUG"),
    ("MAX_ARTICLE_BYTES", "0", "greater than 0"),
])
def test_settings_invalid_value_names_the_setting(monkeypatch, name, value, words):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert message.startswith(f"invalid setting {name}:") and words in message
    assert "\n" not in message
