"""The "Share in channel" button: post the answer for everyone, then drop the ephemeral copy."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.common import (
    answer_message,
    build_notice,
    build_shared_message,
    clean_text,
    post_message,
    reply,
    runtime_of,
)

CANNOT_POST = ("I can't post in <#{channel}>: I'm not a member of it. Invite me with "
               "`/invite @sitrep`, then press *Share in channel* again.")


def handle_share(body: dict, action: dict, respond: Respond, client: WebClient,
                 context: BoltContext, logger: logging.Logger) -> None:
    request = clean_text(action.get("value"))
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id")
    user = (body.get("user") or {}).get("id")
    message = build_shared_message(
        answer_message(runtime_of(context), request, ephemeral=False), user)
    try:
        post_message(client, channel, message)
    except SlackApiError as exc:
        if exc.response.get("error") in ("not_in_channel", "channel_not_found",
                                         "is_archived", "restricted_action"):
            logger.info("share refused in %s: %s", channel, exc.response.get("error"))
            reply(respond, build_notice(CANNOT_POST.format(channel=channel)), logger)
            return
        raise
    result = respond(delete_original=True)
    if result.status_code != 200:
        logger.info("could not delete the ephemeral answer after sharing: HTTP %s %s",
                    result.status_code, (result.body or "")[:200])
        reply(respond, build_notice("Shared in the channel."), logger, replace_original=True)
