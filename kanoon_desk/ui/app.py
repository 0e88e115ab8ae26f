"""Start-up of the desktop app: language, font, data folder, log file, crash dialog, backups, the shell."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..errors import storage_trouble
from ..eventlog import Actor
from ..services.leftovers import remove_leftovers
from ..store import NewerStoreError, Store, not_writable, open_store, private_file, sidecars
from .context import ChangeBus, UiContext
from .errors import problems_text
from .focus_ring import install_focus_ring
from .fonts import BASE_POINT_SIZE, load_fonts, translations_dir
from .opening import open_store_showing_progress
from .preload import Preloader
from .single_instance import InstanceGuard, already_open_dialog, bring_forward
from .tasks import TaskRunner
from .widgets import digits, today

log = logging.getLogger(__name__)

ORG_NAME = "Kanoon"
APP_NAME = "KanoonDesk"
STORE_FILE = "desk.sqlite3"
LOG_FILE = "kanoon-desk.log"
BACKUP_KEEP = 7
LANGUAGES = ("fa", "en")

#: message boxes that show file paths: wide enough that a path is not cut at the edge
WIDE_MESSAGE = "QLabel#qt_msgbox_label { min-width: 620px; }"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


# -- the application object and its language ----------------------------------------------------


class KeyNamesAsPrinted(QTranslator):
    """Keeps the names of keys as they are printed on the keyboard («Ctrl+1», «Shift», «Del»).

    Qt's own `qtbase_fa` turns them into words (context "QShortcut": «کنترل+1», «شیفت», «حذف»),
    so the menus said «کنترل+1» while the side bar's tooltips and the shortcuts dialog said
    «Ctrl+1». A Persian keyboard is labelled in Latin letters: installed after `qtbase_fa`, this
    translator answers first for that one context and gives each name back as it is."""

    # a modifier opens a left-to-right embedding (closed by the end of the line, as Qt writes the
    # keys of a menu item on a line of their own): «Ctrl++» would otherwise be drawn «++Ctrl»
    MODIFIERS = frozenset({"Ctrl", "Shift", "Alt", "Meta", "Num"})

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if context != "QShortcut":
            return None  # a null string: not ours, the next translator is asked
        return "\u202a" + source if source in self.MODIFIERS else source

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return False



def ensure_app() -> QApplication:
    """The process's QApplication (created on first call), with the names QSettings uses and a
    focus ring a keyboard user can see (`focus_ring`)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_focus_ring(app)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    return app


def set_language(app: QApplication, lang: str, translations: Path | None = None) -> list[QTranslator]:
    """Set up the language once, at start: translators, default locale, layout direction, font.

    Persian is the source language of every string, so Persian needs only Qt's own `qtbase_fa`
    (buttons of standard dialogs); English loads `translations/kanoon_desk_en.qm`. Calling it
    again replaces the translators it installed before (the tests switch languages).
    `translations` overrides the folder of our .qm files (default: `translations/` of the bundle).
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    for old in app.findChildren(QTranslator, "kanoon-translator"):
        app.removeTranslator(old)
        old.setParent(None)
    installed: list[QTranslator] = []
    candidates = [(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if lang != "fa":
        candidates.append((f"kanoon_desk_{lang}", str(translations or translations_dir())))
    for name, folder in candidates:
        translator = QTranslator(app)
        translator.setObjectName("kanoon-translator")
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.setParent(None)
            (log.warning if name.startswith("kanoon_desk") else log.info)(
                "no translation %s in %s", name, folder)
    if lang == "fa":
        keys = KeyNamesAsPrinted(app)
        keys.setObjectName("kanoon-translator")
        app.installTranslator(keys)  # after qtbase_fa: asked first
        installed.append(keys)
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    family = load_fonts()
    if family:
        font = QFont(family)
        font.setPointSizeF(BASE_POINT_SIZE)
        app.setFont(font)
    return installed


# -- data folder, log file, crash reports, backups ----------------------------------------------


def default_data_dir() -> Path:
    """The per-user data folder (platformdirs), created if missing."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file, and each one it rotates to, readable by the desk's user only (POSIX): its
    errors name the store's files and what failed in them."""

    def _open(self):  # type: ignore[no-untyped-def]  # (logging's own, untyped)
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream


