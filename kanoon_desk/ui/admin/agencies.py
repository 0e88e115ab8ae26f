"""Agency directory page (دستگاه‌های اجرایی): the province's executive agencies the manager forwards
cases to; the admin adds one, corrects its name, deadline and contact details, or deactivates it
(never deletes: forwarded cases and their letters name it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import secretariat_agencies as agencies
from ...services.secretariat_agencies import DEFAULT_DEADLINE_DAYS, AgencyView, MergePlan, UnmergePlan
from ..accessible import NamedDialog
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..errors import error_text
from ..fitting import FlowLayout
from ..import_progress import ImportProgress
from ..library.history import FieldHistoryDialog
from ..tasks import Progressing
from ..widgets import (
    ERROR_STYLE,
    Form,
    LazyTableModel,
    LtrLineEdit,
    digits,
    list_fetcher,
    notice_label,
    select_row,
    text_digits,
)
from .agency_import import AgencyImportDialog
from .history import open_history

#: The area announced on the bus: the forward dialog and the search filter read the directory.
AREA = "secretariat"


class AgenciesModel(LazyTableModel):
    """Every agency of the directory, active or not, by name; the address (last) takes the spare width."""

    def __init__(self, ctx: UiContext, show_inactive: bool = True) -> None:
        self.show_inactive = show_inactive
        fetch, count = list_fetcher(
            lambda: agencies.list_agencies(ctx.store, include_inactive=self.show_inactive))
        super().__init__([QCoreApplication.translate("AgenciesModel", "نام دستگاه"),
                          QCoreApplication.translate("AgenciesModel", "وضعیت"),
                          QCoreApplication.translate("AgenciesModel", "مهلت پاسخ (روز کاری)"),
                          QCoreApplication.translate("AgenciesModel", "تلفن"),
                          QCoreApplication.translate("AgenciesModel", "نشانی")], fetch, count)

    def display(self, row: Any, column: int) -> str:
        a: AgencyView = row
        if column == 0:
            return a.name
        if column == 1:
            if a.merged_into is not None:
                return self.tr("ادغام‌شده در «%1»").replace("%1", a.merged_into_name)
            return self.tr("فعال") if a.active else self.tr("غیرفعال")
        if column == 2:
            if a.deadline_days is None:
                return self.tr("{n} (پیش‌فرض)").format(n=digits(DEFAULT_DEADLINE_DAYS))
            return digits(a.deadline_days)
        if column == 3:
            return "\u2066" + digits(a.phone) + "\u2069" if a.phone else ""
        return a.address


class AgencyDialog(NamedDialog):
    """Add an agency (`agency` is None) or correct one; refusals are shown at their field and
    nothing typed is lost. A new agency half typed is kept as a draft until it is saved or
    «انصراف» drops it: Esc and the window's close button only close the dialog, and the next new
    agency is filled with it again (a correction is the agency's own values, never a draft)."""

    def __init__(self, ctx: UiContext, agency: AgencyView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.agency = ctx, agency
        self.setWindowTitle(self.tr("دستگاه اجرایی تازه") if agency is None else self.tr("اصلاح دستگاه اجرایی"))
        self.setMinimumWidth(600)
        self.form = Form()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.deadline_days = QSpinBox()
        self.deadline_days.setObjectName("deadline_days")
        self.deadline_days.setRange(0, 90)
        # 0 stands for "no override": the office's default of 15 working days
        self.deadline_days.setSpecialValueText(
            self.tr("پیش‌فرض ({n} روز کاری)").format(n=digits(DEFAULT_DEADLINE_DAYS)))
        self.deadline_days.setSuffix(self.tr(" روز کاری"))
        self.phone = LtrLineEdit()
        self.phone.setObjectName("phone")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        f = self.form
        f.add_field("name", self.tr("نام دستگاه"), self.name)
        f.add_field("deadline_days", self.tr("مهلت پاسخ"), self.deadline_days)
        f.add_field("phone", self.tr("تلفن"), self.phone)
        f.add_field("address", self.tr("نشانی"), self.address)
        if agency is not None:
            self.name.setText(agency.name)
            self.deadline_days.setValue(agency.deadline_days or 0)
            self.phone.setText(agency.phone)
            self.address.setText(agency.address)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("ثبت"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        for edit in (self.name, self.phone, self.address):
            edit.returnPressed.connect(self.submit)
        self.draft_note = notice_label(self.tr(
            "دستگاه تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید."), "draft-note")
        box = QVBoxLayout(self)
        box.addWidget(self.draft_note)
        box.addWidget(self.form)
        box.addWidget(self.buttons)
        #: the agency as saved, once the dialog is accepted
        self.saved: AgencyView | None = None
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "admin-agency"), {
            "name": self.name, "phone": self.phone, "address": self.address}, self,
            active=lambda: self.agency is None)
        if agency is None:
            self.draft_note.setVisible(self.draft.restore())

    def cancel(self) -> None:
        """«انصراف»: the person chose to drop what they typed (Esc only closes, keeping it)."""
        if self.agency is None:
            self.draft.clear()
        super().reject()

    def submit(self) -> None:
        self.form.clear_errors()
        store, actor, agency = self.ctx.store, self.ctx.actor, self.agency
        name, days = self.name.text(), self.deadline_days.value() or None
        phone, address = self.phone.text(), self.address.text()
        self.ok_button.setEnabled(False)

        def done(view: AgencyView) -> None:
            self.ok_button.setEnabled(True)
            self.saved = view
            if agency is None:
                self.draft.clear()  # an agency now, not a draft
            self.ctx.bus.changed.emit(AREA)
            self.accept()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.form.show_error(err)

        self.ctx.tasks.run(lambda: agencies.save_agency(
            store, actor, agency_id=agency.id if agency else None, active=agency.active if agency else True,
            name=name, deadline_days=days, phone=phone, address=address), on_done=done, on_error=failed)


class MergeDialog(NamedDialog):
    """Merge the chosen agency into another: the survivor is chosen from the agencies a case may be
    sent to, and the dialog says what will move before «ادغام» (the cases the agency holds, how many
    of them are late, its letters that keep its name). A refusal is shown at its field.

    Signals (of QDialog): accepted once the merge is recorded (`merged` holds the survivor)."""

    def __init__(self, ctx: UiContext, agency: AgencyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.agency = ctx, agency
        self.setWindowTitle(self.tr("ادغام «%1» در دستگاه دیگر").replace("%1", agency.name))
        self.setMinimumWidth(620)
        self.form = Form()
        self.into = QComboBox()
        self.into.setObjectName("into_id")
        self.into.addItem(self.tr("— دستگاهی که کارها به آن می‌رود —"), "")
        for a in agencies.list_agencies(ctx.store):
            if a.id != agency.id:
                self.into.addItem(text_digits(a.name), a.id)
        self.form.add_field("into_id", self.tr("ادغام در"), self.into)
        self.summary = QLabel()
        self.summary.setObjectName("merge-summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("ادغام"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.form)
        box.addWidget(self.summary)
        box.addWidget(self.buttons)
        #: the survivor, once the merge is recorded
        self.merged: AgencyView | None = None
        #: what the merge into the chosen agency moves (None until one is chosen)
        self.plan: MergePlan | None = None
        self.into.currentIndexChanged.connect(lambda _: self._planned())
        self._planned()

    def _planned(self) -> None:
        """Say what merging into the chosen agency moves, or why it cannot be (at the field)."""
        self.form.clear_errors()
        self.plan = None
        into = str(self.into.currentData() or "")
        self.ok_button.setEnabled(bool(into))
        if not into:
            self.summary.setText(self.tr(
                "دستگاهی را برگزینید که «%1» در آن ادغام می‌شود؛ پیش از ادغام گفته می‌شود چه جابه‌جا می‌شود.")
                .replace("%1", text_digits(self.agency.name)))
            return
        try:
            plan = agencies.merge_plan(self.ctx.store, self.ctx.actor, self.agency.id, into)
        except Exception as err:  # (a refusal: shown at its field, nothing to confirm)
            self.form.show_error(err)
            self.ok_button.setEnabled(False)
            self.summary.clear()
            return
        self.plan = plan
        gone, kept = text_digits(plan.agency.name), text_digits(plan.into.name)
        lines = [
            self.tr("پرونده‌هایی که در انتظار پاسخ «%1» است: %2، که %3 از آن‌ها از مهلت گذشته است. همه با همان "
                    "مهلت‌ها به «%4» می‌رود و پیگیری‌شان با «%4» است.")
            .replace("%1", gone).replace("%2", digits(plan.open_cases)).replace("%3", digits(plan.overdue_cases))
            .replace("%4", kept),
            self.tr("نامه‌هایی که به «%1» فرستاده شده: %2. نامه‌ها و سوابق پرونده‌ها نام «%1» را نگه می‌دارند و "
                    "پرونده‌های پاسخ‌گرفته یا مختومه با «%1» می‌مانند؛ گزارش دوره‌هایی که ادغام در آن‌هاست آن‌ها را "
                    "زیر «%3» می‌شمارد.")
            .replace("%1", gone).replace("%2", digits(plan.letters)).replace("%3", kept),
            self.tr("«%1» دیگر در فهرست ارسال نمی‌آید. ادغام نادرست با «برگرداندن ادغام…» برمی‌گردد.").replace("%1", gone),
        ]
        self.summary.setText("\n".join("• " + line for line in lines))

    def submit(self) -> None:
        into = str(self.into.currentData() or "")
        store, actor, agency_id = self.ctx.store, self.ctx.actor, self.agency.id
        self.ok_button.setEnabled(False)

        def done(view: AgencyView) -> None:
            self.merged = view
            self.ctx.bus.changed.emit(AREA)
            self.accept()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.form.show_error(err)

        self.ctx.tasks.run(lambda: agencies.merge_agency(store, actor, agency_id, into),
                           on_done=done, on_error=failed)


class UnmergeDialog(NamedDialog):
    """Undo the chosen agency's merge (made by mistake): the dialog says what comes back before
    «برگرداندن ادغام» (the cases still waiting on a letter sent to it, how many of them are late;
    those answered or closed meanwhile stay as they ended). A refusal is said in place of that.

    Signals (of QDialog): accepted once the undoing is recorded (`restored` holds the agency)."""

    def __init__(self, ctx: UiContext, agency: AgencyView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.agency = ctx, agency
        self.setWindowTitle(self.tr("برگرداندن ادغام «%1»").replace("%1", agency.name))
        self.setMinimumWidth(620)
        self.summary = QLabel()
        self.summary.setObjectName("unmerge-summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("برگرداندن ادغام"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.buttons)
        #: the agency, once the undoing is recorded
        self.restored: AgencyView | None = None
        self.plan: UnmergePlan | None = None
        try:
            self.plan = agencies.unmerge_plan(ctx.store, ctx.actor, agency.id)
        except Exception as err:  # (a refusal: said, nothing to confirm)
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(error_text(err))
            self.ok_button.setEnabled(False)
            return
        gone, kept = text_digits(self.plan.agency.name), text_digits(self.plan.into_name)
        lines = [
            self.tr("«%1» دوباره دستگاهی جدا می‌شود و در فهرست ارسال می‌آید.").replace("%1", gone),
            self.tr("پرونده‌هایی که هنوز در انتظار پاسخ نامه‌ای به «%1» است: %2، که %3 از آن‌ها از مهلت گذشته است. "
                    "همه با همان مهلت‌ها از «%4» به «%1» برمی‌گردد.")
            .replace("%1", gone).replace("%2", digits(self.plan.open_cases))
            .replace("%3", digits(self.plan.overdue_cases)).replace("%4", kept),
            self.tr("پرونده‌هایی که در این میان پاسخ گرفته یا مختومه شده همان‌گونه می‌ماند. ادغام و برگرداندنش در "
                    "تاریخچه دستگاه و در سوابق پرونده‌ها می‌ماند."),
        ]
        self.summary.setText("\n".join("• " + line for line in lines))

    def submit(self) -> None:
        store, actor, agency_id = self.ctx.store, self.ctx.actor, self.agency.id
        self.ok_button.setEnabled(False)

        def done(view: AgencyView) -> None:
            self.restored = view
            self.ctx.bus.changed.emit(AREA)
            self.accept()

        def failed(err: BaseException) -> None:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText(error_text(err))

        self.ctx.tasks.run(lambda: agencies.unmerge_agency(store, actor, agency_id), on_done=done, on_error=failed)


class AgenciesPage(QWidget):
    """The directory as a table with «دستگاه تازه», «اصلاح» and «غیرفعال کردن/فعال کردن».

    `agency_dialog()` builds the dialog without running it, so tests drive it without a modal loop.

    Signals:
        import_ready(object): a file given to `import_file` was read and checked: its preview
            (an `AgencyImportDialog`, opened).
        import_failed(object): it was not (the error said below the list: stopped, unreadable).
    """

    import_ready = Signal(object)
    import_failed = Signal(object)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        #: the file being read and checked (its progress and «انصراف»); None when none is
        self.import_task: Progressing | None = None
        self.setObjectName("agencies-page")
        self.model = AgenciesModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("agencies-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Enter on the chosen row opens it, as a double click does (Qt emits `activated` for both)
        self.table.activated.connect(lambda _: self.edit_agency())

        self.new_button = QPushButton(self.tr("دستگاه تازه"))
        self.edit_button = QPushButton(self.tr("اصلاح"))
        self.active_button = QPushButton(self.tr("غیرفعال کردن"))
        self.merge_button = QPushButton(self.tr("ادغام…"))
        self.merge_button.setObjectName("merge-agency")
        self.merge_tooltip = self.tr("ادغام در دستگاه دیگر، وقتی دو دستگاه یکی می‌شوند: پرونده‌های در انتظار پاسخ دستگاه برگزیده "
                                     "به دستگاه دیگر می‌رود و نامه‌های پیشین نامش را نگه می‌دارند.")
        self.merge_button.setToolTip(self.merge_tooltip)
        self.merge_button.clicked.connect(self.merge_agency)
        self.history_button = QPushButton(self.tr("تاریخچه تغییرات"))
        self.history_button.setObjectName("agency-history")
        self.history_button.setToolTip(self.tr("همه نام‌ها و مهلت‌هایی که دستگاه برگزیده داشته، از هر میز؛ "
                                               "مقداری که تغییر میز دیگری جایگزینش کرد هم دیده می‌شود."))
        self.history_button.clicked.connect(self.show_history)
        self.import_button = QPushButton(self.tr("افزودن از پرونده…"))
        self.import_button.setObjectName("import-agencies")
        self.import_button.setToolTip(self.tr("فهرست دستگاه‌ها از پرونده اکسل یا CSV: ستون «نام» و در صورت نیاز «مهلت (روز کاری)»، «تلفن» و «نشانی»"))
        self.import_button.clicked.connect(self.import_dialog)
        self.new_button.clicked.connect(self.new_agency)
        self.edit_button.clicked.connect(self.edit_agency)
        self.active_button.clicked.connect(self.toggle_active)
        self.inactive = QCheckBox(self.tr("نمایش دستگاه‌های غیرفعال"))
        self.inactive.setChecked(True)
        self.inactive.toggled.connect(self._show_inactive)
        self.hint = QLabel(self.tr(
            "مدیر در «ارسال به دستگاه» از این فهرست برمی‌گزیند. دستگاه غیرفعال در آن فهرست نمی‌آید، "
            "ولی پرونده‌ها و نامه‌های پیشین نامش را نگه می‌دارند."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.message = QLabel()
        self.message.setObjectName("agencies-message")
        self.message.setWordWrap(True)
        # what does not fit the width goes on to a second line: in English at 150 % (a 1366x768
        # laptop) the row asked a pixel more than the page's room, which scrolled sideways
        buttons = FlowLayout()
        for b in (self.new_button, self.edit_button, self.active_button, self.merge_button, self.history_button,
                  self.import_button, self.inactive):
            buttons.addWidget(b)
        box = QVBoxLayout(self)
        box.addWidget(self.hint)
        box.addLayout(buttons)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        chosen = self.selected()
        self.model.reload()
        if chosen is not None:
            self.select_agency(chosen.id, missing_ok=True)
        self._update_buttons()
        empty = self.tr("هنوز دستگاهی در فهرست نیست؛ تا دستگاهی افزوده نشود، پرونده‌ای به دستگاه اجرایی "
                        "فرستاده نمی‌شود.")
        if self.model.total == 0:
            self.message.setStyleSheet("")
            self.message.setText(empty)
        elif self.message.text() == empty:
            self.message.clear()

    def _on_changed(self, area: str) -> None:
        if area in (AREA, "sync"):
            self.reload()

    def _show_inactive(self, shown: bool) -> None:
        self.model.show_inactive = shown
        self.reload()

    def selected(self) -> AgencyView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_agency(self, agency_id: str, *, missing_ok: bool = False) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).id == agency_id:
                select_row(self.table, i)
                return
        if not missing_ok:
            raise KeyError(agency_id)

    def _update_buttons(self) -> None:
        agency = self.selected()
        live = agency is not None and agency.merged_into is None
        self.edit_button.setEnabled(live)
        self.active_button.setEnabled(live)
        # a merged agency's button undoes its merge (one made by mistake)
        merged = agency is not None and agency.merged_into is not None
        self.merge_button.setEnabled(agency is not None)
        self.merge_button.setText(self.tr("برگرداندن ادغام…") if merged else self.tr("ادغام…"))
        self.merge_button.setToolTip(
            self.tr("«%1» در «%2» ادغام شده است: برگرداندن ادغامی که به اشتباه انجام شد؛ پرونده‌های در انتظار پاسخ "
                    "نامه‌ای به آن دوباره با آن است.").replace("%1", agency.name).replace("%2", agency.merged_into_name)
            if merged and agency is not None else self.merge_tooltip)
        self.history_button.setEnabled(agency is not None)
        self.active_button.setText(self.tr("فعال کردن") if agency and not agency.active
                                   else self.tr("غیرفعال کردن"))

    def agency_dialog(self, agency: AgencyView | None = None) -> AgencyDialog:
        dialog = AgencyDialog(self.ctx, agency, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        return dialog

    def _saved(self, dialog: AgencyDialog) -> None:
        if dialog.saved is None:
            return
        self.select_agency(dialog.saved.id, missing_ok=True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("«%1» ذخیره شد.").replace("%1", text_digits(dialog.saved.name)))

    def new_agency(self) -> None:
        self.agency_dialog().open()

    def edit_agency(self) -> None:
        agency = self.selected()
        if agency is not None:
            self.agency_dialog(agency).open()

    def merge_dialog(self) -> MergeDialog | None:
        """The merge dialog for the chosen agency (not opened: `merge_agency` opens it)."""
        agency = self.selected()
        if agency is None or agency.merged_into is not None:
            return None
        dialog = MergeDialog(self.ctx, agency, self)
        dialog.accepted.connect(lambda: self._merged(dialog))
        return dialog

    def unmerge_dialog(self) -> UnmergeDialog | None:
        """The dialog undoing the chosen agency's merge (not opened: `merge_agency` opens it)."""
        agency = self.selected()
        if agency is None or agency.merged_into is None:
            return None
        dialog = UnmergeDialog(self.ctx, agency, self)
        dialog.accepted.connect(lambda: self._unmerged(dialog))
        return dialog

    def merge_agency(self) -> None:
        """The button's dialog: merge the chosen agency, or undo its merge if it is merged."""
        dialog = self.unmerge_dialog() or self.merge_dialog()
        if dialog is not None:
            dialog.open()

    def _unmerged(self, dialog: UnmergeDialog) -> None:
        if dialog.restored is None:
            return
        self.select_agency(dialog.restored.id, missing_ok=True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("ادغام «%1» برگردانده شد؛ پرونده‌های در انتظار پاسخ آن دوباره با آن است.")
                             .replace("%1", text_digits(dialog.restored.name)))

    def _merged(self, dialog: MergeDialog) -> None:
        if dialog.merged is None:
            return
        self.select_agency(dialog.merged.id, missing_ok=True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("«%1» در «%2» ادغام شد؛ پرونده‌هایش اکنون با «%2» است.")
                             .replace("%1", text_digits(dialog.agency.name))
                             .replace("%2", text_digits(dialog.merged.name)))

    def show_history(self) -> FieldHistoryDialog | None:
        agency = self.selected()
        if agency is None:
            return None
        return open_history(self.ctx, "agency", agency.id, agency.name, self)

    def toggle_active(self) -> None:
        agency = self.selected()
        if agency is None:
            return
        store, actor = self.ctx.store, self.ctx.actor

        def done(view: AgencyView) -> None:
            self.ctx.bus.changed.emit(AREA)
            self.select_agency(view.id, missing_ok=True)
            self.message.setStyleSheet("")
            text = (self.tr("«%1» دوباره در فهرست ارسال می‌آید.") if view.active
                    else self.tr("«%1» غیرفعال شد و دیگر در فهرست ارسال نمی‌آید."))
            self.message.setText(text.replace("%1", text_digits(view.name)))

        def failed(err: BaseException) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(err))

        self.ctx.tasks.run(lambda: agencies.set_agency_active(store, actor, agency.id, not agency.active),
                           on_done=done, on_error=failed)

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("افزودن دستگاه‌ها از پرونده"), "",
                                              self.tr("اکسل یا CSV (*.xlsx *.csv)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> AgencyImportDialog | None:
        """Read and check the file off the GUI thread (a progress window with «انصراف»); then its
        agencies previewed in their dialog (opened, `import_ready`; added once it is accepted), or
        why the file cannot be read, said below the list (`import_failed`). Returns the dialog when
        it is ready at once (a synchronous task runner)."""
        if self.import_task is not None:
            return None
        task = self.import_task = Progressing(self)
        progress = ImportProgress(self, self.tr("خواندن و بررسی «{f}»…").format(f=path.name), task)
        self.import_progress = progress
        ready: list[AgencyImportDialog] = []

        def ended() -> None:
            self.import_task = None
            progress.close()

        def done(rows: agencies.AgencyRows) -> None:
            ended()
            dialog = AgencyImportDialog(self.ctx, rows, self)

            def added() -> None:
                self.ctx.bus.changed.emit(AREA)
                self.message.setStyleSheet("")
                added = dialog.added
                self.message.setText(QCoreApplication.translate("AgenciesPage", "%Ln دستگاه به فهرست افزوده شد.", None, added))

            dialog.accepted.connect(added)
            ready.append(dialog)
            self.import_ready.emit(dialog)
            dialog.open()

        def failed(err: BaseException) -> None:  # an unreadable file, one with no name column, stopped
            ended()
            if not isinstance(err, Exception):
                raise err
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(err))
            self.import_failed.emit(err)

        store, actor = self.ctx.store, self.ctx.actor
        self.ctx.tasks.run(lambda: agencies.preview_agencies(store, actor, path, progress=task.tell),
                           on_done=done, on_error=failed)
        return ready[0] if ready else None

