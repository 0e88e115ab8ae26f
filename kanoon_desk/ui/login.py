"""The log-in window: office name, the desk's Jalali date, user name and password; Enter logs in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..errors import ServiceError
from ..services import accounts
from ..store import Store
from .widgets import Form, LtrLineEdit, Today, long_date


class LoginWindow(QWidget):
    """Asks for a user name and password and checks them with `services.accounts.login`.

    Signals:
        logged_in(Actor): emitted once the password is right and the user is active.
    """

    logged_in = Signal(object)

    def __init__(self, store: Store, last_username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("login-window")
        self.setWindowTitle(self.tr("کانون دسک — ورود"))
        self.setMinimumWidth(460)

        office = accounts.get_office(store) if store.is_initialised else None
        self.office_label = QLabel(office.name if office else self.tr("دفتر"))
        self.office_label.setObjectName("office-name")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.office_label.setFont(title_font)
        self.office_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.office_label.setWordWrap(True)
        #: the office's day: a log-in window left open overnight shows the new day
        self.today = Today(self)
        self.date_label = QLabel(long_date(self.today()))
        self.date_label.setObjectName("today")
        self.today.changed.connect(lambda day: self.date_label.setText(long_date(day)))
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.form = Form()
        self.username = LtrLineEdit()
        self.username.setObjectName("username")
        self.username.setText(last_username)
        self.password = LtrLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(LtrLineEdit.EchoMode.Password)
        self.form.add_field("username", self.tr("نام کاربری"), self.username)
        self.form.add_field("password", self.tr("گذرواژه"), self.password)

        self.submit = QPushButton(self.tr("ورود"))
        self.submit.setObjectName("login")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self.try_login)
        self.username.returnPressed.connect(self._enter_on_username)
        self.password.returnPressed.connect(self.try_login)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        box = QVBoxLayout(self)
        box.setContentsMargins(32, 24, 32, 24)
        box.setSpacing(10)
        box.addWidget(self.office_label)
        box.addWidget(self.date_label)
        box.addWidget(rule)
        box.addWidget(self.form)
        box.addLayout(buttons)
        (self.password if last_username else self.username).setFocus()

    def _enter_on_username(self) -> None:
        if self.password.text():
            self.try_login()
        else:
            self.password.setFocus()

    def try_login(self) -> None:
        """Check the password; on failure the Persian message stands under the field it concerns."""
        self.form.clear_errors()
        if not self.username.text().strip():
            self.form.set_error("username", self.tr("نام کاربری را بنویسید."))
            return
        try:
            actor = accounts.login(self.store, self.username.text(), self.password.text())
        except ServiceError as err:
            self.form.show_error(err)
            return
        self.logged_in.emit(actor)

    def error_text(self, field: str) -> str:
        return self.form.error_of(field)
