"""Intake (ثبت درخواست): the clerk types the applicant and the request, attaches scans, saves with
Enter, gets the tracking code and prints the receipt. A failed save keeps everything typed."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import persian
from ...errors import ValidationError
from ...models.secretariat import CATEGORIES
from ...services import secretariat as sec
from ...services import secretariat_query as q
from ...services.accounts import get_office
from ...services.numbers import format_tracking_code
from ...services.secretariat_docs import receipt_html
from ...services.secretariat_files import check_file
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..errors import error_text
from ..widgets import (
    NOTICE_STYLE,
    OK_STYLE,
    FileDropList,
    Form,
    JalaliDateEdit,
    LtrLineEdit,
    Today,
    digits,
    isolated,
    notice_label,
    reads_like_the_interface,
    text_digits,
)
from .case_view import case_window
from .common import ltr, print_html, save_pdf, status_text


class IntakePage(QWidget):
    """Signals:
        saved(str): the new case's id, after a successful save.
    """

    saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        #: today, read when the request is saved; when the day turns (a page left open
        #: overnight) the received date moves with it, unless the clerk chose another one
        self.today = Today(self)
        self.today.changed.connect(self._new_day)
        self.receipt: sec.Receipt | None = None
        self.files: list[Path] = []
        # a save is running in the background: Enter again (the fields' Enter calls `save`, the
        # disabled button does not stop it) must not save the request a second time
        self.saving = False
        root = QHBoxLayout(self)
        left = QVBoxLayout()
        root.addLayout(left, 3)
        self.form = Form()
        f = self.form
        self.national_id = LtrLineEdit()
        self.national_id.setPlaceholderText(digits("0012345678"))  # the interface's digits
        f.add_field("national_id", self.tr("کد ملی"), self.national_id)
        # a known applicant found by national ID: what was filled in from the stored record
        self.known = QLabel()
        self.known.setObjectName("known-applicant")
        self.known.setWordWrap(True)
        self.known.setStyleSheet(OK_STYLE)
        self.known.hide()
        f.form.addRow("", self.known)
        self._filled: dict[QLineEdit, str] = {}
        self._filled_for: str | None = None  # the national ID the fields were last filled for
        self.first_name = QLineEdit()
        f.add_field("first_name", self.tr("نام"), self.first_name)
        self.last_name = QLineEdit()
        f.add_field("last_name", self.tr("نام خانوادگی"), self.last_name)
        self.mobile = LtrLineEdit()
        self.mobile.setPlaceholderText(digits("09121234567"))
        f.add_field("mobile", self.tr("شماره همراه"), self.mobile)
        self.address = QLineEdit()
        f.add_field("address", self.tr("نشانی"), self.address)
        self.subject = QLineEdit()
        f.add_field("subject", self.tr("موضوع"), self.subject)
        self.text = reads_like_the_interface(QPlainTextEdit())  # Persian lines on the right
        self.text.setFixedHeight(110)
        self.text.setTabChangesFocus(True)  # Tab goes on to the next field, as in every other one
        f.add_field("text", self.tr("شرح درخواست"), self.text)
        self.category = QComboBox()
        self.category.setEditable(True)
        for category in CATEGORIES:  # the interface's word shown, the office's (Persian) one recorded
            self.category.addItem(QCoreApplication.translate("Categories", category), category)
        f.add_field("category", self.tr("دسته"), self.category)
        self.channel = QComboBox()
        for key, label in (("in_person", self.tr("حضوری")), ("post", self.tr("پستی")), ("phone", self.tr("تلفنی"))):
            self.channel.addItem(label, key)
        f.add_field("channel", self.tr("شیوه دریافت"), self.channel)
        self.received = JalaliDateEdit(value=self.today())
        self._received_default = self.today.day  # what the received date was set to by itself
        f.add_field("received_date", self.tr("تاریخ دریافت"), self.received)
        files_box = QWidget()
        fl = QHBoxLayout(files_box)
        fl.setContentsMargins(0, 0, 0, 0)
        self.file_list = FileDropList()  # scans dragged from a folder join the list too
        self.file_list.setObjectName("intake-files")
        self.file_list.setAccessibleName(self.tr("پیوست‌ها"))  # (the form's label names the row it stands in)
        # as tall as the scans listed, up to seven rows: fixed at three (70 px), fifteen scans of a
        # long file were read three at a time
        model = self.file_list.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._fit_file_list)
        self._fit_file_list()
        self.file_list.setToolTip(self.tr("پرونده‌های اسکن را اینجا رها کنید یا «افزودن پیوست…» را بزنید."))
        self.file_list.dropped.connect(self.add_files)
        add = QPushButton(self.tr("افزودن پیوست…"))
        add.clicked.connect(self.choose_files)
        remove = QPushButton(self.tr("حذف پیوست"))
        remove.clicked.connect(self.remove_selected_file)
        fl.addWidget(self.file_list, 1)
        side = QVBoxLayout()
        side.addWidget(add)
        side.addWidget(remove)
        side.addStretch(1)  # (the buttons at the top of a taller list)
        fl.addLayout(side)
        f.add_field("attachments", self.tr("پیوست‌ها"), files_box)
        left.addWidget(f)
        self.save_button = QPushButton(self.tr("ثبت درخواست (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        self.new_button = QPushButton(self.tr("فرم تازه"))
        self.new_button.setToolTip(self.tr("همه خانه‌های فرم و پیش‌نویس آن را پاک می‌کند"))
        self.new_button.clicked.connect(self.new_form)
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        left.addLayout(actions)
        self.draft_note = notice_label(self.tr("فرم نیمه‌کاره‌ای که پیش‌تر نوشته بودید بازگردانده شد؛ آن را کامل "
                                               "و ثبت کنید، یا «فرم تازه» را بزنید."), "draft-note")
        left.addWidget(self.draft_note)
        left.addStretch(1)
        for edit in (self.first_name, self.last_name, self.mobile, self.address, self.subject):
            edit.returnPressed.connect(self.save)
        # Enter in the national ID goes on with the form (Qt gives returnPressed before
        # editingFinished: saving there saved before a known applicant was filled in)
        self.national_id.returnPressed.connect(self.national_id_entered)
        self.national_id.editingFinished.connect(self.check_national_id)
        self.national_id.editingFinished.connect(self.fill_known_applicant)
        self.national_id.editingFinished.connect(self.refresh_duplicates)
        self.subject.editingFinished.connect(self.refresh_duplicates)

        right = QVBoxLayout()
        root.addLayout(right, 2)
        dup_box = QGroupBox(self.tr("درخواست‌های مشابه در ۹۰ روز گذشته"))
        dl = QVBoxLayout(dup_box)
        self.duplicates = QLabel(self.tr("موردی نیست."))
        self.duplicates.setObjectName("similar-cases")
        self.duplicates.setWordWrap(True)
        # each earlier case's tracking code opens it in a window of its own (Tab reaches the
        # links too): its status, holder and timeline read while the form keeps what is typed
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.duplicates.linkActivated.connect(self.open_case)
        #: the windows of earlier cases opened from the hint (kept while open)
        self.case_windows: list[QDialog] = []
        self.duplicates.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        dl.addWidget(self.duplicates, 1)
        self.confirm = notice_label(self.tr("پیش از ثبت این درخواست‌های مشابه را ببینید؛ اگر تکراری نیست، دوباره "
                                            "Enter بزنید."), "duplicates-confirm", bold=True)
        dl.addWidget(self.confirm)
        self._hinted: tuple[str, str] | None = None
        right.addWidget(dup_box, 1)  # room for the hint's lines (a squeezed box cut them)
        done_box = QGroupBox(self.tr("رسید"))
        rl = QVBoxLayout(done_box)
        self.result = QLabel(self.tr("پس از ثبت، کد رهگیری اینجا نشان داده می‌شود."))
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rl.addWidget(self.result)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("چاپ رسید (Ctrl+P)"))
        # (the receipt of the request just saved, from wherever the cursor is: the button sat some
        # sixteen Tabs away from the form)
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf_button = QPushButton(self.tr("رسید PDF"))
        self.print_button.clicked.connect(lambda: print_html(self, self.receipt_html()))
        self.pdf_button.clicked.connect(lambda: save_pdf(self, self.receipt_html(), "receipt.pdf"))
        for b in (self.print_button, self.pdf_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        rl.addLayout(buttons)
        right.addWidget(done_box)
        # what is typed is kept on disk as it is typed: a crash or a closed window loses nothing
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "secretariat-intake"), {
            "national_id": self.national_id, "first_name": self.first_name, "last_name": self.last_name,
            "mobile": self.mobile, "address": self.address, "subject": self.subject, "text": self.text,
            "category": self.category, "channel": self.channel, "received": self.received},
            self, extra=(lambda: [str(p) for p in self.files], self._restore_files))
        if self.draft.restore():
            self.draft_note.show()
        self.national_id.setFocus()

    #: the scans' list: never lower than it stood (70 px, three rows), at most this many rows tall
    FILE_LIST_MIN, FILE_ROWS = 70, 7

    def _fit_file_list(self, *_args: object) -> None:
        """The scans' list as tall as its rows, up to `FILE_ROWS` (scrolled beyond)."""
        rows = min(self.file_list.count(), self.FILE_ROWS)
        row = self.file_list.sizeHintForRow(0) if rows else 0
        self.file_list.setFixedHeight(max(self.FILE_LIST_MIN, rows * row + 2 * self.file_list.frameWidth() + 2))

    def _restore_files(self, paths: object) -> None:
        """The draft's attachments that are still on disk (one moved since is left out)."""
        for name in paths if isinstance(paths, list) else []:
            path = Path(str(name))
            if path.is_file() and path not in self.files:
                self.add_file(path)

    def _new_day(self, day: date) -> None:
        """The day turned: a received date left at the old today becomes the new today."""
        if self.received.value() == self._received_default:
            self.received.set_value(day)
        self._received_default = day

    # -- checks while typing --------------------------------------------------------------------

    def check_national_id(self) -> None:
        text = self.national_id.text()
        if text.strip() and not persian.is_valid_national_id(text):
            self.form.set_error("national_id", QCoreApplication.translate("Errors", persian.MSG_NATIONAL_ID_INVALID))
        elif self.form.error_of("national_id"):
            self.form.clear_errors()

    def fill_known_applicant(self) -> None:
        """A national ID of an applicant met before fills the name, mobile and address fields the
        clerk left empty (what was typed is kept), and says so under the field. Another ID typed
        afterwards takes back what was filled and not changed since."""
        if self.national_id.text() == self._filled_for:
            return  # (Enter, then the field left: one look is enough)
        self._filled_for = self.national_id.text()
        for edit, value in self._filled.items():
            if edit.text() == value:
                edit.clear()
        self._filled = {}
        self.known.hide()
        text = self.national_id.text()
        if not persian.is_valid_national_id(text):
            return
        try:
            known = q.find_applicant(self.ctx.store, self.ctx.actor, text)
        except Exception:  # a convenience must never stop the clerk
            known = None
        if known is None:
            return
        # the mobile as stored, in Latin digits, as every phone field of the app shows its value
        # and as a clerk types one in a left-to-right field (the service reads either digits)
        values = ((self.first_name, known.first_name, self.tr("نام")),
                  (self.last_name, known.last_name, self.tr("نام خانوادگی")),
                  (self.mobile, known.mobile, self.tr("شماره همراه")),
                  (self.address, text_digits(known.address), self.tr("نشانی")))
        filled = []
        for edit, value, label in values:
            if value and not edit.text().strip():
                edit.setText(value)
                self._filled[edit] = value
                filled.append(label)
        name = text_digits(f"{known.first_name} {known.last_name}")
        if filled:
            what = self.tr("، ").join(filled)
            self.known.setText(self.tr("متقاضی شناخته‌شده: {name}. {fields} از پرونده پیشین او پر شد؛ "
                                       "اگر چیزی تغییر کرده، اصلاحش کنید.").format(name=name, fields=what))
        else:
            self.known.setText(self.tr("متقاضی شناخته‌شده: {name}. آنچه نوشته‌اید جای اطلاعات پیشین او "
                                       "را می‌گیرد.").format(name=name))
        self.known.show()

    def national_id_entered(self) -> None:
        """Enter in the national ID: check it, fill a known applicant, show similar cases, and go
        on to the first field still empty (never a save: the form is not filled yet). A wrong ID
        keeps the focus, with the error under it."""
        self.check_national_id()
        if self.form.error_of("national_id"):
            return
        self.fill_known_applicant()
        self.refresh_duplicates()
        lines = (self.first_name, self.last_name, self.mobile, self.address, self.subject)
        empty: QWidget | None = next((w for w in lines if not w.text().strip()), None)
        if empty is None:
            empty = self.text if not self.text.toPlainText().strip() else self.subject
        empty.setFocus()

    def _hint_key(self) -> tuple[str, str]:
        """What the similar-cases hint was worked out for: the national ID and the subject."""
        return (persian.to_ascii_digits(self.national_id.text().strip()), persian.search_key(self.subject.text()))

    def refresh_duplicates(self) -> list[q.CaseRow]:
        """Show the cases of the last 90 days with this national ID or a very similar subject."""
        if self._hint_key() != self._hinted:  # (the same hint again, as the field is left: it stays)
            self.confirm.hide()
        self._hinted = self._hint_key()
        try:
            rows = q.possible_duplicates(self.ctx.store, self.ctx.actor, self.national_id.text(),
                                         self.subject.text(), on=self.today())
        except Exception:  # a hint must never stop the clerk
            rows = []
        if not rows:
            self.duplicates.setText(self.tr("موردی نیست."))
            self.duplicates.setStyleSheet("")
            return rows
        sep = self.tr("، ")
        # the name and the subject are isolated: the line reads in the interface's direction (set
        # by its status), not in that of a Persian name, in English too
        lines = [f"• <a href=\"{r.id}\">{ltr(digits(format_tracking_code(r.tracking_code)))}</a> — "
                 f"{html.escape(isolated(text_digits(r.applicant_name)))} — "
                 f"{html.escape(isolated(text_digits(r.subject)))} "
                 f"({text_digits(persian.format_jalali_date(r.received_date))}{sep}{status_text(r.status)})"
                 for r in rows]
        hinted = q.hinted_national_id(self.national_id.text())
        if hinted is not None and hinted[1]:
            # a check digit mistyped: the ID of the applicant met before is said, for the clerk to ask
            lines.insert(0, html.escape(self.tr("کد ملی نوشته‌شده درست نیست؛ شاید {nid} باشد:").format(
                nid=ltr(digits(hinted[0])))))
        how = self.tr("برای دیدن هر پرونده، کد رهگیری‌اش را بزنید.")
        lines.append(f"<i>{html.escape(how)}</i>")
        # the interface's direction, said: rich text takes it from the first letter, the Persian
        # name's in the English interface (its lines stood on the right, the brackets backwards)
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.duplicates.setText(f"<div dir=\"{'rtl' if rtl else 'ltr'}\">{'<br>'.join(lines)}</div>")
        self.duplicates.setStyleSheet(NOTICE_STYLE)
        return rows

    def open_case(self, case_id: str) -> None:
        """An earlier case from the hint, in a window of its own (`case_window`): read while the
        intake keeps everything typed."""
        window = case_window(self.ctx, case_id, self, self.today)
        self.case_windows.append(window)
        window.destroyed.connect(lambda *_: self.case_windows.remove(window) if window in self.case_windows else None)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("پیوست‌ها"), "",
                                                self.tr("اسکن‌ها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        self.add_files([Path(n) for n in names])  # (a scan chosen again is listed once)

    def remove_selected_file(self) -> None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.file_list.takeItem(row)
            self.draft.touched()

    def add_files(self, paths: list[Path]) -> None:
        """Files dropped on the list (one already there is not added twice)."""
        for path in paths:
            if path not in self.files:
                self.add_file(path)

    def add_file(self, path: Path) -> None:
        self.files.append(path)
        self.file_list.addItem(path.name)
        self.draft.touched()

    # -- saving ---------------------------------------------------------------------------------

    def input(self) -> sec.CaseInput:
        return sec.CaseInput(
            national_id=self.national_id.text(), first_name=self.first_name.text(),
            last_name=self.last_name.text(), mobile=self.mobile.text(),
            address=self.address.text(), subject=self.subject.text(),
            text=self.text.toPlainText(), category=self.category_value(),
            channel=str(self.channel.currentData()), received_date=self.received.value(),
            attachments=list(self.files))

    def category_value(self) -> str:
        """The category recorded: a listed one as the office words it (Persian, whatever the
        interface's language), or what the clerk typed."""
        typed = self.category.currentText()
        index = self.category.findText(typed.strip())
        return str(self.category.itemData(index)) if index >= 0 else typed

    def save(self) -> None:
        """Save, unless similar cases turn up that the clerk has not seen yet: Enter in the subject
        saved before its hint was worked out (the hint came after the save and was then cleared).
        They are shown first, and Enter again saves: a hint, never a refusal. While a save is
        running, Enter again does nothing: the request is saved once."""
        if self.saving or self.form.dates_refused():
            return
        self.today.check()  # a day turned since the last minute's look moves the received date first
        if self._hint_key() != self._hinted and self.refresh_duplicates():
            self.confirm.show()
            return
        if not self._files_readable():
            return
        data = self.input()
        self.saving = True
        self.save_button.setEnabled(False)
        day = self.today()
        self.ctx.tasks.run(lambda: sec.intake(self.ctx.store, self.ctx.actor, data, on=day),
                           on_done=self._saved, on_error=self._failed)

    def _files_readable(self) -> bool:
        """Each scan listed will be taken (a scan, not too big, still on disk); else the first that
        will not is named at the field with why, and its row chosen for «حذف پیوست» (the service's
        refusal named no file: which of five scans was it?)."""
        for row, path in enumerate(self.files):
            try:
                check_file(path)
            except ValidationError as err:
                self.form.set_error("attachments", self.tr("«{name}»: {reason}").format(
                    name=isolated(path.name), reason=error_text(err)))
                self.file_list.setCurrentRow(row)
                return False
        return True

    def _failed(self, err: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.form.show_error(err)  # nothing typed is cleared

    def _saved(self, receipt: sec.Receipt) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.receipt = receipt
        self.form.clear_errors()
        code = ltr(digits(format_tracking_code(receipt.tracking_code)))
        self.result.setText(self.tr("درخواست {name} ثبت شد.\nکد رهگیری: {code}")
                            .replace("{name}", receipt.applicant_name).replace("{code}", code))
        self.result.setStyleSheet("font-size: 15pt; color: #1b5e20;")
        for b in (self.print_button, self.pdf_button):
            b.setEnabled(True)
        self._clear_fields()  # (and the draft: it is a case now)
        self.national_id.setFocus()
        self.ctx.bus.changed.emit("secretariat")
        self.saved.emit(receipt.case_id)

    def new_form(self) -> None:
        """Start again: every field emptied or back to its default (received today, in person, the
        first category) and the draft dropped (the receipt shown stays)."""
        self._clear_fields()
        self.form.clear_errors()
        self.national_id.setFocus()

    def _clear_fields(self) -> None:
        """The form as the next walk-in finds it (after a save, or «فرم تازه»): a date or channel
        chosen for one posted letter must not date or file the next request."""
        for edit in (self.national_id, self.first_name, self.last_name, self.mobile, self.address, self.subject):
            edit.clear()
        self.text.clear()
        self.category.setCurrentIndex(0)
        self.category.setEditText(self.category.itemText(0))  # (a category typed and not chosen)
        self.channel.setCurrentIndex(0)
        day = self.today()
        self.received.set_value(day)
        self._received_default = day
        self.files.clear()
        self.file_list.clear()
        self.duplicates.setText(self.tr("موردی نیست."))
        self.duplicates.setStyleSheet("")
        self.confirm.hide()
        self._hinted = None
        self.known.hide()
        self._filled, self._filled_for = {}, None
        self.draft_note.hide()
        self.draft.clear()

    def receipt_html(self) -> str:
        r = self.receipt
        assert r is not None
        return receipt_html(get_office(self.ctx.store), tracking_code=r.tracking_code,
                            applicant_name=r.applicant_name, subject=r.subject, received_date=r.received_date,
                            channel=r.channel, attachments=r.attachments, printed_on=self.today())

