"""The expert's initial review and the case's scanned documents as a clerk meets them: the reason
of a rejection chosen, the attachments' list and its messages."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.secretariat.case_view import ActionDialog, CaseView
from tests.factories import make_user
from tests.secretariat_helpers import PDF_BYTES, PNG_BYTES, Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx, visible

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _view(qtbot: Any, desk: Desk, tmp_path: Path, actor: Any, case_id: str) -> CaseView:
    view = CaseView(make_ctx(desk.store, actor, tmp_path))
    view.today.pin(DAY)
    view.load(case_id)
    qtbot.addWidget(view)
    return view


def test_the_expert_rejects_only_with_a_reason_chosen_not_the_first_of_the_list(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        dlg.submit()  # OK at once: no reason chosen
        seen["error"] = dlg.form.error_of("reason")
        seen["status"] = q.get_case(desk.store, desk.expert, case_id).case["status"]
        reason = dlg.form.field("reason")
        reason.setCurrentIndex(reason.findData("مدارک ناقص"))  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["reject"].click()
    assert seen == {"error": "دلیل رد را برگزینید.", "status": "received"}
    c = view.detail.case  # type: ignore[union-attr]
    assert (c["status"], c["reject_reason"]) == ("rejected", "مدارک ناقص")


def test_each_attachment_reads_its_name_whole_and_its_size_in_persian(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    small, big = tmp_path / "نامه شکایت.pdf", tmp_path / "scan-2.png"
    small.write_bytes(PDF_BYTES)  # 45 bytes: «۰ KB» it read, as if empty
    big.write_bytes(PNG_BYTES + b"\0" * (3 * 1024 * 1024 + 200 * 1024))
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[small, big]), on=DAY).case_id
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    rows = [view.attachments.item(i).text() for i in range(view.attachments.count())]
    assert [visible(r).lstrip("\u200f") for r in rows] == ["نامه شکایت.pdf (۱ کیلوبایت) — همراه درخواست، ۱۴۰۴/۰۲/۱۴",
                                                         "scan-2.png (۳٫۲ مگابایت) — همراه درخواست، ۱۴۰۴/۰۲/۱۴"]
    # the name kept whole (isolated: «.pdf» and the size had changed places around a Persian
    # name) and the line laid out right to left (a Latin name had turned it round)
    assert all(r.startswith("\u200f\u2068") and "\u2069 (" in r for r in rows)


def test_a_scan_not_on_this_desk_is_said_for_its_own_case_only(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.services.secretariat_files import attachment_path

    first, second = tmp_path / "a.pdf", tmp_path / "b.png"
    first.write_bytes(PDF_BYTES)
    second.write_bytes(PNG_BYTES)
    a = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[first]), on=DAY).case_id
    b = sec.intake(desk.store, desk.clerk, case_input(2, attachments=[second]), on=DAY).case_id
    view = _view(qtbot, desk, tmp_path, desk.expert, a)
    attachment_path(desk.store, view.detail.attachments[0]["sha256"]).unlink()  # type: ignore[union-attr]
    assert view.attachment_copy(0) is None
    assert not view.attachment_message.isHidden()
    view.load(b)  # another case, whose scan is here: no word of the first one's
    assert view.attachment_message.isHidden() and view.attachment_message.text() == ""
    assert view.attachment_copy(0) is not None


def test_intake_names_the_scan_it_refuses_and_takes_a_scan_chosen_twice_once(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kanoon_desk.ui.secretariat.intake import IntakePage
    from tests.secretariat_helpers import national_id

    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    page.today.pin(DAY)
    page.received.set_value(DAY)
    qtbot.addWidget(page)
    good, notes, gone = tmp_path / "شکایت.pdf", tmp_path / "notes.pdf", tmp_path / "sanad.png"
    good.write_bytes(PDF_BYTES)
    notes.write_bytes(b"just text, not a scan")
    gone.write_bytes(PNG_BYTES)
    picked = [[str(good), str(notes)], [str(good), str(gone)]]  # the first one chosen again
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked.pop(0), ""))
    page.choose_files()
    page.choose_files()
    assert page.files == [good, notes, gone] and page.file_list.count() == 3
    page.national_id.setText(national_id(31))
    page.first_name.setText("مریم")
    page.last_name.setText("احمدی")
    page.subject.setText("خرابی آسفالت معبر")
    page.save()  # which of the three is not a scan: said, and its row chosen to remove
    assert visible(page.form.error_of("attachments")) == "«notes.pdf»: فقط پرونده‌های PDF، JPEG، PNG و TIFF پذیرفته می‌شود."
    assert page.file_list.currentRow() == 1 and page.receipt is None
    page.remove_selected_file()
    gone.unlink()  # moved away since it was added
    page.save()
    assert visible(page.form.error_of("attachments")) == "«sanad.png»: پرونده پیوست خوانده نشد."
    assert page.file_list.currentRow() == 1 and page.receipt is None
    page.remove_selected_file()
    page.save()
    assert page.receipt is not None and page.receipt.attachments == 1


def test_intake_refuses_one_scan_chosen_under_two_names_at_the_scans_keeping_the_form(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A scan and its copy («… (1).pdf») listed together were both attached (the case listed and
    printed the same pages twice); now the save is refused at the scans, naming both, and nothing
    typed or listed is lost."""
    from kanoon_desk.ui.secretariat.intake import IntakePage
    from tests.secretariat_helpers import national_id

    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    page.today.pin(DAY)
    page.received.set_value(DAY)
    qtbot.addWidget(page)
    first, copy = tmp_path / "نامه شکایت.pdf", tmp_path / "نامه شکایت (1).pdf"
    first.write_bytes(PDF_BYTES)
    copy.write_bytes(PDF_BYTES)
    page.add_files([first, copy])
    page.national_id.setText(national_id(32))
    page.first_name.setText("مریم")
    page.last_name.setText("احمدی")
    page.subject.setText("خرابی آسفالت معبر")
    page.refresh_duplicates()
    page.save()
    assert visible(page.form.error_of("attachments")) == (
        "«نامه شکایت (۱).pdf» همان پیوست «نامه شکایت.pdf» است؛ یکی از آن دو را از فهرست بردارید.")
    assert page.receipt is None and page.files == [first, copy] and page.subject.text() == "خرابی آسفالت معبر"
    page.file_list.setCurrentRow(1)
    page.remove_selected_file()
    page.save()
    assert page.receipt is not None and page.receipt.attachments == 1


