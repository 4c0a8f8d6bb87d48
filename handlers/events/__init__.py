"""Events API listeners. Bolt acknowledges an event before its listener runs."""

from __future__ import annotations

from slack_bolt import App

from handlers.events.app_mention import handle_app_mention


def register(app: App) -> None:
    app.event("app_mention")(handle_app_mention)
