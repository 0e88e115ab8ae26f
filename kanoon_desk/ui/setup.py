"""First run: a short dialog that gives the desk its office, device number and first admin user."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from ..errors import ServiceError
from ..services import accounts
from ..services.accounts import UserView
from ..store import Store
from .widgets import Form, LtrLineEdit


class SetupDialog(QDialog):
    """Collects the office code and name, the device number and the first admin user.

    Calls `services.accounts.setup_desk`; a refusal is shown at its field and nothing typed is
    lost. After `accept()`, `created` holds the admin user.
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.created: UserView | None = None
        self.setObjectName("setup-dialog")
        self.setWindowTitle(self.tr("راه‌اندازی میز کار"))
        self.setMinimumWidth(520)

        intro = QLabel(self.tr("این میز کار هنوز راه‌اندازی نشده است. دفتر این میز و نخستین مدیر سامانه را معرفی کنید."))
        intro.setWordWrap(True)

        self.form = Form()
        self.office_code = LtrLineEdit()
        self.office_code.setPlaceholderText("13")
        self.office_code.setMaxLength(8)
        self.office_name = QLineEdit()
        self.device_no = QSpinBox()
        self.device_no.setRange(1, 99)
        self.device_no.setValue(1)
        self.username = LtrLineEdit()
        self.username.setPlaceholderText("admin")
        self.full_name = QLineEdit()
        self.password = LtrLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = LtrLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        for name, widget in (("office_code", self.office_code), ("office_name", self.office_name),
                             ("username", self.username), ("full_name", self.full_name),
                             ("password", self.password), ("password2", self.password2)):
            widget.setObjectName(name)
        f = self.form
        f.add_field("office_code", self.tr("کد دفتر"), self.office_code)
        f.add_field("office_name", self.tr("نام دفتر"), self.office_name)
        f.add_field("device_no", self.tr("شماره این دستگاه"), self.device_no)
        f.add_field("username", self.tr("نام کاربری مدیر"), self.username)
        f.add_field("full_name", self.tr("نام و نام خانوادگی مدیر"), self.full_name)
        f.add_field("password", self.tr("گذرواژه"), self.password)
        f.add_field("password2", self.tr("تکرار گذرواژه"), self.password2)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("راه‌اندازی"))
        ok.setObjectName("setup-ok")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.form)
        box.addWidget(self.buttons)
        self.office_code.setFocus()

    def submit(self) -> None:
        self.form.clear_errors()
        if self.password.text() != self.password2.text():
            self.form.set_error("password2", self.tr("دو گذرواژه یکسان نیستند؛ دوباره بنویسید."))
            return
        try:
            self.created = accounts.setup_desk(
                self.store, office_code=self.office_code.text(), office_name=self.office_name.text(),
                admin_username=self.username.text(), admin_full_name=self.full_name.text(),
                admin_password=self.password.text(), device_no=self.device_no.value())
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.accept()
