"""Slash commands: ack at once (no database work), answer in a lazy listener."""

from __future__ import annotations

from slack_bolt import Ack, App

from handlers.commands.sitrep import handle_sitrep
from handlers.commands.summary import handle_summary
from handlers.commands.troops import handle_troops
from handlers.commands.whosaid import handle_whosaid
from handlers.errors import reports_errors


def ack_command(ack: Ack) -> None:
    """Slack shows a timeout after 3 s: acknowledge first, answer through response_url."""
    ack()


def register(app: App) -> None:
    app.command("/troops")(ack=ack_command, lazy=[reports_errors(handle_troops)])
    app.command("/whosaid")(ack=ack_command, lazy=[reports_errors(handle_whosaid)])
    app.command("/summary")(ack=ack_command, lazy=[reports_errors(handle_summary)])
    app.command("/sitrep")(ack=ack_command, lazy=[reports_errors(handle_sitrep)])
