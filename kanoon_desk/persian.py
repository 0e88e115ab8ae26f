"""Persian text, Iranian identifiers and check digits, Jalali dates (Qt-free): one import for all.

This module holds the identifiers — national ID (کد ملی), mobile number, ISBN (شابک) and the Damm
check digit of tracking codes — and re-exports (through `__all__`) every public name of the two
modules the rest now lives in, so `persian.X` works as it always did:

- `kanoon_desk.persian_script`: normalize, search_key, ZWNJ and digit conversion (the base module);
- `kanoon_desk.jalali`: Tehran time, Jalali formatting and parsing (MSG_DATE_*), month/season/year
  bounds, the Saturday week and WorkingCalendar.

`jalali` imports `persian_script` and neither imports this module, so no import order can cycle.
"""

from __future__ import annotations

import re

from .errors import QT_TRANSLATE_NOOP, InputError
from .jalali import (
    JALALI_MONTHS,
    JALALI_YEAR_MAX,
    JALALI_YEAR_MIN,
    MSG_DATE_DAY_INVALID,
    MSG_DATE_EMPTY,
    MSG_DATE_ESFAND_30,
    MSG_DATE_GREGORIAN,
    MSG_DATE_INVALID,
    MSG_DATE_MONTH_INVALID,
    MSG_DATE_YEAR_RANGE,
    SEASONS_FA,
    TEHRAN,
    WEEKDAYS_FA,
    WorkingCalendar,
    format_jalali_date,
    format_jalali_datetime,
    format_jalali_long,
    jalali_month_bounds,
    jalali_month_key,
    jalali_season,
    jalali_season_bounds,
    jalali_year,
    jalali_year_bounds,
    parse_jalali_date,
    season_name,
    week_start_saturday,
)
from .persian_script import (
    COLLATION,
    SEARCH_FOLDS,
    SEARCH_KEY_SQL,
    ZWNJ,
    format_number,
    letter_number,
    normalize,
    normalize_text,
    persian_collate,
    script_digits,
    search_key,
    sort_key,
    to_ascii_digits,
    to_persian_digits,
)

__all__ = [
    "letter_number",
    "COLLATION",
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
    "MSG_ISBN_INVALID",
    "MSG_MOBILE_INVALID",
    "MSG_NATIONAL_ID_INVALID",
    "SEARCH_FOLDS",
    "SEARCH_KEY_SQL",
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
    "id_digits",
    "is_valid_isbn",
    "is_valid_mobile",
    "is_valid_national_id",
    "latin_keys",
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
    "normalize_text",
    "persian_collate",
    "parse_jalali_date",
    "script_digits",
    "search_key",
    "sort_key",
    "season_name",
    "to_ascii_digits",
    "to_persian_digits",
    "week_start_saturday",
]

# --------------------------------------------------------------------------------------------------
# Messages shown to the user (the text of the ValueError we raise).
# --------------------------------------------------------------------------------------------------

MSG_NATIONAL_ID_INVALID = QT_TRANSLATE_NOOP("Errors", "کد ملی معتبر نیست؛ لطفاً کد ملی ۱۰ رقمی را دوباره بررسی و وارد کنید.")
MSG_MOBILE_INVALID = QT_TRANSLATE_NOOP("Errors", "شماره همراه معتبر نیست؛ لطفاً آن را مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.")
MSG_ISBN_INVALID = QT_TRANSLATE_NOOP("Errors", "شابک معتبر نیست؛ لطفاً شابک ۱۰ یا ۱۳ رقمی کتاب را دوباره بررسی کنید.")

# --------------------------------------------------------------------------------------------------
# Identifiers: national ID (کد ملی), mobile number, ISBN (شابک)
# --------------------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")


def _digits_only(text: str) -> str:
    """normalize() (digits to ASCII, invisible marks removed) and drop spaces, dashes and dots."""
    return _SEPARATORS.sub("", normalize(text).replace(ZWNJ, ""))


def id_digits(text: str) -> str:
    """A number as typed or pasted, for looking it up: any digits to ASCII, the marks a paste brings
    and the spaces (a no-break one too), dashes («-», «–», «‐»), dots and slashes between its
    groups dropped: «۰۰۱-۲۳۴۵۶۷-۸», «001 234567 8» and «‏0012345678‎» are «0012345678». What is
    not a digit or such a separator is kept, so a word stays no number."""
    return _ID_NOISE.sub("", _digits_only(text))


_ID_NOISE = re.compile(r"[/\\]+")


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
        raise InputError(MSG_NATIONAL_ID_INVALID)
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
        raise InputError(MSG_MOBILE_INVALID)
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
        raise InputError(MSG_ISBN_INVALID)
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


#: The letter keys of a Persian keyboard (the standard layout; its older Windows form writes «ئ» on
#: M where the newer writes «پ») and the Latin capital each one bears: «ش۱» is A1 typed with the
#: Persian layout on, as a barcode scanner that types keys writes «ذ۰۰۰۱» for B0001.
_LATIN_OF_KEY = str.maketrans({
    "ض": "Q", "ص": "W", "ث": "E", "ق": "R", "ف": "T", "غ": "Y", "ع": "U", "ه": "I", "خ": "O", "ح": "P",
    "ش": "A", "س": "S", "ی": "D", "ي": "D", "ب": "F", "ل": "G", "ا": "H", "ت": "J", "ن": "K", "م": "L",
    "ظ": "Z", "ط": "X", "ز": "C", "ر": "V", "ذ": "B", "د": "N", "پ": "M", "ئ": "M"})


def latin_keys(text: str) -> str:
    """`text` with every Persian letter that stands on a Latin letter's key read as that letter
    (capital); other characters as they are. For codes that only ever hold Latin letters (barcodes)
    always; for what may be Persian (shelf marks) only where the Persian reading means nothing."""
    return text.translate(_LATIN_OF_KEY)
