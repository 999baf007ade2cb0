"""The case's dates: Swedish public holidays, periods of days, weeks and months, and the next weekday."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mhstod.dates import add_months, due, easter, holidays, long_date, next_weekday, not_a_weekday, parse_day


@pytest.mark.parametrize(("year", "sunday"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                              (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)),
                                              (2038, date(2038, 4, 25)), (2285, date(2285, 3, 22))])
def test_easter_sunday(year: int, sunday: date) -> None:
    assert easter(year) == sunday


def test_the_holidays_are_sweden_s_from_2005_to_2099() -> None:
    """Checked day by day against the holidays package (its Swedish calendar), not against our own list."""
    import holidays as reference

    for year in range(2005, 2100):
        theirs = {d for d in reference.Sweden(years=year, include_sundays=False)}
        ours = set(holidays(year))
        assert ours == theirs, (year, sorted(ours ^ theirs))


def test_the_days_an_action_may_wait_for_the_next_weekday_in_2026() -> None:
    eves = {day: not_a_weekday(day) for day in (date(2026, 6, 19), date(2026, 12, 24), date(2026, 12, 31))}
    assert eves == {date(2026, 6, 19): "midsommarafton", date(2026, 12, 24): "julafton",
                    date(2026, 12, 31): "nyårsafton"}
    assert not_a_weekday(date(2026, 4, 3)) == "långfredagen"
    assert not_a_weekday(date(2026, 4, 6)) == "annandag påsk"
    assert not_a_weekday(date(2026, 5, 14)) == "Kristi himmelsfärdsdag"
    assert not_a_weekday(date(2026, 11, 28)) == "lördag" and not_a_weekday(date(2026, 11, 29)) == "söndag"
    assert not_a_weekday(date(2026, 10, 31)) == "alla helgons dag"  # a Saturday, said by its name
    weekdays = [d for d in (date(2026, 1, 1) + timedelta(days=n) for n in range(365)) if not not_a_weekday(d)]
    assert len(weekdays) == 365 - 104 - 7 - 3  # weekends, the 7 holidays on a weekday, the three eves
    assert date(2026, 4, 2) in weekdays and date(2026, 6, 18) in weekdays  # skärtorsdagen is a weekday


@pytest.mark.parametrize(("start", "unit", "count", "last", "day", "moved"), [
    # 7 § LVU from a Friday: a Friday, as the example
    (date(2026, 11, 27), "weeks", 1, date(2026, 12, 4), date(2026, 12, 4), ""),
    # across a weekend: a week from a Saturday ends on a Saturday, acted on Monday
    (date(2026, 11, 28), "weeks", 1, date(2026, 12, 5), date(2026, 12, 7), "lördag"),
    # a public holiday and the days after it: juldagen (Fri), annandag jul (Sat), Sunday → Monday 28
    (date(2026, 11, 27), "weeks", 4, date(2026, 12, 25), date(2026, 12, 28), "juldagen"),
    # the turn of the year: nyårsafton, nyårsdagen, Saturday 2 and Sunday 3 January, then Monday 4
    (date(2026, 12, 17), "days", 14, date(2026, 12, 31), date(2027, 1, 4), "nyårsafton"),
    (date(2026, 12, 18), "days", 14, date(2027, 1, 1), date(2027, 1, 4), "nyårsdagen"),
    # Easter: four months from 27 November end on Saturday 27 March 2027; påskdagen and annandag påsk follow
    (date(2026, 11, 27), "months", 4, date(2027, 3, 27), date(2027, 3, 30), "lördag"),
    # months: the same date, or the month's last where there is none; a leap day
    (date(2027, 10, 31), "months", 4, date(2028, 2, 29), date(2028, 2, 29), ""),
    (date(2026, 10, 31), "months", 4, date(2027, 2, 28), date(2027, 3, 1), "söndag"),
    (date(2028, 2, 29), "months", 4, date(2028, 6, 29), date(2028, 6, 29), ""),
    (date(2028, 2, 15), "days", 14, date(2028, 2, 29), date(2028, 2, 29), ""),
    # midsommarafton 2027 is Friday 25 June; midsommardagen Saturday 26 → Monday 28
    (date(2027, 6, 11), "days", 14, date(2027, 6, 25), date(2027, 6, 28), "midsommarafton"),
])
def test_a_deadline_s_date(start: date, unit: str, count: int, last: date, day: date, moved: str) -> None:
    counted = due(start, unit, count, next_weekday_rule=True)
    assert (counted.last, counted.day, counted.moved) == (last, day, moved)
    assert due(start, unit, count, next_weekday_rule=False).day == last  # where the rule does not apply


def test_months_from_every_day_of_two_years_land_in_the_right_month() -> None:
    for n in range(731):
        start = date(2027, 1, 1) + timedelta(days=n)
        for months in (1, 4, 12):
            end = add_months(start, months)
            assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
            assert end.day == start.day or (end.day < start.day and (end + timedelta(days=1)).day == 1)


def test_next_weekday_is_never_a_day_off() -> None:
    for n in range(800):
        day = next_weekday(date(2026, 1, 1) + timedelta(days=n))
        assert day.weekday() < 5 and not not_a_weekday(day)


def test_dates_are_said_in_swedish() -> None:
    assert long_date(date(2026, 12, 4)) == "fredag 4 december 2026"
    assert long_date(date(2027, 3, 27), year=False) == "lördag 27 mars"


@pytest.mark.parametrize(("text", "day"), [("2026-11-27", date(2026, 11, 27)), (" 2026-11-27 ", date(2026, 11, 27)),
                                           ("idag", date(2026, 11, 23)), ("i dag", date(2026, 11, 23)),
                                           ("igår", date(2026, 11, 22)), ("I går", date(2026, 11, 22)),
                                           ("2028-02-29", date(2028, 2, 29))])
def test_a_starting_day_as_people_write_it(text: str, day: date) -> None:
    assert parse_day(text, today=date(2026, 11, 23)) == day


@pytest.mark.parametrize("text", ["27/11", "2026-02-30", "2027-02-29", "1999-01-01", "2100-01-01", "", "x" * 500,
                                  "2026-11-27\x1b[2J", "26-11-27", "2026-W48-5", "20261127"])
def test_a_day_that_is_no_date_is_one_swedish_line(text: str) -> None:
    with pytest.raises(ValueError, match="datum") as caught:
        parse_day(text, today=date(2026, 11, 23))
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value) and len(str(caught.value)) < 160
