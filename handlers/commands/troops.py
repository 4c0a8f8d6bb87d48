"""`/troops [FORCE] [since DATE] [chart]`: troop estimates with their sources; `chart` uploads
a PNG of the estimates over time to the channel."""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answers.chart import troops_chart_png
from bot.answers.request import parse_request
from bot.answers.troops import DEFAULT_FORCE
from handlers.common import answer_command, build_notice, command_request, reply, runtime_of

CHART_FILENAME = "sitrep-troops.png"
NOT_IN_CHANNEL = ("I can't post the chart in <#{channel}>: I'm not a member of it. Invite me "
                  "with `/invite @sitrep` (or add the app in the channel's settings), then try "
                  "`/troops chart` again. `/troops` without `chart` answers here as text.")
NO_DATA = ("There are no troop estimates to chart yet. Ingest articles with "
           "`sitrep ingest PATH|URL`, then try again; `/troops` shows what there is.")


def handle_troops(command: dict, respond: Respond, client: WebClient, context: BoltContext,
                  logger: logging.Logger) -> None:
    request = parse_request(command_request("/troops", command.get("text")))
    if request.command == "troops" and request.chart:
        post_chart(request, command, respond, client, context, logger)
    else:
        answer_command(command, respond, context, logger)


def post_chart(request, command: dict, respond: Respond, client: WebClient,
               context: BoltContext, logger: logging.Logger) -> None:
    channel = command.get("channel_id")
    with runtime_of(context).sessions() as session:
        png = troops_chart_png(session, force=request.force, since=request.since)
    if not png:
        reply(respond, build_notice(NO_DATA), logger)
        return
    who = request.force or DEFAULT_FORCE
    try:
        client.files_upload_v2(
            channel=channel, content=png, filename=CHART_FILENAME,
            title=f"Troop estimates: {who}", alt_txt=f"Chart of reported troop estimates ({who})",
            initial_comment=f"<@{command.get('user_id')}> asked for `{request.text}`",
        )
    except SlackApiError as exc:
        if exc.response.get("error") in ("not_in_channel", "channel_not_found",
                                         "not_allowed_token_type", "access_denied"):
            logger.info("chart not posted in %s: %s", channel, exc.response.get("error"))
            reply(respond, build_notice(NOT_IN_CHANNEL.format(channel=channel)), logger)
            return
        raise
    reply(respond, build_notice(f"Posted the troop chart in <#{channel}>."), logger)
