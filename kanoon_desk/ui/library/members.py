"""Members page: find by number, national ID or name; register a member; see and save the membership card."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSignalBlocker, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import ServiceError
from ...services import history
from ...services import library as lib
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..errors import error_text
from ..fitting import FittedPicture, FlowLayout, SaidLine, SideOrTab, VerticalScroll
from ..printing import print_dialog
from ..saving import save_image, save_to
from ..tables import down_into
from ..widgets import (
    FileDropLabel,
    Form,
    JalaliDateEdit,
    LtrLineEdit,
    ReadWhenShown,
    Today,
    digits,
    digits_in_order,
    select_row,
    text_digits,
    today,
)
from .common import ListModel, category_text, centre_namer, desk_centre, jdate, table_view
from .history import FieldHistoryDialog
from .member_record import MemberRecordDialog
from .printouts import card_print_html, membership_card

# The most members a search lists (a broader search says there are more).
SEARCH_LIMIT = 50


def upright_photo(data: bytes) -> QImage | None:
    """A photo's picture as it is meant to be seen (None: not a picture): a phone keeps a photo
    taken upright as the sensor read it, sideways, with an EXIF note to turn it, which QImage
    alone ignores — the child stood on their side on the form and the card."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    return None if image.isNull() else image


#: A camera's photo too large to keep is kept at most this size (the card prints it 3 × 4 cm at
#: about 180 dpi: 216 × 288 pixels; the rest is room for a sharper print).
PHOTO_KEPT_SIZE = (600, 800)


def card_sized_photo(path: Path) -> bytes | None:
    """A JPEG or PNG too large to keep (a phone's or a camera's, 3–8 MB) as a smaller JPEG, upright
    and on white where it was transparent; None when the file is not a picture of those kinds (the
    service then says why at the field)."""
    reader = QImageReader(str(path))
    if bytes(reader.format().data()) not in (b"jpeg", b"png"):
        return None
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        return None
    width, height = PHOTO_KEPT_SIZE
    if image.width() > width or image.height() > height:
        image = image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    flat.save(buffer, "JPG", 90)  # type: ignore[call-overload]  # (the stubs say bytes; PySide6 takes str)
    return bytes(buffer.data().data())


