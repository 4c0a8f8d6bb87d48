"""`sitrep digest --channel C [--now] [--force]`: post a channel's digest for its current period."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

import click
from sqlalchemy.exc import SQLAlchemyError

from bot.cli.common import fail, pass_context
from bot.digest import claims, subscriptions
from bot.digest.builder import build_digest
from bot.digest.periods import due_period, local_date
from bot.digest.poster import make_client, post_digest
from bot.digest.render import render_digest_text


@click.command("digest")
@click.option("--channel", "channel_id", metavar="C",
              help="Channel ID to post to (default: DIGEST_CHANNEL).")
@click.option("--now", "right_now", is_flag=True,
              help="Post today's digest now, even before the channel's digest time.")
@click.option("--force", is_flag=True, help="Post again even if this period was posted.")
@click.option("--dry-run", is_flag=True,
              help="Print the digest that would be posted now; post nothing, record nothing.")
@click.option("--pause-after-claim", type=float, default=0.0, hidden=True,
              help="Test hook: sleep this many seconds between the claim and the post, so a "
                   "test can kill the process there.")
@pass_context
def command(ctx, channel_id, right_now, force, dry_run, pause_after_claim):
    """Post the digest for channel C's current period if it has not been posted yet.

    The period is the date, in the channel's time zone, of the newest digest time that has
    passed (today after the digest time, yesterday before it); with --now it is today. The
    channel's time and zone come from `/sitrep digest on`, else DIGEST_TIME and DIGEST_TZ.
    Run again in the same period it posts nothing and says so; --force posts again.
    Exit 0 when posted or already posted, 1 with one line when it could not post.
    """
    settings = ctx.settings
    channel_id = channel_id or settings.digest_channel
    if not channel_id:
        fail("no channel: give --channel C or set DIGEST_CHANNEL")
    if dry_run:
        return _dry_run(ctx.sessions(), channel_id, datetime.now(UTC))
    if settings.slack_bot_token is None:
        fail("SLACK_BOT_TOKEN is not set: cannot post the digest")
    sessions = ctx.sessions()
    now = datetime.now(UTC)
    client = make_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url)

    def paused(claim: claims.Claim) -> None:
        click.echo(f"claimed {claim.channel_id} {claim.period} (claim {claim.id}); pausing "
                   f"{pause_after_claim:g} s before posting (test hook)", err=True)
        time.sleep(pause_after_claim)

    try:
        subscriptions.ensure_default_committed(sessions, settings, now=now)
        with sessions() as session:
            row = subscriptions.get(session, channel_id)
            schedule = (subscriptions.schedule_of(row) if row is not None
                        else subscriptions.default_schedule(settings, channel_id))
        period = (local_date(now, schedule.zone) if right_now
                  else due_period(now, schedule.post_time, schedule.zone))
        result = post_digest(sessions, client, schedule, period, now, claims.worker_id(),
                             force=force, retry_failed=True,
                             skip_empty=settings.digest_skip_empty,
                             on_claimed=paused if pause_after_claim > 0 else None)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
        fail(f"digest for {channel_id}: database error: {reason}")

    day = f"{period:%a %-d %b %Y}"
    if result.state in ("posted", "recovered"):
        more = f", {result.messages} messages (the rest in its thread)" if result.messages > 1 else ""
        click.echo(f"Posted the digest of {day} to {channel_id} (ts {result.message_ts}{more}).")
        if result.error:
            click.echo(f"sitrep: warning: {result.error}", err=True)
    elif result.state == "skipped_empty":
        click.echo(f"Nothing new for {channel_id} since its last digest: skipped the digest of "
                   f"{day} (DIGEST_SKIP_EMPTY).")
    elif result.state == "already_posted":
        click.echo(f"The digest of {day} was already posted to {channel_id}"
                   f"{f' (ts {result.message_ts})' if result.message_ts else ''}; nothing "
                   "posted. --force posts it again.")
    elif result.state == "lost":
        click.echo(f"Posted the digest of {day} to {channel_id} (ts {result.message_ts}), but "
                   "another process had taken over its claim: it may appear twice.")
    elif result.state == "in_progress":
        click.echo(f"The digest of {day} for {channel_id} is being posted by another sitrep "
                   "process; nothing posted.")
    else:
        fail(f"could not post the digest of {day} to {channel_id}: Slack said "
             f"{result.error or result.state}")



def _dry_run(sessions, channel_id: str, now: datetime) -> None:
    """What the channel's next digest would say if it were posted now."""
    try:
        with sessions() as session:
            since = claims.previous_cover_end(session, channel_id, date.max) \
                or now - claims.FIRST_DIGEST_SPAN
            answer = build_digest(session, channel_id, since, now)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0][:200]
        fail(f"digest for {channel_id}: database error: {reason}")
    click.echo(render_digest_text(answer))
