"""While the log-in window waits for a password: import what the main window needs, a module a step.

The main window's pages (the desks' screens, QtCharts), the side bar's icons (qtawesome and its
fonts) were imported only after «ورود» was pressed: about a second and a half of a frozen window
between the password and the first page, every morning (measured: `bench/bench_core.py`,
`core.login_to_first_page`). A person takes longer than that to type a password, so the log-in
window imports them then, one module per turn of the event loop: a key pressed meanwhile waits at
most one module's import and is never lost (Qt queues it). Logging in before the last step only
means the main window imports the rest itself, as it always did.
"""

from __future__ import annotations

import functools
import importlib
import logging
import pkgutil
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

#: The modules the main window imports as it opens (besides the desk packages below).
SHELL_MODULES = ("kanoon_desk.ui.main_window", "kanoon_desk.ui.home", "kanoon_desk.ui.admin",
                 "kanoon_desk.ui.sync_page", "kanoon_desk.ui.conflict_inbox")
#: The desk packages whose screens `main_window.all_pages` builds: every module of each.
DESK_PACKAGES = ("kanoon_desk.ui.secretariat", "kanoon_desk.ui.library", "kanoon_desk.ui.admin")


def session_modules() -> list[str]:
    """The modules a session's first page needs, in the order to import them."""
    names = list(SHELL_MODULES)
    for package in DESK_PACKAGES:
        try:
            mod = importlib.import_module(package)
        except ModuleNotFoundError:  # a desk not built in this copy of the app
            continue
        names.append(package)
        names.extend(f"{package}.{info.name}" for info in pkgutil.iter_modules(mod.__path__))
    return list(dict.fromkeys(names))


def warm_icons() -> None:
    """Import qtawesome and load its icon font (the side bar's first icon read the font files)."""
    import qtawesome

    qtawesome.icon("fa6s.house")


def _steps() -> Iterator[Callable[[], object]]:
    for name in session_modules():
        yield functools.partial(importlib.import_module, name)
    yield warm_icons


class Preloader(QObject):
    """Runs the steps one per turn of the event loop, as long as its parent (the log-in window) lives.

    Signals:
        finished(): the last step has run.
    """

    finished = Signal()

    def __init__(self, parent: QObject | None = None,
                 steps: Callable[[], Iterator[Callable[[], object]]] = _steps) -> None:
        super().__init__(parent)
        self._make_steps = steps
        self._steps: Iterator[Callable[[], object]] | None = None
        self.done = False

    def start(self) -> None:
        self._steps = self._make_steps()
        QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        assert self._steps is not None
        step = next(self._steps, None)
        if step is None:
            self.done = True
            self.finished.emit()
            return
        try:
            step()
        except Exception:  # the main window will import it again, and say what is wrong there
            log.exception("preloading a module for the main window failed")
        QTimer.singleShot(0, self, self._step)
