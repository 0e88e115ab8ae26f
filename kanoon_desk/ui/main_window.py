"""The main window: a side bar of pages (home, the desks, admin, sync), a page stack and a status bar."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import accounts
from .accessible import name_for_readers
from .context import PageSpec, UiContext
from .fitting import FRAME_ALLOWANCE
from .fonts import TEXT_SCALES, apply_text_scale
from .tables import remember_splitter
from .widgets import digits, long_date, today

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
#: a side-bar entry's count shown after its title (`MainWindow.refresh_badges`)
BADGE_ROLE = Qt.ItemDataRole.UserRole + 1
#: the bus's areas after which the side bar's counts are read again
BADGE_AREAS = frozenset({"secretariat", "sync", "cartable"})


def _desk_attr(module: str, name: str) -> Any:
    """An attribute of a desk package, or None when the package (or the name) is not there yet."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, name, None)


def _desk_pages(module: str, ctx: UiContext) -> list[PageSpec] | None:
    """`pages(ctx)` of a desk package, or None when the package is not there yet."""
    pages: Callable[[UiContext], list[PageSpec]] | None = _desk_attr(module, "pages")
    return list(pages(ctx)) if pages is not None else None


def all_pages(ctx: UiContext) -> list[PageSpec]:
    """Every page in side-bar order: home, secretariat, lending, admin, sync (before role filtering)."""
    from . import admin, home, sync_page

    specs = [home.page(ctx)]
    for module in ("kanoon_desk.ui.secretariat", "kanoon_desk.ui.library"):
        specs.extend(_desk_pages(module, ctx) or [])
    specs.extend(admin.pages(ctx))
    specs.extend(sync_page.pages(ctx))
    return specs


def _group_title(key: str) -> str | None:
    """The side-bar heading a page stands under, from its key's prefix (None: no heading)."""
    groups = {
        "secretariat": QCoreApplication.translate("MainWindow", "دبیرخانه"),
        "library": QCoreApplication.translate("MainWindow", "کتابخانه"),
        "admin": QCoreApplication.translate("MainWindow", "مدیریت سامانه"),
    }
    return groups.get(key.split("-", 1)[0]) if "-" in key else None


def _heading_font() -> QFont:
    """A side-bar heading's font: the interface's, bold and a little smaller."""
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 0.9)
    return font


def _scale(value: object) -> float:
    """A text scale as the settings keep it (a number or its text); the normal size otherwise."""
    try:
        return float(str(value))
    except ValueError:
        return 1.0


def visible_pages(ctx: UiContext) -> list[PageSpec]:
    """The pages the logged-in actor's roles may see (the services still check every action)."""
    return [p for p in all_pages(ctx) if not p.roles or ctx.actor.has(*p.roles)]


class PageStack(QStackedWidget):
    """The pages, one on show at a time, asking the window for the room of that page only.

    A plain QStackedWidget asks for the room of the largest page it ever held: after one wide
    page was opened, the window could no longer be made narrower than it for the rest of the
    session, wider than a small screen."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """The least height the page on show needs at `width` (a row of buttons wrapped onto two
        lines), which the scroll area asks: QStackedLayout answers with the tallest of all the
        pages' preferred heights, which scrolled pages that fit."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        layout = page.layout()
        needed = layout.minimumHeightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        return max(needed, page.minimumSizeHint().height())


