"""Dates of the case: Swedish public holidays, and a deadline's last day counted from a starting day.

Pure calendar arithmetic; the rules come from two laws, stated with their sources in data/process.yaml
(`counting`):
- Lag (1930:173) om beräkning av lagstadgad tid, 1 §: a period of weeks ends on the day with the same name as
  the starting day; a period of months on the day with the same number, or the month's last day where there is
  none (31 January + 1 month = 28 or 29 February). A period of days is counted in calendar days.
- The same law, 2 §: where the last day for an action falls on a Saturday, a Sunday, another public holiday,
  midsummer eve, Christmas eve or New Year's eve, the action may be taken on the next weekday.
- Lag (1989:253) om allmänna helgdagar: which days are public holidays, Easter's computed as the law says.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta

from mhstod.record import Record

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


def easter(year: int) -> date:
    """Easter Sunday (påskdagen) of the Gregorian calendar: the anonymous algorithm (Meeus, Jones, Butcher).

    Lag (1989:253) 2 §: the Sunday after the full moon on or next after 21 March. The law says no more; in
    practice that moon is the ecclesiastical one of the Gregorian tables (not the astronomical, which differs
    in some years, such as 2019), and that is what this computes, as every Swedish almanac does.
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _saturday_between(year: int, month: int, first: int) -> date:
    """The Saturday among the seven days from `first` of the month (midsummer day, All Saints' day)."""
    start = date(year, month, first)
    return start + timedelta(days=(5 - start.weekday()) % 7)


@functools.lru_cache(maxsize=8)
def holidays(year: int) -> dict[date, str]:
    """The public holidays of the year (allmänna helgdagar, lag (1989:253) 1–2 §§) other than plain Sundays.

    Påskdagen and pingstdagen are Sundays and listed by name, as the law names them.
    """
    sunday = easter(year)
    days = {
        date(year, 1, 1): "nyårsdagen", date(year, 1, 6): "trettondedag jul",
        sunday - timedelta(days=2): "långfredagen", sunday: "påskdagen", sunday + timedelta(days=1): "annandag påsk",
        sunday + timedelta(days=39): "Kristi himmelsfärdsdag", sunday + timedelta(days=49): "pingstdagen",
        date(year, 5, 1): "första maj", date(year, 6, 6): "nationaldagen",
        _saturday_between(year, 6, 20): "midsommardagen", _saturday_between(year, 10, 31): "alla helgons dag",
        date(year, 12, 25): "juldagen", date(year, 12, 26): "annandag jul",
    }
    return dict(sorted(days.items()))


def not_a_weekday(day: date) -> str:
    """Why an action due on `day` may wait for the next weekday (2 § lag (1930:173)), or "" on a weekday.

    The law's list: Sunday, another public holiday, Saturday, midsummer eve, Christmas eve, New Year's eve.
    """
    named = holidays(day.year).get(day)
    if named:
        return named
    if day == _saturday_between(day.year, 6, 20) - timedelta(days=1):
        return "midsommarafton"
    eve = {(12, 24): "julafton", (12, 31): "nyårsafton"}.get((day.month, day.day), "")
    return eve or {5: "lördag", 6: "söndag"}.get(day.weekday(), "")


