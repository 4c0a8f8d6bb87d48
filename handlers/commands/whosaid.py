"""`/whosaid PERSON|TOPIC`: quotes with their sources."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond

from handlers.common import answer_command


def handle_whosaid(command: dict, respond: Respond, context: BoltContext,
                   logger: logging.Logger) -> None:
    answer_command(command, respond, context, logger)
