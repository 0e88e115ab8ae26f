"""Render every main screen of a store to PNG (login, each side-bar page, desks' extra renders)."""

from __future__ import annotations

import gc
import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from ..eventlog import Actor
from ..models import ROLES, User
from ..store import Store, open_store

log = logging.getLogger(__name__)

WINDOW_SIZE = (1280, 800)
ExtraRender = Callable[..., list[Path]]


def first_admin(store: Store) -> Actor:
    """The first active user holding the admin role, as an actor with every role.

    Screenshots show every desk's pages whatever roles the demo gave this user, so the actor
    gets all roles; it only reads (the screens' first paint), it records nothing.
    """
    with store.read() as s:
        users = s.scalars(select(User).where(User.active.is_(True)).order_by(User.created_at)).all()
    for user in users:
        if "admin" in user.role_set:
            return Actor(user.id, user.username, user.full_name, user.office_code, frozenset(ROLES))
    raise RuntimeError("the store has no active admin user; run set-up or `kanoon-desk demo` first")


def _safe(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", key).strip("-") or "page"


def _first_run(tmp: Path, out_dir: Path, settle: Callable[[], None]) -> Path:
    """The first-run dialog of a new machine, on the way to the office's server."""
    from .setup import SetupDialog

    fresh = Store(tmp / "first-run.sqlite3")
    try:
        dialog = SetupDialog(fresh)
        dialog.tabs.setCurrentIndex(1)
        dialog.server_url.setText("https://kanoon.example.ir")
        dialog.enrol_code.setText("ABCD-EFGH-JKMN-PQRS")
        dialog.device_label.setText("lending-desk-2")  # what the default, the machine's name, looks like
        dialog.resize(620, dialog.sizeHint().height())
        dialog.show()
        dialog.server_url.deselect()
        settle()
        path = out_dir / "00-setup-join.png"
        dialog.grab().save(str(path))
        dialog.close()
        dialog.deleteLater()
        return path
    finally:
        fresh.close()


def render_all(store_path: Path, out_dir: Path, lang: str = "fa") -> list[Path]:
    """Open the store and write `NN-<page key>.png` for the login window and every page.

    A desk's `PageSpec.extra["screenshots"]` may be a callable `(ctx, out_dir) -> list[Path]`
    that renders more (receipts, letters, cards); its files are added to the list. Works
    offscreen (QT_QPA_PLATFORM=offscreen is the default when no platform is chosen). A page that
    fails to render is logged and skipped; at the end a RuntimeError names every failure.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from .app import ensure_app, set_language
    from .context import ChangeBus, UiContext
    from .login import LoginWindow
    from .main_window import MainWindow, visible_pages
    from .tasks import TaskRunner

    app = ensure_app()
    set_language(app, lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    failed: list[str] = []

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    before = {id(w) for w in QApplication.topLevelWidgets()}
    store = open_store(store_path)
    try:
        actor = first_admin(store)
        login = LoginWindow(store, last_username=actor.username)
        login.show()
        settle()
        path = out_dir / "00-login.png"
        login.grab().save(str(path))
        written.append(path)
        login.close()

        with tempfile.TemporaryDirectory(prefix="kanoon-shots-") as tmp:
            written.append(_first_run(Path(tmp), out_dir, settle))
            settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
            ctx = UiContext(store, actor, ChangeBus(), TaskRunner(synchronous=True), settings,
                            housekeeping=False)  # rendering looks at the store, it records nothing
            window = MainWindow(ctx, visible_pages(ctx))
            window.resize(*WINDOW_SIZE)
            window.show()
            settle()
            window.load_icons()
            n = 1
            for spec in window.pages:
                try:
                    window.show_page(spec.key)
                    settle()
                    path = out_dir / f"{n:02d}-{_safe(spec.key)}.png"
                    window.grab().save(str(path))
                    written.append(path)
                except Exception:  # one broken page must not hide the others' pictures
                    log.exception("could not render page %s", spec.key)
                    failed.append(spec.key)
                n += 1
            for spec in window.pages:
                extra: ExtraRender | None = spec.extra.get("screenshots")
                if extra is None:
                    continue
                try:
                    written.extend(extra(ctx, out_dir))
                except Exception:
                    log.exception("extra screenshots of %s failed", spec.key)
                    failed.append(f"{spec.key} (extra)")
            window.close()
            # Destroy every window made here (ours and the desks' extra renders) now, in Qt's
            # order, rather than at interpreter exit, where Python's collector and Qt's
            # parent/child deletion race (QtCharts aborted the process that way).
            for widget in QApplication.topLevelWidgets():
                if id(widget) not in before:
                    widget.close()
                    widget.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            gc.collect()
            settle()
    finally:
        store.close()
    if failed:
        raise RuntimeError(f"screenshots failed for: {', '.join(failed)} (the others are in {out_dir})")
    return written