def setup_logging(folder: Path) -> logging.Handler:
    """A rotating log file in the data folder (1 MB x 5), attached to the root logger once."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and \
                Path(handler.baseFilename) == path.resolve():
            return handler
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file too (they would vanish without a console)."""
    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, "%s", message)


def write_crash_report(folder: Path, exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None) -> Path:
    """Write the traceback to `<folder>/crash-reports/crash-<time>.txt` and return its path."""
    reports = folder / "crash-reports"
    reports.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = reports / f"crash-{stamp}.txt"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    private_file(path)  # a traceback names the store's files and the statement that failed
    path.write_text(f"Kanoon Desk crash report {datetime.now().isoformat()}\n\n{text}", encoding="utf-8")
    return path


def crash_message(report: Path, trouble: str | None = None) -> str:
    """The crash dialog's text: what happened to the work in hand and what to do. A `trouble`
    with the store's file (`storage_trouble`) is said as it is, with its own remedy: "try again"
    would fail the same way on a full disk or a read-only file."""
    if trouble == "full":
        what = QCoreApplication.translate(
            "App", "دیسکی که پرونده داده این میز روی آن است پر شده است؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.")
        todo = QCoreApplication.translate(
            "App", "چه کنید: روی همین دیسک جا باز کنید (پرونده‌های بزرگ یا کهنه را پاک یا جابه‌جا کنید و سطل بازیافت را خالی کنید)، سپس همان کار را دوباره انجام دهید. گزارش خطا:")
    elif trouble == "read-only":
        what = QCoreApplication.translate(
            "App", "پرونده داده این میز یا پوشه آن دیگر نوشتنی نیست (فقط‌خواندنی شد یا اجازه نوشتن در آن گرفته شد)؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.")
        todo = QCoreApplication.translate(
            "App", "چه کنید: از مسئول فنی دفتر بخواهید اجازه نوشتن در پرونده و پوشه را برگرداند، سپس همان کار را دوباره انجام دهید. گزارش خطا:")
    elif trouble == "locked":
        what = QCoreApplication.translate(
            "App", "برنامه دیگری پرونده داده این میز را بیش از اندازه در دست نگه داشت؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.")
        todo = QCoreApplication.translate(
            "App", "چه کنید: چند لحظه بعد همان کار را دوباره انجام دهید؛ اگر باز همین پیام آمد، برنامه‌های دیگری را که این پرونده را باز کرده‌اند (پشتیبان‌گیری، نسخه دیگری از کانون دسک) ببندید. گزارش خطا:")
    elif trouble == "io":
        what = QCoreApplication.translate(
            "App", "دیسک در خواندن یا نوشتن پرونده داده این میز خطا داد؛ کاری که در دست داشتید ثبت نشد. آنچه پیش‌تر ثبت شده بود محفوظ است.")
        todo = QCoreApplication.translate(
            "App", "چه کنید: برنامه را ببندید و با مسئول فنی دفتر دیسک را بررسی کنید؛ پیش از ادامه کار از پرونده داده پشتیبان بگیرید. گزارش خطا:")
    else:
        what = QCoreApplication.translate(
            "App", "کاری که در دست داشتید کامل نشد، چون در برنامه خطای پیش‌بینی‌نشده‌ای رخ داد. آنچه پیش‌تر ثبت شده بود محفوظ است.")
        todo = QCoreApplication.translate(
            "App", "چه کنید: کار آخر را یک بار دیگر انجام دهید؛ اگر دوباره همین پیام آمد، برنامه را ببندید و باز کنید و پرونده گزارش زیر را برای پشتیبانی بفرستید:")
    return f"{what}\n\n{todo}\n\n{report}"


def make_excepthook(folder: Path, parent: Callable[[], QWidget | None] = lambda: None) -> ExceptHook:
    """An excepthook that logs, writes a crash report and shows a Persian dialog saying what to do.

    The dialog is shown non-modally (`show`, not `exec`) so a failing slot cannot stack event
    loops; its object name is "crash-dialog".
    """
    keep: list[QMessageBox] = []

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            if issubclass(exc_type, KeyboardInterrupt):
                sys.__excepthook__(exc_type, exc, tb)
                return
            log.critical("unexpected error", exc_info=(exc_type, exc, tb))
            report = write_crash_report(folder, exc_type, exc, tb)
            if QApplication.instance() is None:
                sys.__excepthook__(exc_type, exc, tb)
                return
            box = QMessageBox(parent())
            box.setObjectName("crash-dialog")
            box.setIcon(QMessageBox.Icon.Critical)
            trouble = storage_trouble(exc)
            box.setWindowTitle(QCoreApplication.translate("App", "دیسک پر است") if trouble == "full" else
                               QCoreApplication.translate("App", "کار ثبت نشد") if trouble else
                               QCoreApplication.translate("App", "خطای پیش‌بینی‌نشده"))
            box.setText(crash_message(report, trouble))
            box.setStyleSheet(WIDE_MESSAGE)
            box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            keep[:] = [b for b in keep if b.isVisible()] + [box]
            box.show()
        except Exception:  # the hook must never raise: fall back to Python's own report
            sys.__excepthook__(exc_type, exc, tb)

    return hook