class MainWindow(QMainWindow):
    """The desk's main window. Pages are built on first visit; icons load after the window shows.

    Signals:
        logout_requested(): the person chose "log out" (the shell shows the log-in window again).
    """

    logout_requested = Signal()
    #: a sync brought in a change made elsewhere that ends this session (why, in Persian)
    session_ended = Signal(str)

    def __init__(self, ctx: UiContext, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("کانون دسک"))
        #: closing was asked while an import wrote: the window closes once it stopped
        self._closing_after_writes = False
        self.pages = pages if pages is not None else visible_pages(ctx)
        #: the text size chosen on this desk (Ctrl++ / Ctrl+-), kept in its settings
        self.text_scale = 1.0
        if ctx.settings.contains("ui/text_scale"):  # (untouched, the font set at start stays as it is)
            self.text_scale = apply_text_scale(_scale(ctx.settings.value("ui/text_scale")))
        self._widgets: dict[str, QWidget] = {}

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("صفحه‌ها"))
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSpacing(2)
        self.sidebar.setMinimumWidth(200)
        self._rows: list[int] = []  # side-bar row of each page (group headings take rows too)
        self._page_at_row: dict[int, int] = {}
        #: the side bar's entries that show a count after their title («کارتابل (۳)»: `refresh_badges`)
        self._badges: list[tuple[QListWidgetItem, PageSpec]] = []
        group: str | None = None
        for i, spec in enumerate(self.pages):
            heading = _group_title(spec.key)
            if heading is not None and heading != group:
                self._add_heading(heading)
            group = heading
            item = QListWidgetItem(spec.title)
            item.setData(KEY_ROLE, spec.key)
            if i < 9:
                item.setToolTip(QKeySequence(f"Ctrl+{i + 1}").toString(QKeySequence.SequenceFormat.PortableText))
            self._page_at_row[self.sidebar.count()] = i
            self._rows.append(self.sidebar.count())
            self.sidebar.addItem(item)
            if "badge" in spec.extra:
                self._badges.append((item, spec))
        self.stack = PageStack()
        # A page that needs more room than the window has (a small screen, large text) scrolls
        # inside the window rather than pushing the window past the screen's edges.
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("page-scroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop of its own (Tab still scrolls to the field)
        self.page_scroll.setWidget(self.stack)
        self.page_title = QLabel()
        self.page_title.setObjectName("page-title")
        self._title_font()

        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(12, 8, 12, 8)
        col.addWidget(self.page_title)
        col.addWidget(self.page_scroll, 1)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1000])
        splitter.setChildrenCollapsible(False)
        self._icons_loaded = False
        self._fit_sidebar()
        remember_splitter(splitter, ctx.settings, "main")  # the side bar as wide as it was left
        self.setCentralWidget(splitter)

        self._build_status_bar()
        self._build_actions()
        self.sidebar.currentRowChanged.connect(self._on_row)
        self.refresh_badges()
        # (items arrive by a sync, are read — "cartable" — or acted on; a page switch reads nothing)
        ctx.bus.changed.connect(lambda area: self.refresh_badges() if area in BADGE_AREAS else None)
        ctx.bus.changed.connect(self._check_session)
        if self.pages:
            self.select_page(0)
        self._first_size()
        geometry = ctx.settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        QTimer.singleShot(0, self, self.load_icons)  # tied to the window: never runs after it is gone
        from .idle_lock import IdleLock

        #: covers the session after the office's idle minutes; asks the password (`ui/idle_lock.py`)
        self.idle_lock = IdleLock(ctx, self)

    def _check_session(self, area: str) -> None:
        """After a sync: the user deactivated elsewhere, or given other roles, no longer works on in
        the session they logged in with (`accounts.session_out_of_date`)."""
        if area != "sync":
            return
        from ..services import accounts

        why = accounts.session_out_of_date(self.ctx.store, self.ctx.actor)
        if why is not None:
            self.session_ended.emit(why)

    # -- chrome ---------------------------------------------------------------------------------

    def _first_size(self) -> None:
        """1280x800, or the screen's free area less the window's frame on a smaller screen (a
        1024x768 monitor, a laptop at 125 %), in its corner: the status bar and the buttons at
        the bottom in view. (A size kept from the last session replaces it.)"""
        screen = self.screen()
        free = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        size = QSize(1280, 800).boundedTo(free.size() - FRAME_ALLOWANCE)
        self.resize(size)
        if size != QSize(1280, 800):
            self.move(free.topLeft())

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        office = accounts.get_office(self.ctx.store, self.ctx.actor.office_code)
        self.user_label = QLabel(self.ctx.actor.full_name)
        self.user_label.setObjectName("status-user")
        self.office_label = QLabel(office.name if office else self.ctx.actor.office_code)
        self.office_label.setObjectName("status-office")
        self.date_label = QLabel(long_date(today()))
        self.date_label.setObjectName("status-date")
        self.day_timer = QTimer(self)  # a window left open overnight shows the new day
        self.day_timer.timeout.connect(self.show_day)
        self.day_timer.start(60_000)
        self.busy_label = QLabel(self.tr("در حال انجام…"))
        self.busy_label.setObjectName("status-busy")
        self.busy_label.hide()
        self.ctx.tasks.busy.connect(self.busy_label.setVisible)
        # Online or offline, events waiting, the last good round, open conflicts; it runs the
        # session's background sync.
        from .sync_page import SyncStatusWidget

        sync_widget = self.sync_status = SyncStatusWidget(self.ctx)
        self.sync_label = sync_widget.label
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(4, 0, 4, 0)
        row.setSpacing(18)
        for i, label in enumerate((self.user_label, self.office_label, self.date_label, sync_widget)):
            if i:
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.VLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                row.addWidget(rule)
            row.addWidget(label)
        row.addStretch(1)
        row.addWidget(self.busy_label)
        bar.addWidget(holder, 1)

    def show_day(self) -> None:
        """Today's Jalali date in the status bar (read again every minute)."""
        self.date_label.setText(long_date(today()))

    def _build_actions(self) -> None:
        self.logout_action = QAction(self.tr("خروج از حساب"), self)
        self.logout_action.setObjectName("logout")
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.logout_requested.emit)
        self.quit_action = QAction(self.tr("بستن برنامه"), self)
        self.quit_action.setObjectName("quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.password_action = QAction(self.tr("تغییر گذرواژه…"), self)
        self.password_action.setObjectName("change-password")
        self.password_action.triggered.connect(lambda: self.change_password())
        self.lock_action = QAction(self.tr("قفل کردن میز"), self)
        self.lock_action.setObjectName("lock")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))  # a clerk stepping away locks at once
        self.lock_action.triggered.connect(lambda: self.idle_lock.lock())
        menu = self.menuBar().addMenu(self.tr("میز کار"))
        menu.addAction(self.password_action)
        menu.addAction(self.lock_action)
        menu.addAction(self.logout_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        go = self.menuBar().addMenu(self.tr("رفتن به"))
        self._shortcuts: list[QShortcut] = []
        for i, spec in enumerate(self.pages[:9]):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, index=i: self.go_to_page(index))
            go.addAction(action)
        # Ctrl+F: the page's search (or scan) box, on every page that has one (`search_box`)
        self.find_action = QAction(self.tr("جست‌وجو در این صفحه"), self)
        self.find_action.setObjectName("find")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        go.addSeparator()
        go.addAction(self.find_action)
        view = self.menuBar().addMenu(self.tr("نما"))
        self.larger_action = QAction(self.tr("نوشته بزرگ‌تر"), self)
        self.larger_action.setObjectName("text-larger")
        self.larger_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.larger_action.triggered.connect(lambda: self.step_text(1))
        self.smaller_action = QAction(self.tr("نوشته کوچک‌تر"), self)
        self.smaller_action.setObjectName("text-smaller")
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.smaller_action.triggered.connect(lambda: self.step_text(-1))
        self.normal_action = QAction(self.tr("اندازه عادی نوشته"), self)
        self.normal_action.setObjectName("text-normal")
        self.normal_action.setShortcut(QKeySequence("Ctrl+0"))
        self.normal_action.triggered.connect(lambda: self.set_text_scale(1.0))
        for action in (self.larger_action, self.smaller_action, self.normal_action):
            view.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("راهنما"))
        self.shortcuts_action = QAction(self.tr("میان‌برهای صفحه‌کلید"), self)
        self.shortcuts_action.setObjectName("shortcuts")
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(lambda: self.shortcuts_dialog().open())
        self.about_action = QAction(self.tr("درباره کانون دسک"), self)
        self.about_action.setObjectName("about")
        self.about_action.triggered.connect(lambda: self.about_dialog().open())
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)
        toolbar = self.addToolBar(self.tr("ابزار"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.logout_action)
        toolbar.addAction(self.quit_action)
        self.toolbar = toolbar
        # room for the icons that `load_icons` brings a moment later: buttons laid out for their
        # text alone drew «خرو…ساب» and «بست…امه» once the icons came, until the next layout
        blank = QPixmap(toolbar.iconSize())
        blank.fill(Qt.GlobalColor.transparent)
        for action in (self.logout_action, self.quit_action):
            action.setIcon(QIcon(blank))

    def load_icons(self) -> None:
        """qtawesome costs ~0.2 s to import: icons come after the window is on screen."""
        try:
            import qtawesome
        except Exception:  # icons are decoration; the app works without them
            log.exception("qtawesome failed to load; side bar without icons")
            return
        for i, spec in enumerate(self.pages):
            try:
                self.sidebar.item(self._rows[i]).setIcon(qtawesome.icon(spec.icon, color="#37474f"))
            except Exception:
                log.warning("no icon %r for page %s", spec.icon, spec.key)
        self._icons_loaded = True
        self._fit_sidebar()
        try:
            self.logout_action.setIcon(qtawesome.icon("fa6s.right-from-bracket", color="#37474f"))
            self.quit_action.setIcon(qtawesome.icon("fa6s.power-off", color="#b00020"))
        except Exception:
            log.warning("toolbar icons missing")
        if (bar_layout := self.toolbar.layout()) is not None:
            bar_layout.activate()  # (the buttons' sizes now, not after the next paint)

    # -- pages ----------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        return [p.key for p in self.pages]

    def page_widget(self, key: str) -> QWidget:
        """The page's widget, built on first use by its PageSpec factory."""
        widget = self._widgets.get(key)
        if widget is None:
            spec = next(p for p in self.pages if p.key == key)
            widget = spec.factory(self.ctx)
            for view in widget.findChildren(QAbstractItemView):
                if view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers:
                    view.setTabKeyNavigation(False)  # a list one reads: Tab leaves it, the arrows walk it
            self._widgets[key] = widget
            self.stack.addWidget(widget)
            name_for_readers(widget, spec.title)
        return widget

    def show_page(self, key: str) -> QWidget:
        self.select_page(self.page_keys().index(key))
        return self.page_widget(key)

    def select_page(self, index: int) -> None:
        """Show the page at `index` of `pages` (Ctrl+1 is index 0)."""
        self.sidebar.setCurrentRow(self._rows[index])

    def go_to_page(self, index: int) -> None:
        """Ctrl+1…9 (or «رفتن به»): show the page at `index` with the cursor in it, where its next key
        belongs — the field it was last in, else its first field (the intake's national ID, the desk's
        scan box), else its search box, else its first control. (The cursor stayed in the side bar:
        the first scan or keystroke after Ctrl+2 went to the list of pages and was lost.)"""
        page = self.page_widget(self.pages[index].key)
        # (read before the page shows: as the page on show hides, Qt hands the cursor to the next
        # control in the window, which would then count as the new page's own)
        target: QWidget | None = page.focusWidget()  # the child it last gave the cursor to (its first field, at start)
        self.select_page(index)
        if target is None or not (target.isVisibleTo(page) and target.isEnabled()):
            box = getattr(page, "search_box", None)
            target = box if isinstance(box, QWidget) and box.isVisibleTo(page) and box.isEnabled() else None
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)
            page.focusNextChild()

    def current_key(self) -> str | None:
        index = self._page_at_row.get(self.sidebar.currentRow())
        return None if index is None else self.pages[index].key

    def _add_heading(self, text: str) -> None:
        """A group heading in the side bar (not selectable; arrow keys pass over it)."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setFont(_heading_font())
        item.setForeground(QColor("#607d8b"))
        self.sidebar.addItem(item)

    def _on_row(self, row: int) -> None:
        index = self._page_at_row.get(row)
        if index is None:
            return
        spec = self.pages[index]
        page = self.page_widget(spec.key)
        self.stack.setCurrentWidget(page)
        name_for_readers(page, spec.title)  # (and what the page built since)
        self.page_title.setText(spec.title)

    def refresh_badges(self) -> None:
        """Each side-bar entry with a count (the PageSpec's `badge`, one count query: the unread
        items of my cartable) says it after its title, or nothing when it is none."""
        for item, spec in self._badges:
            n = spec.extra["badge"](self.ctx)
            item.setText(self.tr("{title} ({n})").format(title=spec.title, n=digits(n)) if n else spec.title)
            item.setData(BADGE_ROLE, n)

    def _title_font(self) -> None:
        title_font = QFont(QApplication.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.page_title.setFont(title_font)

    def set_text_scale(self, scale: float) -> None:
        """The interface's text at `scale` times the normal size, kept for this desk's next start."""
        self.text_scale = apply_text_scale(scale)
        self.ctx.settings.setValue("ui/text_scale", self.text_scale)
        self._title_font()
        for row in range(self.sidebar.count()):  # the headings' fonts are their own
            item = self.sidebar.item(row)
            if row not in self._page_at_row:
                item.setFont(_heading_font())
        QTimer.singleShot(0, self, self._refit_sidebar)  # once the list has the new font

    def _refit_sidebar(self) -> None:
        """The side bar as wide as its entries at the text size just chosen, the page the rest."""
        needed = self._fit_sidebar()
        sizes = self.splitter.sizes()
        self.splitter.setSizes([needed, sum(sizes) - needed])

    def _fit_sidebar(self) -> int:
        """The side bar at least as wide as its longest entry at the text size in use (larger
        text cut «پشتیبان و سلامت داده‌ها» under a sideways scroll bar); the width it needs."""
        bar = self.sidebar
        icon = 0 if self._icons_loaded else bar.iconSize().width() + 8  # (icons come after the window shows)
        needed = (bar.sizeHintForColumn(0) + icon + 2 * bar.spacing() + 2 * bar.frameWidth()
                  + bar.verticalScrollBar().sizeHint().width() + 4)
        bar.setMinimumWidth(max(200, needed))
        return max(220, needed)

    def step_text(self, steps: int) -> None:
        """One size larger (1) or smaller (-1), within `fonts.TEXT_SCALES`."""
        at = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else TEXT_SCALES.index(1.0)
        self.set_text_scale(TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, at + steps))])

    def focus_search(self) -> bool:
        """Ctrl+F: into the current page's search or scan box, its text selected to type over;
        whether the page has one."""
        key = self.current_key()
        box = getattr(self._widgets.get(key or ""), "search_box", None)
        if box is None or not box.isEnabled():  # (the desk's scan box waits for its centre)
            return False
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def shortcuts_dialog(self) -> QDialog:
        from .help import ShortcutsDialog

        actions = [(m.title(), a) for m in (a.menu() for a in self.menuBar().actions()) if isinstance(m, QMenu)
                   for a in m.actions()]
        return ShortcutsDialog(actions, self)

    def about_dialog(self) -> QDialog:
        from .help import AboutDialog

        return AboutDialog(self.ctx, self)

    def change_password(self, required: bool = False) -> None:
        """The change-password dialog; `required` (a temporary password): closing it logs out."""
        from .password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, self, required=required)
        if required:
            dialog.rejected.connect(self.logout_requested.emit)
        dialog.open()

    def ask_stop_imports(self) -> bool:
        """Whether to stop the import writing its rows and close the window."""
        answer = QMessageBox.question(
            self, self.tr("بستن کانون دسک"),
            self.tr("ردیف‌ها هنوز درون‌ریزی می‌شوند. درون‌ریزی متوقف و برنامه بسته شود؟ هیچ ردیفی درون‌ریزی "
                    "نمی‌شود؛ پرونده را بعداً دوباره درون‌ریزی کنید."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _writes_ended(self, _result: object) -> None:
        from .import_progress import WritingDialog

        if not any(d.writing is not None for d in self.findChildren(WritingDialog)):
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # An import writing its rows (all or none): closed, the window went and the process wrote
        # them all after it, unseen (or, killed meanwhile, none). Asked first, as its own window
        # asks: «yes» stops it (nothing imported) and the window closes once it stopped.
        from .import_progress import WritingDialog

        writing = [d for d in self.findChildren(WritingDialog) if d.writing is not None]
        if writing:
            event.ignore()
            if not self._closing_after_writes and self.ask_stop_imports():
                self._closing_after_writes = True
                for dialog in writing:
                    dialog.finished_writing.connect(self._writes_ended)
                    dialog.stop_to_close()
            return
        self.ctx.settings.setValue("main/geometry", self.saveGeometry())
        # The session ends (log-out or quit): no more rounds, and work still running finishes in
        # its thread (committed as usual) without reporting to pages that are going away.
        self.sync_status.runner.timer.stop()
        self.sync_status.runner.stop()  # a round running stops at its next safe point, not after it all
        self.idle_lock.stop()
        self.ctx.tasks.close()
        super().closeEvent(event)
