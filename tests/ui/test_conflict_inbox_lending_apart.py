"""The conflict inbox reads the lending facts two desks recorded apart as a librarian reads them: a
copy packed to be given to another centre as what it was, not as a copy that arrived
(`copy.received` with `moved`); a centre's closing by where its members and copies went, not by
its payload's keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kanoon_desk.services import library as lib
from kanoon_desk.ui.conflict_inbox import ConflictInbox
from tests.sync.apart import two_desks_of_13
from tests.sync.test_conflict_resolutions import exchange
from tests.sync.test_hold_at_closed_centre import _apart as hold_at_closed_centre

from .shell_support import make_ctx


def test_a_copy_lost_while_given_to_another_centre_reads_as_a_move_beside_the_loss(qtbot: Any, tmp_path: Path) -> None:
    L, a, b = two_desks_of_13(tmp_path)
    lib.update_copy(a, L.admin, "B0001", home_centre="14")
    lib.mark_copy_lost(b, L.admin, "B0001", "از قفسه پیدا نشد")
    exchange(a, b)
    inbox = ConflictInbox(make_ctx(a, L.admin, tmp_path))
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 1
    inbox.list.setCurrentRow(0)
    shown = " ".join(box.toPlainText() for box in inbox.fact_boxes)
    assert "سپردن نسخه به مرکز دیگر" in shown and "گم‌شدن نسخه" in shown
    assert "رسیدن نسخه" not in shown and "moved" not in shown
    assert "از گردش خارج یا گم‌شده ثبت شد، در میز دیگری به مرکز دیگری سپرده شد" in inbox.list.item(0).text()


def test_a_centres_closing_reads_where_its_members_went_beside_a_hold_placed_there_apart(
        qtbot: Any, tmp_path: Path) -> None:
    L, a, b, _hold = hold_at_closed_centre(tmp_path, close_first=True)
    exchange(a, b)
    inbox = ConflictInbox(make_ctx(b, L.admin, tmp_path))
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 1
    inbox.list.setCurrentRow(0)
    shown = " ".join(box.toPlainText() for box in inbox.fact_boxes)
    assert "بستن مرکز فرهنگی هنری" in shown and "رزرو" in shown
    assert "اعضا و نسخه‌ها به مرکز" in shown and "(14)" in shown  # (the centre by its name and code)
    for key in ("into", "members", "copies", "withdrawn"):
        assert key not in shown


def test_a_void_made_apart_after_a_return_reads_the_rule_and_both_facts(qtbot: Any, tmp_path: Path) -> None:
    """A checkout voided as a mistake at one desk after another had checked the book in: the inbox
    names both steps, the void's reason in words, and the rule (the return stands)."""
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import TODAY
    from tests.sync.test_conflict_resolutions import two_centres

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    wrong = circ.checkout(a, admin_a, L.adult.member_no, "B0001", today=TODAY)
    exchange(a, b)
    circ.checkin(b, admin_b, "B0001", today=TODAY)
    circ.void_checkout(a, admin_a, wrong.id, today=TODAY)
    exchange(a, b)
    inbox = ConflictInbox(make_ctx(a, L.admin, tmp_path))
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 1
    inbox.list.setCurrentRow(0)
    shown = " ".join(box.toPlainText() for box in inbox.fact_boxes)
    assert "امانت اشتباه" in shown and "mistake" not in shown
    assert "پیش‌تر بازگشت خورده بود" in inbox.list.item(0).text()