def add_months(start: date, months: int) -> date:
    """The day with the same number `months` later, or that month's last day where it has none (1 §)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(start.day, (following - timedelta(days=1)).day))


def period_end(start: date, unit: str, count: int) -> date:
    """The last day of a period of `count` days, weeks or months from `start` (1 §; days in calendar days)."""
    if unit == "days":
        return start + timedelta(days=count)
    if unit == "weeks":
        return start + timedelta(weeks=count)
    if unit == "months":
        return add_months(start, count)
    raise ValueError(f"unknown unit of a period: {unit}")


def next_weekday(day: date) -> date:
    """The first day from `day` on which an action may be taken: `day` itself where it is a weekday (2 §)."""
    while not_a_weekday(day):
        day += timedelta(days=1)
    return day


def next_opening(at: datetime, opens: str, closes: str) -> datetime | None:
    """None where `at` is within the hours on a weekday; else when they next begin.

    A weekday as 2 § of lag (1930:173) counts them: Saturdays, Sundays, public holidays and the three eves
    are none.
    """
    begin, end = time.fromisoformat(opens), time.fromisoformat(closes)
    if not not_a_weekday(at.date()) and begin <= at.time() < end:
        return None
    day = at.date() if at.time() < begin else at.date() + timedelta(days=1)
    return datetime.combine(next_weekday(day), begin)


class Due(Record):
    """A deadline as a date: the period's last day, and the day the action may wait for where that is no weekday.

    `moved` is why the last day is no weekday ("lördag", "juldagen"), "" where it is one or the rule does not
    apply; `kept` the same where the rule does not apply and the last day stands all the same (the
    investigation's four months ending on a Sunday); `day` is the date to act by; `event` the event counted
    from, in words ("anmälan").
    """

    start: date
    last: date
    day: date
    moved: str = ""
    event: str = ""
    kept: str = ""


def due(start: date, unit: str, count: int, next_weekday_rule: bool, event: str = "", ends: bool = False) -> Due:
    """The deadline of a period from `start`; with `next_weekday_rule`, moved past a day that is no weekday.

    `ends`: a validity that runs out (a permit's thirty days), no action due by it. It counts its first day,
    `start`, as day 1 (30 days from 1 December are 1–30 December), the earlier of the two readings, and its
    last day is neither moved past nor "kept" (2 § lag (1930:173) is about actions).
    """
    last = period_end(start, unit, count)
    if ends:
        last -= timedelta(days=1)
        return Due(start, last, last, "", event)
    if not next_weekday_rule:
        return Due(start, last, last, "", event, not_a_weekday(last))
    why = not_a_weekday(last)
    return Due(start, last, next_weekday(last) if why else last, why, event)


class CaseDays(Record):
    """The days a case's deadlines run from: one for every event (`every`), or an event's own (by its id)."""

    every: date | None = None
    events: tuple[tuple[str, date], ...] = ()

    def of(self, event: str, by_name: bool = False) -> date | None:
        """The day `event` is counted from; an event dated `by_name` only never takes the day given for all."""
        return dict(self.events).get(event, None if by_name else self.every)

    @property
    def one_day(self) -> bool:
        """Whether every event is counted from the same day, the one given for all."""
        return not self.events


SHORT_WEEKDAYS = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
SHORT_MONTHS = ("jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec")


def short_date(day: date, year: bool = True) -> str:
    """"fre 4 dec 2026": the short screen's form, as Swedish calendars abbreviate."""
    text = f"{SHORT_WEEKDAYS[day.weekday()]} {day.day} {SHORT_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def long_date(day: date, year: bool = True) -> str:
    """"fredag 4 december 2026", in Swedish whatever the locale."""
    text = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


FIRST_YEAR, LAST_YEAR = 2005, 2099  # the holidays as lag (1989:253) has them since 2005 (nationaldagen)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_WORDS = {"idag": 0, "i dag": 0, "igår": 1, "i går": 1}


def parse_day(text: str, today: date) -> date:
    """The day a user gives (2026-11-27, idag, igår); ValueError with a Swedish sentence otherwise."""
    said = " ".join(text.split()).lower()
    if said in _WORDS:  # today's date is checked too: MHSTOD_TODAY=9999-12-31 ended in an OverflowError
        if not FIRST_YEAR <= today.year <= LAST_YEAR or (today - timedelta(days=_WORDS[said])).year < FIRST_YEAR:
            raise ValueError(f"datum från {FIRST_YEAR} till {LAST_YEAR}: dagens datum är {today.isoformat()}")
        return today - timedelta(days=_WORDS[said])
    try:
        if not _ISO_DAY.fullmatch(said):  # fromisoformat also reads 20261127 and 2026-W48-5
            raise ValueError
        day = date.fromisoformat(said)
    except ValueError:
        from mhstod.errors import shown

        raise ValueError(f"{shown(text, 40)} är inget datum: skriv ÅÅÅÅ-MM-DD, till exempel "
                         f"{today.isoformat()}, eller idag") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"datum från {FIRST_YEAR} till {LAST_YEAR}: helgdagarna räknas som lagen har dem sedan "
                         f"{FIRST_YEAR}")
    return day