class MembersPage(QWidget):
    """Search on the right, the selected member's card and the registration form on the left."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("members-page")
        self.current: lib.MemberView | None = None
        self.query = self.search_box = digits_in_order(QLineEdit())
        self.query.setObjectName("member-query")
        self.query.setPlaceholderText(QCoreApplication.translate("Library", "شماره عضویت، کد ملی، نام یا شماره همراه"))
        self.query.returnPressed.connect(self.search)
        self.query.setClearButtonEnabled(True)  # cleared (its ⨯ or by hand): the recent members again
        self.query.textChanged.connect(lambda text: self.search() if not text else None)
        self.table = table_view("members-table", stretch=1)
        self.table.least_rows = 5  # the card under it is drawn smaller first
        self.table.row_moved.connect(self.select)  # a click or the arrow keys
        down_into(self.query, self.table)
        self.results: list[lib.MemberView] = []
        self.list_title = QLabel()
        self.list_title.setObjectName("members-list-title")
        left = QVBoxLayout()
        left.addWidget(self.query)
        left.addWidget(self.list_title)
        left.addWidget(self.table, 1)

        self.card = FittedPicture()  # smaller on a small screen, rather than pushing the form away
        self.card.setObjectName("member-card")
        self.save_card = QPushButton(QCoreApplication.translate("Library", "ذخیره کارت عضویت (PNG)"))
        self.save_card.clicked.connect(self.save_card_dialog)
        self.save_card.setEnabled(False)
        self.print_card = QPushButton(QCoreApplication.translate("Library", "چاپ کارت عضویت"))
        self.print_card.setObjectName("print-card")
        self.print_card.clicked.connect(self.print_card_dialog)
        self.print_card.setEnabled(False)
        self.renew_button = QPushButton(QCoreApplication.translate("Library", "تمدید عضویت برای یک سال"))
        self.renew_button.setObjectName("renew-membership")
        self.renew_button.clicked.connect(self.renew_membership)
        self.renew_button.setEnabled(False)
        self.history_button = QPushButton(QCoreApplication.translate("Library", "تاریخچه تغییرات"))
        self.history_button.setObjectName("member-history")
        self.history_button.setToolTip(QCoreApplication.translate(
            "Library", "همه مقدارهایی که هر فیلد گرفته، از هر مرکز؛ مقدار جایگزین‌شده هم دیده می‌شود."))
        self.history_button.clicked.connect(self.show_history)
        self.history_button.setEnabled(False)
        self.edit_button = QPushButton(QCoreApplication.translate("Library", "ویرایش مشخصات عضو"))
        self.edit_button.setObjectName("edit-member")
        self.edit_button.clicked.connect(self.start_edit)
        self.edit_button.setEnabled(False)
        self.record_button = QPushButton(QCoreApplication.translate("Library", "اطلاعات نگه‌داشته (برای ولی)"))
        self.record_button.setObjectName("member-record")
        self.record_button.setToolTip(QCoreApplication.translate(
            "Library", "همه آنچه از این عضو نگه داشته می‌شود — مشخصات، امانت‌ها و رزروها — برای چاپ یا PDF."))
        self.record_button.clicked.connect(self.show_record)
        self.record_button.setEnabled(False)
        self.erase_button = QPushButton(QCoreApplication.translate("Library", "پایان عضویت و حذف مشخصات…"))
        self.erase_button.setObjectName("erase-member")
        self.erase_button.setToolTip(QCoreApplication.translate(
            "Library", "به درخواست ولی: نام، کد ملی، تاریخ تولد، تلفن‌ها، نام ولی و عکس در همه مراکز حذف می‌شود؛ "
                       "امانت‌ها بی‌نام در آمار می‌مانند. برگشت‌پذیر نیست."))
        self.erase_button.clicked.connect(self.erase_member)
        self.erase_button.setEnabled(False)
        if not ctx.actor.has(*lib.ERASERS):  # (the service refuses anyone else too)
            self.erase_button.hide()  # (not setVisible(True): shown before it has a parent, a window)
        #: the member whose details the form holds for editing (None: the form registers a new one)
        self.editing: lib.MemberView | None = None
        #: a save is running in the background: another click waits for it
        self._saving = False

        self.form = Form()
        self.first = self.form.add_field("first_name", QCoreApplication.translate("Library", "نام"), QLineEdit())
        self.last = self.form.add_field("last_name", QCoreApplication.translate("Library", "نام خانوادگی"), QLineEdit())
        self.nid = self.form.add_field("national_id", QCoreApplication.translate("Library", "کد ملی"), LtrLineEdit())
        self.category = QComboBox()
        for key in ("child", "teen", "adult"):
            self.category.addItem(category_text(key), key)
        self.form.add_field("category", QCoreApplication.translate("Library", "گروه عضویت"), self.category)
        self.has_birth = QCheckBox(QCoreApplication.translate("Library", "تاریخ تولد را می‌دانم"))
        self.form.form.addRow("", self.has_birth)
        self.birth = self.form.add_field("birth_date", QCoreApplication.translate("Library", "تاریخ تولد"), JalaliDateEdit(value=today()))
        self.phone = self.form.add_field("phone", QCoreApplication.translate("Library", "شماره همراه"), LtrLineEdit())
        self.guardian = self.form.add_field("guardian_name", QCoreApplication.translate("Library", "نام ولی"), QLineEdit())
        self.guardian_phone = self.form.add_field("guardian_phone", QCoreApplication.translate("Library", "تلفن ولی"), LtrLineEdit())
        self.guardian_nid = self.form.add_field(
            "guardian_national_id", QCoreApplication.translate("Library", "کد ملی ولی (کودک بی‌کد ملی)"), LtrLineEdit())
        # with a birth date the category follows it (and keeps following it as the member grows)
        self.has_birth.toggled.connect(self._category_from_birth)
        self.birth.dateChanged.connect(self._birth_typed)  # type: ignore[attr-defined]
        self.birth.dateChanged.connect(self._category_from_birth)  # type: ignore[attr-defined]
        self.centre = QComboBox()
        self.centre.setObjectName("member-centre")
        self._fill_centres()
        self.form.add_field("home_centre", QCoreApplication.translate("Library", "مرکز"), self.centre)
        #: the office's day: a form left open past midnight moves its untouched default (a year
        #: from today) to the new day's, or the first member registered the next morning ended a
        #: day early
        self.today = Today(self)
        self.today.changed.connect(self._new_day)
        self._expiry_default = lib.a_year_after(self.today())
        self.expires = self.form.add_field("expires_on", QCoreApplication.translate("Library", "اعتبار تا"),
                                           JalaliDateEdit(value=self._expiry_default))
        self.photo_view = FileDropLabel()  # a photo dragged from a folder is chosen too
        self.photo_view.dropped.connect(lambda paths: self.choose_photo(paths[0]))
        self.photo_view.setToolTip(QCoreApplication.translate("Library", "عکس را اینجا رها کنید یا «انتخاب عکس…» را بزنید."))
        self.photo_view.setObjectName("member-photo")
        self.photo_view.setFixedSize(60, 80)
        self.photo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_view.setFrameShape(QLabel.Shape.StyledPanel)
        choose = QPushButton(QCoreApplication.translate("Library", "انتخاب عکس…"))
        choose.setObjectName("choose-photo")
        choose.clicked.connect(self.choose_photo_dialog)
        self.no_photo = QPushButton(QCoreApplication.translate("Library", "بدون عکس"))
        self.no_photo.setObjectName("clear-photo")
        self.no_photo.clicked.connect(self.clear_photo)
        photo_row = QWidget()
        photo_box = QHBoxLayout(photo_row)
        photo_box.setContentsMargins(0, 0, 0, 0)
        photo_box.addWidget(self.photo_view)
        photo_buttons = QVBoxLayout()  # one above the other beside the photo: the form stays narrow
        photo_buttons.addWidget(choose)
        photo_buttons.addWidget(self.no_photo)
        photo_buttons.addStretch(1)
        photo_box.addLayout(photo_buttons)
        photo_box.addStretch(1)
        self.form.add_field("photo", QCoreApplication.translate("Library", "عکس (اختیاری)"), photo_row)
        #: the photo the form will save: None keeps the member's (or none for a new member), "" removes it
        self.photo: str | None = None
        self.register_button = QPushButton(QCoreApplication.translate("Library", "ثبت عضو"))
        self.register_button.setObjectName("register-member")
        self.register_button.clicked.connect(self.register)
        for edit in (self.first, self.last, self.nid, self.phone, self.guardian, self.guardian_phone,
                     self.guardian_nid):
            edit.returnPressed.connect(self.register)  # type: ignore[attr-defined]
        self.cancel_edit_button = QPushButton(QCoreApplication.translate("Library", "انصراف از ویرایش"))
        self.cancel_edit_button.setObjectName("cancel-edit")
        self.cancel_edit_button.clicked.connect(lambda: self.end_edit())
        self.cancel_edit_button.hide()
        self.form_title = QLabel(QCoreApplication.translate("Library", "عضو تازه"))
        self._reset_extra_fields()
        self.message = SaidLine()  # (a line only while it says something)
        self.message.setObjectName("member-message")
        # the selected member's card, with what can be done with it, under the search results
        left.addWidget(self.card)  # at its own size when there is room, smaller on a small screen
        card_buttons = FlowLayout()  # under the card, on as many lines as the width needs
        for b in (self.print_card, self.save_card, self.renew_button, self.history_button, self.edit_button,
                  self.record_button, self.erase_button):
            card_buttons.addWidget(b)
        left.addLayout(card_buttons)
        form_side = QWidget()
        form_side.setObjectName("member-form-side")
        right = QVBoxLayout(form_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.form_title)
        right.addWidget(self.form)
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.register_button)
        form_buttons.addWidget(self.cancel_edit_button)
        right.addLayout(form_buttons)
        right.addStretch(1)
        list_side = QWidget()
        list_side.setObjectName("member-list-side")
        list_side.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        # the form scrolls on its own when the window is shorter than it: the list and the card stay
        self.form_scroll = VerticalScroll(form_side)
        # the form beside the list on a wide page, in a tab of its own on a narrow one (a 1024x768 monitor)
        self.parts = SideOrTab(list_side, self.form_scroll, (
            QCoreApplication.translate("Library", "جست‌وجو و کارت عضو"),
            QCoreApplication.translate("Library", "ثبت و ویرایش عضو")))
        self.parts.setObjectName("member-parts")
        box = QVBoxLayout(self)
        box.addWidget(self.parts, 1)
        # what the last action said (a save, a renewal, a refusal) under both parts: on a narrow
        # page the part that acted may not be the one in view
        box.addWidget(self.message)
        self.show_recent()
        # a new member half typed is kept on disk as it is typed (a correction is not: it is undone
        # by «انصراف از ویرایش» anyway)
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "library-member"), {
            "first_name": self.first, "last_name": self.last, "national_id": self.nid, "category": self.category,
            "has_birth": self.has_birth, "birth_date": self.birth, "phone": self.phone, "guardian_name": self.guardian,
            "guardian_phone": self.guardian_phone, "guardian_national_id": self.guardian_nid,
            "home_centre": self.centre, "expires_on": self.expires}, self, active=lambda: self.editing is None)
        if self.draft.restore():
            self.message.setText(QCoreApplication.translate(
                "Library", "عضو تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید."))
        #: what other desks (or this desk's other pages) changed, read again (`ReadWhenShown`)
        self.refresher = ReadWhenShown(self, ctx.bus, ("library", "sync", "accounts"), self.reload)

    def reload(self) -> None:
        """The list as it was asked for (the search typed, or the members registered last) read
        again, the selected member kept selected with their card as they are now."""
        keep = self.current.id if self.current is not None else None
        self._fill_centres()
        self.search()
        row = next((i for i, m in enumerate(self.results) if m.id == keep), None)
        if row is not None:
            self.select(row)

    def _fill_centres(self) -> None:
        """The centres a member may belong to, the one chosen kept (a centre pulled by sync joins)."""
        chosen = self.centre.currentData()
        blocker = QSignalBlocker(self.centre)  # the same choice: not a change of the draft
        self.centre.clear()
        for code, name in lib.list_centres(self.ctx.store, open_only=True):
            self.centre.addItem(text_digits(name), code)
        if chosen is not None and self.centre.findData(chosen) < 0:
            self.centre.addItem(str(chosen), chosen)
        self.centre.setCurrentIndex(max(self.centre.findData(chosen), 0))
        blocker.unblock()

    def show_recent(self) -> None:
        """Before any search: the members registered last at this desk's centre (anywhere, at a
        desk that is not a centre's), the newest selected with its card."""
        members = lib.recent_members(self.ctx.store, self.ctx.actor, desk_centre(self.ctx)) or lib.recent_members(self.ctx.store, self.ctx.actor)
        self.list_title.setText(QCoreApplication.translate("Library", "آخرین اعضای ثبت‌شده") if members else "")
        self._show_results(members)
        if members:
            self.select(0)

    def _show_results(self, members: list[lib.MemberView]) -> None:
        self.results = members
        centre = centre_namer(self.ctx.store)
        self.table.setModel(ListModel(
            [QCoreApplication.translate("Library", "شماره عضویت"), QCoreApplication.translate("Library", "نام"),
             QCoreApplication.translate("Library", "گروه"), QCoreApplication.translate("Library", "مرکز"),
             QCoreApplication.translate("Library", "اعتبار تا")], lambda: members,
            lambda m: [digits(m.member_no), m.full_name, category_text(lib.member_category(m, today())),
                       centre(m.home_centre),
                       jdate(m.expires_on)],
            alert=lambda m: m.expires_on < today(),  # a membership ended: renew before lending
            alert_tip=QCoreApplication.translate("Library", "عضویت به پایان رسیده است؛ پیش از امانت، آن را تمدید کنید.")))

    def search(self) -> None:
        if not self.query.text().strip():
            self.show_recent()
            return
        found = lib.search_members(self.ctx.store, self.ctx.actor, self.query.text(), limit=SEARCH_LIMIT + 1)
        self._show_results(found[:SEARCH_LIMIT])
        if len(found) > SEARCH_LIMIT:  # not "50 found": there are more than the list holds
            self.list_title.setText(QCoreApplication.translate(
                "Library", "بیش از {n} عضو پیدا شد؛ {n} عضو نخست در فهرست است. جست‌وجو را دقیق‌تر بنویسید.").format(
                n=digits(SEARCH_LIMIT)))
        else:
            hits = len(self.results)
            self.list_title.setText(QCoreApplication.translate("Library", "%Ln عضو پیدا شد", None, hits))
        if len(self.results) == 1:
            self.select(0)

    def select(self, row: int) -> None:
        if not 0 <= row < len(self.results):
            return
        self.current = self.results[row]
        select_row(self.table, row)
        self.card.setPixmap(QPixmap.fromImage(self.card_image(scale=1.0)))
        live = self.current.erased_on is None  # an erased member's record: nothing to print, renew or correct
        for button in (self.save_card, self.print_card, self.renew_button, self.edit_button, self.erase_button):
            button.setEnabled(live)
        self.history_button.setEnabled(True)
        self.record_button.setEnabled(True)

    def _birth_typed(self) -> None:
        """A birth date the clerk types (or picks) is one they know: the box is ticked for them.
        Left unticked, the date typed was shown in the form and dropped at «ثبت عضو» (the member
        saved without it, in the category the box chose)."""
        if self.birth.hasFocus() or self.birth.calendarWidget().isVisible():  # type: ignore[attr-defined]
            self.has_birth.setChecked(True)

    def _category_from_birth(self) -> None:
        known = self.has_birth.isChecked()
        if known:
            category = lib.category_for(self.birth.value(), today())  # type: ignore[attr-defined]
            self.category.setCurrentIndex(max(self.category.findData(category), 0))
        self.category.setEnabled(not known)

    def start_edit(self) -> None:
        """The selected member's details into the form, to correct and save (only the fields that
        change are recorded; in sync each field keeps its newest value)."""
        m = self.current
        if m is None:
            return
        self.draft.flush()  # the new member being typed is kept before the form takes this one
        self.editing = m
        self.form.clear_errors()
        self.first.setText(m.first_name)  # type: ignore[attr-defined]
        self.last.setText(m.last_name)  # type: ignore[attr-defined]
        self.nid.setText(m.national_id)  # type: ignore[attr-defined]
        self.category.setCurrentIndex(max(self.category.findData(m.category), 0))
        self.has_birth.setChecked(m.birth_date is not None)
        if m.birth_date is not None:
            self.birth.set_value(m.birth_date)  # type: ignore[attr-defined]
        self.phone.setText(m.phone)  # type: ignore[attr-defined]
        self.guardian.setText(m.guardian_name)  # type: ignore[attr-defined]
        self.guardian_phone.setText(m.guardian_phone)  # type: ignore[attr-defined]
        self.guardian_nid.setText(m.guardian_national_id)  # type: ignore[attr-defined]
        if self.centre.findData(m.home_centre) < 0:  # a centre this desk has not synced yet
            self.centre.addItem(m.home_centre, m.home_centre)
        self.centre.setCurrentIndex(self.centre.findData(m.home_centre))
        self.expires.set_value(m.expires_on)  # type: ignore[attr-defined]
        self.photo = None  # kept unless another is chosen or it is removed
        self._show_photo(self._photo_image(m.photo))
        self.form_title.setText(QCoreApplication.translate("Library", "ویرایش: {m} ({n})").format(
            m=text_digits(m.full_name), n=digits(m.member_no)))
        self.register_button.setText(QCoreApplication.translate("Library", "ذخیره تغییرات"))
        self.cancel_edit_button.show()
        self.parts.show_side()  # (its tab, on a narrow page)
        self.first.setFocus()

    def end_edit(self, said: str = "") -> None:
        """Back to registering a new member: the form emptied, or holding the new member that was
        being typed before a correction began (its draft); `said` is what the message says of the save."""
        self.form.clear_errors()
        for field in (self.first, self.last, self.nid, self.phone, self.guardian, self.guardian_phone,
                      self.guardian_nid):
            field.clear()  # type: ignore[attr-defined]
        self.has_birth.setChecked(False)
        self._reset_extra_fields()
        self.editing = None  # (the emptying above, while correcting, touched no draft)
        self.form_title.setText(QCoreApplication.translate("Library", "عضو تازه"))
        self.register_button.setText(QCoreApplication.translate("Library", "ثبت عضو"))
        self.cancel_edit_button.hide()
        if self.draft.restore():
            said = " ".join(filter(None, [said, QCoreApplication.translate(
                "Library", "عضو تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید.")]))
        self.message.setText(said)

    def _new_day(self, day: date) -> None:
        """The new day's one-year membership in place of the last day's, unless the clerk chose
        another date or is correcting a member."""
        if self.editing is None and self.expires.value() == self._expiry_default:  # type: ignore[attr-defined]
            self._set_default_expiry(day)

    def _set_default_expiry(self, day: date) -> None:
        self._expiry_default = lib.a_year_after(day)
        self.expires.set_value(self._expiry_default)  # type: ignore[attr-defined]

    def _reset_extra_fields(self) -> None:
        """Home centre: this desk's; membership for a year; no photo."""
        self.centre.setCurrentIndex(max(self.centre.findData(desk_centre(self.ctx)), 0))
        self._set_default_expiry(self.today())
        self.photo = None
        self._show_photo(None)

    def _photo_image(self, sha: str) -> QImage | None:
        """The stored photo as a picture (None: no photo, or its file has not arrived yet)."""
        data = lib.member_photo(self.ctx.store, self.ctx.actor, sha)
        return upright_photo(data) if data else None

    def _show_photo(self, image: QImage | None) -> None:
        if image is None:
            self.photo_view.setPixmap(QPixmap())
            self.photo_view.setText(QCoreApplication.translate("Library", "بی‌عکس"))
        else:
            self.photo_view.setPixmap(QPixmap.fromImage(image).scaled(
                self.photo_view.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))

    def choose_photo(self, path: Path) -> bool:
        """Keep the photo file (JPEG or PNG) for the member in the form — one too large to keep, made
        smaller (`card_sized_photo`); a refusal is said at the field."""
        try:
            smaller = card_sized_photo(path) if path.is_file() and path.stat().st_size > lib.MAX_PHOTO_BYTES else None
            if smaller is not None:  # a camera's photo: kept smaller, not refused as too large
                sha = lib.put_member_photo_data(self.ctx.store, smaller, f"{path.stem}.jpg")
            else:
                sha = lib.put_member_photo(self.ctx.store, path)
        except ServiceError as err:
            self.form.show_error(err)
            return False
        self.form.clear_errors()
        self.photo = sha
        self._show_photo(self._photo_image(sha))
        return True

    def choose_photo_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Library", "عکس عضو"), "",
                                              QCoreApplication.translate("Library", "عکس (*.jpg *.jpeg *.png)"))
        if name:
            self.choose_photo(Path(name))

    def clear_photo(self) -> None:
        self.photo = ""
        self._show_photo(None)

    def renew_membership(self) -> None:
        if self.current is None:
            return
        member = self.current
        until = lib.a_year_after(max(today(), member.expires_on))  # early: from its end; late: from today

        def done(view: lib.MemberView) -> None:
            self.message.setText(QCoreApplication.translate("Library", "عضویت تا {d} تمدید شد.").format(
                d=jdate(view.expires_on)))
            self._show_results([view])
            self.select(0)
            self.ctx.bus.changed.emit("library")

        self.ctx.tasks.run(lambda: lib.renew_membership(self.ctx.store, self.ctx.actor, member.id, until),
                           on_done=done, on_error=lambda err: self.message.setText(error_text(err)))

    def register(self) -> None:
        if self._saving or self.form.dates_refused():  # a second click (or Enter) while the save runs: one member
            return
        data = lib.MemberInput(
            first_name=self.first.text(), last_name=self.last.text(), national_id=self.nid.text(),  # type: ignore[attr-defined]
            category=self.category.currentData(),
            birth_date=self.birth.value() if self.has_birth.isChecked() else None,  # type: ignore[attr-defined]
            phone=self.phone.text(), guardian_name=self.guardian.text(),  # type: ignore[attr-defined]
            guardian_phone=self.guardian_phone.text(),  # type: ignore[attr-defined]
            guardian_national_id=self.guardian_nid.text(),  # type: ignore[attr-defined]
            home_centre=str(self.centre.currentData() or ""), expires_on=self.expires.value(),  # type: ignore[attr-defined]
            photo=self.photo)

        editing = self.editing
        self.message.setText("")  # what the last save said is not about this one
        self._saving = True

        def failed(err: BaseException) -> None:
            self._saving = False
            self.form.show_error(err)

        def done(member: lib.MemberView) -> None:
            self._saving = False
            self.form.clear_errors()
            if editing is None:
                self.draft.clear()  # a member now, not a draft
                # the form emptied for the next member: left filled, a second click registered the same one again
                self.end_edit(QCoreApplication.translate("Library", "عضو ثبت شد؛ شماره عضویت {n}").format(
                    n=digits(member.member_no)))
                self.first.setFocus()
            else:  # back to the new member's form (and the draft of one, if one was being typed)
                self.end_edit(QCoreApplication.translate("Library", "چیزی تغییر نکرده بود.") if member == editing
                              else QCoreApplication.translate("Library", "تغییرات {m} ثبت شد.").format(
                                  m=text_digits(member.full_name)))
            self._show_results([member])
            self.select(0)
            self.ctx.bus.changed.emit("library")

        if editing is None:
            self.ctx.tasks.run(lambda: lib.register_member(self.ctx.store, self.ctx.actor, data),
                               on_done=done, on_error=failed)
        else:
            self.ctx.tasks.run(lambda: lib.update_member(self.ctx.store, self.ctx.actor, editing.id, data),
                               on_done=done, on_error=failed)

    def show_record(self) -> MemberRecordDialog | None:
        """What the desk holds about the selected member, to print or save for the guardian."""
        if self.current is None:
            return None
        try:
            record = lib.member_record(self.ctx.store, self.ctx.actor, self.current.id)
        except ServiceError as err:
            self.message.setText(error_text(err))
            return None
        dialog = MemberRecordDialog(record, today(), self)
        dialog.open()
        return dialog

    def ask_erase(self, member: lib.MemberView) -> bool:
        """End the membership and remove the details? Asked first, «No» by default (tests replace
        this method)."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "پایان عضویت و حذف مشخصات"),
            QCoreApplication.translate(
                "Library", "عضویت {m} (شماره {n}) پایان یابد و نام، کد ملی، تاریخ تولد، تلفن‌ها، نام ولی و عکس او "
                           "در این میز و با همگام‌سازی در همه مراکز حذف شود؟ امانت‌های گذشته بی‌نام در آمار می‌مانند. "
                           "این کار برگشت‌پذیر نیست.").format(m=text_digits(member.full_name), n=digits(member.member_no)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def erase_member(self) -> None:
        """At the guardian's request: the membership ended and the child's details removed (asked
        first); a book out or a hold open is said in the message, and nothing is removed."""
        member = self.current
        if member is None or not self.ask_erase(member):
            return

        def done(view: lib.MemberView) -> None:
            if self.editing is not None and self.editing.id == view.id:
                self.end_edit()
            self.message.setText(QCoreApplication.translate(
                "Library", "عضویت شماره {n} پایان یافت و مشخصات شخصی عضو حذف شد.").format(n=digits(view.member_no)))
            self._show_results([view])
            self.select(0)
            self.ctx.bus.changed.emit("library")

        self.ctx.tasks.run(lambda: lib.erase_member(self.ctx.store, self.ctx.actor, member.id),
                           on_done=done, on_error=lambda err: self.message.setText(error_text(err)))

    def show_history(self) -> FieldHistoryDialog | None:
        if self.current is None:
            return None
        dialog = FieldHistoryDialog(history.field_history(self.ctx.store, self.ctx.actor, "member", self.current.id),
                                    self.current.full_name, self)
        dialog.open()
        return dialog

    def save_card_dialog(self) -> None:
        if self.current is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("Library", "کارت عضویت"), f"card-{self.current.member_no}.png", "PNG (*.png)")
        if name:
            save_to(self, Path(name), lambda p: save_image(self.card_image(), p))

    def print_card_dialog(self) -> bool:
        """The card at its real size (85.6 × 54 mm) to the printer, to cut out."""
        if self.current is None:
            return False
        return print_dialog(self, card_print_html(self.card_image(scale=3.0)))

    def card_image(self, scale: float = 2.0) -> QImage:
        """The selected member's card, with their photo when they have one."""
        assert self.current is not None
        centre = dict(lib.list_centres(self.ctx.store)).get(self.current.home_centre, self.current.home_centre)
        return membership_card(self.current, centre, scale=scale, photo=self._photo_image(self.current.photo))
