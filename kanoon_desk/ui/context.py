"""What every screen is handed: the store, the logged-in actor, the change bus and the task runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from ..eventlog import Actor
from ..store import Store
from .tasks import TaskRunner


class ChangeBus(QObject):
    """Announces what changed so each screen decides whether to refresh (Anki's operations idea).

    Signals:
        changed(str): emitted after a service call committed; the argument names the area
            ("secretariat", "library", "accounts", "sync", ...).
    """

    changed = Signal(str)


@dataclass
class UiContext:
    store: Store
    actor: Actor
    bus: ChangeBus
    tasks: TaskRunner
    settings: QSettings = field(default_factory=QSettings)
    #: The session's background sync (`sync_page.BackgroundSync`), set by the status bar's sync
    #: widget; the sync page asks it for a round, so two rounds never run at once.
    sync_runner: Any = None
    #: Chores a screen does as it opens (the circulation desk expires its centre's uncollected
    #: holds). Off for `kanoon-desk screenshots`, which only looks at a store.
    housekeeping: bool = True
    #: The session's restore of the store from a backup file (the shell's `restore_from`: it ends
    #: the session, restores and shows the log-in window); None where the app cannot restore
    #: (tests of a page alone, screenshots).
    restore: Callable[[Path], Any] | None = None


@dataclass(frozen=True)
class PageSpec:
    """One entry of the main window's side bar.

    `title` is already translated by the desk module (with its own `tr`); `icon` is a qtawesome
    name such as "fa6s.inbox"; `roles` are the roles that see the page (empty: everyone).
    """

    key: str
    title: str
    icon: str
    factory: Callable[[UiContext], QWidget]
    roles: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)
