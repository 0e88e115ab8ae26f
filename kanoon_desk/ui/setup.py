"""First run: a new desk on its own, or a desk that joins its office's central server.

Three ways in, one dialog:

- a new desk: the office, the device number and the first admin user (`accounts.setup_desk`);
- joining a server: its address and the one-time enrolment code an operator printed
  (`kanoon-desk server enroll`); the desk enrols and its first sync brings the office's data,
  users included, so the office's people log in with the passwords they have;
- what joining can leave unfinished, picked up at the next start as well: a first sync cut off
  (retry: it resumes where the snapshot stopped), or an office new on the server, with no user
  yet (its first admin is made here, `accounts.create_first_admin`).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import ServiceError
from ..services import accounts
from ..services.accounts import UserView
from ..state_keys import K_SERVER
from ..store import Store
from ..sync import client, enrolment
from ..sync import errors as sync_errors
from ..sync.report import SyncReport
from ..sync.state import first_sync_done
from .accessible import NamedDialog
from .tasks import TaskRunner
from .widgets import Form, LtrLineEdit, digits

Stage = Literal["new", "first_sync", "first_admin", "ready"]


def first_run_stage(store: Store) -> Stage:
    """What the desk still needs before anyone can log in ("ready": nothing)."""
    if not store.is_initialised:
        return "new"
    if store.get_state(K_SERVER) and not first_sync_done(store):
        return "first_sync"
    if accounts.needs_first_admin(store):
        return "first_admin"
    return "ready"


def _problem(message: str) -> str:
    """A sync error as the first run shows it. "Work goes on, it syncs later" is true of a desk
    that has its data, not of one still waiting for it: it says the server did not answer."""
    if message == sync_errors.MSG_OFFLINE:
        message = sync_errors.MSG_NO_SERVER
    return QCoreApplication.translate("Errors", message)


class JoinForm(Form):
    """The server's address, the enrolment code and a name for this device: the first-run dialog's
    way to a server, and the sync page's for a desk that worked on its own. It checks what was
    typed before anything is sent and shows a refused enrolment at the field it is about."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.server_url = LtrLineEdit()
        self.server_url.setObjectName("server_url")
        self.server_url.setPlaceholderText("https://kanoon.example.ir")
        self.enrol_code = LtrLineEdit()
        self.enrol_code.setObjectName("code")
        self.enrol_code.setPlaceholderText("ABCD-EFGH-JKMN-PQRS")
        self.device_label = QLineEdit(socket.gethostname())
        self.device_label.setObjectName("device_label")
        self.device_label.setMaxLength(64)
        self.add_field("server_url", self.tr("نشانی کارگزار"), self.server_url)
        self.add_field("code", self.tr("کد ثبت دستگاه"), self.enrol_code)
        self.add_field("label", self.tr("نام این دستگاه (برای کارگزار)"), self.device_label)

    def checked(self) -> tuple[str, str, str] | None:
        """(address, code, device name) cleaned, or None with the error shown at its field."""
        self.clear_errors()
        try:
            url, code = enrolment.check_enrolment(self.server_url.text(), self.enrol_code.text())
        except ServiceError as err:
            self.show_error(err)
            return None
        return url, code, self.device_label.text().strip()

    def show_failure(self, exc: BaseException) -> None:
        """A refused enrolment at its field: no answer at the address, a refused code at the code."""
        if not isinstance(exc, sync_errors.SyncError):
            self.show_error(exc)
            return
        field = ("server_url" if isinstance(exc, (sync_errors.Offline, sync_errors.NotKanoonServer))
                 else "code" if isinstance(exc, sync_errors.AuthRefused) else None)
        self.set_error(field, _problem(exc.message))


def _page(intro: QLabel, form: Form) -> QWidget:
    page = QWidget()
    intro.setWordWrap(True)
    box = QVBoxLayout(page)
    box.addWidget(intro)
    box.addWidget(form)
    box.addStretch(1)
    return page