def store_failed_dialog(db_path: Path, folder: Path, report: Path, backups: int = 0) -> QMessageBox:
    """The dialog shown when the desk's data file cannot be opened (not a store, damaged, locked).
    With `backups` (how many automatic backups the folder holds) it offers to restore the newest
    healthy one (`restore_button`); else to close and restore by hand."""
    box = QMessageBox()
    box.setObjectName("store-failed")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "پرونده داده باز نشد"))
    what = QCoreApplication.translate("App", "پرونده داده این میز کار باز نشد؛ شاید آسیب دیده یا پرونده دیگری به جای آن گذاشته شده است:")
    if backups:
        todo = QCoreApplication.translate(
            "App", "چه کنید: «بازگرداندن آخرین پشتیبان سالم» تازه‌ترین پشتیبان خودکاری را که بررسی را بگذراند "
                   "بازمی‌گرداند و پرونده کنونی را کنار آن نگه می‌دارد؛ کار پس از آن پشتیبان، اگر میز با سرور "
                   "همگام شده باشد، با همگام‌سازی بازمی‌گردد. گزارش خطا اینجا ذخیره شد:")
    else:
        todo = QCoreApplication.translate("App", "چه کنید: برنامه را ببندید و با مسئول فنی دفتر، آخرین پشتیبان را از پوشه زیر بازگردانید (kanoon-desk restore). گزارش خطا اینجا ذخیره شد:")
    box.setText(f"{what}\n{db_path}\n\n{todo}\n{folder / 'backups'}\n{report}")
    box.setStyleSheet(WIDE_MESSAGE)
    box.restore_button = None  # type: ignore[attr-defined]
    if backups:
        box.restore_button = box.addButton(  # type: ignore[attr-defined]
            QCoreApplication.translate("App", "بازگرداندن آخرین پشتیبان سالم"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("App", "بستن"), QMessageBox.ButtonRole.RejectRole)
    return box


def newer_store_dialog(db_path: Path, revisions: list[str]) -> QMessageBox:
    """The dialog shown when the desk's data file was written by a newer version of the program
    (a schema revision this version does not know): install that version. It offers no restore:
    the file is sound, and an older backup in its place would lose the work done since."""
    from .. import __version__

    box = QMessageBox()
    box.setObjectName("store-newer")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "پرونده داده از نسخه تازه‌تر برنامه است"))
    what = QCoreApplication.translate(
        "App", "پرونده داده این میز را نسخه تازه‌تری از کانون دسک نوشته است و این نسخه ({version}) نمی‌تواند آن را "
               "باز کند. پرونده سالم است و چیزی در آن تغییر نکرد:").format(version=f"\u2066{digits(__version__)}\u2069")
    todo = QCoreApplication.translate(
        "App", "چه کنید: همان نسخه تازه کانون دسک (یا تازه‌تر از آن) را نصب کنید و برنامه را دوباره باز کنید. "
               "پشتیبان قدیمی‌تری را به جای این پرونده بازنگردانید: کاری که پس از آن ثبت شده از دست می‌رود.")
    box.setText(f"{what}\n{db_path}\n\n{todo}\n({', '.join(revisions)})")
    box.setStyleSheet(WIDE_MESSAGE)
    box.addButton(QCoreApplication.translate("App", "بستن"), QMessageBox.ButtonRole.RejectRole)
    return box


