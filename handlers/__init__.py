"""sitrep's Slack listeners, one per file; `register_listeners(app)` wires them all."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, errors, events


def register_listeners(app: App) -> None:
    commands.register(app)
    events.register(app)
    actions.register(app)
    errors.register(app)