class SetupDialog(NamedDialog):
    """Sets the desk up; after `accept()` anyone of its office can log in.

    A refusal is shown at its field and nothing typed is lost. Enrolment and the first sync run
    off the GUI thread (`tasks`), with the dialog held busy meanwhile. After `accept()`,
    `created` holds the admin user made here (None when the office's users came from the server).
    """

    def __init__(self, store: Store, parent: QWidget | None = None, *, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks or TaskRunner(self)
        self.created: UserView | None = None
        self.busy = False
        self.setObjectName("setup-dialog")
        self.setWindowTitle(self.tr("راه‌اندازی میز کار"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("setup-tabs")
        self.tabs.addTab(self._new_desk_page(), self.tr("میز تازه"))
        self.tabs.addTab(self._join_page(), self.tr("پیوستن به کارگزار مرکزی"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.sync_page = QWidget()
        self.sync_message = QLabel()
        self.sync_message.setObjectName("first-sync-message")
        self.sync_message.setWordWrap(True)
        sync_box = QVBoxLayout(self.sync_page)
        sync_box.addWidget(self.sync_message)
        sync_box.addStretch(1)

        self.pages = QStackedWidget()
        for page in (self.tabs, self.sync_page, self._admin_page()):
            self.pages.addWidget(page)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the snapshot's size is not known before it starts
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("setup-progress")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("setup-ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(self.pages)
        box.addWidget(self.progress_label)
        box.addWidget(self.progress)
        box.addWidget(self.buttons)
        # As wide as its rows need, not less: a set minimum width replaces the layout's own, and the
        # check box (which does not wrap) was cut at the dialog's edge, the English one most.
        self.setMinimumWidth(max(560, box.minimumSize().width()))
        self.stage: Stage = "new"
        self.show_stage(first_run_stage(store))

    # -- the pages -------------------------------------------------------------------------------

    def _new_desk_page(self) -> QWidget:
        intro = QLabel(self.tr("این میز کار هنوز راه‌اندازی نشده است. دفتر این میز و نخستین مدیر سامانه را معرفی کنید. "
                               "اگر دفتر کارگزار مرکزی دارد، «پیوستن به کارگزار مرکزی» را برگزینید."))
        self.form = Form()
        self.office_code = LtrLineEdit()
        self.office_code.setObjectName("office_code")
        self.office_code.setPlaceholderText("13")
        self.office_code.setMaxLength(8)
        self.form.add_field("office_code", self.tr("کد دفتر"), self.office_code)
        self.office_name = self._office_name_row(self.form)
        self.office_is_centre = QCheckBox(self.tr("این دفتر خودش یک مرکز فرهنگی هنری است (کتابخانه دارد و امانت می‌دهد)"))
        self.office_is_centre.setObjectName("office_is_centre")
        self.form.add_field("office_kind", "", self.office_is_centre)
        self.device_no = QSpinBox()
        self.device_no.setRange(1, 99)
        self.device_no.setValue(1)
        self.form.add_field("device_no", self.tr("شماره این دستگاه"), self.device_no)
        self.username, self.full_name, self.password, self.password2 = self._admin_rows(self.form)
        return _page(intro, self.form)

    def _join_page(self) -> QWidget:
        intro = QLabel(self.tr("نشانی کارگزار مرکزی و کد ثبت دستگاه را که مدیر کارگزار داده است بنویسید. "
                               "این میز در کارگزار ثبت می‌شود و داده‌های دفتر، با کاربرانش، به آن می‌آید؛ "
                               "پس از آن هر کس با نام کاربری و گذرواژه خود وارد می‌شود."))
        self.join_form = JoinForm()
        self.server_url = self.join_form.server_url
        self.enrol_code = self.join_form.enrol_code
        self.device_label = self.join_form.device_label
        return _page(intro, self.join_form)

    def _admin_page(self) -> QWidget:
        self.admin_intro = QLabel()
        self.admin_intro.setObjectName("first-admin-intro")
        self.admin_form = Form()
        self.admin_office_name = self._office_name_row(self.admin_form)
        (self.admin_username, self.admin_full_name, self.admin_password,
         self.admin_password2) = self._admin_rows(self.admin_form)
        self.admin_page = _page(self.admin_intro, self.admin_form)
        return self.admin_page

    def _office_name_row(self, form: Form) -> QLineEdit:
        name = QLineEdit()
        name.setObjectName("office_name")
        form.add_field("office_name", self.tr("نام دفتر"), name)
        return name

    def _admin_rows(self, form: Form) -> tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]:
        """The first admin's user name, full name and password twice, as rows of `form`."""
        username, full_name, password, password2 = LtrLineEdit(), QLineEdit(), LtrLineEdit(), LtrLineEdit()
        username.setPlaceholderText("admin")
        for secret in (password, password2):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        for name, label, widget in (("username", self.tr("نام کاربری مدیر"), username),
                                    ("full_name", self.tr("نام و نام خانوادگی مدیر"), full_name),
                                    ("password", self.tr("گذرواژه"), password),
                                    ("password2", self.tr("تکرار گذرواژه"), password2)):
            widget.setObjectName(name)
            form.add_field(name, label, widget)
        return username, full_name, password, password2

    # -- stages ----------------------------------------------------------------------------------

    def show_stage(self, stage: Stage, problem: str = "") -> None:
        """Show what the desk needs next; `problem` says why a first sync stopped."""
        if stage == "ready":
            self.accept()
            return
        self.stage = stage
        if stage == "new":
            self.pages.setCurrentWidget(self.tabs)
            self.office_code.setFocus()
        elif stage == "first_sync":
            ident = self.store.identity
            text = self.tr("این دستگاه در کارگزار ثبت شد (دفتر {office}، دستگاه {device})، ولی داده‌های دفتر "
                           "هنوز کامل به آن نرسیده است.").format(
                office=digits(ident.office_code), device=digits(ident.device_no))
            if problem:
                text += "\n\n" + problem
            text += "\n\n" + self.tr("اتصال شبکه را بررسی کنید و «دریافت دوباره» را بزنید؛ دریافت از همان‌جا "
                                     "که مانده است ادامه می‌یابد و چیزی دو بار نمی‌آید.")
            self.sync_message.setText(text)
            self.pages.setCurrentWidget(self.sync_page)
        else:
            ident = self.store.identity
            self.admin_intro.setText(self.tr(
                "این دستگاه در کارگزار ثبت شد (دفتر {office}، دستگاه {device}). این دفتر هنوز هیچ کاربری ندارد: "
                "نخستین مدیر سامانه دفتر را بسازید. او و کاربرانی که می‌سازد به میزهای دیگر دفتر هم می‌رسند.").format(
                office=digits(ident.office_code), device=digits(ident.device_no)))
            has_office = accounts.get_office(self.store) is not None
            self.admin_form.form.setRowVisible(0, not has_office)  # the office's name is its first row
            self.pages.setCurrentWidget(self.admin_page)
            (self.admin_username if has_office else self.admin_office_name).setFocus()
        self._label_buttons()

    def _tab_changed(self, index: int) -> None:
        (self.server_url if index == 1 else self.office_code).setFocus()
        self._label_buttons()

    def _label_buttons(self) -> None:
        if self.stage == "new":
            joining = self.tabs.currentIndex() == 1
            self.ok_button.setText(self.tr("ثبت دستگاه و دریافت داده‌ها") if joining else self.tr("راه‌اندازی"))
        elif self.stage == "first_sync":
            self.ok_button.setText(self.tr("دریافت دوباره"))
        else:
            self.ok_button.setText(self.tr("ساختن مدیر"))

    def _set_busy(self, busy: bool, what: str = "") -> None:
        self.busy = busy
        self.pages.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setText(what)
        self.progress_label.setVisible(busy)

    def reject(self) -> None:
        if self.busy:  # the enrolment or the sync is on its way: it finishes (or fails) first
            return
        super().reject()

    # -- actions ---------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        if self.stage == "new":
            self._join() if self.tabs.currentIndex() == 1 else self._new_desk()
        elif self.stage == "first_sync":
            self._run(lambda: client.sync_once(self.store), self.tr("در حال دریافت داده‌های دفتر از کارگزار…"))
        else:
            self._first_admin()

    def _new_desk(self) -> None:
        self.form.clear_errors()
        try:  # every field refused is said at once, the two passwords that differ with them
            self.created = accounts.setup_desk(
                self.store, office_code=self.office_code.text(), office_name=self.office_name.text(),
                admin_username=self.username.text(), admin_full_name=self.full_name.text(),
                admin_password=self.password.text(), admin_password_again=self.password2.text(),
                device_no=self.device_no.value(),
                office_kind="centre" if self.office_is_centre.isChecked() else "office")
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.accept()

    def _join(self) -> None:
        typed = self.join_form.checked()
        if typed is None:
            return
        url, code, label = typed
        self._run(lambda: enrolment.enroll_store(self.store, url, code, label=label),
                  self.tr("در حال ثبت دستگاه و دریافت داده‌های دفتر از کارگزار…"))

    def _run(self, job: Callable[[], SyncReport], what: str) -> None:
        self._set_busy(True, what)
        self.tasks.run(job, on_done=self._finished, on_error=self._failed)

    def _finished(self, report: SyncReport) -> None:
        self._set_busy(False)
        self.show_stage(first_run_stage(self.store), "" if report.ok else _problem(report.error or ""))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, sync_errors.SyncError):
            raise exc  # a bug: the crash handler reports it; nothing typed is lost meanwhile
        message = _problem(exc.message)
        if self.store.is_initialised:  # enrolled: what is left is a first sync or a first admin
            self.show_stage(first_run_stage(self.store), message)
            return
        self.join_form.show_failure(exc)

    def _first_admin(self) -> None:
        self.admin_form.clear_errors()
        try:
            self.created = accounts.create_first_admin(
                self.store, office_name=self.admin_office_name.text(), admin_username=self.admin_username.text(),
                admin_full_name=self.admin_full_name.text(), admin_password=self.admin_password.text(),
                admin_password_again=self.admin_password2.text())
        except ServiceError as err:
            self.admin_form.show_error(err)
            return
        self.accept()
