"""Names in the pickers and reports in the order a Persian reader looks them up: «آ» before «ا»,
«پ» after «ب», «چ» after «ج», «ژ» after «ز», «گ» after «ک», none after «م» for its code point."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services.secretariat_agencies import save_agency
from kanoon_desk.services.secretariat_reports import build_report, period
from kanoon_desk.ui.admin.users import UsersPage

from ..factories import PASSWORD
from ..secretariat_helpers import case_input, make_secretariat_desk
from .shell_support import make_ctx, visible

DAY = date(2025, 5, 4)


def test_the_hand_over_picker_lists_people_in_persian_order(fa: QApplication, qtbot: Any, tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    for i, name in enumerate(("مریم رحیمی", "پریا سعیدی", "ژاله کاظمی", "چکامه نوری", "آرزو یزدانی", "گلی احمدی",
                              "امید بهرامی")):
        accounts.create_user(d.store, d.admin, username=f"m{i}", full_name=name, password=PASSWORD,
                             roles={"manager"}, must_change_password=False)
    r = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    sec.refer(d.store, d.expert, r.case_id, d.manager.user_id, on=DAY)
    page = UsersPage(make_ctx(d.store, d.admin, tmp_path / "ui"))
    qtbot.addWidget(page)
    page.select_username("manager1")
    dialog = page.hand_over_dialog(page.selected())  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    names = [visible(dialog.receiver.itemText(i)).split(" (")[0] for i in range(dialog.receiver.count())]
    assert names == ["آرزو یزدانی", "امید بهرامی", "پریا سعیدی", "چکامه نوری", "ژاله کاظمی", "کاربر manager2",
                     "گلی احمدی", "مدیر سامانه", "مریم رحیمی", "کاربر expert1"]  # managers, then the expert


def test_agencies_with_as_many_letters_stand_in_persian_order_in_the_report(tmp_path: Path) -> None:
    d = make_secretariat_desk(tmp_path)
    ids = {name: save_agency(d.store, d.admin, name=name).id for name in ("مخابرات استان", "پست استان", "گاز استان")}
    for n, agency in enumerate(ids.values()):
        r = sec.intake(d.store, d.clerk, case_input(n + 1), on=DAY)
        sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
        sec.register(d.store, d.clerk, r.case_id, on=DAY)
        sec.forward(d.store, d.admin, r.case_id, agency, on=DAY)
    rep = build_report(d.store, d.manager, period("season", 1404, 1), on=date(2025, 6, 5))
    assert [a.name for a in rep.agencies] == ["پست استان", "گاز استان", "مخابرات استان"]


def test_the_referral_picker_lists_people_in_persian_order(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                           monkeypatch: Any) -> None:
    from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView

    d = make_secretariat_desk(tmp_path)
    for i, name in enumerate(("مریم رحیمی", "پریا سعیدی", "ژاله کاظمی", "آرزو یزدانی")):
        accounts.create_user(d.store, d.admin, username=f"m{i}", full_name=name, password=PASSWORD,
                             roles={"manager"}, must_change_password=False)
    r = sec.intake(d.store, d.clerk, case_input(1), on=DAY)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY)
    sec.register(d.store, d.clerk, r.case_id, on=DAY)
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        to = dlg.form.field("to_user_id")
        seen.extend(visible(to.itemText(i)).split(" (")[0] for i in range(to.count()))  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = CaseView(make_ctx(d.store, d.expert, tmp_path))
    view.today.pin(DAY)
    view.load(r.case_id)
    qtbot.addWidget(view)
    view.buttons["refer"].click()
    # the managers first (an expert's usual way), then the other experts
    assert seen == ["آرزو یزدانی", "پریا سعیدی", "ژاله کاظمی", "کاربر manager1", "کاربر manager2", "مدیر سامانه",
                    "مریم رحیمی"]
