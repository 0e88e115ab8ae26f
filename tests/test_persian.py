"""Tests for kanoon_desk.persian: normalisation, identifiers, check digits, Jalali dates, working days.

The text part lives in `kanoon_desk.persian_script` and the dates in `kanoon_desk.jalali`; the tests go
through `kanoon_desk.persian`, which re-exports both, as the rest of the code does.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanoon_desk import jalali, persian, persian_script
from kanoon_desk.persian import (
    JALALI_MONTHS,
    MSG_DATE_EMPTY,
    MSG_DATE_GREGORIAN,
    MSG_DATE_INVALID,
    MSG_DATE_MONTH_INVALID,
    MSG_DATE_YEAR_RANGE,
    MSG_ISBN_INVALID,
    MSG_MOBILE_INVALID,
    MSG_NATIONAL_ID_INVALID,
    TEHRAN,
    WEEKDAYS_FA,
    ZWNJ,
    WorkingCalendar,
    damm_check_digit,
    damm_is_valid,
    format_jalali_date,
    format_jalali_datetime,
    format_jalali_long,
    format_number,
    is_valid_isbn,
    is_valid_mobile,
    is_valid_national_id,
    jalali_month_bounds,
    jalali_month_key,
    jalali_season,
    jalali_season_bounds,
    jalali_year,
    jalali_year_bounds,
    normalize,
    normalize_isbn,
    normalize_mobile,
    normalize_national_id,
    parse_jalali_date,
    search_key,
    season_name,
    to_ascii_digits,
    to_persian_digits,
    week_start_saturday,
)

VALID_NATIONAL_IDS = ["0084575948", "0013542419", "4608968882"]

# A Persian-heavy alphabet (letters, Arabic variants, digits, marks, invisibles) for property tests.
PERSIAN_ALPHABET = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآأإؤئءةۀ"
    "يىكـ"
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
    "\u064b\u064e\u0650\u0651\u0652\u0654\u0670"
    " \t\n\xa0\u200c\u200b\u200d\ufeff\u200e\u200f\u202b\u202c\u2067\u2069"
    "ﻛﺘﺎبﻻ"
    "aBcİǰ"
)
persian_text = st.text(alphabet=PERSIAN_ALPHABET, max_size=40)
any_text = st.one_of(persian_text, st.text(max_size=40))


def _national_id_check(first9: str) -> str:
    s = sum(int(c) * (10 - i) for i, c in enumerate(first9)) % 11
    return str(s if s < 2 else 11 - s)


@pytest.mark.parametrize("module", [persian, persian_script, jalali], ids=lambda m: m.__name__)
def test_module_is_qt_free(module: object) -> None:
    tree = ast.parse(Path(getattr(module, "__file__", "")).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            assert node.module in {"persian_script", "jalali", "errors"}, "only the sibling text and date modules, and errors"
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported - {"jdatetime", "__future__"} <= set(sys.stdlib_module_names)


@pytest.mark.parametrize("name", ["persian_script", "jalali", "persian"])
def test_each_module_imports_first_in_a_fresh_interpreter(name: str) -> None:
    """No import cycle: whichever of the three is imported first, it loads."""
    code = f"import kanoon_desk.{name}"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr


def test_persian_re_exports_the_text_and_date_modules() -> None:
    """`persian.X` is the very object of the module X now lives in, for every public name."""
    for module in (persian_script, jalali):
        for name in module.__all__:
            assert name in persian.__all__
            assert getattr(persian, name) is getattr(module, name)


# --------------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("علي كريمي ۱۲۳", "علی کریمی 123"),
        ("مى‌خواهم", "می\u200cخواهم"),  # alef maksura, ZWNJ kept
        ("کـــتاب", "کتاب"),  # tatweel
        ("کِتابٌ", "کتاب"),  # diacritics
        ("قُرآنِ مَجید", "قرآن مجید"),  # آ is a letter, not a diacritic
        ("كد ٤٥٦", "کد 456"),  # Arabic-Indic digits
        ("مدرسة", "مدرسة"),  # ة is kept
        ("خانۀ ما", "خانۀ ما"),  # ۀ is kept
        ("\u200fسلام\u200e \u202bدنیا\u202c\u2067!\u2069", "سلام دنیا!"),  # bidi marks
        ("زن\u200bدگی\ufeff", "زندگی"),  # zero-width space, BOM
        ("  یک \t\n دو\xa0\xa0سه  ", "یک دو سه"),  # whitespace runs
        ("\u200cکتاب\u200c\u200c‌ها \u200c", "کتاب\u200cها"),  # ZWNJ runs and ZWNJ at the edges
        ("کتاب \u200c ها", "کتاب ها"),  # ZWNJ next to a space is meaningless
        ("ﻛﺘﺎب ﻻزم", "کتاب لازم"),  # presentation forms copied out of a PDF
        ("", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize("raw", ["لطفاً رونوشت سند ۲ برگ", "كِتابٌ محمّد", "ﻛﺘﺎب ﻻزم", "  قطعاً\u200f  ", ""])
def test_normalize_text_keeps_diacritics_and_searches_like_normalize(raw: str) -> None:
    from kanoon_desk.persian import normalize_text, search_key

    kept = normalize_text(raw)
    assert normalize_text(kept) == kept and normalize(kept) == normalize(raw)
    assert search_key(kept) == search_key(raw)
    assert all(mark in kept for mark in "\u064b\u064c\u0651" if mark in raw)
    assert normalize_text("لطفاً  رونوشت ۲ برگ") == "لطفاً رونوشت 2 برگ"


def test_normalize_keeps_zwnj_between_letters() -> None:
    assert normalize("می‌خواهم") == "می\u200cخواهم"
    assert ZWNJ in normalize("نامه‌ها")


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(any_text)
def test_normalize_output_is_clean(text: str) -> None:
    out = normalize(text)
    assert out == out.strip()
    assert "  " not in out
    assert not set(out) & set("يىكـ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩\u200b\u200d\ufeff\u200e\u200f\u202b\u2067")
    assert not any(0x064B <= ord(c) <= 0x065F or c == "\u0670" for c in out)


def test_search_key() -> None:
    assert search_key("می‌روم") == search_key("می روم") == "می روم"
    assert search_key("علي  KARIMI") == search_key("علی karimi") == "علی karimi"
    assert search_key("كتاب ۱۲") == "کتاب 12"


@given(any_text)
def test_search_key_is_idempotent_and_has_no_zwnj(text: str) -> None:
    key = search_key(text)
    assert ZWNJ not in key
    assert search_key(key) == key


# --------------------------------------------------------------------------------------------------
# Digits and numbers
# --------------------------------------------------------------------------------------------------


def test_digit_conversion() -> None:
    assert to_persian_digits("1403/05/12") == "۱۴۰۳/۰۵/۱۲"
    assert to_persian_digits(1403) == "۱۴۰۳"
    assert to_persian_digits("a,1") == "a,۱"  # only digits change
    assert to_ascii_digits("۱۴۰۳ و ٤٥") == "1403 و 45"


@pytest.mark.parametrize(("stored", "shown"), [
    ("راز ماه (جلد 3)", "راز ماه (جلد ۳)"),
    ("مرکز فرهنگی هنری شماره 2", "مرکز فرهنگی هنری شماره ۲"),
    ("خیابان 17 شهریور، پلاک 4", "خیابان ۱۷ شهریور، پلاک ۴"),
    ("130100000120", "130100000120"),  # a barcode keeps its digits
    ("978-964-123-456-7", "978-964-123-456-7"),
    ("Harry Potter 2", "Harry Potter 2"),  # Latin text keeps Latin digits
    ("13-D01-1405-000159", "13-D01-1405-000159"),
    ("", ""),
    # an email, a web address, a code in a Persian sentence keep the digits they are typed with
    ("با ایمیل ali.rezaei75@example.com در 12 مرداد", "با ایمیل ali.rezaei75@example.com در ۱۲ مرداد"),
    ("نشانی https://portal.example.ir/track?id=12345 را ببینید", "نشانی https://portal.example.ir/track?id=12345 را ببینید"),
    ("نامه 13-D01-1405-L000186 و پلاک 12A در کوچه 5", "نامه 13-D01-1405-L000186 و پلاک 12A در کوچه ۵"),
    ("شابک 978-964-123-456-7 (جلد 2)", "شابک ۹۷۸-۹۶۴-۱۲۳-۴۵۶-۷ (جلد ۲)"),
])
def test_script_digits_follow_the_script_of_the_text(stored: str, shown: str) -> None:
    assert persian.script_digits(stored) == shown


@given(st.text())
def test_script_digits_change_nothing_but_digits(text: str) -> None:
    shown = persian.script_digits(text)
    assert to_ascii_digits(shown) == to_ascii_digits(text)
    assert persian.script_digits(shown) == shown
    if text.isascii():
        assert shown == text


@given(st.integers())
def test_digit_round_trip(n: int) -> None:
    assert to_ascii_digits(to_persian_digits(n)) == str(n)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "۰"), (999, "۹۹۹"), (1000, "۱٬۰۰۰"), (1234567, "۱٬۲۳۴٬۵۶۷"), (-25000, "-۲۵٬۰۰۰")],
)
def test_format_number(n: int, expected: str) -> None:
    assert format_number(n) == expected


def test_format_number_rejects_float() -> None:
    with pytest.raises(TypeError):
        format_number(1.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# National ID
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", VALID_NATIONAL_IDS)
def test_valid_national_ids(code: str) -> None:
    assert is_valid_national_id(code)
    assert normalize_national_id(code) == code


def test_national_id_in_persian_digits_and_with_separators() -> None:
    assert is_valid_national_id("۰۰۸۴۵۷۵۹۴۸")
    assert normalize_national_id("٠٠١٣٥٤٢٤١٩") == "0013542419"
    assert normalize_national_id(" 460-896888-2 ") == "4608968882"
    assert normalize_national_id("\u200f۴۶۰ ۸۹۶ ۸۸۸۲") == "4608968882"


@pytest.mark.parametrize(
    "code",
    ["", "008457594", "00845759480", "0084575949", "008457594a", "۰۰۸۴۵۷۵۹۴۹", "0084575948x"],
)
def test_invalid_national_ids(code: str) -> None:
    assert not is_valid_national_id(code)
    with pytest.raises(ValueError) as excinfo:
        normalize_national_id(code)
    assert str(excinfo.value) == MSG_NATIONAL_ID_INVALID


@pytest.mark.parametrize("digit", "0123456789")
def test_all_same_digit_codes_are_rejected_though_their_checksum_holds(digit: str) -> None:
    code = digit * 10
    assert _national_id_check(code[:9]) == digit  # the checksum alone would accept it
    assert not is_valid_national_id(code)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.integers(0, 9), st.integers(1, 9))
def test_one_digit_change_of_a_national_id_is_rejected(first9: str, pos: int, delta: int) -> None:
    code = first9 + _national_id_check(first9)
    changed = code[:pos] + str((int(code[pos]) + delta) % 10) + code[pos + 1 :]
    # Check digit 1 stands for both s == 1 and s == 10, so only there can a change slip through.
    if code[9] != "1":
        assert not is_valid_national_id(changed)


def test_known_blind_spot_of_the_national_id_checksum() -> None:
    # s = 1 and s = 10 share check digit 1: 0000000061 (s = 12 % 11 = 1) and 0000000051 (s = 10)
    # differ in one digit and both pass.
    assert is_valid_national_id("0000000061")
    assert is_valid_national_id("0000000051")


@pytest.mark.parametrize("code", VALID_NATIONAL_IDS)
def test_one_digit_change_of_real_national_ids_is_rejected(code: str) -> None:
    for pos in range(10):
        for digit in "0123456789":
            if digit != code[pos]:
                assert not is_valid_national_id(code[:pos] + digit + code[pos + 1 :])


# --------------------------------------------------------------------------------------------------
# Mobile numbers
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "09121234567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "+989121234567",
        "+۹۸۹۱۲۱۲۳۴۵۶۷",
        "00989121234567",
        "989121234567",
        "9121234567",
        "0912 123 4567",
        "0912-123-4567",
        "+98 912 123 4567",
        "+98 (0) 912 123 45 67",
        "(0912) 123-4567",
        "\u200e+98 912 123 4567\u200e",
    ],
)
def test_mobile_variants(text: str) -> None:
    assert normalize_mobile(text) == "09121234567"
    assert is_valid_mobile(text)


@pytest.mark.parametrize(
    "text",
    ["", "0912123456", "091212345678", "08121234567", "02188776655", "+19121234567", "0912123456a", "شماره"],
)
def test_invalid_mobiles(text: str) -> None:
    assert not is_valid_mobile(text)
    with pytest.raises(ValueError) as excinfo:
        normalize_mobile(text)
    assert str(excinfo.value) == MSG_MOBILE_INVALID


# --------------------------------------------------------------------------------------------------
# ISBN
# --------------------------------------------------------------------------------------------------


def _isbn13_check(first12: str) -> str:
    return str(-sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(first12)) % 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0-306-40615-2", "0306406152"),
        ("978-0-306-40615-7", "9780306406157"),
        ("0-8044-2957-X", "080442957X"),
        ("0 8044 2957 x", "080442957X"),
        ("ISBN 978-0-306-40615-7", "9780306406157"),
        ("ISBN-10: 0-306-40615-2", "0306406152"),
        ("شابک: ۹۷۸-۰-۳۰۶-۴۰۶۱۵-۷", "9780306406157"),
        ("۹۷۸-۹۶۴-۳۳۷-۱۱۴-" + to_persian_digits(_isbn13_check("978964337114")), "978964337114" + "2"),
    ],
)
def test_valid_isbns(text: str, expected: str) -> None:
    assert is_valid_isbn(text)
    assert normalize_isbn(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0-306-40615-3",  # wrong check digit
        "978-0-306-40615-8",
        "978-964-337-114-4",
        "X-306-40615-2",  # X only as the last ISBN-10 digit
        "4006381333931",  # a valid EAN-13, but not a book (no 978/979)
        "030640615",
        "97803064061577",
    ],
)
def test_invalid_isbns(text: str) -> None:
    assert not is_valid_isbn(text)
    with pytest.raises(ValueError) as excinfo:
        normalize_isbn(text)
    assert str(excinfo.value) == MSG_ISBN_INVALID


@given(st.text(alphabet="0123456789", min_size=12, max_size=12).map(lambda s: "978" + s[3:]), st.data())
def test_isbn13_catches_single_digit_errors(first12: str, data: st.DataObject) -> None:
    isbn = first12 + _isbn13_check(first12)
    assert is_valid_isbn(isbn)
    pos = data.draw(st.integers(3, 12))  # keep the 978 prefix
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != isbn[pos]]))
    assert not is_valid_isbn(isbn[:pos] + digit + isbn[pos + 1 :])


# --------------------------------------------------------------------------------------------------
# Damm check digit
# --------------------------------------------------------------------------------------------------


def test_damm_known_values() -> None:
    assert damm_check_digit("572") == "4"
    assert damm_is_valid("5724")
    assert not damm_is_valid("5274")
    assert damm_check_digit("۵۷۲") == "4"
    assert damm_is_valid("۵۷۲۴")


def test_damm_rejects_non_digits() -> None:
    with pytest.raises(ValueError):
        damm_check_digit("12a")
    assert not damm_is_valid("")
    assert not damm_is_valid("57-24")


digits = st.text(alphabet="0123456789", min_size=1, max_size=20)


@given(digits)
def test_damm_appended_digit_validates(payload: str) -> None:
    assert damm_is_valid(payload + damm_check_digit(payload))


@given(digits, st.data())
def test_damm_catches_every_single_digit_error(payload: str, data: st.DataObject) -> None:
    code = payload + damm_check_digit(payload)
    pos = data.draw(st.integers(0, len(code) - 1))
    for digit in "0123456789":
        if digit != code[pos]:
            assert not damm_is_valid(code[:pos] + digit + code[pos + 1 :])


@given(digits)
def test_damm_catches_every_adjacent_transposition(payload: str) -> None:
    code = payload + damm_check_digit(payload)
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert not damm_is_valid(swapped)


# --------------------------------------------------------------------------------------------------
# Jalali formatting and arithmetic
# --------------------------------------------------------------------------------------------------


def test_names() -> None:
    assert len(JALALI_MONTHS) == 12
    assert (JALALI_MONTHS[0], JALALI_MONTHS[4], JALALI_MONTHS[11]) == ("فروردین", "مرداد", "اسفند")
    assert len(WEEKDAYS_FA) == 7
    assert (WEEKDAYS_FA[0], WEEKDAYS_FA[-1]) == ("شنبه", "جمعه")
    assert [season_name(n) for n in range(1, 5)] == ["بهار", "تابستان", "پاییز", "زمستان"]
    with pytest.raises(ValueError):
        season_name(5)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 8, 2), "۱۴۰۳/۰۵/۱۲"),
        (date(2025, 3, 21), "۱۴۰۴/۰۱/۰۱"),  # Nowruz 1404
        (date(2025, 3, 20), "۱۴۰۳/۱۲/۳۰"),  # 1403 is a leap year
        (date(2024, 3, 20), "۱۴۰۳/۰۱/۰۱"),
        (date(1979, 2, 11), "۱۳۵۷/۱۱/۲۲"),
    ],
)
def test_format_jalali_date(d: date, expected: str) -> None:
    assert format_jalali_date(d) == expected


def test_format_jalali_datetime_converts_to_tehran() -> None:
    assert format_jalali_datetime(datetime(2024, 8, 2, 10, 35, tzinfo=UTC)) == "۱۴۰۳/۰۵/۱۲ ۱۴:۰۵"
    # 21:00 UTC is already the next day in Tehran.
    assert format_jalali_datetime(datetime(2024, 8, 2, 21, 0, tzinfo=UTC)) == "۱۴۰۳/۰۵/۱۳ ۰۰:۳۰"
    # A naive datetime is a stored UTC value that lost its tzinfo.
    assert format_jalali_datetime(datetime(2024, 8, 2, 10, 35)) == "۱۴۰۳/۰۵/۱۲ ۱۴:۰۵"
    assert format_jalali_datetime(datetime(2024, 8, 2, 10, 35, tzinfo=UTC), tz=UTC) == "۱۴۰۳/۰۵/۱۲ ۱۰:۳۵"
    plus_one = timezone(timedelta(hours=1))
    assert format_jalali_datetime(datetime(2024, 8, 2, 15, 5, tzinfo=plus_one)) == "۱۴۰۳/۰۵/۱۲ ۱۷:۳۵"


def test_tehran_offset() -> None:
    assert datetime(2024, 8, 2, tzinfo=UTC).astimezone(TEHRAN).utcoffset() == timedelta(hours=3, minutes=30)


def test_format_jalali_date_of_a_datetime_uses_the_tehran_day() -> None:
    assert format_jalali_date(datetime(2024, 8, 2, 21, 0, tzinfo=UTC)) == "۱۴۰۳/۰۵/۱۳"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 8, 2), "جمعه ۱۲ مرداد ۱۴۰۳"),
        (date(2025, 3, 21), "جمعه ۱ فروردین ۱۴۰۴"),
        (date(2024, 8, 3), "شنبه ۱۳ مرداد ۱۴۰۳"),
        (date(2024, 8, 6), "سه‌شنبه ۱۶ مرداد ۱۴۰۳"),
    ],
)
def test_format_jalali_long(d: date, expected: str) -> None:
    assert format_jalali_long(d) == expected


def test_year_month_season() -> None:
    d = date(2024, 8, 2)
    assert jalali_year(d) == 1403
    assert jalali_month_key(d) == (1403, 5)
    assert jalali_season(d) == (1403, 2)
    assert jalali_season(date(2025, 3, 20)) == (1403, 4)
    assert jalali_season(date(2025, 3, 21)) == (1404, 1)


def test_month_bounds() -> None:
    assert jalali_month_bounds(1403, 5) == (date(2024, 7, 22), date(2024, 8, 21))
    assert jalali_month_bounds(1403, 7) == (date(2024, 9, 22), date(2024, 10, 21))
    assert jalali_month_bounds(1403, 12) == (date(2025, 2, 19), date(2025, 3, 20))  # leap: 30 days
    assert jalali_month_bounds(1404, 12) == (date(2026, 2, 20), date(2026, 3, 20))  # 29 days
    with pytest.raises(ValueError):
        jalali_month_bounds(1403, 13)


def test_season_and_year_bounds() -> None:
    assert jalali_season_bounds(1403, 1) == (date(2024, 3, 20), date(2024, 6, 20))
    assert jalali_season_bounds(1403, 2) == (date(2024, 6, 21), date(2024, 9, 21))
    assert jalali_season_bounds(1403, 3) == (date(2024, 9, 22), date(2024, 12, 20))
    assert jalali_season_bounds(1403, 4) == (date(2024, 12, 21), date(2025, 3, 20))
    assert jalali_year_bounds(1403) == (date(2024, 3, 20), date(2025, 3, 20))
    assert jalali_year_bounds(1404) == (date(2025, 3, 21), date(2026, 3, 20))
    with pytest.raises(ValueError):
        jalali_season_bounds(1403, 0)


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))


@given(dates)
def test_bounds_contain_the_date_and_tile_the_calendar(d: date) -> None:
    year, month = jalali_month_key(d)
    first, last = jalali_month_bounds(year, month)
    assert first <= d <= last
    assert jalali_month_key(first) == jalali_month_key(last) == (year, month)
    assert jalali_month_key(first - timedelta(days=1)) != (year, month)
    assert jalali_month_key(last + timedelta(days=1)) != (year, month)
    s_first, s_last = jalali_season_bounds(*jalali_season(d))
    assert s_first <= d <= s_last
    assert jalali_season(s_first - timedelta(days=1)) != jalali_season(d)
    assert jalali_season(s_last + timedelta(days=1)) != jalali_season(d)
    y_first, y_last = jalali_year_bounds(year)
    assert y_first <= d <= y_last
    assert jalali_year(y_first - timedelta(days=1)) == year - 1
    assert jalali_year(y_last + timedelta(days=1)) == year + 1


# --------------------------------------------------------------------------------------------------
# Parsing typed Jalali dates
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["1403/05/12", "۱۴۰۳/۵/۱۲", "1403-05-12", "1403.5.12", " ١٤٠٣/٠٥/١٢ ", "1403 / 05 / 12", "14030512"],
)
def test_parse_jalali_date(text: str) -> None:
    assert parse_jalali_date(text) == date(2024, 8, 2)


def test_parse_leap_day() -> None:
    assert parse_jalali_date("1403/12/30") == date(2025, 3, 20)


@given(dates)
def test_parse_round_trip(d: date) -> None:
    assert parse_jalali_date(to_ascii_digits(format_jalali_date(d))) == d
    assert parse_jalali_date(format_jalali_date(d)) == d


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", MSG_DATE_EMPTY),
        ("   ", MSG_DATE_EMPTY),
        ("\u200f", MSG_DATE_EMPTY),
        ("فردا", MSG_DATE_INVALID),
        ("1403/05", MSG_DATE_INVALID),
        ("03/05/12", MSG_DATE_INVALID),
        ("12/05/1403", MSG_DATE_INVALID),
        ("1403/005/12", MSG_DATE_INVALID),
        ("2024/08/02", MSG_DATE_GREGORIAN),
        ("2024-08-02", MSG_DATE_GREGORIAN),
        ("02/08/2024", MSG_DATE_GREGORIAN),
        ("20240802", MSG_DATE_GREGORIAN),
        ("۲۰۲۴/۰۸/۰۲", MSG_DATE_GREGORIAN),
        ("1250/01/01", MSG_DATE_YEAR_RANGE),
        ("1600/01/01", MSG_DATE_YEAR_RANGE),
        ("1403/13/01", MSG_DATE_MONTH_INVALID),
        ("1403/00/10", MSG_DATE_MONTH_INVALID),
    ],
)
def test_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_jalali_date(text)
    assert str(excinfo.value) == message


def test_gregorian_message_asks_for_a_jalali_date() -> None:
    assert "میلادی" in MSG_DATE_GREGORIAN
    assert "شمسی" in MSG_DATE_GREGORIAN
    assert "۱۴۰۳/۰۵/۱۲" in MSG_DATE_GREGORIAN


def test_parse_impossible_day_names_the_month() -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_jalali_date("1403/07/31")
    assert str(excinfo.value) == "ماه مهر ۳۰ روز دارد؛ روز ۳۱ در این ماه وجود ندارد."
    with pytest.raises(ValueError, match="بهمن ۳۰ روز"):
        parse_jalali_date("1403/11/31")
    with pytest.raises(ValueError, match="فروردین ۳۱ روز"):
        parse_jalali_date("1403/01/00")


def test_parse_esfand_30_only_in_leap_years() -> None:
    assert jdatetime.date(1403, 1, 1).isleap()
    assert not jdatetime.date(1404, 1, 1).isleap()
    with pytest.raises(ValueError) as excinfo:
        parse_jalali_date("1404/12/30")
    assert "۱۴۰۴" in str(excinfo.value)
    assert "کبیسه" in str(excinfo.value)


# --------------------------------------------------------------------------------------------------
# Working calendar
# --------------------------------------------------------------------------------------------------

SAT = date(2024, 8, 3)  # ۱۳ مرداد ۱۴۰۳, a Saturday
THU = date(2024, 8, 8)
FRI = date(2024, 8, 9)


def test_week_start_saturday() -> None:
    assert SAT.weekday() == 5
    assert week_start_saturday(SAT) == SAT
    assert week_start_saturday(FRI) == SAT
    assert week_start_saturday(date(2024, 8, 5)) == SAT  # Monday
    assert week_start_saturday(date(2024, 8, 10)) == date(2024, 8, 10)


@given(dates)
def test_week_start_saturday_property(d: date) -> None:
    start = week_start_saturday(d)
    assert start.weekday() == 5
    assert 0 <= (d - start).days <= 6


def test_friday_is_not_a_working_day() -> None:
    cal = WorkingCalendar()
    assert not cal.is_working_day(FRI)
    assert cal.is_working_day(THU)
    assert cal.next_working_day(THU) == date(2024, 8, 10)


def test_add_working_days_skips_friday() -> None:
    cal = WorkingCalendar()
    assert cal.add_working_days(SAT, 5) == THU
    assert cal.add_working_days(SAT, 6) == date(2024, 8, 10)  # Friday skipped
    assert cal.add_working_days(SAT, 12) == date(2024, 8, 17)
    assert cal.add_working_days(THU, 1) == date(2024, 8, 10)
    assert cal.working_days_between(SAT, date(2024, 8, 10)) == 6


def test_add_working_days_zero() -> None:
    cal = WorkingCalendar()
    assert cal.add_working_days(SAT, 0) == SAT
    assert cal.add_working_days(FRI, 0) == date(2024, 8, 10)
    with pytest.raises(ValueError):
        cal.add_working_days(SAT, -1)


def test_a_holiday_is_skipped() -> None:
    holiday = date(2024, 8, 5)  # a Monday off
    cal = WorkingCalendar(holidays=[holiday])
    assert not cal.is_working_day(holiday)
    assert cal.add_working_days(SAT, 5) == date(2024, 8, 10)
    assert cal.working_days_between(SAT, THU) == 4
    assert cal.next_working_day(date(2024, 8, 4)) == date(2024, 8, 6)


def test_thursday_and_friday_weekend() -> None:
    cal = WorkingCalendar(weekend=frozenset({3, 4}))
    assert cal.add_working_days(SAT, 5) == date(2024, 8, 10)
    assert cal.working_days_between(SAT, date(2024, 8, 17)) == 10


def test_working_days_between_edges() -> None:
    cal = WorkingCalendar()
    assert cal.working_days_between(THU, THU) == 0
    assert cal.working_days_between(THU, SAT) == 0
    assert cal.working_days_between(THU, FRI) == 0
    assert cal.working_days_between(SAT, SAT + timedelta(days=7 * 52)) == 6 * 52


def _working_days_one_by_one(cal: WorkingCalendar, start: date, end: date) -> int:
    return sum(cal.is_working_day(start + timedelta(days=k)) for k in range(1, (end - start).days + 1))


@given(st.lists(st.tuples(dates, st.integers(min_value=-40, max_value=800)), min_size=1, max_size=6),
       st.sets(dates, max_size=30), st.sampled_from([frozenset({4}), frozenset({3, 4}), frozenset({0, 2, 5})]))
def test_working_days_between_counts_every_day_in_any_order(spans: list[tuple[date, int]], holidays: set[date],
                                                            weekend: frozenset[int]) -> None:
    """The count read from the table of working days to date (grown as later calls reach further,
    or skipped for spans decades apart) is the count of the days one by one."""
    cal = WorkingCalendar(holidays=holidays, weekend=weekend)
    for start, length in spans:
        end = start + timedelta(days=length)
        assert cal.working_days_between(start, end) == max(0, _working_days_one_by_one(cal, start, end))
    first, last = min(s for s, _ in spans), max(s for s, _ in spans)
    assert cal.working_days_between(first, last) == _working_days_one_by_one(cal, first, last)


def test_working_days_between_far_apart_and_at_the_calendar_edges() -> None:
    cal = WorkingCalendar(holidays=[date(2024, 8, 5)])
    assert cal.working_days_between(date(2024, 8, 3), date(2024, 8, 8)) == 4
    assert cal.working_days_between(date(1900, 1, 1), date(2100, 1, 1)) == _working_days_one_by_one(
        cal, date(1900, 1, 1), date(2100, 1, 1))
    assert cal.working_days_between(date.min, date.min + timedelta(days=14)) == 12
    assert cal.working_days_between(date.max - timedelta(days=14), date.max) == 12
    assert cal.working_days_between(date(2024, 8, 3), date(2024, 8, 8)) == 4


def test_bad_weekend() -> None:
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=frozenset(range(7)))
    with pytest.raises(ValueError):
        WorkingCalendar(weekend=frozenset({7}))


def _brute_count(cal: WorkingCalendar, start: date, end: date) -> int:
    return sum(cal.is_working_day(start + timedelta(days=k)) for k in range(1, (end - start).days + 1))


calendars = st.builds(
    WorkingCalendar,
    holidays=st.lists(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)), max_size=40),
    weekend=st.frozensets(st.integers(0, 6), max_size=3),
)
near_dates = st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 12, 31))


@given(calendars, near_dates, st.integers(0, 400))
def test_add_working_days_matches_counting(cal: WorkingCalendar, start: date, n: int) -> None:
    end = cal.add_working_days(start, n)
    assert cal.is_working_day(end)
    if n > 0:
        assert cal.working_days_between(start, end) == n
        assert cal.working_days_between(start, end - timedelta(days=1)) == n - 1
    else:
        assert end == start or (not cal.is_working_day(start) and end == cal.next_working_day(start))


@given(calendars, near_dates, st.integers(-10, 500))
def test_working_days_between_matches_brute_force(cal: WorkingCalendar, start: date, days: int) -> None:
    end = start + timedelta(days=days)
    assert cal.working_days_between(start, end) == (_brute_count(cal, start, end) if days > 0 else 0)


def test_sort_key_orders_persian_as_a_dictionary_does() -> None:
    from kanoon_desk.persian_script import persian_collate, sort_key

    words = ["مریم", "گلناز", "کاوه", "ژاله", "چکاوک", "پریا", "یاسمن", "آرش", "احمد", "بهار", "zahra", "12"]
    assert sorted(words, key=sort_key) == ["12", "zahra", "آرش", "احمد", "بهار", "پریا", "چکاوک", "ژاله",
                                           "کاوه", "گلناز", "مریم", "یاسمن"]
    assert sort_key("علي") == sort_key("علی") and sort_key("كاوه") == sort_key("کاوه")  # Arabic ye, kaf
    assert sort_key("محمّد") == sort_key("محمد") and sort_key("کتاب‌ها") == sort_key("کتاب ها")
    assert persian_collate("پریا", "مریم") < 0 < persian_collate("مریم", "پریا") and persian_collate(None, "") == 0
