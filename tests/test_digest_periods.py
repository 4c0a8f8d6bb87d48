"""Digest times, periods and DST (pure functions)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.digest.periods import digest_moment, due_period, next_moment

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.mark.parametrize(("day", "expected_utc"), [
    (date(2026, 1, 15), datetime(2026, 1, 15, 7, 0, tzinfo=UTC)),     # winter: UTC+1
    (date(2026, 7, 15), datetime(2026, 7, 15, 6, 0, tzinfo=UTC)),     # summer: UTC+2
    (date(2026, 3, 29), datetime(2026, 3, 29, 6, 0, tzinfo=UTC)),     # spring-forward day
    (date(2026, 10, 25), datetime(2026, 10, 25, 7, 0, tzinfo=UTC)),   # fall-back day
])
def test_digest_periods_0800_brussels_in_utc(day, expected_utc):
    assert digest_moment(day, time(8, 0), BRUSSELS) == expected_utc


def test_digest_periods_nonexistent_and_repeated_local_times():
    # 02:30 does not exist on 29 Mar 2026 in Brussels: read with the winter offset (03:30 CEST)
    assert digest_moment(date(2026, 3, 29), time(2, 30), BRUSSELS) == \
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    # 02:30 happens twice on 25 Oct 2026: the first time (CEST)
    assert digest_moment(date(2026, 10, 25), time(2, 30), BRUSSELS) == \
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize("start", [datetime(2026, 3, 27, tzinfo=UTC),
                                   datetime(2026, 10, 23, tzinfo=UTC)])
@pytest.mark.parametrize("post_time", [time(8, 0), time(2, 30), time(0, 0), time(23, 59)])
def test_digest_periods_one_due_period_per_local_day_across_dst(start, post_time):
    """Minute by minute over four days around a DST change: each local day becomes due once,
    in order, and never goes back."""
    seen, moments = [], []
    now = start
    previous = due_period(now, post_time, BRUSSELS)
    while now < start + timedelta(days=4):
        period = due_period(now, post_time, BRUSSELS)
        assert period >= previous
        if period != previous:
            seen.append(period)
            moments.append(now)
            assert period - previous == timedelta(days=1)
        previous = period
        now += timedelta(minutes=1)
    assert len(seen) == len(set(seen)) == 4
    for period, moment in zip(seen, moments, strict=True):
        assert moment == digest_moment(period, post_time, BRUSSELS)


def test_digest_periods_due_and_next():
    at = datetime(2026, 7, 15, 5, 59, tzinfo=UTC)                   # 07:59 in Brussels
    assert due_period(at, time(8, 0), BRUSSELS) == date(2026, 7, 14)
    assert next_moment(at, time(8, 0), BRUSSELS) == datetime(2026, 7, 15, 6, 0, tzinfo=UTC)
    at = datetime(2026, 7, 15, 6, 0, tzinfo=UTC)
    assert due_period(at, time(8, 0), BRUSSELS) == date(2026, 7, 15)
    assert next_moment(at, time(8, 0), BRUSSELS) == datetime(2026, 7, 16, 6, 0, tzinfo=UTC)
    # Seoul is ahead of UTC: 07:30 KST on the 16th is 22:30 UTC on the 15th
    seoul = ZoneInfo("Asia/Seoul")
    at = datetime(2026, 7, 15, 22, 45, tzinfo=UTC)
    assert due_period(at, time(7, 30), seoul) == date(2026, 7, 16)
