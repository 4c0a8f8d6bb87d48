"""Buttons on sitrep's answers: ack at once, then work in a lazy listener."""

from __future__ import annotations

from slack_bolt import Ack, App

from handlers.actions.more import handle_more
from handlers.actions.share import handle_share
from handlers.errors import reports_errors


def ack_action(ack: Ack) -> None:
    ack()


def register(app: App) -> None:
    app.action("sitrep_share")(ack=ack_action, lazy=[reports_errors(handle_share)])
    app.action("sitrep_more")(ack=ack_action, lazy=[reports_errors(handle_more)])
