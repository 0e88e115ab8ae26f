"""The conflict inbox names the users a fact is about (a referral's receiver, its sender, its CCs) by
name, never by an id."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QPushButton

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as sec_query

from ..secretariat_helpers import case_input, make_secretariat_desk
from .shell_support import make_ctx, visible

DAY = date(2025, 5, 4)


def test_a_referral_made_at_a_desk_that_had_not_heard_of_the_closure_names_its_users(
        fa: QApplication, qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    d = make_secretariat_desk(tmp_path)
    r = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.close(d.store, d.admin, r.case_id, outcome="unresolved", on=DAY)
    with d.store.transaction() as s:  # the expert's referral at the other desk, as the sync brings it
        d.store.record(s, d.expert, "case.referred", r.case_id, {
            "to_user_id": d.manager.user_id, "instruction": "بررسی شود", "cc": [d.manager2.user_id],
            "from_status": "registered", "at": f"{DAY + timedelta(days=1)}T09:00:00+03:30"})
    inbox = ConflictInbox(make_ctx(d.store, d.admin, tmp_path / "ui"))
    qtbot.addWidget(inbox)
    inbox.resize(1100, 600)
    inbox.show()
    assert inbox.list.count() == 1
    referral = next(visible(b.toPlainText()) for b in inbox.fact_boxes if "بررسی شود" in b.toPlainText())
    assert "گیرنده" in referral and "کاربر manager1" in referral
    assert "رونوشت" in referral and "کاربر manager2" in referral
    for user_id in (d.manager.user_id, d.manager2.user_id):
        assert user_id not in referral
    assert "to_user_id" not in referral
    # and the closure it met reads in Persian: its outcome by name, the responsible agency's field too
    closure = next(visible(b.toPlainText()) for b in inbox.fact_boxes if "بررسی شود" not in b.toPlainText())
    assert "مختومه بدون حل" in closure and "دستگاه مسئول" in closure
    assert "unresolved" not in closure and "responsible_party" not in closure
    inbox.grab().save("/tmp/fix-C-inbox-users.png")


def test_cases_reviewed_after_the_expert_role_was_taken_are_listed_under_the_change(
        fa: QApplication, qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk import persian
    from kanoon_desk.ui.conflict_inbox import ConflictInbox

    d = make_secretariat_desk(tmp_path)
    cases = [sec.intake(d.store, d.clerk, case_input(n), on=DAY).case_id for n in (1, 2)]
    with d.store.transaction() as s:  # the admin's change, then the expert's reviews at a desk that did not know
        d.store.record(s, d.admin, "user.updated", d.expert.user_id, {
            "roles": ["clerk"], "roles_given": ["clerk"], "roles_taken": ["expert"]})
    for case_id, accept in zip(cases, (True, False), strict=True):
        sec.review(d.store, d.expert, case_id, accept=accept, reason="" if accept else "تکراری", on=DAY)
    inbox = ConflictInbox(make_ctx(d.store, d.admin, tmp_path / "ui"))
    qtbot.addWidget(inbox)
    inbox.resize(1200, 640)
    inbox.show()
    assert inbox.list.count() == 1
    assert visible(inbox.title.text()) == (
        "کاری که کاربر پس از گرفته شدن نقش یا غیرفعال شدنش، در میزی که هنوز خبر نداشت، ثبت کرد")
    assert inbox.fact_groups[0].title() == "تغییر حساب کاربر"
    assert inbox.fact_groups[1].title() == "ثبت‌شده پس از آن در میزی که خبر نداشت (۲)"
    change = visible(inbox.fact_boxes[0].toPlainText())
    assert "نقش‌های گرفته‌شده" in change and "کارشناس" in change and "roles_taken" not in change
    steps = visible(inbox.fact_boxes[1].toPlainText())
    codes = [sec_query.get_case(d.store, d.admin, c).case["tracking_code"] for c in cases]
    # each case by its tracking code as its page reads it: four groups, Persian digits
    assert all(persian.to_persian_digits(" ".join(code[i:i + 4] for i in range(0, 16, 4)))
               in steps.replace("\u00a0", " ") for code in codes), steps
    assert steps.count("بررسی") >= 2
    assert inbox.findChild(QPushButton, "resolve-fixed_manually") is not None
    inbox.grab().save("/tmp/fix-C-inbox-role-taken.png")
