"""`/summary [TOPIC] [since DATE]`: what the articles say, every fact cited."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond

from handlers.common import answer_command


def handle_summary(command: dict, respond: Respond, context: BoltContext,
                   logger: logging.Logger) -> None:
    answer_command(command, respond, context, logger)
