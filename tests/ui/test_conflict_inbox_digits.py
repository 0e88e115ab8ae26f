"""The conflict inbox's numbers in Persian digits, as on the members' and the cases' pages: a
membership number, a registration number, a case's tracking code, a centre's code — in the list,
the facts, on paper; a barcode keeps the digits on its label (as the lending pages show it), and
the sheet keeps what is stored."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from kanoon_desk.ui.printing import document_from_html
from tests.factories import make_user
from tests.library_helpers import NATIONAL_IDS, TODAY
from tests.secretariat_helpers import case_input
from tests.sync.test_conflict_resolutions import DAY, exchange, twin_desks, two_centres

from .shell_support import make_ctx

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _texts(inbox: ConflictInbox) -> str:
    return " ".join([inbox.list.item(i).text() for i in range(inbox.list.count())]
                    + [box.toPlainText() for box in inbox.fact_boxes])


def _latin_runs(text: str) -> set[str]:
    """Runs of Latin digits not inside a word with a Latin letter (a barcode «B0001»), other than
    another desk's device as the inbox names it, the end of its id as written («دستگاهی دیگر
    (a2b8)»): four hex digits are all digits about one run in seven (the test failed by chance)."""
    text = re.sub(r"دستگاهی دیگر \([0-9a-f]{4}\)", "", text)
    return {m.group() for m in re.finditer(r"(?<![A-Za-z0-9])[0-9][0-9/\-]*(?![A-Za-z0-9])", text)}


def test_a_manager_reads_a_member_conflict_s_numbers_in_persian_and_a_barcode_as_on_its_label(
        qtbot: Any, tmp_path: Path, fa: Any) -> None:
    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="سارا", last_name="رضایی", national_id=NATIONAL_IDS[2],
                            guardian_name="مریم رضایی", guardian_phone="09121112233", birth_date=date(2015, 1, 1))
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    circ.checkout(a, admin_a, L.child.member_no, "B0001", today=TODAY)
    circ.checkout(b, admin_b, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    inbox = ConflictInbox(make_ctx(a, make_user(a, admin_a, "modir", "manager"), tmp_path))
    qtbot.addWidget(inbox)
    shown = ""
    for row in range(inbox.list.count()):
        inbox.list.setCurrentRow(row)
        shown += _texts(inbox)
    numbers = [c.subject for c in inbox.items if c.kind == "member.registered_twice"]
    assert numbers and numbers[0].isdigit()
    assert numbers[0].translate(PERSIAN) in shown and L.child.member_no.translate(PERSIAN) in shown
    assert _latin_runs(shown) == set(), _latin_runs(shown)
    assert "B0001" in shown  # (the label's)
    printed = document_from_html(inbox.list_html()).toPlainText()
    assert numbers[0].translate(PERSIAN) in printed and numbers[0] not in printed
    inbox.export(tmp_path / "c.xlsx")  # the sheet: as stored
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert sheet is not None and numbers[0] in [c.value for row in sheet.iter_rows() for c in row]


def test_a_registration_number_given_twice_reads_in_persian(qtbot: Any, tmp_path: Path, fa: Any) -> None:
    desk, other, _case_id = twin_desks(tmp_path)
    mine, theirs = [sec.intake(store, desk.clerk, case_input(n), on=DAY).case_id
                    for store, n in ((desk.store, 2), (other, 3))]
    for store, case_id in ((desk.store, mine), (other, theirs)):
        sec.review(store, desk.expert, case_id, accept=True, on=DAY)
    number = sec.register(desk.store, desk.clerk, mine, on=DAY)
    sec.register(other, desk.clerk, theirs, on=DAY)
    exchange(desk.store, other)
    inbox = ConflictInbox(make_ctx(desk.store, desk.admin, tmp_path))
    qtbot.addWidget(inbox)
    [row] = [i for i, c in enumerate(inbox.items) if c.kind == "case.number_twice"]
    inbox.list.setCurrentRow(row)
    shown = _texts(inbox)
    with desk.store.read() as s:
        codes = set(s.scalars(select(Case.tracking_code).where(Case.id.in_([mine, theirs]))))
    code = inbox.items[row].subject
    assert number and code in codes
    assert number.translate(PERSIAN) in shown, shown  # «۱۳-D۰۱-۱۴۰۴-۰۰۰۰۰۲», as the case's page
    grouped = "\u00a0".join(code[i:i + 4] for i in range(0, len(code), 4)).translate(PERSIAN)
    assert grouped in inbox.list.item(row).text()  # the case: its tracking code, as read out (unbroken)
    assert not re.search(r"[0-9]", shown.replace("clerk1", "")), shown
