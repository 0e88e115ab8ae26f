"""Human numbers issued by this desk: registration numbers and check-digit tracking codes."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterator
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ..eventlog import bump_counter
from ..persian import damm_check_digit, damm_is_valid, id_digits, jalali_year, to_ascii_digits
from ..store import Store

#: The mark before a series' counter: an outgoing letter's number is never read as a case's
#: registration number (`13-D02-1404-L000031` beside `13-D02-1404-000512`).
SERIES_MARKS = {"letter": "L"}


def allocate_number(store: Store, session: Session, series: str, day: date) -> str:
    """`OFFICE-Dnn-YEAR-counter`, e.g. `13-D02-1404-000512` (a letter's `…-1404-L000031`): office
    and device in it, so two offline desks can never issue the same number; bumped in the
    caller's transaction."""
    ident = store.identity
    year = jalali_year(day)
    value = bump_counter(session, series, year)
    return f"{ident.office_code}-D{ident.device_no:02d}-{year}-{SERIES_MARKS.get(series, '')}{value:06d}"


#: (letters issued before their mark have none)
_NUMBER = re.compile(r"^(?P<office>[^-\s]+)-D(?P<device>\d{2})-(?P<year>\d{4})-L?(?P<n>\d{1,12})$")
#: The payload fields that carry a number `allocate_number` issued, and its series.
NUMBER_FIELDS = {"registration_no": "case", "letter_no": "letter"}
#: The payload fields that carry a check-digit code of `library_common._new_code`: (series, width).
CODE_FIELDS = {"member_no": ("member_no", 6), "barcode": ("copy_barcode", 7)}


def numbers_issued(office_code: str, device_no: int, payload: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    """(series, year, value) of the numbers this desk (office, device) issued that an event's
    payload carries: a registration or letter number, a membership number, a copy's barcode.
    A desk restored from an old backup takes its own later events back from the server; its
    counters are then moved past these, or it would issue the same numbers again."""
    for key, series in NUMBER_FIELDS.items():
        value = payload.get(key)
        m = _NUMBER.match(value) if isinstance(value, str) else None
        if m and m["office"] == office_code and int(m["device"]) == device_no:
            yield series, int(m["year"]), int(m["n"])
    head = f"{to_ascii_digits(office_code)}{device_no:02d}"
    for key, (series, width) in CODE_FIELDS.items():
        value = payload.get(key)
        if (isinstance(value, str) and value.isdigit() and len(value) == len(head) + width + 1
                and value.startswith(head) and damm_is_valid(value)):
            yield series, 0, int(value[len(head):len(head) + width])


#: A tracking code: office (4) + device (2) + random (9) digits + a Damm check digit.
OFFICE_DIGITS, DEVICE_DIGITS, TRACKING_RANDOM_DIGITS = 4, 2, 9
TRACKING_LENGTH = OFFICE_DIGITS + DEVICE_DIGITS + TRACKING_RANDOM_DIGITS + 1
#: Codes issued before the office was part of them: device (3) + random (9) + check digit. They
#: stay valid: search, the case view, the public look-up and the receipt take both.
LEGACY_TRACKING_LENGTH = 3 + TRACKING_RANDOM_DIGITS + 1


def office_part(office_code: str) -> str:
    """The office's fixed-width part of a tracking code.

    An office code of one to four digits (the usual: `13`) is itself, zero-padded (`0013`): two
    such offices never share it. Any other code (letters, or more digits) takes four digits from a
    hash of it, which another office's might equal; its codes then still differ by device and
    random digits, and the server's public look-up answers "not found" rather than show one
    applicant another's status should two cases ever share a code."""
    code = to_ascii_digits((office_code or "").strip().upper())
    if code.isdigit() and len(code) <= OFFICE_DIGITS:
        return code.zfill(OFFICE_DIGITS)
    digest = int.from_bytes(hashlib.sha256(code.encode()).digest()[:8], "big")
    return f"{digest % 10**OFFICE_DIGITS:0{OFFICE_DIGITS}d}"


def tracking_code_for(office_code: str, device_no: int, random_part: int) -> str:
    """The code of `random_part` issued by device `device_no` of `office_code` (the demo's bulk
    writer makes codes with its own random numbers through this)."""
    body = (f"{office_part(office_code)}{device_no % 10**DEVICE_DIGITS:0{DEVICE_DIGITS}d}"
            f"{random_part % 10**TRACKING_RANDOM_DIGITS:0{TRACKING_RANDOM_DIGITS}d}")
    return body + damm_check_digit(body)


def new_tracking_code(store: Store) -> str:
    """A public, unguessable code that carries its office: office (4) + device (2) + random (9)
    digits + Damm check digit, 16 digits.

    Two offices' codes never meet (the office part), one desk checks its own for repeats (the
    device part), and 10^9 random values per desk make guessing a live code hopeless at the
    status look-up's rate limit; a typo (one wrong digit or two swapped neighbours) is always
    caught by the check digit."""
    ident = store.identity
    return tracking_code_for(ident.office_code, ident.device_no, secrets.randbelow(10**TRACKING_RANDOM_DIGITS))


def clean_tracking_code(code: str) -> str:
    """A code as typed, pasted from an SMS or read out ("۰۰۱۳ ۰۱۲۳-…") as its digits: what may
    stand between its groups (any space, a half-space typed with Shift+Space, a dash, a dot) and
    the invisible marks a phone or a page puts around a number (bidi marks, the Arabic letter
    mark, a byte-order mark) dropped, as every number a clerk looks up is read (`persian.id_digits`)."""
    return id_digits(code or "")


def is_valid_tracking_code(code: str) -> bool:
    """A 16-digit code, or one issued before codes carried the office (13 digits), whose check
    digit holds."""
    code = clean_tracking_code(code)
    return len(code) in (TRACKING_LENGTH, LEGACY_TRACKING_LENGTH) and code.isdigit() and damm_is_valid(code)


def format_tracking_code(code: str) -> str:
    """A 16-digit code in four groups of four ("0013 0112 3456 7890"), the way it is read out on
    the phone; any other code as it is. Keep it in a left-to-right island on Persian pages."""
    if len(code) == TRACKING_LENGTH and code.isdigit():
        return " ".join(code[i:i + 4] for i in range(0, TRACKING_LENGTH, 4))
    return code


#: Between the groups of a code in an SMS: a no-break space is a "common separator" to the bidi
#: algorithm, so on a right-to-left phone screen the groups stay one number in order; a space or
#: a hyphen after Persian words sends them out last group first.
SMS_CODE_SEPARATOR = "\u00a0"


def sms_tracking_code(code: str) -> str:
    """A 16-digit code in the four groups of the receipt, for an SMS ("0013\u00a00112\u00a0…");
    any other code as it is."""
    if len(code) == TRACKING_LENGTH and code.isdigit():
        return SMS_CODE_SEPARATOR.join(code[i:i + 4] for i in range(0, TRACKING_LENGTH, 4))
    return code


def unbroken(code: str) -> str:
    """A code (tracking code, registration or letter number, phone number) kept on one line where
    it is printed: its spaces non-breaking (U+00A0) and a word joiner (U+2060, invisible) after
    each hyphen. QTextDocument otherwise breaks «0013 0184 | 3846 0339» at a space and
    «13-D01-| 1405-L000186» after a hyphen, and a code broken inside a left-to-right island in
    Persian text shows its pieces swapped. (The non-breaking hyphen U+2011 is not in Vazirmatn: a
    fallback font's glyph printed it overlapping the next letter.) `persian.normalize` turns both
    marks back, so a code copied off a PDF still searches."""
    return code.replace(" ", "\u00a0").replace("-", "-\u2060")
