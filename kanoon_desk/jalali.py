"""Jalali (Solar Hijri) dates and the working calendar (Qt-free).

Tehran time, formatting in Persian digits, parsing a typed date (its ValueErrors carry the
MSG_DATE_* sentences), Jalali month/season/year bounds, the Saturday week and `WorkingCalendar`.
Everything here is re-exported by `kanoon_desk.persian`, so `persian.format_jalali_date` and
friends keep working.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime

from .errors import QT_TRANSLATE_NOOP, InputError
from .persian_script import ZWNJ, normalize, to_persian_digits

__all__ = [
    "JALALI_MONTHS",
    "JALALI_YEAR_MAX",
    "JALALI_YEAR_MIN",
    "MSG_DATE_DAY_INVALID",
    "MSG_DATE_EMPTY",
    "MSG_DATE_ESFAND_30",
    "MSG_DATE_GREGORIAN",
    "MSG_DATE_INVALID",
    "MSG_DATE_MONTH_INVALID",
    "MSG_DATE_YEAR_RANGE",
    "SEASONS_FA",
    "TEHRAN",
    "WEEKDAYS_FA",
    "WorkingCalendar",
    "format_jalali_date",
    "format_jalali_datetime",
    "format_jalali_long",
    "jalali_month_bounds",
    "jalali_month_key",
    "jalali_season",
    "jalali_season_bounds",
    "jalali_year",
    "jalali_year_bounds",
    "parse_jalali_date",
    "season_name",
    "week_start_saturday",
]

# --------------------------------------------------------------------------------------------------
# Messages shown to the user (the text of the ValueError parse_jalali_date raises).
# --------------------------------------------------------------------------------------------------

MSG_DATE_EMPTY = QT_TRANSLATE_NOOP("Errors", "لطفاً تاریخ را وارد کنید.")
MSG_DATE_INVALID = QT_TRANSLATE_NOOP("Errors", "تاریخ معتبر نیست؛ لطفاً تاریخ شمسی را به شکل سال/ماه/روز وارد کنید، مانند ۱۴۰۳/۰۵/۱۲.")
MSG_DATE_GREGORIAN = QT_TRANSLATE_NOOP(
    "Errors",
    "به نظر می‌رسد این تاریخ میلادی است؛ لطفاً تاریخ شمسی (هجری خورشیدی) وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."
)
MSG_DATE_YEAR_RANGE = QT_TRANSLATE_NOOP("Errors", "سال باید بین ۱۳۰۰ و ۱۵۰۰ باشد؛ لطفاً سال شمسی را درست وارد کنید.")
MSG_DATE_MONTH_INVALID = QT_TRANSLATE_NOOP("Errors", "ماه باید عددی از ۱ تا ۱۲ باشد؛ لطفاً ماه را درست وارد کنید.")
# Filled with Persian digits: month (name), days, day.
MSG_DATE_DAY_INVALID = QT_TRANSLATE_NOOP("Errors", "ماه {month} {days} روز دارد؛ روز {day} در این ماه وجود ندارد.")
# Filled with Persian digits: year.
MSG_DATE_ESFAND_30 = QT_TRANSLATE_NOOP("Errors", "سال {year} کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست.")

# --------------------------------------------------------------------------------------------------
# Jalali (Solar Hijri) dates
# --------------------------------------------------------------------------------------------------

try:
    TEHRAN: tzinfo = ZoneInfo("Asia/Tehran")
except ZoneInfoNotFoundError:  # no tzdata: Iran has kept +03:30 all year since 2022
    TEHRAN = timezone(timedelta(hours=3, minutes=30), "Asia/Tehran")

JALALI_MONTHS: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
# Saturday first, as the Iranian week runs; index with (d.weekday() + 2) % 7.
WEEKDAYS_FA: tuple[str, ...] = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
SEASONS_FA: tuple[str, ...] = ("بهار", "تابستان", "پاییز", "زمستان")

JALALI_YEAR_MIN = 1300
JALALI_YEAR_MAX = 1500


def _local_date(d: date, tz: tzinfo = TEHRAN) -> date:
    """A date as is; a datetime is an instant (naive means UTC) and gives its date in `tz`."""
    if isinstance(d, datetime):
        if d.tzinfo is None:
            d = d.replace(tzinfo=UTC)
        return d.astimezone(tz).date()
    return d


def _jalali(d: date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=_local_date(d))


def format_jalali_date(d: date) -> str:
    """Year-first Jalali date in Persian digits: date(2024, 8, 2) -> "۱۴۰۳/۰۵/۱۲".

    A datetime is taken as an instant (naive means UTC) and shown as its date in Tehran.
    """
    j = _jalali(d)
    return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")


def format_jalali_datetime(dt: datetime, tz: tzinfo = TEHRAN) -> str:
    """Jalali date and 24-hour time in `tz` (Tehran by default): "۱۴۰۳/۰۵/۱۲ ۱۴:۰۵".

    Stored datetimes are UTC; a naive datetime (SQLite drops tzinfo) is therefore taken as UTC.
    """
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    local = dt.astimezone(tz)
    j = jdatetime.date.fromgregorian(date=local.date())
    return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d} {local.hour:02d}:{local.minute:02d}")


def format_jalali_long(d: date) -> str:
    """Weekday, day, month name and year: date(2024, 8, 2) -> "جمعه ۱۲ مرداد ۱۴۰۳"."""
    local = _local_date(d)
    j = jdatetime.date.fromgregorian(date=local)
    weekday = WEEKDAYS_FA[(local.weekday() + 2) % 7]
    return f"{weekday} {to_persian_digits(j.day)} {JALALI_MONTHS[j.month - 1]} {to_persian_digits(j.year)}"


def jalali_year(d: date) -> int:
    """The Jalali year of a date."""
    return int(_jalali(d).year)


def jalali_month_key(d: date) -> tuple[int, int]:
    """(Jalali year, month 1..12): a key for grouping by Jalali month."""
    j = _jalali(d)
    return int(j.year), int(j.month)


def jalali_season(d: date) -> tuple[int, int]:
    """(Jalali year, season 1..4): بهار is months 1–3, تابستان 4–6, پاییز 7–9, زمستان 10–12."""
    year, month = jalali_month_key(d)
    return year, (month - 1) // 3 + 1


def season_name(n: int) -> str:
    """Persian name of season 1..4 (بهار، تابستان، پاییز، زمستان)."""
    if not 1 <= n <= 4:
        raise ValueError(f"season must be 1..4, not {n}")
    return SEASONS_FA[n - 1]


def _days_in_jalali_month(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def _check_year_month(year: int, month: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"Jalali month must be 1..12, not {month}")
    if not jdatetime.MINYEAR <= year <= jdatetime.MAXYEAR - 1:
        raise ValueError(f"Jalali year out of range: {year}")


def jalali_month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian date of a Jalali month (both inclusive)."""
    _check_year_month(year, month)
    first = jdatetime.date(year, month, 1).togregorian()
    last = jdatetime.date(year, month, _days_in_jalali_month(year, month)).togregorian()
    return first, last


