"""The logged-in person changes their own password (old one, new one twice); right after logging
in with a temporary password an admin set, before any work."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import ServiceError
from ..services import accounts
from .accessible import NamedDialog
from .context import UiContext
from .widgets import NOTICE_STYLE, Form, LtrLineEdit


class ChangePasswordDialog(NamedDialog):
    """Calls `services.accounts.change_own_password`; a refusal stands at its field.

    `required`: the person logged in with a temporary password an admin set. The dialog says so,
    and its other button is «خروج از حساب»: closing it (Esc included) ends the session (the main
    window logs out on `rejected`), so nobody works on with a password someone else knows.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.required = required
        self.setObjectName("change-password")
        self.setWindowTitle(self.tr("تغییر گذرواژه"))
        self.setMinimumWidth(460)
        self.form = Form()
        self.old = LtrLineEdit()
        self.new = LtrLineEdit()
        self.new2 = LtrLineEdit()
        for name, edit in (("old_password", self.old), ("password", self.new), ("password2", self.new2)):
            edit.setObjectName(name)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("old_password", self.tr("گذرواژه کنونی"), self.old)
        self.form.add_field("password", self.tr("گذرواژه تازه"), self.new)
        self.form.add_field("password2", self.tr("تکرار گذرواژه تازه"), self.new2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("تغییر گذرواژه"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("خروج از حساب") if required else self.tr("انصراف"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.notice = QLabel(self.tr("گذرواژه شما گذرواژه‌ای موقت است که مدیر سامانه گذاشته است. پیش از آغاز کار، "
                                     "گذرواژه‌ای از خودتان برگزینید."))
        self.notice.setObjectName("temporary-password-notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.setVisible(required)
        box = QVBoxLayout(self)
        box.addWidget(self.notice)
        box.addWidget(self.form)
        box.addWidget(buttons)

    def submit(self) -> None:
        self.form.clear_errors()
        if self.new.text() != self.new2.text():
            self.form.set_error("password2", self.tr("دو گذرواژه یکسان نیستند؛ دوباره بنویسید."))
            return
        try:
            accounts.change_own_password(self.ctx.store, self.ctx.actor, self.old.text(), self.new.text())
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.accept()
