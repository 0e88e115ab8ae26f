"""Persian text, Iranian identifiers, check digits, Jalali dates and the working calendar (Qt-free)."""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime

__all__ = [
    "JALALI_MONTHS",
    "MSG_DATE_DAY_INVALID",
    "MSG_DATE_EMPTY",
    "MSG_DATE_ESFAND_30",
    "MSG_DATE_GREGORIAN",
    "MSG_DATE_INVALID",
    "MSG_DATE_MONTH_INVALID",
    "MSG_DATE_YEAR_RANGE",
    "MSG_ISBN_INVALID",
    "MSG_MOBILE_INVALID",
    "MSG_NATIONAL_ID_INVALID",
    "SEASONS_FA",
    "TEHRAN",
    "WEEKDAYS_FA",
    "WorkingCalendar",
    "ZWNJ",
    "damm_check_digit",
    "damm_is_valid",
    "format_jalali_date",
    "format_jalali_datetime",
    "format_jalali_long",
    "format_number",
    "is_valid_isbn",
    "is_valid_mobile",
    "is_valid_national_id",
    "jalali_month_bounds",
    "jalali_month_key",
    "jalali_season",
    "jalali_season_bounds",
    "jalali_year",
    "jalali_year_bounds",
    "normalize",
    "normalize_isbn",
    "normalize_mobile",
    "normalize_national_id",
    "parse_jalali_date",
    "search_key",
    "season_name",
    "to_ascii_digits",
    "to_persian_digits",
    "week_start_saturday",
]

# --------------------------------------------------------------------------------------------------
# Messages shown to the user (the text of the ValueError we raise).
# --------------------------------------------------------------------------------------------------

MSG_NATIONAL_ID_INVALID = "کد ملی معتبر نیست؛ لطفاً کد ملی ۱۰ رقمی را دوباره بررسی و وارد کنید."
MSG_MOBILE_INVALID = "شماره همراه معتبر نیست؛ لطفاً آن را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید."
MSG_ISBN_INVALID = "شابک معتبر نیست؛ لطفاً شابک ۱۰ یا ۱۳ رقمی کتاب را دوباره بررسی کنید."
MSG_DATE_EMPTY = "لطفاً تاریخ را وارد کنید."
MSG_DATE_INVALID = "تاریخ معتبر نیست؛ لطفاً تاریخ شمسی را به شکل سال/ماه/روز وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."
MSG_DATE_GREGORIAN = (
    "به نظر می‌رسد این تاریخ میلادی است؛ لطفاً تاریخ شمسی (هجری خورشیدی) وارد کنید، مانند ۱۴۰۳/۰۵/۱۲."
)
MSG_DATE_YEAR_RANGE = "سال باید بین ۱۳۰۰ و ۱۵۰۰ باشد؛ لطفاً سال شمسی را درست وارد کنید."
MSG_DATE_MONTH_INVALID = "ماه باید عددی از ۱ تا ۱۲ باشد؛ لطفاً ماه را درست وارد کنید."
# Filled with Persian digits: month (name), days, day.
MSG_DATE_DAY_INVALID = "ماه {month} {days} روز دارد؛ روز {day} در این ماه وجود ندارد."
# Filled with Persian digits: year.
MSG_DATE_ESFAND_30 = "سال {year} کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست."

# --------------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------------

ZWNJ = "\u200c"  # zero-width non-joiner (نیم‌فاصله): part of Persian spelling, always kept

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_ASCII_DIGITS = "0123456789"

_TO_ASCII_DIGITS = str.maketrans(_PERSIAN_DIGITS + _ARABIC_DIGITS, _ASCII_DIGITS * 2)
_TO_PERSIAN_DIGITS = str.maketrans(_ASCII_DIGITS, _PERSIAN_DIGITS)

_INVISIBLE = (
    "\u200b\u200d\ufeff\u2060\u00ad"  # zero-width space / joiner, BOM, word joiner, soft hyphen
    "\u200e\u200f\u061c"  # LRM, RLM, Arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
    "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
)
_DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670"
_TATWEEL = "\u0640"

_NORMALIZE_TABLE: dict[int, int | str | None] = {
    **_TO_ASCII_DIGITS,
    ord("\u064a"): "\u06cc",  # ي Arabic yeh -> ی
    ord("\u0649"): "\u06cc",  # ى alef maksura -> ی
    ord("\u0643"): "\u06a9",  # ك Arabic kaf -> ک
    **{ord(c): None for c in _INVISIBLE + _DIACRITICS + _TATWEEL},
}