def test_a_misread_tracking_code_takes_the_last_case_away_from_under_the_list(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.services.numbers import format_tracking_code
    from kanoon_desk.ui.secretariat.lists import SearchPage

    first = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.text.setText(format_tracking_code(first.tracking_code))  # the applicant on the phone reads it out
    page.run()
    assert page.view.case_id == first.case_id
    code = first.tracking_code
    page.text.setText(code[:-1] + str((int(code[-1]) + 1) % 10))  # the next caller's, one digit misheard
    page.run()
    assert page.count.text() == "کد رهگیری نادرست است؛ رقم‌هایش را دوباره بخوانید."
    assert page.model.rowCount() == 0
    # not the first caller's case left below, to be read out to the second
    assert page.view.case_id is None and page.view.body.isHidden()


def test_a_scan_this_desk_cannot_read_is_said_not_a_crash(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.services.secretariat_files import attachment_path

    scan = tmp_path / "a.pdf"
    scan.write_bytes(PDF_BYTES)
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[scan]), on=DAY).case_id
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    kept = attachment_path(desk.store, view.detail.attachments[0]["sha256"])  # type: ignore[union-attr]
    kept.unlink()
    kept.mkdir()  # there, but not a file this desk can read (a damaged disk, a wrong permission)
    assert view.attachment_copy(0) is None
    assert view.attachment_message.text() == "پرونده این پیوست روی این میز خوانده نشد؛ به پشتیبان سامانه خبر دهید."
    assert not view.attachment_message.isHidden()


def test_a_scan_the_case_already_has_is_refused_at_the_file_not_attached_twice(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QLineEdit

    scan, copy = tmp_path / "شکایت.pdf", tmp_path / "scan-copy.pdf"
    scan.write_bytes(PDF_BYTES)
    copy.write_bytes(PDF_BYTES)  # the same pages, saved again under another name
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[scan]), on=DAY).case_id
    seen: list[str] = []

    def fake_exec(dlg: ActionDialog) -> int:
        dlg.findChild(QLineEdit, "attachments-path").setText(str(copy))
        dlg.submit()
        seen.append(dlg.form.error_of("attachments"))
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["attach"].click()
    assert seen == ["این پیوست پیش‌تر به این پرونده افزوده شده است."]
    assert len(q.get_case(desk.store, desk.expert, case_id).attachments) == 1
    assert view.attachments.count() == 1


