"""How old a contact is: named people and their numbers age, national numbers such as 112 do not."""

from __future__ import annotations

import os
from datetime import date, datetime

from mhstod.errors import UsageError

STALE_AFTER_YEARS = 2


def now() -> datetime:
    """The time in Sweden, as a naive local time: MHSTOD_NOW (2026-12-18T16:30, Swedish time) where set.

    The system clock is read as Europe/Stockholm, whatever the machine's own zone (tzdata ships the zone where
    the system has none). A MHSTOD_NOW that is no time is an error, as MHSTOD_TODAY's is.
    """
    fixed = os.environ.get("MHSTOD_NOW", "")
    if fixed:
        try:
            from mhstod.dates import FIRST_YEAR, LAST_YEAR

            at = swedish_time(datetime.fromisoformat(fixed))
            if not FIRST_YEAR <= at.year <= LAST_YEAR:  # the years whose holidays dates.py knows (9999 overflowed)
                raise ValueError
            return at
        except ValueError:
            from mhstod.errors import shown

            raise UsageError(f"MHSTOD_NOW='{shown(fixed)}' är ingen tid i formen ÅÅÅÅ-MM-DDTtt:mm.") from None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        clock = datetime.now(ZoneInfo("Europe/Stockholm")).replace(tzinfo=None, second=0, microsecond=0)
    except ZoneInfoNotFoundError:  # pragma: no cover - neither the system nor tzdata has the zone
        clock = datetime.now().replace(second=0, microsecond=0)
    if os.environ.get("MHSTOD_TODAY"):  # a trainer's day: its date with the clock's time, as the dates use it
        return datetime.combine(today(), clock.time())
    return clock


def swedish_time(at: datetime) -> datetime:
    """A time as Swedish local time without its zone: one given with an offset (…+00:00) is converted."""
    if at.tzinfo is not None:
        from zoneinfo import ZoneInfo

        at = at.astimezone(ZoneInfo("Europe/Stockholm"))
    return at.replace(tzinfo=None, second=0, microsecond=0)


def today() -> date:
    """Today, or MHSTOD_TODAY (YYYY-MM-DD) so that tests and trainers' demonstrations do not age.

    MHSTOD_NOW sets the day too, where MHSTOD_TODAY is not set. A MHSTOD_TODAY that is no date is an error,
    not silently today: a trainer who set it should know.
    """
    fixed = os.environ.get("MHSTOD_TODAY", "")
    if not fixed:
        return now().date() if os.environ.get("MHSTOD_NOW") else date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        from mhstod.errors import shown

        raise UsageError(f"MHSTOD_TODAY='{shown(fixed)}' är inget datum i formen ÅÅÅÅ-MM-DD.") from None


def _latest(as_of: str) -> date:
    """The latest day a partial date can mean: "2018" is at most 2018-12-31, so staleness is never overstated."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(parts[0], 12, 31)


def _earliest(as_of: str) -> date:
    parts = [int(p) for p in as_of.split("-")]
    return date(*[*parts, 1, 1][:3])


def in_future(as_of: str, on: date) -> bool:
    """True when even the earliest day `as_of` can mean is after `on`: a typing error, or a wrong clock."""
    return bool(as_of) and _earliest(as_of) > on


def is_stale(as_of: str, on: date) -> bool:
    """True when the source is more than two years older than `on`, or dated after it.

    A date in the future cannot vouch for the contact either (it hid the warning); an empty date is not stale.
    """
    if not as_of:
        return False
    if in_future(as_of, on):
        return True
    latest = _latest(as_of)
    try:
        limit = latest.replace(year=latest.year + STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        limit = latest.replace(year=latest.year + STALE_AFTER_YEARS, day=28)
    return on > limit


