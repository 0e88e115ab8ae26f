"""Human numbers issued by this desk: registration numbers and check-digit tracking codes."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy.orm import Session

from ..eventlog import bump_counter
from ..persian import damm_check_digit, damm_is_valid, jalali_year, to_ascii_digits
from ..store import Store


def allocate_number(store: Store, session: Session, series: str, day: date) -> str:
    """`OFFICE-Dnn-YEAR-counter`, e.g. `13-D02-1404-000512`: office and device in it, so two
    offline desks can never issue the same number; bumped in the caller's transaction."""
    ident = store.identity
    year = jalali_year(day)
    value = bump_counter(session, series, year)
    return f"{ident.office_code}-D{ident.device_no:02d}-{year}-{value:06d}"


TRACKING_RANDOM_DIGITS = 9


def new_tracking_code(store: Store) -> str:
    """Office-free, unguessable public code: device (3) + random (9) digits + Damm check digit.

    13 digits, 10^9 random space per device: guessing a live code is hopeless, and a typo (one
    wrong digit or two swapped neighbours) is always caught by the check digit.
    """
    ident = store.identity
    body = f"{ident.device_no % 1000:03d}{secrets.randbelow(10**TRACKING_RANDOM_DIGITS):0{TRACKING_RANDOM_DIGITS}d}"
    return body + damm_check_digit(body)


def is_valid_tracking_code(code: str) -> bool:
    code = to_ascii_digits((code or "").replace("-", "").replace(" ", ""))
    return len(code) == 3 + TRACKING_RANDOM_DIGITS + 1 and code.isdigit() and damm_is_valid(code)