def test_a_scan_attached_by_mistake_is_taken_off_with_its_reason(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk who attached another person's document had no way to take it off the case."""
    mine, wrong = tmp_path / "درخواست.pdf", tmp_path / "سند دیگری.png"
    mine.write_bytes(PDF_BYTES)
    wrong.write_bytes(PNG_BYTES)
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[mine, wrong]), on=DAY).case_id
    seen: dict[str, Any] = {}

    def fake_exec(dlg: ActionDialog) -> int:
        dlg.submit()  # OK with no reason: said at the field, nothing removed
        seen["error"] = dlg.form.error_of("reason")
        seen["still"] = len(q.get_case(desk.store, desk.clerk, case_id).attachments)
        dlg.form.field("reason").setPlainText("سند شخص دیگری بود")  # type: ignore[attr-defined]
        dlg.submit()
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id)
    assert not view.remove_button.isHidden() and not view.remove_button.isEnabled()  # until one is chosen
    view.attachments.setCurrentRow(1)
    assert view.remove_button.isEnabled()
    view.remove_button.click()
    assert seen == {"error": "بنویسید چرا این پیوست برداشته می‌شود.", "still": 2}
    assert [visible(view.attachments.item(i).text()).lstrip("\u200f") for i in range(view.attachments.count())] \
        == ["درخواست.pdf (۱ کیلوبایت) — همراه درخواست، ۱۴۰۴/۰۲/۱۴"]
    model = view.timeline.model()
    last = [visible(model.index(model.rowCount() - 1, c).data()) for c in range(model.columnCount())]
    assert last[2:] == ["برداشتن پیوست", "کاربر clerk1", "سند دیگری.png — «سند شخص دیگری بود»"]
    html = view.history_html()  # the printed file lists only the case's scans, and tells the removal
    assert '<td align="right">درخواست.pdf</td>' in html and '<td align="right">سند دیگری.png</td>' not in html
    assert "سند شخص دیگری بود" in html
    # another clerk may not take the first clerk's scan off; once the case is closed, nobody
    other = sec.intake(desk.store, desk.clerk, case_input(2, attachments=[mine]), on=DAY).case_id
    clerk2 = _view(qtbot, desk, tmp_path, make_user(desk.store, desk.admin, "clerk2", "clerk"), other)
    assert clerk2.remove_button.isHidden()
    expert = _view(qtbot, desk, tmp_path, desk.expert, other)
    assert not expert.remove_button.isHidden()
    sec.review(desk.store, desk.expert, other, accept=False, reason="تکراری", on=DAY)
    expert.load(other)
    assert expert.remove_button.isHidden()


def test_each_scan_says_what_it_is_in_the_list_on_the_timeline_and_in_the_printed_file(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The kind asked at «افزودن پیوست» («گونه») and the agency's answer's scan were recorded but
    shown nowhere: among fifteen scans a manager could not tell which was the agency's answer; the
    printed file listed bare names. Now the list, the timeline's step and the printed file say it."""
    request, letter, answer = tmp_path / "درخواست.pdf", tmp_path / "قبض.png", tmp_path / "پاسخ.pdf"
    request.write_bytes(PDF_BYTES)
    letter.write_bytes(PNG_BYTES)
    answer.write_bytes(PDF_BYTES + b"%answer\n")
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[request]), on=DAY).case_id
    sec.review(desk.store, desk.expert, case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, case_id, on=DAY)
    sec.add_attachment(desk.store, desk.clerk, case_id, letter, kind="applicant")
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=DAY)
    sec.record_response(desk.store, desk.clerk, case_id, text="انجام شد", attachment=answer)
    view = _view(qtbot, desk, tmp_path, desk.manager, case_id)
    rows = {visible(view.attachments.item(i).text()).split(" (")[0].lstrip("\u200f"):
            visible(view.attachments.item(i).text()) for i in range(view.attachments.count())}
    assert "— همراه درخواست، ۱۴۰۴/۰۲/۱۴" in rows["درخواست.pdf"]
    assert "— مدرک متقاضی، " in rows["قبض.png"] and "— پاسخ دستگاه، " in rows["پاسخ.pdf"]
    tips = [visible(view.attachments.item(i).toolTip()) for i in range(view.attachments.count())]
    assert all(tip.startswith("افزوده به دست کاربر clerk1، ") for tip in tips)
    model = view.timeline.model()
    steps = [visible(model.index(r, 4).data()) for r in range(model.rowCount())
             if model.index(r, 2).data() == "پیوست"]
    assert sorted(steps) == ["درخواست.pdf — همراه درخواست", "قبض.png — مدرک متقاضی", "پاسخ.pdf — پاسخ دستگاه"]
    html = view.history_html()
    for cell in ("پاسخ دستگاه", "مدرک متقاضی", "همراه درخواست", "افزوده به دست", "کاربر clerk1", "۱ کیلوبایت"):
        assert f">{cell}<" in html, cell


