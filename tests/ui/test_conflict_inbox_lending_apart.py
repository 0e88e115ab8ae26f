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