# Arabic presentation forms (text copied out of PDFs) fold to the ordinary letters.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]+")
_SPACE_OR_ZWNJ_RUN = re.compile(r"[\s\u200c]+")


def _fold_presentation(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _collapse_run(match: re.Match[str]) -> str:
    run = match.group()
    return ZWNJ if run.strip(ZWNJ) == "" else " "


def normalize(text: str) -> str:
    """Canonical form for storage and search.

    Arabic ي/ى and ك become Persian ی and ک; Persian and Arabic-Indic digits become ASCII; tatweel,
    Arabic diacritics (U+064B–U+065F, U+0670), zero-width characters other than ZWNJ and bidi
    control marks are removed; ة and ۀ are kept. Runs of whitespace become one space. A ZWNJ is kept
    between letters, but a run of ZWNJs becomes one and a ZWNJ touching a space or either end of the
    text is dropped (it has no effect there). Text is NFC-composed and Arabic presentation forms are
    folded to the plain letters. The result is idempotent: normalize(normalize(s)) == normalize(s).
    """
    text = unicodedata.normalize("NFC", text)
    text = _PRESENTATION_FORMS.sub(_fold_presentation, text)
    text = text.translate(_NORMALIZE_TABLE)
    text = unicodedata.normalize("NFC", text)  # removing marks can unblock a composition
    text = _SPACE_OR_ZWNJ_RUN.sub(_collapse_run, text)
    return text.strip(" " + ZWNJ)


def search_key(text: str) -> str:
    """normalize(), case-folded, with ZWNJ as a space: "می‌روم" and "می روم" give the same key."""
    return normalize(text.casefold()).replace(ZWNJ, " ")


def to_persian_digits(text: str | int) -> str:
    """ASCII digits to Persian digits (۰–۹); every other character is left as it is."""
    return str(text).translate(_TO_PERSIAN_DIGITS)


#: A letter of the Arabic script (Persian letters included), not a digit or a punctuation mark.
_ARABIC_SCRIPT_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc\u06ff]")


