"""How old a contact is: named people and their numbers age, national numbers such as 112 do not."""

from __future__ import annotations

import os
from datetime import date

from mhstod.errors import UsageError

STALE_AFTER_YEARS = 2


def today() -> date:
    """Today, or MHSTOD_TODAY (YYYY-MM-DD) so that tests and trainers' demonstrations do not age.

    A MHSTOD_TODAY that is no date is an error, not silently today: a trainer who set it should know.
    """
    fixed = os.environ.get("MHSTOD_TODAY", "")
    if not fixed:
        return date.today()
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


