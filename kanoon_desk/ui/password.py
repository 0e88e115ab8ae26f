"""The logged-in person changes their own password (old one, new one twice)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from ..errors import ServiceError
from ..services import accounts
from .context import UiContext
from .widgets import Form, LtrLineEdit


class ChangePasswordDialog(QDialog):
    """Calls `services.accounts.change_own_password`; a refusal stands at its field."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("انصراف"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
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