def read_only_dialog(db_path: Path, where: Path) -> QMessageBox:
    """The dialog shown when the desk's data file or its folder (`where`) cannot be written:
    read-only, or no permission for this computer's user. Nothing could be recorded, not even a
    log-in, so the app does not start; the file is not changed."""
    box = QMessageBox()
    box.setObjectName("store-read-only")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "پرونده داده نوشتنی نیست"))
    if where == db_path:
        what = QCoreApplication.translate(
            "App", "کانون دسک نمی‌تواند در پرونده داده این میز بنویسد: پرونده فقط‌خواندنی است یا کاربر این رایانه "
                   "اجازه نوشتن در آن را ندارد. تا این درست نشود هیچ کاری، حتی ورود، ثبت نمی‌شود:")
    else:
        what = QCoreApplication.translate(
            "App", "کانون دسک نمی‌تواند در پوشه داده این میز بنویسد: پوشه فقط‌خواندنی است یا کاربر این رایانه "
                   "اجازه نوشتن در آن را ندارد. پرونده داده، گزارش کار و پشتیبان‌ها در همین پوشه نوشته می‌شوند:")
    todo = QCoreApplication.translate(
        "App", "چه کنید: از مسئول فنی دفتر بخواهید «فقط‌خواندنی» را از پرونده و پوشه بردارد و به کاربر این رایانه "
               "اجازه نوشتن در آن‌ها را بدهد، سپس برنامه را دوباره باز کنید. چیزی در پرونده داده تغییر نکرد.")
    box.setText(f"{what}\n{where}\n\n{todo}")
    box.setStyleSheet(WIDE_MESSAGE)
    box.addButton(QCoreApplication.translate("App", "بستن"), QMessageBox.ButtonRole.RejectRole)
    return box


def automatic_backups(db_path: Path, folder: Path) -> list[Path]:
    """The automatic backups of the store at `db_path` in `<folder>/backups/`, newest first: by
    how much of the store's history each holds (`backup_recency`), then by the day in its name."""
    return sorted(_backup_files(db_path, folder), key=backup_recency, reverse=True)


def _backup_files(db_path: Path, folder: Path) -> list[Path]:
    """The automatic backups' files of the store at `db_path`, unread and in no order."""
    backups = folder / "backups"
    return list(backups.glob(f"{db_path.stem}-????-??-??.sqlite3")) if backups.is_dir() else []


def backup_recency(path: Path) -> tuple[int, str]:
    """How recent a backup is: the row of the newest event it holds (the event log only grows, so
    this counts the work in it whatever the computer's clock said), then its name (the day the
    clock gave). A file that cannot be read ranks last. The day in the name alone misleads: a clock
    that ran a year ahead for a week named seven backups the newest for a year."""
    import sqlite3
    from contextlib import closing

    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT max(rowid) FROM events").fetchone()
        return int(row[0] or 0), path.name
    except sqlite3.Error:
        return -1, path.name


def restore_after_failure(db_path: Path, folder: Path, report: Path) -> bool:
    """The store did not open: say so and, when there are automatic backups, offer to restore the
    newest healthy one; True when one was restored (the app goes on with it)."""
    from ..services import ops

    backups = automatic_backups(db_path, folder)
    box = store_failed_dialog(db_path, folder, report, len(backups))
    box.exec()
    if box.restore_button is None or box.clickedButton() is not box.restore_button:  # type: ignore[attr-defined]
        return False
    got = ops.restore_newest(db_path, backups)
    done = QMessageBox()
    done.setObjectName("store-restored")
    done.setWindowTitle(QCoreApplication.translate("App", "بازگرداندن پشتیبان"))  # not the bare "KanoonDesk"
    done.setStyleSheet(WIDE_MESSAGE)
    if got is None:
        done.setIcon(QMessageBox.Icon.Critical)
        done.setText(QCoreApplication.translate(
            "App", "هیچ‌یک از پشتیبان‌های پوشه زیر بررسی را نگذراند؛ چیزی بازگردانده نشد. با مسئول فنی دفتر تماس بگیرید:")
            + f"\n{folder / 'backups'}")
        done.exec()
        return False
    source, restored = got
    log.warning("store %s restored from %s after it failed to open", db_path, source)
    done.setIcon(QMessageBox.Icon.Information)
    done.setText(QCoreApplication.translate(
        "App", "پشتیبان {backup} بازگردانده شد. پرونده‌ای که باز نمی‌شد اینجا نگه داشته شد:").format(backup=source.name)
        + f"\n{restored.previous}")
    done.exec()
    return True