def jalali_season_bounds(year: int, season: int) -> tuple[date, date]:
    """First and last Gregorian date of a Jalali season 1..4 (both inclusive)."""
    if not 1 <= season <= 4:
        raise ValueError(f"season must be 1..4, not {season}")
    first, _ = jalali_month_bounds(year, 3 * season - 2)
    _, last = jalali_month_bounds(year, 3 * season)
    return first, last


def jalali_year_bounds(year: int) -> tuple[date, date]:
    """First (1 Farvardin) and last (29 or 30 Esfand) Gregorian date of a Jalali year."""
    first, _ = jalali_month_bounds(year, 1)
    _, last = jalali_month_bounds(year, 12)
    return first, last


_DATE_SEP = r"\s*[/\-.\\\u066b]\s*"
_DATE_SHAPE = re.compile(rf"([0-9]{{4}}){_DATE_SEP}([0-9]{{1,2}}){_DATE_SEP}([0-9]{{1,2}})")
_DATE_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_DATE_YEAR_LAST = re.compile(rf"[0-9]{{1,2}}{_DATE_SEP}[0-9]{{1,2}}{_DATE_SEP}([0-9]{{4}})")


def _looks_gregorian(year: int) -> bool:
    return 1900 <= year <= 2199


def parse_jalali_date(text: str) -> date:
    """A typed Jalali date as a Gregorian `date`.

    Accepts year/month/day with "/", "-" or "." ("1403/05/12", "۱۴۰۳/۵/۱۲", "1403-05-12") and the
    compact "14030512", in any digits. Raises ValueError whose text is one of the MSG_DATE_* messages,
    ready to show: empty, wrong shape, a Gregorian-looking year, a year outside 1300–1500, a month
    outside 1–12, or a day the month does not have (30 Esfand only in leap years).
    """
    cleaned = normalize(text).replace(ZWNJ, "")
    if not cleaned:
        raise InputError(MSG_DATE_EMPTY)
    match = _DATE_SHAPE.fullmatch(cleaned) or _DATE_COMPACT.fullmatch(cleaned)
    if match is None:
        year_last = _DATE_YEAR_LAST.fullmatch(cleaned)
        if year_last is not None and _looks_gregorian(int(year_last.group(1))):
            raise InputError(MSG_DATE_GREGORIAN)
        raise InputError(MSG_DATE_INVALID)
    year, month, day = (int(g) for g in match.groups())
    if _looks_gregorian(year):
        raise InputError(MSG_DATE_GREGORIAN)
    if not JALALI_YEAR_MIN <= year <= JALALI_YEAR_MAX:
        raise InputError(MSG_DATE_YEAR_RANGE)
    if not 1 <= month <= 12:
        raise InputError(MSG_DATE_MONTH_INVALID)
    days = _days_in_jalali_month(year, month)
    if not 1 <= day <= days:
        if month == 12 and day == 30:
            raise InputError(MSG_DATE_ESFAND_30, year=year)
        raise InputError(MSG_DATE_DAY_INVALID, month=JALALI_MONTHS[month - 1], days=days, day=day)
    try:
        parsed: date = jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:  # jdatetime has the last word on what exists
        raise InputError(MSG_DATE_INVALID) from exc
    return parsed


