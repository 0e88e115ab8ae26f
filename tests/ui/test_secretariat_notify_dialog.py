"""The «اعلام به متقاضی» dialog as the clerk sees it: the mobile beside its label, the SMS's
live length and parts, a tracking code the applicant can read and type back."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import compile_english, ink_span, language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _answered(desk: Desk, n: int = 1, **over: Any) -> str:
    case_id = sec.intake(desk.store, desk.clerk, case_input(n, **over), on=DAY).case_id
    sec.review(desk.store, desk.expert, case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, case_id, on=DAY)
    sec.refer(desk.store, desk.expert, case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="آسفالت کوچه تا هفته آینده انجام می‌شود",
                        on=DAY + timedelta(days=5))
    return case_id


def _open_notify(qtbot: Any, desk: Desk, tmp_path: Path, case_id: str, monkeypatch: pytest.MonkeyPatch,
                 look: Any) -> None:
    """Open the notify dialog on the case, shown at 600 px wide, and let `look(dialog)` see it."""
    def fake_exec(dlg: ActionDialog) -> int:
        dlg.resize(600, 400)
        dlg.show()
        qtbot.waitExposed(dlg)
        look(dlg)
        dlg.hide()
        return 0

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = CaseView(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(view)
    view.today.pin(DAY + timedelta(days=5))
    view.load(case_id)
    view.buttons["notify"].click()


def test_the_mobile_number_sits_beside_its_label_in_either_language(
        qapp: Any, qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The number (a left-to-right island) was drawn at the far left of the Persian dialog, away
    from «شماره همراه» on the right."""
    case_id = _answered(desk)
    spans: list[tuple[int, int, int]] = []

    def look(dlg: ActionDialog) -> None:
        label = dlg.form.field("mobile")
        spans.append((*ink_span(label), label.width()))

    _open_notify(qtbot, desk, tmp_path, case_id, monkeypatch, look)
    left, right, width = spans[0]
    assert right > width * 3 // 4 and left > width // 2, spans
    with language(qapp, "en", compile_english(tmp_path)):
        _open_notify(qtbot, desk, tmp_path, case_id, monkeypatch, look)
    left, right, width = spans[1]
    assert left < width // 4 and right < width // 2, spans


def test_the_sms_shows_its_length_and_parts_as_the_clerk_types(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    """Under the SMS: «۱۲۳ نویسه، ۲ پیامک» in Persian digits, updated at each key (a Persian SMS
    is 70 characters in one part, 67 a part past that), red past the 480 that are sent at all;
    no count for a phone call."""
    case_id = _answered(desk)
    seen: dict[str, Any] = {}

    def look(dlg: ActionDialog) -> None:
        method, text, size = dlg.form.field("method"), dlg.form.field("text"), dlg.form.field("sms_size")
        seen["phone"] = size.isVisibleTo(dlg)
        method.setCurrentIndex(method.findData("sms"))  # type: ignore[attr-defined]
        default = text.toPlainText()  # type: ignore[attr-defined]
        n = len(default)
        fa = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
        seen["default"] = (size.text(), f"{n} نویسه، {-(-n // 67)} پیامک".translate(fa))  # type: ignore[attr-defined]
        text.clear()  # type: ignore[attr-defined]
        type_persian(text, "س" * 70)
        seen["70"] = (size.text(), size.isVisibleTo(dlg), size.styleSheet())  # type: ignore[attr-defined]
        type_persian(text, "ب")
        seen["71"] = size.text()  # type: ignore[attr-defined]
        text.setPlainText("س" * 481)  # type: ignore[attr-defined]
        seen["481"] = (size.text(), size.styleSheet())  # type: ignore[attr-defined]

    _open_notify(qtbot, desk, tmp_path, case_id, monkeypatch, look)
    assert seen["phone"] is False
    assert seen["default"][0] == seen["default"][1]
    assert seen["70"] == ("۷۰ نویسه، ۱ پیامک", True, "")
    assert seen["71"] == "۷۱ نویسه، ۲ پیامک"
    said, style = seen["481"]
    assert said.startswith("۴۸۱ نویسه، ۸ پیامک") and "۴۸۰" in said and "b00020" in style


@pytest.mark.parametrize(("text", "size"), [
    ("", (0, 0)), ("س" * 70, (70, 1)), ("س" * 71, (71, 2)), ("س" * 134, (134, 2)), ("س" * 135, (135, 3)),
    ("a" * 160, (160, 1)), ("a" * 161, (161, 2)), ("س" * 480, (480, 8)),
])
def test_sms_size_counts_parts_as_a_gateway_bills_them(text: str, size: tuple[int, int]) -> None:
    assert sec.sms_size(text) == size


def _groups_in_reading_order(line: str, groups: list[str]) -> bool:
    """Whether `groups` are drawn left to right, in order, in `line` laid out right to left (as a
    Persian phone shows an SMS): the bidi algorithm, as Qt runs it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(line, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    row = layout.createLine()
    row.setLineWidth(100_000)
    layout.endLayout()
    xs = [row.cursorToX(line.index(g) + 2)[0] for g in groups]  # (inside a group: no run boundary)
    return xs == sorted(xs)


def test_the_tracking_code_in_the_sms_reads_in_groups_of_four_in_order(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SMS gave the code as 16 digits in one run; grouped like the receipt it must stay in
    order on a right-to-left phone screen (groups split by spaces or hyphens come out last group
    first), in the box and in the SMS queued once the clerk sends what the box shows."""
    from kanoon_desk.persian import to_persian_digits
    from kanoon_desk.services import secretariat_query as q

    case_id = _answered(desk)
    code = q.get_case(desk.store, desk.clerk, case_id).case["tracking_code"]
    groups = [to_persian_digits(code[i:i + 4]) for i in range(0, 16, 4)]
    seen: list[str] = []

    def look(dlg: ActionDialog) -> None:
        method, text = dlg.form.field("method"), dlg.form.field("text")
        method.setCurrentIndex(method.findData("sms"))  # type: ignore[attr-defined]
        seen.append(text.document().toRawText())  # type: ignore[attr-defined]  # (as drawn: toPlainText gives spaces)
        dlg.submit()

    _open_notify(qtbot, desk, tmp_path, case_id, monkeypatch, look)
    shown = seen[0]
    assert to_persian_digits(code) not in shown and all(g in shown for g in groups), shown
    [notice] = [t for t in q.get_case(desk.store, desk.clerk, case_id).timeline if t.type == "case.notified"]
    sent = notice.payload["text"]
    assert code not in sent
    for line in (shown, sent, to_persian_digits(sent)):
        assert _groups_in_reading_order(line, [g if line is not sent else code[i * 4:i * 4 + 4]
                                               for i, g in enumerate(groups)]), line