def auto_backup(store: Store, folder: Path, keep: int = BACKUP_KEEP, day: date | None = None) -> Path | None:
    """Back the store up into `<folder>/backups/` at most once a day, keeping the newest `keep`.

    Returns the new backup's path, or None when today's backup already exists. A clock set back
    to a day already backed up (a backup named for a later day exists) does not skip the work
    done since: when the store holds events that day's backup lacks, it is written again.
    """
    day = day or today()
    backups = folder / "backups"
    stem = store.path.stem
    dest = backups / f"{stem}-{day.isoformat()}.sqlite3"
    # A backup cut off (the app stopped while it closed: a power cut, the laptop's lid) left its
    # part, as big as the store, named for its own day: no later backup has that name to replace
    # it, and one a day such cut piled up in the folder.
    for part in backups.glob(f"{stem}-????-??-??.sqlite3.part*") if backups.is_dir() else []:
        part.unlink(missing_ok=True)
    if dest.exists():
        later = any(p.name > dest.name for p in _backup_files(store.path, folder))  # (names only: no file opened)
        if not later:
            return None
        with store.reading() as conn:
            newest = int(conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0)
        if backup_recency(dest)[0] >= newest:
            return None
        dest.unlink()
        log.warning("the clock is behind the newest backup's day: %s written again", dest.name)
    store.backup_to(dest)
    # the oldest by their history, not by their names' days; the one just written always stays
    olds = [p for p in reversed(automatic_backups(store.path, folder)) if p != dest]
    for old in olds[:max(0, len(olds) + 1 - keep)] if keep > 0 else olds:
        old.unlink()
        for side in sidecars(old):  # (reading it to rank it left its -shm and -wal)
            side.unlink(missing_ok=True)
    log.info("backup written to %s", dest)
    return dest


# -- the shell: set-up, log-in, main window, log-out ---------------------------------------------


def must_change_password(store: Store, actor: Actor) -> bool:
    """Whether an admin gave this user a temporary password (read from the users projection;
    services.accounts has no query for it yet)."""
    from ..models import User

    with store.read() as s:
        user = s.get(User, actor.user_id)
        return bool(user is not None and user.must_change_password)


