"""Loan rules page (admin): period, loans at once, renewals and hold-shelf days per member category,
and which librarians may override a refusal at the desk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...eventlog import Actor
from ...services import accounts
from ...services import library as lib
from ..context import UiContext
from ..errors import error_text
from ..widgets import ERROR_STYLE
from .common import category_text

FIELDS = ("period_days", "max_loans", "max_renewals", "hold_days")


class _Heading(QLabel):
    """A column's heading: on one line when there is room, on two (never past the page's edge)
    when there is not."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        return QSize(max(super().sizeHint().width(), one_line), self.heightForWidth(one_line))


class RulesPage(QWidget):
    """One row of spin boxes per category; «ذخیره» records a rule event for each changed row."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("library-rules-page")
        box = QGroupBox(QCoreApplication.translate("Library", "قاعده‌های امانت"))
        grid = QGridLayout(box)
        heads = [QCoreApplication.translate("Library", "گروه عضویت"), QCoreApplication.translate("Library", "مهلت (روز کاری)"), QCoreApplication.translate("Library", "حداکثر امانت"),
                 QCoreApplication.translate("Library", "حداکثر تمدید"), QCoreApplication.translate("Library", "نگه‌داری رزرو (روز کاری)")]
        for col, text in enumerate(heads):  # on two lines in a narrow page (a laptop at 150 %), never past its edge
            head = _Heading(text)
            head.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeading)
            grid.addWidget(head, 0, col)
        self.spins: dict[str, dict[str, QSpinBox]] = {}
        for row, rule in enumerate(lib.list_rules(ctx.store), start=1):
            grid.addWidget(QLabel(category_text(rule.category)), row, 0)
            self.spins[rule.category] = {}
            for col, name in enumerate(FIELDS, start=1):
                spin = QSpinBox()
                spin.setObjectName(f"{rule.category}-{name}")
                spin.setRange(0 if name == "max_renewals" else 1, 365)
                spin.setValue(getattr(rule, name))
                spin.setMaximumWidth(110)
                grid.addWidget(spin, row, col)
                self.spins[rule.category][name] = spin
        grid.setColumnStretch(len(FIELDS) + 1, 1)
        self.save_button = QPushButton(QCoreApplication.translate("Library", "ذخیره قاعده‌ها"))
        self.save_button.setObjectName("save-rules")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("rules-message")
        self.message.setWordWrap(True)

        grants = QGroupBox(QCoreApplication.translate("Library", "کتابدارانی که می‌توانند مانع امانت را نادیده بگیرند (ثبت می‌شود)"))
        glay = QVBoxLayout(grants)
        self.grants: dict[str, QCheckBox] = {}
        for user in accounts.list_users(ctx.store, ctx.actor):
            if "librarian" not in user.roles or "admin" in user.roles:
                continue
            check = QCheckBox(f"{user.full_name} ({user.username})")
            check.setObjectName(f"grant-{user.username}")
            check.setChecked(lib.can_override(ctx.store, _actor_of(user)))
            check.toggled.connect(lambda on, uid=user.id: self._grant(uid, on))
            glay.addWidget(check)
            self.grants[user.username] = check
        if not self.grants:
            glay.addWidget(QLabel(QCoreApplication.translate("Library", "کاربری با نقش کتابدار نیست.")))

        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addWidget(self.save_button)
        lay.addWidget(self.message)
        lay.addWidget(grants)
        lay.addStretch(1)

    def save(self) -> None:
        current = {r.category: r for r in lib.list_rules(self.ctx.store)}
        try:
            n = 0
            for category, spins in self.spins.items():
                values = {name: spins[name].value() for name in FIELDS}
                if any(getattr(current[category], k) != v for k, v in values.items()):
                    lib.set_rule(self.ctx.store, self.ctx.actor, category, **values)
                    n += 1
        except Exception as err:  # a refusal (permission, value) is shown, never swallowed
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(err))
            return
        self.message.setStyleSheet("")
        self.message.setText(QCoreApplication.translate("Library", "قاعده‌ها ذخیره شد."))
        if n:
            self.ctx.bus.changed.emit("library")

    def _grant(self, user_id: str, on: bool) -> None:
        self.ctx.tasks.run(lambda: lib.set_override_grant(self.ctx.store, self.ctx.actor, user_id, on),
                           on_error=lambda err: self.message.setText(error_text(err)))


def _actor_of(user: accounts.UserView) -> Actor:
    return Actor(user.id, user.username, user.full_name, user.office_code, user.roles)
