"""Tracking codes carry the office: office (4) + device (2) + random (9) + Damm check digit; codes
issued before (13 digits) stay valid and findable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.persian import damm_check_digit, to_persian_digits
from kanoon_desk.services import numbers
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def test_the_office_part_is_the_office_code_itself_when_it_is_a_short_number() -> None:
    assert [numbers.office_part(c) for c in ("13", "۱۴", "7", "1301")] == ["0013", "0014", "0007", "1301"]
    hashed = numbers.office_part("THR")
    assert len(hashed) == 4 and hashed.isdigit() and hashed == numbers.office_part("thr")
    a = numbers.tracking_code_for("13", 1, 123456789)
    b = numbers.tracking_code_for("14", 1, 123456789)
    assert a[:6] == "001301" and b[:6] == "001401" and a != b  # the same device and digits, two offices
    assert all(numbers.is_valid_tracking_code(c) for c in (a, b))
    assert numbers.format_tracking_code(a) == "0013 0112 3456 789" + a[-1]


def test_codes_of_either_form_are_checked_by_their_check_digit() -> None:
    legacy = "001123456789" + damm_check_digit("001123456789")
    new = numbers.tracking_code_for("13", 2, 42)
    for code in (legacy, new, to_persian_digits(new), numbers.format_tracking_code(new)):
        assert numbers.is_valid_tracking_code(code)
    for broken in (legacy[:-1] + str((int(legacy[-1]) + 1) % 10), new[1:], new + "0", "12345678901234"):
        assert not numbers.is_valid_tracking_code(broken)


def test_a_desk_issues_codes_with_its_office_and_device(desk: Desk) -> None:
    codes = {sec.intake(desk.store, desk.clerk, case_input(n), on=DAY).tracking_code for n in range(1, 6)}
    assert len(codes) == 5 and all(len(c) == 16 and c.startswith("001301") for c in codes)


def test_a_case_with_a_code_issued_before_is_still_found_and_told(desk: Desk,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    legacy = "001123456789" + damm_check_digit("001123456789")
    monkeypatch.setattr(numbers, "new_tracking_code", lambda store: legacy)
    old = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    monkeypatch.undo()
    new = sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    assert old.tracking_code == legacy and len(new.tracking_code) == 16
    for code, case_id in ((legacy, old.case_id), (new.tracking_code, new.case_id)):
        as_read = numbers.format_tracking_code(to_persian_digits(code))  # Persian digits, in groups
        assert [r.id for r in q.search(desk.store, desk.clerk, q.SearchQuery(text=as_read))] == [case_id]
        assert q.find_case_id(desk.store, desk.clerk, code) == case_id
        told = q.case_status_by_tracking_code(desk.store, as_read)
        assert told is not None and told.tracking_code == code


def test_the_numbers_a_desk_issued_are_read_back_from_its_events() -> None:
    """What a restored desk moves its counters past: its own numbers only, each in its series."""
    from kanoon_desk.persian import damm_check_digit
    from kanoon_desk.services.numbers import numbers_issued

    member = "1302000042" + damm_check_digit("1302000042")
    barcode = "13020001234" + damm_check_digit("13020001234")
    payload = {"registration_no": "13-D02-1404-000512", "letter_no": "13-D02-1405-000007",
               "member_no": member, "barcode": barcode}
    assert sorted(numbers_issued("13", 2, payload)) == [
        ("case", 1404, 512), ("copy_barcode", 0, 1234), ("letter", 1405, 7), ("member_no", 0, 42)]
    assert list(numbers_issued("13", 1, payload)) == []  # another device's numbers
    assert list(numbers_issued("14", 2, payload)) == []  # another office's
    wrong = str((int(barcode[-1]) + 1) % 10)
    typed = {"letter_no": "نامه ۱۲/۴۵", "barcode": barcode[:-1] + wrong, "member_no": member[:-1] + "x"}
    assert list(numbers_issued("13", 2, typed)) == []  # a typed letter number, a bad check digit
    # a letter's number carries its mark: its counter is still known when the desk is restored
    assert list(numbers_issued("13", 2, {"letter_no": "13-D02-1405-L000031"})) == [("letter", 1405, 31)]
