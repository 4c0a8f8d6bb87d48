"""`@sitrep QUESTION`: answered in the thread, once per event however often Slack delivers it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from slack_bolt import BoltContext
from slack_sdk import WebClient
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from bot.runtime import Runtime
from bot.storage.models import SlackEventSeen
from handlers.common import answer_message, post_message, runtime_of, strip_mention

KEEP_SEEN = timedelta(days=3)   # Slack retries within minutes; older records are pruned


def handle_app_mention(event: dict, body: dict, client: WebClient, context: BoltContext,
                       logger: logging.Logger) -> None:
    runtime = runtime_of(context)
    event_id = body.get("event_id")
    if event_id and not first_delivery(runtime, event_id):
        logger.info("event %s already handled; ignoring the redelivery", event_id)
        return
    question = strip_mention(event.get("text"), context.bot_user_id)
    message = answer_message(runtime, question, ephemeral=False)
    post_message(client, event["channel"], message,
                 thread_ts=event.get("thread_ts") or event["ts"])


def first_delivery(runtime: Runtime, event_id: str) -> bool:
    """Records `event_id`; False when it was recorded before (a retry of a handled event)."""
    try:
        with runtime.sessions.begin() as session:
            session.execute(delete(SlackEventSeen).where(
                SlackEventSeen.received_at < datetime.now(UTC) - KEEP_SEEN))
            session.add(SlackEventSeen(event_id=event_id[:100]))
    except IntegrityError:
        return False
    return True
