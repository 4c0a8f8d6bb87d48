"""All of sitrep's settings, read once from the environment and `.env`.

Nothing else in the project reads `os.environ`: build `Settings` at start and pass it down.
"""

from __future__ import annotations

import re
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///data/sitrep.db"
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class SettingsError(Exception):
    """A setting is present but invalid; the message is one line naming it."""


def parse_hhmm(value: str) -> time:
    match = _TIME.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a time of day as HH:MM (00:00 to 23:59)")
    return time(int(match.group(1)), int(match.group(2)))


def parse_zone(value: str) -> ZoneInfo:
    try:
        return ZoneInfo(value.strip())
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{value!r} is not an IANA time zone (e.g. Europe/Brussels)") from exc


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore",
                                      case_sensitive=False)

    database_url: str = Field(DEFAULT_DATABASE_URL, alias="DATABASE_URL")
    slack_bot_token: SecretStr | None = Field(None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    digest_channel: str | None = Field(None, alias="DIGEST_CHANNEL")
    digest_time: str = Field("08:00", alias="DIGEST_TIME")
    digest_tz: str = Field("UTC", alias="DIGEST_TZ")
    digest_skip_empty: bool = Field(False, alias="DIGEST_SKIP_EMPTY")
    max_article_bytes: int = Field(5 * 1024 * 1024, alias="MAX_ARTICLE_BYTES", gt=0)
    log_level: str = Field("INFO", alias="LOG_LEVEL")

    @field_validator("slack_bot_token", "slack_signing_secret", "slack_app_token",
                     "digest_channel", mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, value: SecretStr | None):
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, value: SecretStr | None):
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(value)
        except ArgumentError as exc:
            raise ValueError("is not a SQLAlchemy database URL") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError("must be a sqlite:/// or postgresql+psycopg:// URL")
        return value

    @field_validator("digest_time")
    @classmethod
    def _digest_time(cls, value: str) -> str:
        parse_hhmm(value)
        return value.strip()

    @field_validator("digest_tz")
    @classmethod
    def _digest_tz(cls, value: str) -> str:
        parse_zone(value)
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        value = value.strip().upper()
        if value not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value

    @property
    def has_slack_http(self) -> bool:
        return self.slack_bot_token is not None and self.slack_signing_secret is not None

    @property
    def digest_clock(self) -> tuple[time, ZoneInfo]:
        return parse_hhmm(self.digest_time), parse_zone(self.digest_tz)


def load_settings(**overrides) -> Settings:
    """Build the settings; an invalid one raises SettingsError naming it in one line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = first["loc"][0] if first["loc"] else "settings"
        alias = Settings.model_fields[field].alias if field in Settings.model_fields else field
        message = first["msg"].removeprefix("Value error, ")
        raise SettingsError(f"invalid setting {alias}: {message}") from None
