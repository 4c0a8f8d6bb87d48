"""The daily digest: what is new since a channel's previous digest, posted exactly once a day.

- `periods`: digest times, periods and DST (pure functions).
- `subscriptions`: which channels get a digest, at what local time (storage functions).
- `claims`: the exactly-once protocol on `digest_posts` (claim, take over, mark).
- `builder`: `build_digest(session, channel_id, since, until) -> Answer`.
- `render`: the digest as Slack messages within Block Kit limits (pure).
- `poster`: claim, build, post, mark — one digest for one channel.
- `scheduler`: the loop thread `sitrep serve` runs; `commands`: `/sitrep digest on|off|status`.
"""