def script_digits(text: str) -> str:
    """Stored text for display: digits take the script of the text they stand in.

    Text is stored with ASCII digits (`normalize`), so a title "راز ماه (جلد 3)" is shown
    "راز ماه (جلد ۳)". Text with no Persian letter — a barcode, an ISBN, a Latin title — is left
    as it is: "978-964-123" and "Harry Potter 2" keep their digits."""
    if _ARABIC_SCRIPT_LETTER.search(text) is None:
        return text
    return text.translate(_TO_PERSIAN_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; every other character is left as it is."""
    return text.translate(_TO_ASCII_DIGITS)


def format_number(n: int) -> str:
    """An integer in Persian digits with the Persian thousands separator: 1234567 -> "۱٬۲۳۴٬۵۶۷"."""
    return to_persian_digits(f"{operator.index(n):,}").replace(",", "\u066c")


# --------------------------------------------------------------------------------------------------
# Identifiers: national ID (کد ملی), mobile number, ISBN (شابک)
# --------------------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")


def _digits_only(text: str) -> str:
    """normalize() (digits to ASCII, invisible marks removed) and drop spaces, dashes and dots."""
    return _SEPARATORS.sub("", normalize(text).replace(ZWNJ, ""))


def _national_id_ok(code: str) -> bool:
    if re.fullmatch("[0-9]{10}", code) is None or len(set(code)) == 1:
        return False
    digits = [int(c) for c in code]
    s = sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
    return digits[9] == (s if s < 2 else 11 - s)


def is_valid_national_id(code: str) -> bool:
    """Iranian national ID (کد ملی): 10 digits (Persian digits, spaces and dashes allowed), not all
    the same digit, with a correct check digit."""
    return _national_id_ok(_digits_only(code))


def normalize_national_id(code: str) -> str:
    """The national ID as 10 ASCII digits; ValueError(MSG_NATIONAL_ID_INVALID) if it is not valid."""
    cleaned = _digits_only(code)
    if not _national_id_ok(cleaned):
        raise ValueError(MSG_NATIONAL_ID_INVALID)
    return cleaned


_MOBILE = re.compile(r"(?:\+98|0098|98)?0?(9[0-9]{9})")


def normalize_mobile(text: str) -> str:
    """An Iranian mobile number as "09xxxxxxxxx".

    Accepts 09121234567, 9121234567, +989121234567, 00989121234567, 989121234567 (and +98 0912...),
    in any digits, with spaces, dashes or parentheses. ValueError(MSG_MOBILE_INVALID) otherwise.
    """
    cleaned = _digits_only(text).replace("(", "").replace(")", "")
    match = _MOBILE.fullmatch(cleaned)
    if match is None:
        raise ValueError(MSG_MOBILE_INVALID)
    return "0" + match.group(1)


def is_valid_mobile(text: str) -> bool:
    """Whether normalize_mobile() would accept the text."""
    try:
        normalize_mobile(text)
    except ValueError:
        return False
    return True


_ISBN_PREFIX = re.compile(r"^(?:isbn(?:-?1[03])?|شابک)\s*:?\s*", re.IGNORECASE)


def _isbn_ok(isbn: str) -> bool:
    if re.fullmatch("[0-9]{9}[0-9X]", isbn):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(isbn))
        return total % 11 == 0
    if re.fullmatch("97[89][0-9]{10}", isbn):
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(isbn))
        return total % 10 == 0
    return False


def _clean_isbn(text: str) -> str:
    return _digits_only(_ISBN_PREFIX.sub("", normalize(text))).upper()


def is_valid_isbn(text: str) -> bool:
    """ISBN-10 (check digit may be X) or ISBN-13 (978/979), with hyphens, spaces, Persian digits and an
    optional "ISBN" / "شابک" label allowed."""
    return _isbn_ok(_clean_isbn(text))


def normalize_isbn(text: str) -> str:
    """The ISBN as digits (and a final upper-case X for ISBN-10); ValueError(MSG_ISBN_INVALID) if
    invalid. ISBN-10 stays ISBN-10: no conversion to ISBN-13."""
    cleaned = _clean_isbn(text)
    if not _isbn_ok(cleaned):
        raise ValueError(MSG_ISBN_INVALID)
    return cleaned


# --------------------------------------------------------------------------------------------------
# Damm check digit (tracking codes)
# --------------------------------------------------------------------------------------------------

# A totally anti-symmetric quasigroup of order 10 (Damm 2004): catches every single-digit error and
# every transposition of adjacent digits.
_DAMM_TABLE: tuple[tuple[int, ...], ...] = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def _damm_interim(digits: str) -> int:
    interim = 0
    for c in digits:
        interim = _DAMM_TABLE[interim][int(c)]
    return interim


def damm_check_digit(digits: str) -> str:
    """The Damm check digit to append to `digits` (ASCII or Persian digits only, else ValueError)."""
    ascii_digits = to_ascii_digits(digits)
    if re.fullmatch("[0-9]*", ascii_digits) is None:
        raise ValueError(f"only digits can carry a Damm check digit: {digits!r}")
    return str(_damm_interim(ascii_digits))


def damm_is_valid(digits_with_check: str) -> bool:
    """Whether the last digit is the Damm check digit of the others (False for empty or non-digits)."""
    ascii_digits = to_ascii_digits(digits_with_check)
    if re.fullmatch("[0-9]+", ascii_digits) is None:
        return False
    return _damm_interim(ascii_digits) == 0


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
        raise ValueError(MSG_DATE_EMPTY)
    match = _DATE_SHAPE.fullmatch(cleaned) or _DATE_COMPACT.fullmatch(cleaned)
    if match is None:
        year_last = _DATE_YEAR_LAST.fullmatch(cleaned)
        if year_last is not None and _looks_gregorian(int(year_last.group(1))):
            raise ValueError(MSG_DATE_GREGORIAN)
        raise ValueError(MSG_DATE_INVALID)
    year, month, day = (int(g) for g in match.groups())
    if _looks_gregorian(year):
        raise ValueError(MSG_DATE_GREGORIAN)
    if not JALALI_YEAR_MIN <= year <= JALALI_YEAR_MAX:
        raise ValueError(MSG_DATE_YEAR_RANGE)
    if not 1 <= month <= 12:
        raise ValueError(MSG_DATE_MONTH_INVALID)
    days = _days_in_jalali_month(year, month)
    if not 1 <= day <= days:
        if month == 12 and day == 30:
            raise ValueError(MSG_DATE_ESFAND_30.format(year=to_persian_digits(year)))
        raise ValueError(
            MSG_DATE_DAY_INVALID.format(
                month=JALALI_MONTHS[month - 1], days=to_persian_digits(days), day=to_persian_digits(day)
            )
        )
    try:
        parsed: date = jdatetime.date(year, month, day).togregorian()
    except ValueError as exc:  # jdatetime has the last word on what exists
        raise ValueError(MSG_DATE_INVALID) from exc
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
    Counting is O(log holidays) and adding O(n / 7) week jumps plus at most a week of single steps.
    """

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

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]: start excluded, end included; 0 if end <= start."""
        start, end = _local_date(start), _local_date(end)
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
