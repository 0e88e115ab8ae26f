"""Catalogue page: full-text title search, a title's copies by centre, add titles and copies, import, labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import ServiceError
from ...persian import normalize_isbn
from ...services import history
from ...services import library as lib
from ...services import library_import as imp
from ..context import UiContext
from ..drafts import FormDraft, draft_key
from ..errors import error_field, error_text
from ..fitting import SideOrTab, VerticalScroll
from ..scan_box import ScanLineEdit
from ..tables import down_into
from ..tasks import Progressing
from ..widgets import (
    ERROR_STYLE,
    Form,
    LtrLineEdit,
    ReadWhenShown,
    digits,
    digits_in_order,
    select_row,
    text_digits,
)
from .catalogue_import import IMPORT_KINDS, ImportDialog, ImportProgress
from .catalogue_import import errors_text as errors_text
from .catalogue_import import note_text as note_text
from .catalogue_labels import LabelsDialog
from .common import (
    AGE_GROUP_NAMES,
    ListModel,
    age_group_text,
    centre_namer,
    desk_centre,
    status_text,
    table_view,
    tr_dynamic,
)
from .copies import CopyDialog
from .history import FieldHistoryDialog


def show_title_error(form: Form, err: BaseException) -> None:
    """A refused title at its field; a known ISBN names the title it belongs to, and a title of the
    same name by the same author names it and says how to add this one all the same."""
    if isinstance(err, lib.DuplicateIsbn):
        form.set_error("isbn", QCoreApplication.translate("Errors", err.message).format(
            t=text_digits(err.existing.title)))
    elif isinstance(err, lib.SameTitle):
        form.set_error("title", "\n".join([
            QCoreApplication.translate("Errors", err.message).format(
                t=text_digits(err.existing.title), a=text_digits(err.existing.author)),
            QCoreApplication.translate(
                "Library", "اگر کتاب دیگری است (چاپ یا ترجمه دیگر)، دوباره «افزودن عنوان» را بزنید.")]))
    else:
        form.show_error(err)


class CataloguePage(QWidget):
    """Search titles (normalised Persian, prefixes), see copies and their status at every centre.

    Signals:
        import_ready(object): a file given to `preview_import` was read and checked: its preview
            (an `ImportDialog`).
        import_failed(object): it was not (the `ServiceError` said under the list: stopped, empty,
            unreadable).
    """

    import_ready = Signal(object)
    import_failed = Signal(object)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        #: the file being read and checked (its progress and «انصراف»); None when none is
        self.import_task: Progressing | None = None
        self.setObjectName("catalogue-page")
        self.titles: list[lib.TitleView] = []
        #: what the title list shows: the search run last (its text), or None for the titles added last
        self.listed_query: str | None = None
        self.copies: list[lib.CopyView] = []
        self.query = self.search_box = digits_in_order(QLineEdit())
        self.query.setObjectName("title-query")
        self.query.setPlaceholderText(QCoreApplication.translate("Library", "عنوان، نویسنده، ناشر، موضوع یا شابک"))
        self.query.returnPressed.connect(self.search)
        self.query.setClearButtonEnabled(True)  # cleared (its ⨯ or by hand): the recent titles again
        self.query.textChanged.connect(lambda text: self.search() if not text else None)
        self.kind = QComboBox()
        self.kind.setAccessibleName(QCoreApplication.translate("Library", "نوع درون‌ریزی"))
        for key, label in IMPORT_KINDS.items():
            self.kind.addItem(tr_dynamic(label), key)
        self.import_button = QPushButton(QCoreApplication.translate("Library", "درون‌ریزی از CSV/XLSX"))
        self.import_button.clicked.connect(self.import_dialog)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.kind)
        top.addWidget(self.import_button)
        self.title_table = table_view("titles-table", stretch=0)
        self.title_table.row_moved.connect(self.select)  # a click or the arrow keys
        down_into(self.query, self.title_table)
        self.copy_table = table_view("copies-table")
        self.form = Form()
        self.t_title = self.form.add_field("title", QCoreApplication.translate("Library", "عنوان"), QLineEdit())
        self.t_author = self.form.add_field("author", QCoreApplication.translate("Library", "نویسنده"), QLineEdit())
        self.t_publisher = self.form.add_field("publisher", QCoreApplication.translate("Library", "ناشر"), QLineEdit())
        self.t_isbn = self.form.add_field("isbn", QCoreApplication.translate("Library", "شابک"), LtrLineEdit())
        self.t_age = QComboBox()
        self.t_age.addItem("", "")
        for g in AGE_GROUP_NAMES:
            self.t_age.addItem(age_group_text(g), g)
        self.form.add_field("age_group", QCoreApplication.translate("Library", "گروه سنی"), self.t_age)
        self.t_subject = self.form.add_field("subject", QCoreApplication.translate("Library", "موضوع"), QLineEdit())
        add_title = self.add_title_button = QPushButton(QCoreApplication.translate("Library", "افزودن عنوان"))
        add_title.setObjectName("add-title")
        add_title.clicked.connect(self.save_title)
        for edit in (self.t_title, self.t_author, self.t_publisher, self.t_subject):
            edit.returnPressed.connect(self.save_title)  # type: ignore[attr-defined]
        self.t_isbn.returnPressed.connect(self.isbn_entered)  # type: ignore[attr-defined]
        # a save is running in the background: another Enter or click waits for it
        self._saving = False
        #: the new title the librarian was told is in the catalogue already (`lib.SameTitle`): added
        #: as it is if it is saved again unchanged
        self._same_name_told: lib.TitleInput | None = None
        self.edit_title_button = QPushButton(QCoreApplication.translate("Library", "ویرایش عنوان برگزیده"))
        self.edit_title_button.setObjectName("edit-title")
        self.edit_title_button.clicked.connect(self.start_edit)
        self.cancel_edit_button = QPushButton(QCoreApplication.translate("Library", "انصراف از ویرایش"))
        self.cancel_edit_button.setObjectName("cancel-edit-title")
        self.cancel_edit_button.clicked.connect(lambda: self.end_edit())
        self.cancel_edit_button.hide()
        #: the title the form holds for editing (None: the form adds a new one)
        self.editing: lib.TitleView | None = None
        self.withdraw_button = QPushButton(QCoreApplication.translate("Library", "وجین نسخه برگزیده"))
        self.withdraw_button.setObjectName("withdraw-copy")
        self.withdraw_button.setToolTip(QCoreApplication.translate(
            "Library", "نسخه‌ای که فرسوده یا کنار گذاشته شده است دیگر امانت داده نمی‌شود."))
        self.withdraw_button.clicked.connect(lambda: self._ask_and_mark("withdraw"))
        self.correct_button = QPushButton(QCoreApplication.translate("Library", "اصلاح نسخه"))
        self.correct_button.setObjectName("correct-copy")
        self.correct_button.setToolTip(QCoreApplication.translate("Library", "قفسه، مرکز و امانت‌دادنی بودن نسخه برگزیده"))
        self.correct_button.clicked.connect(self.correct_copy)
        self.lost_button = QPushButton(QCoreApplication.translate("Library", "گم‌شده"))
        self.lost_button.setObjectName("lost-copy")
        self.lost_button.clicked.connect(lambda: self._ask_and_mark("lost"))
        # every value a field was given, here or at another centre, in force or replaced
        self.title_history_button = QPushButton(QCoreApplication.translate("Library", "تاریخچه تغییرات عنوان"))
        self.title_history_button.setObjectName("title-history")
        self.title_history_button.clicked.connect(self.show_title_history)
        self.copy_history_button = QPushButton(QCoreApplication.translate("Library", "تاریخچه تغییرات"))
        self.copy_history_button.setObjectName("copy-history")
        self.copy_history_button.setToolTip(QCoreApplication.translate("Library", "تاریخچه تغییرات نسخه برگزیده"))
        self.copy_history_button.clicked.connect(self.show_copy_history)
        self.barcode = ScanLineEdit()
        self.barcode.setPlaceholderText(QCoreApplication.translate("Library", "بارکد (خالی: خودکار)"))
        self.shelf = LtrLineEdit()
        self.shelf.setPlaceholderText(QCoreApplication.translate("Library", "قفسه"))
        # a delivery's copies of one title at once: consecutive labels from the barcode typed, or
        # codes this desk issues; back to 1 after (the next scan is one copy again)
        self.count = QSpinBox()
        self.count.setObjectName("copy-count")
        self.count.setRange(1, lib.MAX_COPIES_AT_ONCE)
        self.count.setAccessibleName(QCoreApplication.translate("Library", "تعداد نسخه"))
        self.count.setToolTip(QCoreApplication.translate(
            "Library", "چند نسخه با هم: بارکدهای پیاپی از بارکدی که نوشته شد (K000120، K000121…)، یا خودکار"))
        self.count.lineEdit().returnPressed.connect(self.add_copy)
        count_label = QLabel(QCoreApplication.translate("Library", "تعداد:"))
        count_label.setBuddy(self.count)
        add_copy = self.add_copy_button = QPushButton(QCoreApplication.translate("Library", "افزودن نسخه به عنوان برگزیده"))
        add_copy.setObjectName("add-copy")
        add_copy.clicked.connect(self.add_copy)
        # a scanner types the label's code and Enter: each scan adds a copy, and the emptied box
        # waits for the next (an Enter in the empty box, a scanner's second end-of-line, adds none)
        self.barcode.returnPressed.connect(lambda: self.add_copy() if self.barcode.text().strip() else None)
        self.shelf.returnPressed.connect(self.add_copy)
        labels = QPushButton(QCoreApplication.translate("Library", "برچسب بارکد…"))
        labels.setObjectName("labels")
        labels.setToolTip(QCoreApplication.translate(
            "Library", "چاپ یا ذخیره برچسب نسخه‌های برگزیده، همه نسخه‌های عنوان، یا نسخه‌های امروز این مرکز"))
        labels.clicked.connect(lambda: self.labels_dialog().exec())
        self.message = QLabel()
        self.message.setObjectName("catalogue-message")
        copy_row = self.copy_row = QHBoxLayout()  # a new copy: its barcode and shelf, then add
        copy_row.addWidget(self.barcode, 1)
        copy_row.addWidget(self.shelf, 1)
        copy_row.addWidget(count_label)
        copy_row.addWidget(self.count)
        copy_row.addWidget(add_copy)
        selected_row = QHBoxLayout()  # what is done to the copy selected
        for w in (self.correct_button, self.withdraw_button, self.lost_button, self.copy_history_button):
            selected_row.addWidget(w)
        selected_row.addStretch(1)
        side = QVBoxLayout()
        # the title form keeps room for a title as typed (at 1024 px its boxes were ~130 px wide)
        self.form.setMinimumWidth(self.form.fontMetrics().horizontalAdvance("م" * 34))
        side.addWidget(self.form)
        title_buttons = QHBoxLayout()
        title_buttons.addWidget(add_title)
        title_buttons.addWidget(self.cancel_edit_button)
        side.addLayout(title_buttons)
        side.addWidget(self.edit_title_button)
        side.addWidget(self.title_history_button)
        side.addStretch(1)
        middle = QVBoxLayout()
        self.list_title = QLabel()
        self.list_title.setObjectName("titles-list-title")
        middle.addWidget(self.list_title)
        middle.addWidget(self.title_table, 3)
        copies_heading = QHBoxLayout()  # the copies' labels printed from above their list (the row
        copies_heading.addWidget(QLabel(QCoreApplication.translate("Library", "نسخه‌ها")))  # under it
        copies_heading.addStretch(1)  # has a new copy's barcode, shelf and count: no room at 150 %)
        copies_heading.addWidget(labels)
        middle.addLayout(copies_heading)
        middle.addWidget(self.copy_table, 2)
        middle.addLayout(selected_row)
        middle.addLayout(copy_row)
        list_side = QWidget()
        list_side.setObjectName("titles-side")
        list_side.setLayout(middle)
        middle.setContentsMargins(0, 0, 0, 0)
        form_side = QWidget()
        form_side.setObjectName("title-form-side")
        form_side.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        # the form beside the lists on a wide page, in a tab of its own on a narrow one (a 1024x768
        # monitor), where the lists have the page's width and the form its height
        self.parts = SideOrTab(list_side, VerticalScroll(form_side), (
            QCoreApplication.translate("Library", "عنوان‌ها و نسخه‌ها"),
            QCoreApplication.translate("Library", "افزودن و ویرایش عنوان")))
        self.parts.setObjectName("catalogue-parts")
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.parts, 1)
        # what the last action said under both parts: on a narrow page the form's tab may be in
        # view when the list's side speaks (an ISBN not in the catalogue), and the other way round
        box.addWidget(self.message)
        self._show_copies([])
        self.show_recent()
        # a new title half typed is kept on disk as it is typed (a correction is not: «انصراف از
        # ویرایش» undoes it anyway)
        self.draft = FormDraft(ctx.settings, draft_key(ctx.actor.user_id, "library-title"), {
            "title": self.t_title, "author": self.t_author, "publisher": self.t_publisher, "isbn": self.t_isbn,
            "age_group": self.t_age, "subject": self.t_subject}, self, active=lambda: self.editing is None)
        if self.draft.restore():
            self.message.setText(QCoreApplication.translate(
                "Library", "عنوان تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید."))
        #: what other desks (or this desk's other pages) changed, read again (`ReadWhenShown`)
        self.refresher = ReadWhenShown(self, ctx.bus, ("library", "sync"), self.reload)

    def reload(self) -> None:
        """The titles as they were asked for (added last, or the search run again) read again, the
        selected title kept selected with its copies as they are now."""
        keep = self._selected_title()
        self._list(self.listed_query)
        row = next((i for i, t in enumerate(self.titles) if keep is not None and t.id == keep.id), 0)
        if self.titles:
            self.select(row)
        else:
            self._show_copies([])

    def show_recent(self) -> None:
        """Before any search (or once the search box is emptied): the titles added last, the
        newest selected with its copies."""
        self._list(None)
        if self.titles:
            self.select(0)

    def _list(self, query: str | None) -> None:
        """The titles added last (`query` None) or those a search finds, under their heading."""
        self.listed_query = query
        if query is None:
            titles = lib.recent_titles(self.ctx.store)
            self.list_title.setText(QCoreApplication.translate("Library", "آخرین عنوان‌های افزوده") if titles else "")
        else:
            titles = lib.search_titles(self.ctx.store, query, limit=200)
            self.list_title.setText(QCoreApplication.translate("Library", "نتیجه جست‌وجو"))
        self._show_titles(titles)

    def show_saved(self, title: lib.TitleView, heading: str = "") -> None:
        """After a title is added or corrected: the list as it was (the titles added last, or the
        search run again), the title selected in it for its copies. A title the list does not hold
        (its search no longer finds it) is listed alone, under a heading that says so (`heading`,
        else «the title just saved»)."""
        self._list(self.listed_query)
        row = next((i for i, t in enumerate(self.titles) if t.id == title.id), None)
        if row is None:
            self.list_title.setText(heading or QCoreApplication.translate("Library", "عنوانی که هم‌اکنون ثبت شد"))
            self._show_titles([title])
            row = 0
        self.select(row)

    def _show_titles(self, titles: list[lib.TitleView]) -> None:
        self.titles = titles
        self.title_table.setModel(ListModel(
            [QCoreApplication.translate("Library", "عنوان"), QCoreApplication.translate("Library", "نویسنده"), QCoreApplication.translate("Library", "ناشر"), QCoreApplication.translate("Library", "گروه سنی"), QCoreApplication.translate("Library", "شابک")], lambda: titles,
            lambda t: [t.title, t.author, t.publisher, age_group_text(t.age_group), t.isbn]))

    def _show_copies(self, copies: list[lib.CopyView]) -> None:
        self.copies = copies
        centre = centre_namer(self.ctx.store)
        yes, no = QCoreApplication.translate("Library", "بله"), QCoreApplication.translate("Library", "خیر")
        self.copy_table.setModel(ListModel(
            [QCoreApplication.translate("Library", "بارکد"), QCoreApplication.translate("Library", "مرکز"),
             QCoreApplication.translate("Library", "قفسه"), QCoreApplication.translate("Library", "وضعیت"),
             QCoreApplication.translate("Library", "اکنون در"), QCoreApplication.translate("Library", "امانت‌دادنی")],
            lambda: copies,
            lambda c: [c.barcode, centre(c.home_centre), c.shelf, status_text(c.status), centre(c.location),
                       yes if c.loanable else no]))

    def search(self) -> None:
        if not self.query.text().strip():
            self.show_recent()
            return
        self._list(self.query.text())
        if self.titles:
            self.select(0)

    def select(self, row: int) -> None:
        if 0 <= row < len(self.titles):
            # the title the copy buttons act on, highlighted; its row signal would come back here
            # and read the copies twice (a popular title has thousands): once, below
            blocker = QSignalBlocker(self.title_table)
            select_row(self.title_table, row)
            blocker.unblock()
            self._show_copies(lib.copies_of_title(self.ctx.store, self.titles[row].id))

    def _selected_title(self) -> lib.TitleView | None:
        rows = self.title_table.selectionModel().selectedRows() if self.title_table.selectionModel() else []
        if rows:
            return self.titles[rows[0].row()]
        return self.titles[0] if self.titles else None

    def save_title(self) -> None:
        """Add the title in the form, or save the corrections of the one being edited (only the
        fields that changed are recorded). A known ISBN is refused at its field, naming the title."""
        if self._saving:  # a second Enter (or click) while the save runs: one title, not two
            return
        editing = self.editing
        data = lib.TitleInput(self.t_title.text(), self.t_author.text(),  # type: ignore[attr-defined]
                              self.t_publisher.text(), self.t_isbn.text(),  # type: ignore[attr-defined]
                              self.t_age.currentData(), self.t_subject.text())  # type: ignore[attr-defined]

        def done(t: lib.TitleView) -> None:
            self._saving = False
            self._same_name_told = None
            self.form.clear_errors()
            self.message.setStyleSheet("")
            if editing is not None:
                said = QCoreApplication.translate("Library", "تغییرات «{t}» ثبت شد.").format(
                    t=text_digits(t.title)) if t != editing else QCoreApplication.translate(
                    "Library", "چیزی تغییر نکرده بود.")
            else:  # the form is free for the next title; this one is listed, ready for its copies
                said = QCoreApplication.translate(
                    "Library", "«{t}» به فهرست افزوده شد؛ نسخه‌هایش را با بارکد بیفزایید.").format(t=text_digits(t.title))
                self.draft.clear()  # a title now, not a draft (a correction leaves the new title's draft)
            self.end_edit(said)
            self.show_saved(t)
            if editing is None:  # (on a narrow page) the new title in its list, its copies next:
                self.parts.show_main()  # scanned (or their count) straight away
                self.barcode.setFocus()
            self.ctx.bus.changed.emit("library")

        def failed(err: BaseException) -> None:
            self._saving = False
            known = err.existing if isinstance(err, (lib.DuplicateIsbn, lib.SameTitle)) else None
            if known is not None and editing is None:  # the title in the catalogue, selected for its copies
                self._same_name_told = data if isinstance(err, lib.SameTitle) else None
                self.show_saved(known, QCoreApplication.translate("Library", "عنوانی که در فهرست هست"))
            show_title_error(self.form, err)

        self._saving = True
        if editing is None:
            same_ok = data == self._same_name_told  # told, and saved again as it was
            self.ctx.tasks.run(lambda: lib.add_title(self.ctx.store, self.ctx.actor, data, same_name_ok=same_ok),
                               on_done=done, on_error=failed)
        else:
            self.ctx.tasks.run(lambda: lib.update_title(self.ctx.store, self.ctx.actor, editing.id, data),
                               on_done=done, on_error=failed)

    def isbn_entered(self) -> None:
        """Enter in the ISBN (a scanner's, after the book's EAN-13): with the rest of the form
        empty, the book is looked up first: one in the catalogue is selected for its copies (the
        barcode box takes the keyboard, the ISBN box is emptied); a new one sends the keyboard to
        the title. With a title typed (or a correction), Enter saves, as in every other field."""
        typed = [self.t_title.text(), self.t_author.text(), self.t_publisher.text(),  # type: ignore[attr-defined]
                 self.t_subject.text()]  # type: ignore[attr-defined]
        isbn = self.t_isbn.text()  # type: ignore[attr-defined]
        if self.editing is not None or any(v.strip() for v in typed) or not isbn.strip():
            self.save_title()
            return
        try:
            known = lib.lookup_isbn(self.ctx.store, isbn)
        except ServiceError as err:
            self.form.clear_errors()
            self.form.show_error(err)  # (selected: the next scan replaces it)
            return
        self.form.clear_errors()
        self._say("")
        if known is None:
            self._say(QCoreApplication.translate(
                "Library", "شابک {i} در فهرست نیست؛ عنوان و نویسنده را بنویسید و Enter بزنید.").format(
                i=normalize_isbn(isbn)))
            self.t_title.setFocus()
            return
        self.t_isbn.clear()  # type: ignore[attr-defined]
        self.show_saved(known, QCoreApplication.translate("Library", "عنوانی که در فهرست هست"))
        self._say(QCoreApplication.translate(
            "Library", "«{t}» با این شابک در فهرست هست؛ نسخه‌هایش را با بارکد بیفزایید.").format(
            t=text_digits(known.title)))
        self.parts.show_main()  # (on a narrow page the barcode box is in the list's tab)
        self.barcode.setFocus()

    def correction_changed(self) -> bool:
        """Whether the form holds changes to the title being corrected that are not saved."""
        t = self.editing
        if t is None:
            return False
        typed = (self.t_title.text(), self.t_author.text(), self.t_publisher.text(),  # type: ignore[attr-defined]
                 self.t_isbn.text(), self.t_subject.text())  # type: ignore[attr-defined]
        return ([v.strip() for v in typed] != [t.title, t.author, t.publisher, t.isbn, t.subject]
                or (self.t_age.currentData() or "") != t.age_group)

    def ask_drop_correction(self, title: lib.TitleView) -> bool:
        """Drop the unsaved changes to `title` to correct another? Asked first, «No» by default
        (tests replace this method)."""
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Library", "تغییرات ثبت‌نشده"),
            QCoreApplication.translate(
                "Library", "تغییرات «{t}» هنوز ثبت نشده است. آن‌ها کنار گذاشته شوند و عنوان برگزیده ویرایش شود؟").format(
                t=text_digits(title.title)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def start_edit(self) -> None:
        """The selected title into the form, to correct. Unsaved changes to another title (or to
        this one) are dropped only if the librarian says so."""
        title = self._selected_title()
        if title is None:
            return
        if self.editing is not None and self.correction_changed() and not self.ask_drop_correction(self.editing):
            self.t_title.setFocus()
            return
        self.draft.flush()  # the new title being typed is kept before the form takes this one
        self.editing = title
        self.form.clear_errors()
        self.t_title.setText(title.title)  # type: ignore[attr-defined]
        self.t_author.setText(title.author)  # type: ignore[attr-defined]
        self.t_publisher.setText(title.publisher)  # type: ignore[attr-defined]
        self.t_isbn.setText(title.isbn)  # type: ignore[attr-defined]
        self.t_age.setCurrentIndex(max(self.t_age.findData(title.age_group), 0))
        self.t_subject.setText(title.subject)  # type: ignore[attr-defined]
        self.add_title_button.setText(QCoreApplication.translate("Library", "ذخیره تغییرات"))
        self.cancel_edit_button.show()
        self.parts.show_side()  # (its tab, on a narrow page)
        self.t_title.setFocus()

    def end_edit(self, said: str = "") -> None:
        """Back to adding a new title: the form emptied, or holding the new title that was being
        typed before a correction began (its draft); `said` is what the message says of the save."""
        self.form.clear_errors()
        for field in (self.t_title, self.t_author, self.t_publisher, self.t_isbn, self.t_subject):
            field.clear()  # type: ignore[attr-defined]
        self.t_age.setCurrentIndex(0)
        self.editing = None  # (the emptying above, while correcting, touched no draft)
        self.add_title_button.setText(QCoreApplication.translate("Library", "افزودن عنوان"))
        self.cancel_edit_button.hide()
        self.message.setStyleSheet("")
        if self.draft.restore():
            said = " ".join(filter(None, [said, QCoreApplication.translate(
                "Library", "عنوان تازه‌ای که پیش‌تر نیمه‌کاره ماند در فرم است؛ آن را کامل و ثبت کنید.")]))
        self.message.setText(said)

    def selected_copy(self) -> lib.CopyView | None:
        model = self.copy_table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.copies[rows[0].row()] if rows and rows[0].row() < len(self.copies) else None

    def copy_dialog(self) -> CopyDialog | None:
        """The correction dialog of the copy selected in the list (None, said, when none is)."""
        copy = self.selected_copy()
        if copy is None:
            self._say(QCoreApplication.translate("Library", "نخست نسخه را در فهرست نسخه‌ها برگزینید."), ok=False)
            return None
        return CopyDialog(self.ctx, copy, self)

    def show_title_history(self) -> FieldHistoryDialog | None:
        title = self._selected_title()
        if title is None:
            return None
        dialog = FieldHistoryDialog(history.field_history(self.ctx.store, self.ctx.actor, "title", title.id), title.title, self)
        dialog.open()
        return dialog

    def show_copy_history(self) -> FieldHistoryDialog | None:
        copy = self.selected_copy()
        if copy is None:
            self._say(QCoreApplication.translate("Library", "نخست نسخه را در فهرست نسخه‌ها برگزینید."), ok=False)
            return None
        # the title a copy was added to, by its name rather than its id
        changes = [dataclasses.replace(c, value=copy.title) if c.field == "title_id" and c.value == copy.title_id
                   else c for c in history.field_history(self.ctx.store, self.ctx.actor, "copy", copy.id)]
        dialog = FieldHistoryDialog(changes, f"{copy.title} — {copy.barcode}", self)
        dialog.open()
        return dialog

    def correct_copy(self) -> None:
        dialog = self.copy_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.copy_corrected(dialog)

    def copy_corrected(self, dialog: CopyDialog) -> None:
        if dialog.saved is None:
            return
        saved, was = dialog.saved, dialog.copy
        said = [QCoreApplication.translate("Library", "نسخه {b} اصلاح شد.").format(b=saved.barcode)]
        if saved.barcode != was.barcode:  # its label is to be printed again: the copy stays selected for it
            said.append(QCoreApplication.translate(
                "Library", "بارکد {old} به {new} اصلاح شد؛ برچسب تازه را با «برچسب بارکد…» چاپ کنید و روی کتاب "
                           "بچسبانید.").format(old=was.barcode, new=saved.barcode))
        if saved.home_centre != was.home_centre and saved.status == "in_transit":
            said.append(QCoreApplication.translate(
                "Library", "نسخه به {c} سپرده شد و تا رسیدن و خواندن بارکدش در آنجا «در راه» است.").format(
                    c=text_digits(dict(lib.list_centres(self.ctx.store)).get(saved.home_centre, saved.home_centre))))
        self._say(" ".join(said))
        self._show_copies(lib.copies_of_title(self.ctx.store, saved.title_id))
        for row, c in enumerate(self.copies):
            if c.id == saved.id:
                select_row(self.copy_table, row)
                break
        self.ctx.bus.changed.emit("library")

    def _ask_and_mark(self, what: str) -> None:
        copy = self.selected_copy()
        if copy is None:
            self._say(QCoreApplication.translate("Library", "نخست نسخه را در فهرست نسخه‌ها برگزینید."), ok=False)
            return
        prompt = (QCoreApplication.translate("Library", "چرا وجین می‌شود؟ (فرسوده، آسیب‌دیده، تکراری…)") if what == "withdraw"
                  else QCoreApplication.translate("Library", "یادداشت (کجا و کی دیده نشد):"))
        text, ok = QInputDialog.getText(self, copy.barcode, prompt)
        if ok:
            self.mark_copy(copy, what, text)

    def mark_copy(self, copy: lib.CopyView, what: str, note: str) -> None:
        """Withdraw the copy or mark it lost; it is never lent again until a person changes it."""
        try:
            if what == "withdraw":
                done = lib.withdraw_copy(self.ctx.store, self.ctx.actor, copy.barcode, note)
                text = QCoreApplication.translate("Library", "نسخه {b} وجین شد.")
            else:
                done = lib.mark_copy_lost(self.ctx.store, self.ctx.actor, copy.barcode, note)
                text = QCoreApplication.translate("Library", "نسخه {b} گم‌شده ثبت شد.")
        except ServiceError as err:
            self._say(error_text(err), ok=False)
            return
        self._say(text.format(b=done.barcode))
        self._show_copies(lib.copies_of_title(self.ctx.store, done.title_id))
        self.ctx.bus.changed.emit("library")

    def _say(self, text: str, ok: bool = True) -> None:
        self.message.setStyleSheet("" if ok else ERROR_STYLE)
        self.message.setText(text)

    def add_copy(self) -> None:
        title = self._selected_title()
        if title is None:
            return

        def done(added: list[lib.CopyView]) -> None:
            self.message.setStyleSheet("")
            if len(added) == 1:
                self.message.setText(QCoreApplication.translate("Library", "نسخه {b} افزوده شد.").format(
                    b=added[0].barcode))
            else:
                self.message.setText(QCoreApplication.translate(
                    "Library", "{n} نسخه افزوده شد، {a} تا {z}؛ برگزیده‌اند تا برچسب‌هایشان را با «برچسب بارکد…» "
                               "یکجا چاپ کنید.").format(n=digits(len(added)), a=added[0].barcode, z=added[-1].barcode))
            self.barcode.clear()
            self.count.setValue(1)
            self._show_copies(lib.copies_of_title(self.ctx.store, title.id))
            if len(added) > 1:  # the new copies selected: the labels dialog offers them first
                new = {c.id for c in added}
                model, selection = self.copy_table.model(), QItemSelection()
                for row, c in enumerate(self.copies):
                    if c.id in new:
                        selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
                self.copy_table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.ctx.bus.changed.emit("library")

        def failed(err: BaseException) -> None:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(QCoreApplication.translate("Errors", err.message).format(b=err.barcode)
                                 if isinstance(err, lib.BarcodeInRunTaken) else error_text(err))
            if error_field(err) == "barcode":  # the refused code stays to see, selected: the next scan replaces it
                self.barcode.setFocus()
                self.barcode.selectAll()

        here = desk_centre(self.ctx)  # held by the centre this desk works at
        count = self.count.value()
        self.ctx.tasks.run(lambda: lib.add_copies(self.ctx.store, self.ctx.actor, title.id, count,
                                                  first_barcode=self.barcode.text(), shelf=self.shelf.text(),
                                                  home_centre=here),
                           on_done=done, on_error=failed)

    def selected_copies(self) -> list[lib.CopyView]:
        """The copies selected in the copies list (several with Ctrl or Shift), in list order."""
        model = self.copy_table.selectionModel()
        rows = sorted({i.row() for i in model.selectedRows()}) if model else []
        return [self.copies[r] for r in rows if r < len(self.copies)]

    def labels_dialog(self) -> LabelsDialog:
        return LabelsDialog(self.ctx, self.selected_copies(), self.copies, self)

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Library", "درون‌ریزی"), "", "CSV/Excel (*.csv *.xlsx)")
        if not name:
            return
        self.preview_import(self.kind.currentData(), Path(name), show=True)

    def preview_import(self, kind: str, path: Path, *, show: bool = False) -> ImportDialog | None:
        """Read and check a file off the GUI thread, its progress in a window with «انصراف»; then
        its preview (`import_ready`, opened when `show`), or an empty, unreadable or wrong file said
        under the list. Returns the preview when it is ready at once (a synchronous task runner)."""
        if self.import_task is not None:
            return None  # one file at a time (the progress window is modal: only a second call)
        task = self.import_task = Progressing(self)
        self.import_progress = progress = ImportProgress(self, QCoreApplication.translate("Library", "خواندن و بررسی «{f}»…").format(
            f=path.name), task)
        self.import_button.setEnabled(False)
        ready: list[ImportDialog] = []

        def ended() -> None:
            self.import_task = None
            self.import_button.setEnabled(True)
            progress.close()

        def done(preview: imp.ImportPreview) -> None:
            ended()
            self.message.setStyleSheet("")
            self.message.clear()
            dialog = ImportDialog(self.ctx, preview, self)
            ready.append(dialog)
            self.import_ready.emit(dialog)
            if show:
                dialog.open()

        def failed(err: BaseException) -> None:
            ended()
            if not isinstance(err, ServiceError):
                raise err
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(QCoreApplication.translate("Library", "«{f}» درون‌ریزی نشد: {e}").format(
                f=path.name, e=error_text(err)))
            self.import_failed.emit(err)

        store, actor = self.ctx.store, self.ctx.actor
        self.ctx.tasks.run(lambda: imp.preview_import(store, actor, kind, path, progress=task.tell),
                           on_done=done, on_error=failed)
        return ready[0] if ready else None
