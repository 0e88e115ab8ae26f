"""Users page: the list of users, create, edit roles, reset a password, disable/enable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...models import ROLES
from ...persian import sort_key
from ...services import accounts
from ...services import secretariat as sec
from ...services.accounts import UserView
from ..accessible import NamedDialog
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..errors import error_text
from ..roles import role_title, roles_text
from ..widgets import (
    ERROR_STYLE,
    Form,
    LazyTableModel,
    LtrLineEdit,
    isolated,
    list_fetcher,
    notice_label,
    select_row,
)


class UsersModel(LazyTableModel):
    """Users of this desk (a few dozen at most: the service returns them whole, paged here)."""

    def __init__(self, ctx: UiContext) -> None:
        fetch, count = list_fetcher(lambda: accounts.list_users(ctx.store, ctx.actor))
        headers = [QCoreApplication.translate("UsersModel", "نام کاربری"), QCoreApplication.translate("UsersModel", "نام و نام خانوادگی"),
                   QCoreApplication.translate("UsersModel", "نقش‌ها"), QCoreApplication.translate("UsersModel", "وضعیت")]
        super().__init__(headers, fetch, count)

    def display(self, row: Any, column: int) -> str:
        user: UserView = row
        if column == 0:
            return user.username
        if column == 1:
            return user.full_name
        if column == 2:
            return roles_text(user.roles) if user.roles else self.tr("هیچ نقشی")
        if user.kept_as_admin:
            state = self.tr("فعال، تا مدیر سامانه دیگری فعال شود")
        else:
            state = self.tr("فعال") if user.active else self.tr("غیرفعال")
        if user.no_roles:  # each of two desks apart took one of their roles: log-in refuses them
            state += self.tr(" — بی‌نقش: تا نقشی به او داده نشود نمی‌تواند وارد شود")
        late = user.late_steps
        if late:  # recorded at a desk that did not know yet: kept, and said
            state += QCoreApplication.translate(
                "UsersModel", " — پس از غیرفعال شدن، %Ln مورد در میزی که هنوز خبر نداشت به نام او ثبت شد؛ "
                              "آن‌ها ماندند", None, late)
        if user.name_taken_by_older:  # made at two desks apart: log-in takes the older account
            return state + self.tr(" — نام کاربری حساب دیگری است؛ تا در «ناسازگاری‌ها» حل نشود با آن وارد نمی‌شود")
        if user.name_shared:
            return state + self.tr(" — همین نام کاربری در حساب دیگری هم هست؛ در «ناسازگاری‌ها» حل کنید")
        return state


class RoleChecks(QWidget):
    """One check box per role, in the order of ROLES."""

    def __init__(self, chosen: frozenset[str] = frozenset()) -> None:
        super().__init__()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, role in enumerate(ROLES):
            box = QCheckBox(role_title(role))
            box.setObjectName(f"role-{role}")
            box.setChecked(role in chosen)
            grid.addWidget(box, i // 3, i % 3)
            self.boxes[role] = box

    def roles(self) -> set[str]:
        return {r for r, box in self.boxes.items() if box.isChecked()}


class _ServiceDialog(NamedDialog):
    """A dialog with a Form whose OK runs a service call off the GUI thread; errors land at fields.

    It opens with the cursor in its first field that takes typing, and Tab walks the fields in the
    order they stand before it reaches the buttons: the buttons are made before the subclass adds
    its fields, so Qt's own order (and focus) started at «ثبت»."""

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = Form()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(QCoreApplication.translate("AdminDialogs", "ثبت"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("AdminDialogs", "انصراف"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.cancel)
        self.box = QVBoxLayout(self)
        box = self.box
        box.addWidget(self.form)
        box.addWidget(self.buttons)
        self._keyboard_ready = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._keyboard_ready:
            return
        self._keyboard_ready = True
        fields: list[QWidget] = []
        w = self.form.nextInFocusChain()
        while w is not self.form and w is not None and len(fields) < 200:
            if self.form.isAncestorOf(w) and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                fields.append(w)
            w = w.nextInFocusChain()
        if not fields:
            return
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        QWidget.setTabOrder(fields[-1], self.ok_button)
        QWidget.setTabOrder(self.ok_button, cancel)
        typed = [f for f in fields if f.isEnabled() and not (isinstance(f, QLineEdit) and f.isReadOnly())]
        (typed or fields)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def run(self, fn: Callable[[], object]) -> None:
        self.form.clear_errors()
        self.ok_button.setEnabled(False)

        def done(_: object) -> None:
            self.ok_button.setEnabled(True)
            self.saved()
            self.ctx.bus.changed.emit("accounts")
            self.accept()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.form.show_error(err)

        self.ctx.tasks.run(fn, on_done=done, on_error=failed)

    def passwords_match(self, first: QLineEdit, second: QLineEdit, field: str) -> bool:
        if first.text() != second.text():
            self.form.set_error(field, QCoreApplication.translate("AdminDialogs", "دو گذرواژه یکسان نیستند؛ دوباره بنویسید."))
            return False
        return True

    def submit(self) -> None:
        raise NotImplementedError

    def saved(self) -> None:
        """The service took it (a dialog that keeps a draft drops it here)."""

    def cancel(self) -> None:
        """«انصراف» (Esc and the window's close button call `reject` alone)."""
        self.reject()


class UserDialog(_ServiceDialog):
    """Create a user (`user` is None) or edit an existing user's name and roles.

    A new user half typed (user name, full name, roles: never the passwords) is kept as a draft
    until it is saved or «انصراف» drops it: Esc and the window's close button only close the
    dialog, and the next «کاربر تازه» is filled with it again."""

    def __init__(self, ctx: UiContext, user: UserView | None = None, parent: QWidget | None = None) -> None:
        title = (QCoreApplication.translate("UserDialog", "کاربر تازه") if user is None
                 else QCoreApplication.translate("UserDialog", "ویرایش کاربر"))
        super().__init__(ctx, title, parent)
        self.user = user
        self.username = LtrLineEdit()
        self.username.setObjectName("username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("full_name")
        self.password = LtrLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = LtrLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.roles = RoleChecks(user.roles if user else frozenset())
        f = self.form
        f.add_field("username", self.tr("نام کاربری"), self.username)
        f.add_field("full_name", self.tr("نام و نام خانوادگی"), self.full_name)
        if user is None:
            f.add_field("password", self.tr("گذرواژه موقت"), self.password)
            f.add_field("password2", self.tr("تکرار گذرواژه"), self.password2)
        else:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.full_name.setText(user.full_name)
        f.add_field("roles", self.tr("نقش‌ها"), self.roles)
        self.draft_note = notice_label(self.tr(
            "کاربر تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ گذرواژه را بنویسید و آن را ثبت کنید."), "draft-note")
        self.box.insertWidget(0, self.draft_note)
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "admin-user"), {
            "username": self.username, "full_name": self.full_name,
            **{f"role-{r}": box for r, box in self.roles.boxes.items()}}, self,
            active=lambda: self.user is None)
        if user is None:
            self.draft_note.setVisible(self.draft.restore())

    def saved(self) -> None:
        if self.user is None:
            self.draft.clear()  # a user now, not a draft

    def cancel(self) -> None:
        """«انصراف»: the admin chose to drop what they typed (Esc only closes, keeping it)."""
        if self.user is None:
            self.draft.clear()
        super().cancel()

    def submit(self) -> None:
        store, actor, user = self.ctx.store, self.ctx.actor, self.user
        username, full_name, password = self.username.text(), self.full_name.text(), self.password.text()
        roles = self.roles.roles()
        if user is None:  # every field refused is said at once, the two passwords that differ with them
            password2 = self.password2.text()
            self.run(lambda: accounts.create_user(store, actor, username=username, full_name=full_name,
                                                  password=password, password_again=password2, roles=roles))
        else:
            self.run(lambda: accounts.update_user(store, actor, user.id, full_name=full_name, roles=roles))


class PasswordDialog(_ServiceDialog):
    """An admin sets a temporary password; the user changes it at the next log-in."""

    def __init__(self, ctx: UiContext, user: UserView, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("PasswordDialog", "گذرواژه تازه برای %1")
        super().__init__(ctx, title.replace("%1", user.full_name), parent)
        self.user = user
        self.password = LtrLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = LtrLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("password", self.tr("گذرواژه موقت"), self.password)
        self.form.add_field("password2", self.tr("تکرار گذرواژه"), self.password2)

    def submit(self) -> None:
        if not self.passwords_match(self.password, self.password2, "password2"):
            return
        store, actor, user_id, password = self.ctx.store, self.ctx.actor, self.user.id, self.password.text()
        self.run(lambda: accounts.reset_password(store, actor, user_id, password))


class HandOverDialog(_ServiceDialog):
    """The cases waiting in a user's cartable (a manager who left, or whose role went to another)
    handed to an active expert or manager, who can then act on them."""

    def __init__(self, ctx: UiContext, user: UserView, waiting: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("HandOverDialog", "سپردن کارتابل {name}").format(
            name=isolated(user.full_name)), parent)
        self.user = user
        self.ok_button.setText(self.tr("سپردن"))
        self.receiver = QComboBox()
        self.receiver.setObjectName("to_user_id")
        others = [u for u in accounts.list_users(ctx.store, ctx.actor)
                  if u.active and u.id != user.id and u.roles & set(sec.REFERRAL_ROLES)]
        others.sort(key=lambda u: ("manager" not in u.roles, sort_key(u.full_name)))  # «پریا» before «مریم»
        for u in others:
            self.receiver.addItem(self.tr("{name} ({roles})").format(
                name=isolated(u.full_name), roles=roles_text(u.roles & set(sec.REFERRAL_ROLES))), u.id)
        said = QLabel(QCoreApplication.translate(
            "HandOverDialog", "%Ln درخواست در کارتابل «{name}» منتظر اقدام است. هر کدام با همان دستور (پاراف) و "
                              "فرستنده به کارتابل کاربری که برمی‌گزینید می‌رود و در روند درخواست دیده می‌شود.", None,
            waiting).format(name=isolated(user.full_name)))
        said.setObjectName("hand-over-said")
        said.setWordWrap(True)
        self.box.insertWidget(0, said)
        self.form.add_field("to_user_id", self.tr("گیرنده"), self.receiver)

    def submit(self) -> None:
        store, actor, from_id = self.ctx.store, self.ctx.actor, self.user.id
        to_id = str(self.receiver.currentData() or "")
        self.run(lambda: sec.hand_over(store, actor, from_id, to_id))


class UsersPage(QWidget):
    """The users table with buttons for the admin's four jobs. Dialog classes are attributes so
    tests (and Picard-style dialog services) can drive them without a modal loop."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("users-page")
        self.model = UsersModel(ctx)
        self.table = QTableView()
        self.table.setObjectName("users-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the roles (all five of an admin's) and the state (what a sync left of a user name made at
        # two desks) share the width left and wrap onto more lines: the whole roles column took it
        # and the state was cut to «فعال — همین نام…» at 1024 px, out of view at 150 %
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Enter on the chosen row opens it, as a double click does (Qt emits `activated` for both)
        self.table.activated.connect(lambda _: self.edit_user())

        self.new_button = QPushButton(self.tr("کاربر تازه"))
        self.edit_button = QPushButton(self.tr("ویرایش نام و نقش‌ها"))
        self.password_button = QPushButton(self.tr("گذرواژه تازه"))
        self.active_button = QPushButton(self.tr("غیرفعال کردن"))
        self.hand_over_button = QPushButton(self.tr("سپردن کارتابل"))
        self.hand_over_button.clicked.connect(self.hand_over)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.message = QLabel()
        self.message.setObjectName("users-message")
        self.message.setWordWrap(True)
        self.kept_note = notice_label("", "kept-admin-note")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.password_button, self.active_button,
                  self.hand_over_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addWidget(self.kept_note)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ctx.bus.changed.connect(self._on_changed)
        self.model.reload()
        self._update_buttons()
        self._show_kept()

    def _on_changed(self, area: str) -> None:
        if area == "accounts":
            self.model.reload()
            self._update_buttons()
            self._show_kept()

    def _show_kept(self) -> None:
        """Say so when a user is an admin only because the office would have none left otherwise."""
        kept = [self.model.row_at(i) for i in range(self.model.rowCount()) if self.model.row_at(i).kept_as_admin]
        self.kept_note.setVisible(bool(kept))
        if kept:
            self.kept_note.setText(self.tr(
                "پس از همگام‌سازی هیچ مدیر سامانه فعالی در دفتر نمانده بود: در دو میز جدا از هم، هر کدام مدیر "
                "دیگری را غیرفعال یا بی‌نقش کرده بود. واپسین این تغییرها اجرا نشد و «{name}» ({username}) مدیر "
                "سامانه فعال می‌ماند تا مدیر سامانه دیگری فعال شود. برای ماندن او «فعال نگه داشتن» را بزنید، یا "
                "مدیر سامانه دیگری را فعال کنید تا آن تغییر اجرا شود.").format(
                    name=isolated(kept[0].full_name), username=isolated(kept[0].username)))

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_username(self, username: str) -> None:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).username == username:
                select_row(self.table, i)
                return
        raise KeyError(username)

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.edit_button, self.password_button, self.active_button, self.hand_over_button):
            b.setEnabled(user is not None)
        self.active_button.setText(self.tr("فعال نگه داشتن") if user and user.kept_as_admin
                                   else self.tr("فعال کردن") if user and not user.active else self.tr("غیرفعال کردن"))

    def user_dialog(self, user: UserView | None = None) -> UserDialog:
        return UserDialog(self.ctx, user, self)

    def new_user(self) -> None:
        self.user_dialog().open()

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None:
            self.user_dialog(user).open()

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            PasswordDialog(self.ctx, user, self).open()

    def hand_over_dialog(self, user: UserView) -> HandOverDialog | None:
        """The dialog handing `user`'s waiting cases over; None (said on the page) when none wait."""
        waiting = sec.open_items_count(self.ctx.store, self.ctx.actor, user.id)
        if not waiting:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("در کارتابل «{name}» درخواستی منتظر اقدام نیست.").format(
                name=isolated(user.full_name)))
            return None
        return HandOverDialog(self.ctx, user, waiting, self)

    def hand_over(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.message.clear()
        dialog = self.hand_over_dialog(user)
        if dialog is not None:
            dialog.open()

    def deactivate_question(self, user: UserView) -> str:
        """What the admin is asked before `user` is deactivated, the cases waiting in their cartable too."""
        text = self.tr("«{name}» ({username}) غیرفعال شود؟ دیگر نمی‌تواند وارد سامانه شود؛ کارهای ثبت‌شده‌اش می‌ماند و "
                       "می‌توانید او را دوباره فعال کنید.").format(name=isolated(user.full_name),
                                                                 username=isolated(user.username))
        waiting = sec.open_items_count(self.ctx.store, self.ctx.actor, user.id)
        if waiting:
            text += "\n\n" + QCoreApplication.translate(
                "UsersPage", "%Ln درخواست در کارتابل او منتظر اقدام است و تنها او (یا مدیر سامانه) روی آن‌ها کار "
                             "می‌تواند؛ با «سپردن کارتابل» آن‌ها را به کسی بسپارید که کارش را برعهده می‌گیرد.", None,
                waiting)
        return text

    def ask_deactivate(self, user: UserView) -> bool:
        """Deactivate `user`? Asked first, «No» by default (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("غیرفعال کردن کاربر"), self.deactivate_question(user),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def toggle_active(self) -> None:
        """Activate the chosen user, or deactivate them once the admin confirms (the service
        refuses the admin's own account without asking: another admin must do it)."""
        user = self.selected()
        if user is None:
            return
        store, actor = self.ctx.store, self.ctx.actor
        self.message.clear()
        if user.kept_as_admin:  # the admin kept for want of another stays, active and an admin, for good
            self._run_toggle(user, lambda: accounts.update_user(store, actor, user.id, active=True, roles=set(user.roles)),
                             self.tr("کاربر %1 مدیر سامانه فعال ماند."))
            return
        if user.active and user.id != actor.user_id and not self.ask_deactivate(user):
            return

        self._run_toggle(user, lambda: accounts.update_user(store, actor, user.id, active=not user.active),
                         self.tr("کاربر %1 غیرفعال شد.") if user.active else self.tr("کاربر %1 فعال شد."))

    def _run_toggle(self, user: UserView, work: Callable[[], object], said: str) -> None:
        def done(_: object) -> None:
            self.message.setStyleSheet("")
            self.message.setText(said.replace("%1", user.full_name))
            self.ctx.bus.changed.emit("accounts")

        def failed(err: BaseException) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error_text(err))

        self.ctx.tasks.run(work, on_done=done, on_error=failed)
