"""Kill a real `kanoon-desk` process at a chosen point of its work, repeatably.

`run(args, at=N)` runs `python -m kanoon_desk *args` (or, args being `["-c", code, *argv]`, a
piece of Python) in a subprocess that kills itself with
SIGKILL (no clean-up, no `finally`, as a power cut or the lid of a laptop) just before its N-th
step: an SQL statement about to run (on any connection, SQLAlchemy's included) or a file renamed,
replaced or removed. `count(args)` runs it to the end and says how many steps it took, so a test
can kill it at every point, or at points spread over its whole length."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUNNER = """
import atexit, json, os, runpy, signal, sqlite3, sqlite3.dbapi2, sys

_at, _steps, _out, _files = int(sys.argv[1]), [0], sys.argv[2], []


def _step(*_args: object) -> None:
    _steps[0] += 1
    if _steps[0] == _at:
        os.kill(os.getpid(), signal.SIGKILL)


def _hook(event: str, args: tuple) -> None:
    if event in ("os.rename", "os.remove"):  # (os.replace is audited as os.rename)
        _step()
        _files.append([_steps[0], event.removeprefix("os."), os.path.basename(os.fsdecode(args[-3 if event == "os.rename" else 0]))])


_connect = sqlite3.connect


def _traced(*args: object, **kwargs: object) -> sqlite3.Connection:
    conn = _connect(*args, **kwargs)
    conn.set_trace_callback(_step)
    return conn


sqlite3.connect = sqlite3.dbapi2.connect = _traced


def _say() -> None:
    with open(_out, "w") as f:
        json.dump({"steps": _steps[0], "files": _files}, f)


atexit.register(_say)
sys.addaudithook(_hook)
if sys.argv[3] == "-c":  # a piece of Python: what the app does, without its windows
    _code, sys.argv = sys.argv[4], ["-c", *sys.argv[5:]]
    exec(compile(_code, "<kill_points>", "exec"), {"__name__": "__main__"})
else:
    sys.argv = ["kanoon_desk", *sys.argv[3:]]
    runpy.run_module("kanoon_desk", run_name="__main__", alter_sys=True)
"""


def _run(args: list[str], at: int, out: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _RUNNER, str(at), str(out), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})


@dataclass(frozen=True)
class Steps:
    """What a command did, run to its end: how many steps, each file it renamed (to the name) or
    removed as (step, "rename" or "remove", the file's name), and how it ended."""

    total: int
    files: list[tuple[int, str, str]]
    done: subprocess.CompletedProcess[str]

    def after(self, action: str, name: str) -> list[int]:
        """The steps just after each time the command renamed a file to `name` (or removed it)."""
        return [step + 1 for step, what, file in self.files if what == action and file == name]


def count(args: list[str], work: Path, timeout: float = 120) -> Steps:
    """Run the command to its end and say what it did."""
    out = work / "kill-points-count.json"
    out.unlink(missing_ok=True)
    done = _run(args, 0, out, timeout)
    said = json.loads(out.read_text()) if out.is_file() else {"steps": 0, "files": []}
    out.unlink(missing_ok=True)
    return Steps(int(said["steps"]), [(int(a), str(b), str(c)) for a, b, c in said["files"]], done)


def run(args: list[str], at: int, work: Path, timeout: float = 120) -> bool:
    """Run the command, killed just before its `at`-th step; True when it was killed (False: it
    ended before that step)."""
    out = work / "kill-points-count.json"
    done = _run(args, at, out, timeout)
    out.unlink(missing_ok=True)
    return done.returncode == -signal.SIGKILL


def spread(total: int, n: int) -> list[int]:
    """`n` points spread over steps 1..total, the last steps always among them."""
    if total <= n:
        return list(range(1, total + 1))
    return sorted({1 + (total - 1) * i // (n - 1) for i in range(n)} | {total - 2, total - 1, total})