# --------------------------------------------------------------------------------------------------
# Working calendar
# --------------------------------------------------------------------------------------------------


def week_start_saturday(d: date) -> date:
    """The Saturday on or before `d` (the Iranian week starts on Saturday)."""
    d = _local_date(d)
    return d - timedelta(days=(d.weekday() - 5) % 7)


class WorkingCalendar:
    """Working days: not a weekend day (Python weekday numbers; Friday == 4) and not a holiday.

    Dates only; a datetime argument is taken as an instant (naive means UTC) on its Tehran date.
    Counting is a subtraction in a table of working days to date (built for the years counted in,
    spans up to `_TABLE_SPAN` days wide; wider ones are counted by weeks and holidays, O(log
    holidays)); adding is O(n / 7) week jumps plus at most a week of single steps.
    """

    #: the widest range of days the table of working days to date covers (about 60 years)
    _TABLE_SPAN = 22_000
    #: the days the table reaches beyond the ones asked about, so that neighbours are counted by it too
    _TABLE_MARGIN = 800

    def __init__(self, holidays: Iterable[date] = (), weekend: frozenset[int] = frozenset({4})) -> None:
        weekend = frozenset(weekend)
        if not weekend <= set(range(7)):
            raise ValueError(f"weekend days are date.weekday() numbers 0..6, not {sorted(weekend)}")
        if len(weekend) == 7:
            raise ValueError("a week needs at least one working day")
        self._weekend = weekend
        self._holidays = frozenset(_local_date(h) for h in holidays)
        # Holidays that fall on a working weekday, sorted: the only ones that change a count.
        self._weekday_holidays = sorted(h for h in self._holidays if h.weekday() not in weekend)
        self._per_week = 7 - len(weekend)
        # (first day's ordinal, working days from that day to each day, the day itself included):
        # replaced whole when it grows, so threads reading it meanwhile see one table or the other
        self._table: tuple[int, list[int]] = (0, [])

    @property
    def weekend(self) -> frozenset[int]:
        return self._weekend

    @property
    def holidays(self) -> frozenset[date]:
        return self._holidays

    def is_working_day(self, d: date) -> bool:
        d = _local_date(d)
        return d.weekday() not in self._weekend and d not in self._holidays

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        d = _local_date(d) + timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def open_on_or_after(self, d: date) -> date:
        """`d` when it is a working day, else the first working day after it: the day a thing due on a
        Friday or a holiday (a day made one after the date was given) can first be done."""
        d = _local_date(d)
        return d if self.is_working_day(d) else self.next_working_day(d)

    def last_working_day_before(self, d: date) -> date:
        """The last working day strictly before `d`."""
        d = _local_date(d) - timedelta(days=1)
        while not self.is_working_day(d):
            d -= timedelta(days=1)
        return d

    def days_late(self, due: date, today: date) -> int:
        """Working days a thing due on `due` is late by `today`: 0 while its due day (moved to the
        next working day when it is closed) has not passed, else the working days from that day up
        to `today` (excluded): a book due on a Thursday is one day late on the Saturday, and one due
        before Nowruz is not late on the closed days (nobody could bring it)."""
        due = self.open_on_or_after(due)
        today = _local_date(today)
        if today <= due:
            return 0
        return self.working_days_between(due - timedelta(days=1), today - timedelta(days=1))

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]: start excluded, end included; 0 if end <= start."""
        a, b = _local_date(start).toordinal(), _local_date(end).toordinal()
        if b <= a:
            return 0
        first, table = self._table
        if a < first or b >= first + len(table):
            first, table = self._grow(a, b)
            if not table:
                return self._count(_local_date(start), _local_date(end))
        return table[b - first] - table[a - first]

    def _grow(self, a: int, b: int) -> tuple[int, list[int]]:
        """The table widened to cover the days `a`..`b` (ordinals), or an empty one if that would
        take more than `_TABLE_SPAN` days (then counting falls back to `_count`)."""
        first, table = self._table
        lo, hi = a - self._TABLE_MARGIN, b + self._TABLE_MARGIN
        if table:
            lo, hi = min(lo, first), max(hi, first + len(table) - 1)
        lo, hi = max(lo, 1), min(hi, date.max.toordinal())
        if hi - lo >= self._TABLE_SPAN:
            return (0, [])
        counts: list[int] = []
        n = 0
        weekday = date.fromordinal(lo).weekday()
        for ordinal in range(lo, hi + 1):
            if weekday not in self._weekend and date.fromordinal(ordinal) not in self._holidays:
                n += 1
            counts.append(n)
            weekday = (weekday + 1) % 7
        self._table = (lo, counts)
        return self._table

    def _count(self, start: date, end: date) -> int:
        """Working days in (start, end] by whole weeks and the holidays on weekdays between them."""
        total = (end - start).days
        if total <= 0:
            return 0
        weeks, rest = divmod(total, 7)
        count = weeks * self._per_week
        first_weekday = start.weekday()
        count += sum(1 for k in range(1, rest + 1) if (first_weekday + k) % 7 not in self._weekend)
        lo = bisect_right(self._weekday_holidays, start)
        hi = bisect_right(self._weekday_holidays, end)
        return count - (hi - lo)

    def add_working_days(self, start: date, n: int) -> date:
        """The day that is `n` working days after `start` (start itself is not counted).

        n == 0 returns `start` when it is a working day, otherwise the next working day: a deadline of
        "zero working days" from a Friday or a holiday falls on the following working day. So the
        result is always a working day, and working_days_between(start, result) == n for n >= 1.
        """
        if n < 0:
            raise ValueError(f"n must be >= 0, not {n}")
        day = _local_date(start)
        if n == 0:
            return day if self.is_working_day(day) else self.next_working_day(day)
        remaining = n
        # Jump whole weeks (leaving at least one day to step to, so we land on a working day), then
        # count what the jump really gave: holidays make it less than a full week's worth.
        while remaining > self._per_week:
            target = day + timedelta(weeks=(remaining - 1) // self._per_week)
            remaining -= self.working_days_between(day, target)
            day = target
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day