class Shell(QObject):
    """Walks a person through set-up (first run), log-in and the main window, and back on log-out."""

    def __init__(self, store: Store, settings: QSettings, *, synchronous_tasks: bool = False) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.synchronous_tasks = synchronous_tasks
        self.login_window: QWidget | None = None
        self.main_window: QWidget | None = None
        #: imports the main window's modules while the log-in window waits (`preload`)
        self.preloader: Preloader | None = None
        #: what the last restore in the app said (shown over the log-in window)
        self.restore_box: QMessageBox | None = None
        #: why a sync ended the last session (shown over the log-in window)
        self.session_box: QMessageBox | None = None

    def start(self) -> bool:
        """Run set-up while the desk needs it (no identity; enrolled, with its first sync or its
        office's first admin still to come), then show the log-in window; False if cancelled."""
        from .setup import SetupDialog, first_run_stage

        if first_run_stage(self.store) != "ready":
            dialog = SetupDialog(self.store, tasks=TaskRunner(synchronous=self.synchronous_tasks))
            if dialog.exec() != SetupDialog.DialogCode.Accepted:
                return False
        self.show_login()
        return True

    def show_login(self) -> None:
        from .login import LoginWindow

        window = LoginWindow(self.store, last_username=str(self.settings.value("login/last_username", "")))
        window.logged_in.connect(self.open_main)
        window.show()
        self.login_window = window
        # the main window's modules and icons, imported while the password is typed
        self.preloader = Preloader(window)
        self.preloader.start()

    def open_main(self, actor: Actor) -> None:
        from .drafts import prune_stale
        from .main_window import MainWindow

        self.settings.setValue("login/last_username", actor.username)
        prune_stale(self.settings, actor.user_id)  # a case's action typed a month ago and left
        ctx = UiContext(self.store, actor, ChangeBus(), TaskRunner(synchronous=self.synchronous_tasks),
                        self.settings, restore=self.restore_from)
        window = MainWindow(ctx)
        window.logout_requested.connect(self.logout)
        window.session_ended.connect(self.end_session)
        window.idle_lock.user_switched.connect(self.switch_user)
        window.show()
        self.main_window = window
        if self.login_window is not None:
            self.login_window.close()
            self.login_window.deleteLater()
            self.login_window = None
        if must_change_password(self.store, actor):
            window.change_password(required=True)  # a temporary password set by an admin is changed first

    def restore_from(self, source: Path) -> bool:
        """Replace the desk's store with the backup `source`, which must pass the check: the
        session ends (its running work finishes first), the store is closed and restored (the
        current one kept as `.before-restore`), opened again, and the log-in window shows, saying
        what happened. True when it was restored."""
        from ..services import ops

        quit_on_close = QApplication.quitOnLastWindowClosed()
        QApplication.setQuitOnLastWindowClosed(False)  # no window for a moment: the app stays
        try:
            window = self.main_window
            if window is not None:
                # A sync round under way stops at its next safe point (as «توقف» stops it, losing
                # nothing): one sending a scan over a slow link ran on past the wait below, kept the
                # store open, and the restore was refused as if another program held it.
                runner = getattr(getattr(window, "sync_status", None), "runner", None)
                if runner is not None:
                    runner.stop()
                window.close()
                tasks = getattr(getattr(window, "ctx", None), "tasks", None)
                if tasks is not None:
                    tasks.wait(120_000)  # a sync round or a save in its thread finishes on the old store
                window.deleteLater()
                self.main_window = None
            path = self.store.path
            self.store.close()
            problems: list[str] = []
            previous: Path | None = None
            try:
                previous = ops.restore(path, source).previous
                log.warning("store %s restored from %s in the app", path, source)
            except ops.RestoreRefused as exc:
                problems = exc.problems
            self.store = open_store(path)
            self.show_login()
            box = QMessageBox(self.login_window)
            box.setObjectName("restore-result")
            box.setWindowTitle(QCoreApplication.translate("App", "بازگرداندن پشتیبان"))  # not the bare "KanoonDesk"
            box.setStyleSheet(WIDE_MESSAGE)
            if problems:
                box.setIcon(QMessageBox.Icon.Warning)
                box.setText(QCoreApplication.translate(
                    "App", "پشتیبان بازگردانده نشد و داده‌های این میز همان است که بود:") + "\n" + (
                    held_elsewhere_text() if any(getattr(p, "message", None) == ops.MSG_STORE_OPEN for p in problems)
                    else problems_text(problems)))
            else:
                box.setIcon(QMessageBox.Icon.Information)
                box.setText(QCoreApplication.translate(
                    "App", "پشتیبان {backup} بازگردانده شد؛ دوباره وارد شوید. داده‌های پیشین این میز اینجا نگه داشته شد:")
                    .format(backup=source.name) + f"\n{previous}")
            box.open()
            self.restore_box = box
            return not problems
        finally:
            QApplication.setQuitOnLastWindowClosed(quit_on_close)

    def bring_forward(self) -> None:
        """Another start of the app on this store: show this one's window over the others."""
        bring_forward(self.main_window or self.login_window)

    def switch_user(self, actor: Actor) -> None:
        """Another user logged in at the lock screen: the first user's session ends (what they
        had typed and not saved is kept as their drafts, written as its forms close) and the new
        user's main window opens."""
        from .main_window import MainWindow

        old = self.main_window
        if isinstance(old, MainWindow):
            old.logout_requested.disconnect(self.logout)  # (a required password change closing)
            for dialog in old.idle_lock.covered_dialogs():
                dialog.reject()
        self.main_window = None
        self.open_main(actor)  # first, so closing the old window does not end the app
        if old is not None:
            old.close()
            old.deleteLater()

    def end_session(self, why: str) -> None:
        """A sync ended the session (the user deactivated elsewhere, or their roles changed): the
        log-in window shows, saying why (`why`: a service message, translated here)."""
        self.logout()
        box = QMessageBox(self.login_window)
        box.setObjectName("session-ended")
        box.setWindowTitle(QCoreApplication.translate("App", "پایان جلسه کاری"))
        box.setStyleSheet(WIDE_MESSAGE)
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(QCoreApplication.translate("Errors", why))
        box.open()
        self.session_box = box

    def logout(self) -> None:
        self.show_login()  # first, so closing the main window does not end the app
        if self.main_window is not None:
            self.main_window.close()
            self.main_window.deleteLater()
            self.main_window = None