def test_a_scan_opened_again_is_one_copy_and_the_copies_go_when_the_program_ends(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Each opening of a scan left a copy in a temporary folder of its own, never removed: the
    applicants' papers piled up on the computer (a 20 MB scan once more at each look). Now a scan
    opened again is the same copy, two scans of one name stay apart, and the session's copies are
    removed when the program ends."""
    from kanoon_desk.ui.secretariat import case_view

    case_view.remove_scan_copies()  # (a session of its own: scans opened by earlier tests not counted)
    one, two = tmp_path / "a" / "اسکن.pdf", tmp_path / "b" / "اسکن.pdf"
    one.parent.mkdir()
    two.parent.mkdir()
    one.write_bytes(PDF_BYTES)
    two.write_bytes(PDF_BYTES + b"%2\n")
    case_id = sec.intake(desk.store, desk.clerk, case_input(1, attachments=[one, two]), on=DAY).case_id
    view = _view(qtbot, desk, tmp_path, desk.clerk, case_id)
    copies = [view.attachment_copy(0) for _ in range(3)]
    other = view.attachment_copy(1)
    assert copies[0] is not None and other is not None
    assert copies == [copies[0]] * 3 and other != copies[0]
    assert copies[0].name == other.name == "اسکن.pdf"
    assert copies[0].read_bytes() == PDF_BYTES and other.read_bytes() == PDF_BYTES + b"%2\n"
    folder = case_view.scan_copies()
    assert sorted(p.relative_to(folder) for p in folder.rglob("*.pdf")) == sorted(
        [copies[0].relative_to(folder), other.relative_to(folder)])
    case_view.remove_scan_copies()  # (what the program does as it ends)
    assert not folder.exists() and not copies[0].exists()
    again = view.attachment_copy(0)  # (a scan opened after: a folder again)
    assert again is not None and again.read_bytes() == PDF_BYTES


def test_the_scan_copies_of_a_program_that_crashed_go_when_the_next_one_opens_a_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program that crashed (or lost power) never reached its end, and its copies of the
    applicants' scans stayed in the temporary folder for good. The next program to open a scan now
    removes them; a folder another running program still owns stays."""
    from kanoon_desk.ui.secretariat import case_view

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    crashed = subprocess.run([sys.executable, "-c", (
        "import os\n"
        "from kanoon_desk.ui.secretariat.case_view import scan_copies\n"
        "folder = scan_copies()\n"
        "(folder / 'x').mkdir()\n"
        "(folder / 'x' / 'اسکن.pdf').write_bytes(b'%PDF-1.4')\n"
        "print(folder, flush=True)\n"
        "os._exit(1)\n")], capture_output=True, text=True, env={**os.environ, "TMPDIR": str(tmp_path)},
        timeout=120)
    left = Path(crashed.stdout.strip())
    assert left.parent == tmp_path and (left / "x" / "اسکن.pdf").is_file()  # what a crash left
    running = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "from kanoon_desk.ui.secretariat.case_view import scan_copies\n"
        "print(scan_copies(), flush=True)\n"
        "sys.stdin.readline()\n")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "TMPDIR": str(tmp_path)})
    try:
        assert running.stdout is not None
        theirs = Path(running.stdout.readline().strip())
        case_view.remove_scan_copies()
        ours = case_view.scan_copies()  # (a scan opened in this program)
        assert not left.exists()
        assert theirs.is_dir()  # another program's, still open
        assert ours.is_dir() and ours != theirs
    finally:
        assert running.stdin is not None
        running.communicate("\n", timeout=60)  # (its pipes closed with it)
        case_view.remove_scan_copies()
    assert not theirs.exists()  # (it ended normally and took its folder with it)


def test_the_intake_lists_up_to_seven_scans_at_once(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The intake's list of scans stood three rows tall whatever was listed: fifteen scans of a long
    file were read three at a time. It is now as tall as its rows, from three to seven."""
    from kanoon_desk.ui.secretariat.intake import IntakePage

    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)

    def shown() -> int:
        view = page.file_list.viewport().rect()
        return sum(1 for i in range(page.file_list.count())
                   if view.contains(page.file_list.visualItemRect(page.file_list.item(i))))

    empty = page.file_list.height()
    scans = []
    for i in range(10):
        scans.append(tmp_path / f"مدرک {i + 1}.pdf")
        scans[-1].write_bytes(PDF_BYTES + f"%{i}\n".encode())
    page.add_files(scans[:2])
    assert page.file_list.height() == empty and shown() == 2
    page.add_files(scans[2:])
    qtbot.waitUntil(lambda: shown() == 7)
    assert page.file_list.verticalScrollBar().maximum() > 0  # (the other three: scrolled to)
    page.file_list.setCurrentRow(0)
    for _ in range(6):
        page.remove_selected_file()
    qtbot.waitUntil(lambda: shown() == 4)  # (once the list is laid out again)
    assert page.file_list.height() > empty
    page.new_form()  # (a fresh form: three rows again)
    assert page.file_list.count() == 0 and page.file_list.height() == empty
