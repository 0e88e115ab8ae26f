"""Office details page: name, province, city, address, phone, the heading printed on letters, and
whether the office itself is a cultural centre. Edits not yet saved are kept as a draft (a log-out,
another page, the app closed) and brought back the next time the page opens."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..library.history import FieldHistoryDialog
from ..widgets import NOTICE_STYLE, Form, LtrLineEdit, digits, notice_label, reads_like_the_interface
from .history import open_history


class OfficePage(QWidget):
    """Edits this desk's office through `services.accounts.update_office`."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("office-page")
        self.form = Form()
        self.code = LtrLineEdit()
        self.code.setReadOnly(True)
        self.name = QLineEdit()
        self.province = QLineEdit()
        self.city = QLineEdit()
        self.address = QLineEdit()
        self.phone = LtrLineEdit()
        self.heading = reads_like_the_interface(QPlainTextEdit())
        self.heading.setFixedHeight(90)
        self.heading.setTabChangesFocus(True)  # Tab goes on (it typed a tab: no way out by Tab)
        self.is_centre = QCheckBox(self.tr("این دفتر خودش یک مرکز فرهنگی هنری است (کتابخانه دارد و امانت می‌دهد)"))
        self.is_centre.setObjectName("is_centre")
        for key, widget in (("name", self.name), ("province", self.province), ("city", self.city),
                            ("address", self.address), ("phone", self.phone), ("heading", self.heading)):
            widget.setObjectName(key)
        f = self.form
        f.add_field("code", self.tr("کد دفتر"), self.code)
        f.add_field("name", self.tr("نام دفتر"), self.name)
        f.add_field("province", self.tr("استان"), self.province)
        f.add_field("city", self.tr("شهر"), self.city)
        f.add_field("address", self.tr("نشانی"), self.address)
        f.add_field("phone", self.tr("تلفن"), self.phone)
        f.add_field("heading", self.tr("سربرگ نامه‌ها"), self.heading)
        f.add_field("kind", "", self.is_centre)
        self.save_button = QPushButton(self.tr("ذخیره"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        for line in (self.name, self.province, self.city, self.address, self.phone):
            line.returnPressed.connect(self.save)  # Enter saves, as in the other forms
        self.message = QLabel()
        self.message.setObjectName("office-message")
        self.message.setWordWrap(True)
        self.history_button = QPushButton(self.tr("تاریخچه تغییرات"))
        self.history_button.setObjectName("office-history")
        self.history_button.setToolTip(self.tr("همه مقدارهایی که مشخصات دفتر گرفته، از هر میز؛ مقداری که تغییر "
                                               "میز دیگری جایگزینش کرد هم دیده می‌شود."))
        self.history_button.clicked.connect(self.show_history)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.history_button)
        row.addWidget(self.message, 1)
        self.draft_note = notice_label(self.tr(
            "تغییرهایی که پیش‌تر در مشخصات دفتر دادید و ذخیره نشد بازگردانده شد؛ آن‌ها را ذخیره کنید، یا "
            "«کنار گذاشتن تغییرها» را بزنید."), "draft-note")
        self.discard_button = QPushButton(self.tr("کنار گذاشتن تغییرها"))
        self.discard_button.setObjectName("discard")
        self.discard_button.clicked.connect(self.discard)
        self.discard_button.hide()
        note = QHBoxLayout()
        note.addWidget(self.draft_note, 1)
        note.addWidget(self.discard_button)
        box = QVBoxLayout(self)
        box.addLayout(note)
        box.addWidget(self.form)
        box.addLayout(row)
        box.addWidget(self._lock_group())
        box.addStretch(1)
        self._stored: dict[str, Any] = {}
        self.load()
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, f"office-{ctx.actor.office_code}"), {
            "name": self.name, "province": self.province, "city": self.city, "address": self.address,
            "phone": self.phone, "heading": self.heading}, self, saved=lambda: self._stored)
        self._show_draft(self.draft.restore())
        ctx.bus.changed.connect(self._on_changed)

    def _lock_group(self) -> QGroupBox:
        """This desk's idle lock: minutes without keyboard or mouse before the session is covered."""
        group = QGroupBox(self.tr("قفل خودکار این میز"))
        group.setObjectName("idle-lock-group")
        self.idle_form = Form()
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idle_lock")
        self.idle_minutes.setRange(0, accounts.IDLE_LOCK_MAX)
        self.idle_minutes.setSpecialValueText(self.tr("خاموش"))
        self.idle_minutes.setSuffix(self.tr(" دقیقه"))
        self.idle_minutes.setValue(accounts.idle_lock_minutes(self.ctx.store))
        self.idle_minutes.setMaximumWidth(180)  # a few minutes: not a box across the page, its arrows far off
        self.idle_form.add_field("idle_lock", self.tr("قفل پس از بی‌کاری"), self.idle_minutes)
        explain = QLabel(self.tr(
            "اگر این مدت با صفحه‌کلید و موشواره کاری نشود، پنجره‌ها پوشانده می‌شود و برای ادامه، گذرواژه همان "
            "کاربر (یا ورود کاربر دیگر) خواسته می‌شود؛ آنچه نوشته شده از دست نمی‌رود و همگام‌سازی ادامه می‌یابد. "
            "صفر: قفل خودکار خاموش."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #546e7a;")
        self.idle_save = QPushButton(self.tr("ذخیره زمان قفل"))
        self.idle_save.setObjectName("save-idle-lock")
        self.idle_save.clicked.connect(self.save_idle_lock)
        self.idle_message = QLabel()
        self.idle_message.setObjectName("idle-lock-message")
        line = QHBoxLayout()
        line.addWidget(self.idle_save)
        line.addWidget(self.idle_message, 1)
        col = QVBoxLayout(group)
        col.addWidget(self.idle_form)
        col.addWidget(explain)
        col.addLayout(line)
        return group

    def save_idle_lock(self) -> None:
        self.idle_form.clear_errors()
        self.idle_message.clear()
        store, actor, minutes = self.ctx.store, self.ctx.actor, self.idle_minutes.value()

        def done(value: object) -> None:
            self.idle_message.setText(self.tr("قفل خودکار خاموش شد.") if value == 0 else
                                      self.tr("این میز پس از {minutes} دقیقه بی‌کاری قفل می‌شود.")
                                      .format(minutes=digits(str(value))))
            self.ctx.bus.changed.emit("accounts")

        self.ctx.tasks.run(lambda: accounts.set_idle_lock_minutes(store, actor, minutes),
                           on_done=done, on_error=self.idle_form.show_error)

    def _show_draft(self, shown: bool) -> None:
        self.draft_note.setVisible(shown)
        self.discard_button.setVisible(shown)

    def discard(self) -> None:
        """«کنار گذاشتن تغییرها»: the office's details as stored, the draft dropped."""
        self.draft.clear()
        self.load()
        self.draft.clear()  # (filling the form in again touched it)
        self._show_draft(False)
        self.form.clear_errors()

    def load(self) -> None:
        office = accounts.get_office(self.ctx.store, self.ctx.actor.office_code)
        if office is None:
            return
        self._stored = {"name": office.name, "province": office.province, "city": office.city,
                        "address": office.address, "phone": office.phone, "heading": office.heading}
        self.code.setText(digits(office.code))  # (read only: shown as the centres page shows codes)
        self.name.setText(office.name)
        self.province.setText(office.province)
        self.city.setText(office.city)
        self.address.setText(office.address)
        self.phone.setText(office.phone)
        self.heading.setPlainText(office.heading)
        # a centre stays one: its copies, members and loans are at it
        self.is_centre.setChecked(office.kind == "centre")
        self.is_centre.setEnabled(office.kind != "centre")

    def show_history(self) -> FieldHistoryDialog:
        return open_history(self.ctx, "office", self.ctx.actor.office_code, self.name.text(), self)

    def _form_values(self) -> dict[str, str]:
        return {"name": self.name.text(), "province": self.province.text(), "city": self.city.text(),
                "address": self.address.text(), "phone": self.phone.text(), "heading": self.heading.toPlainText()}

    def _on_changed(self, area: str) -> None:
        """A sync (or another page) changed the office's details: the page shows them, unless the
        admin is changing them here (what they typed stays, and only it is saved)."""
        if area in ("sync", "accounts") and self._form_values() == self._stored:
            self.load()
            self.draft.clear()  # (filling the form in again touched it)

    def ask_make_centre(self) -> bool:
        """Make the office a cultural centre, for good? Asked first, «No» by default (tests replace
        this method)."""
        answer = QMessageBox.question(
            self, self.tr("دفتر، مرکز فرهنگی هنری"),
            self.tr("این دفتر مرکز فرهنگی هنری شود؟ این کار برگشت ندارد: کتاب‌ها، اعضا و امانت‌هایی که در آن ثبت "
                    "شود به آن بسته می‌ماند."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> None:
        """Save the details; making the office a cultural centre (no way back) is asked first."""
        self.form.clear_errors()
        self.message.clear()
        self.message.setStyleSheet("")
        store, actor = self.ctx.store, self.ctx.actor
        # only what the admin changed on the page: a field a sync changed since the page was
        # filled in, and left alone here, keeps the other desk's value
        fields = {k: v for k, v in self._form_values().items() if v != self._stored.get(k)}
        if self.is_centre.isEnabled() and self.is_centre.isChecked():
            if not self.ask_make_centre():
                self.message.setStyleSheet(NOTICE_STYLE)
                self.message.setText(self.tr("چیزی ذخیره نشد؛ برای ذخیره بی‌آنکه دفتر مرکز شود، تیک «مرکز فرهنگی "
                                             "هنری» را بردارید."))
                return
            fields["kind"] = "centre"

        def done(_: object) -> None:
            self.load()
            self.draft.clear()  # saved: nothing left to bring back
            self._show_draft(False)
            self.message.setText(self.tr("مشخصات دفتر ذخیره شد."))
            self.ctx.bus.changed.emit("accounts")

        self.ctx.tasks.run(lambda: accounts.update_office(store, actor, **fields),
                           on_done=done, on_error=self.form.show_error)