def held_elsewhere_text() -> str:
    """Why the app's own restore was refused when its store is still open elsewhere: the app has
    closed it, so it is another program (`ops.MSG_STORE_OPEN` tells the command line to close the
    app, which here is the one asking)."""
    return QCoreApplication.translate(
        "App", "برنامه دیگری پرونده داده این میز را باز نگه داشته است: فرمانی از kanoon-desk (همگام‌سازی، پشتیبان‌گیری یا "
               "بررسی سلامت) که هنوز کار می‌کند، یا کانون دسک در رایانه دیگری که همین پوشه مشترک را باز کرده است. صبر کنید "
               "تا کارش تمام شود (یا آن را ببندید) و دوباره بازگردانید.")


def run_app(db_path: Path | None, lang: str) -> int:
    """The desktop app: `kanoon-desk [--db PATH] [--lang fa|en]`. Returns the exit code."""
    app = ensure_app()
    set_language(app, lang)
    if db_path is None:
        folder = default_data_dir()
        db_path = folder / STORE_FILE
    else:
        db_path = Path(db_path).resolve()
        folder = db_path.parent
        folder.mkdir(parents=True, exist_ok=True)
    read_only = not_writable(db_path)
    if read_only is not None:  # SQLite would open it read-only and the log-in would fail
        read_only_dialog(db_path, read_only).exec()
        return 2
    setup_logging(folder)
    guard = InstanceGuard(db_path)
    if not guard.acquire():  # the app is open on this store already: that window comes forward
        if guard.ask_first_to_come_forward():
            log.info("started again on %s: the open window was brought forward", db_path)
            return 0
        log.warning("started again on %s: the app holding it did not answer", db_path)
        already_open_dialog(db_path, guard.holder()).exec()
        return 1
    try:
        return _run_locked(app, db_path, folder, lang, guard)
    finally:
        guard.release()


def _run_locked(app: QApplication, db_path: Path, folder: Path, lang: str, guard: InstanceGuard) -> int:
    """run_app once this start holds the store (`guard`): open it, set up, log in, work, back up."""
    sys.excepthook = make_excepthook(folder, QApplication.activeWindow)
    previous_handler = qInstallMessageHandler(_qt_message)
    log.info("starting with store %s, language %s", db_path, lang)
    try:  # (a first start after an update migrates a big store: a window says so meanwhile)
        store = open_store_showing_progress(db_path)
    except NewerStoreError as exc:  # sound, but not for this version: no restore over it
        log.error("%s", exc)
        newer_store_dialog(db_path, exc.revisions).exec()
        return 2
    except Exception as exc:  # a broken or foreign file: say so, and what to do, then stop
        log.exception("could not open the store %s", db_path)
        report = write_crash_report(folder, type(exc), exc, exc.__traceback__)
        if not restore_after_failure(db_path, folder, report):
            return 2
        try:
            store = open_store_showing_progress(db_path)
        except Exception:
            log.exception("the restored store %s did not open either", db_path)
            return 2
    try:  # what a restore or a download stopped mid-way left beside the store (`kanoon-desk check` says it)
        for left in remove_leftovers(db_path):
            log.warning("leftover removed: %s (%d bytes)", left.path, left.size)
    except OSError:
        log.exception("leftovers beside the store not removed")
    shell = Shell(store, QSettings())
    guard.activation_requested.connect(shell.bring_forward)
    try:
        if not shell.start():
            return 0
        code = app.exec()
        store = shell.store  # (a restore in the app opened the file again)
        if store.is_initialised:
            try:
                auto_backup(store, folder)
            except Exception:  # a failed backup must not lose the session; it is in the log
                log.exception("automatic backup failed")
        return int(code)
    finally:
        qInstallMessageHandler(previous_handler)
        shell.store.close()


def smoke() -> int:
    """Open the log-in window offscreen on a temporary store, render it to PNG; 0 when it worked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..services import accounts
    from .login import LoginWindow

    app = ensure_app()
    set_language(app, "fa")
    with tempfile.TemporaryDirectory(prefix="kanoon-smoke-") as tmp:
        store = open_store(Path(tmp) / STORE_FILE)
        try:
            accounts.setup_desk(store, office_code="SMOKE", office_name="دفتر آزمایشی",
                                admin_username="admin", admin_full_name="مدیر سامانه",
                                admin_password="smoke-pass-1")
            window = LoginWindow(store)
            window.show()
            app.processEvents()
            png = Path(tmp) / "login.png"
            ok = window.grab().save(str(png)) and png.stat().st_size > 0
            window.close()
        finally:
            store.close()
    print(f"kanoon-desk smoke: login window {'rendered' if ok else 'NOT rendered'}")
    return 0 if ok else 1
