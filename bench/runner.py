"""The benchmark runner: builds (and caches) the demo store, runs every bench_*.py, writes results.json.

Adding benchmarks
-----------------
Put a module ``bench/bench_<area>.py`` next to this file that exposes::

    def benchmarks(ctx: BenchContext) -> list[Benchmark]: ...

``Benchmark(name, unit, run, floor, repeat)``:

* ``name``   — unique, dotted by area: ``"core.event_append"``, ``"library.checkout"``;
* ``unit``   — the unit the times are reported in: ``"s"``, ``"ms"`` or ``"us"``;
* ``run``    — one operation of the app (no arguments, return ignored);
* ``floor``  — the bare operation it is compared with (a raw SQLite insert transaction, a raw
  FTS5 MATCH, a bare PySide6 window start...), measured in the same run;
* ``repeat`` — timed calls of each; ``warmup`` (default 1) untimed calls first;
* ``prepare`` — optional, untimed, before each call of ``run`` (what that call needs done first).

A ``run`` or ``floor`` that returns ``Timed(seconds)`` is taken at its word (a subprocess that
times one step of a fresh app, not its interpreter's start); otherwise the call is timed.

The runner calls ``run`` and ``floor`` interleaved (alternating which goes first) ``repeat``
times each, and reports p50 and p95 of each and ``ratio = p50 / floor_p50``. A benchmark whose
``run`` or ``floor`` raises is reported as failed; the others still run.

``BenchContext`` gives the size (``"small"``/``"large"``), ``store_path`` (the cached demo store of
that size — treat it as read-only), ``scratch_store()`` (a writable copy made once per run, for
benchmarks that record events), ``scratch_dir`` (a temporary folder, removed at the end),
``python`` (this interpreter) and ``env()`` (environment for subprocesses: Qt offscreen, a
throw-away HOME). Build expensive fixtures inside ``benchmarks(ctx)``, not in ``run``.

Results go to ``bench/results.json``: a list of ``{name, size, unit, p50, p95, floor_p50, ratio}``.
With ``--only`` the entries of the benchmarks run replace theirs in the existing file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import pkgutil
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / "cache"
RESULTS = BENCH_DIR / "results.json"
UNITS = {"s": 1.0, "ms": 1e3, "us": 1e6}


@dataclass
class Benchmark:
    name: str
    unit: str
    run: Callable[[], Any]
    floor: Callable[[], Any]
    repeat: int
    warmup: int = 1
    #: Untimed, before each call of `run` (warm-up ones too): what that call needs done first.
    prepare: Callable[[], Any] | None = None


@dataclass
class BenchContext:
    size: str
    store_path: Path
    scratch_dir: Path
    python: str = sys.executable
    root: Path = ROOT
    _scratch_store: Path | None = field(default=None, repr=False)

    def scratch_store(self) -> Path:
        """A writable copy of the demo store (made on first use, shared by the run's benchmarks)."""
        if self._scratch_store is None:
            dest = self.scratch_dir / f"scratch-{self.size}.sqlite3"
            with closing(sqlite3.connect(str(self.store_path))) as src, closing(sqlite3.connect(str(dest))) as dst:
                src.backup(dst)
            self._scratch_store = dest
        return self._scratch_store

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for a subprocess: Qt offscreen, HOME and XDG folders in the scratch dir."""
        home = self.scratch_dir / "home"
        home.mkdir(exist_ok=True)
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                   XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
                   PYTHONPATH=str(self.root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        env.update(extra)
        return env


@dataclass
class Result:
    name: str
    size: str
    unit: str
    p50: float
    p95: float
    floor_p50: float
    ratio: float
    floor_p95: float = 0.0
    repeat: int = 0

    def public(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "unit": self.unit, "p50": self.p50, "p95": self.p95,
                "floor_p50": self.floor_p50, "ratio": self.ratio}


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); the median for p=50."""
    if not samples:
        raise ValueError("no samples")
    if p == 50:
        return statistics.median(samples)
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _timed(fn: Callable[[], Any]) -> float:
    """Seconds `fn` took; or, when it returns a `Timed`, the seconds it measured itself."""
    t0 = time.perf_counter()
    got = fn()
    return got.seconds if isinstance(got, Timed) else time.perf_counter() - t0


@dataclass(frozen=True)
class Timed:
    """What a `run` or `floor` returns when it timed its step itself: a subprocess that times one
    step of its own (a log-in in a fresh app) and not its interpreter's start."""

    seconds: float


def measure(bench: Benchmark, size: str) -> Result:
    """Time `run` and `floor` interleaved; p50/p95 in the benchmark's unit."""
    if bench.unit not in UNITS:
        raise ValueError(f"{bench.name}: unit must be one of {sorted(UNITS)}")
    prepare = bench.prepare or (lambda: None)
    for _ in range(bench.warmup):
        prepare()
        bench.run()
        bench.floor()
    runs: list[float] = []
    floors: list[float] = []
    for i in range(max(1, bench.repeat)):
        if i % 2 == 0:
            prepare()
            runs.append(_timed(bench.run))
            floors.append(_timed(bench.floor))
        else:
            floors.append(_timed(bench.floor))
            prepare()
            runs.append(_timed(bench.run))
    scale = UNITS[bench.unit]
    p50, p95 = percentile(runs, 50) * scale, percentile(runs, 95) * scale
    f50, f95 = percentile(floors, 50) * scale, percentile(floors, 95) * scale
    ratio = p50 / f50 if f50 > 0 else float("inf")
    return Result(bench.name, size, bench.unit, round(p50, 4), round(p95, 4), round(f50, 4),
                  round(ratio, 2), round(f95, 4), len(runs))


def _migrated(path: Path) -> None:
    """A cache built by older code brought to the current schema (the read-only benchmarks open it
    without migrating: a column added since would be missing)."""
    from kanoon_desk.store import Store

    Store(path).close()


def demo_store(size: str, *, rebuild: bool = False) -> Path:
    """The cached demo store of `size` under bench/cache/ (built by `kanoon_desk.demo.run`).

    Built under a temporary name and renamed when complete, so a failed build never leaves a
    half-filled cache. A cache that lacks a demo part whose generator has landed since is rebuilt."""
    from kanoon_desk import demo

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"demo-{size}.sqlite3"
    if path.exists() and not rebuild:
        missing = demo.available_parts() - demo.done_parts(path)
        if not missing:
            _migrated(path)
            return path
        print(f"bench: the cached store lacks {sorted(missing)}; rebuilding it", flush=True)
    building = CACHE_DIR / f"demo-{size}.building.sqlite3"
    for p in CACHE_DIR.glob(f"demo-{size}.building.sqlite3*"):
        p.unlink()
    t0 = time.perf_counter()
    print(f"bench: building the {size} demo store (cached in {path.relative_to(ROOT)}) …", flush=True)
    demo.run(building, size=size, seed=1)
    with closing(sqlite3.connect(str(building))) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for p in CACHE_DIR.glob(f"demo-{size}.sqlite3*"):
        p.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(building) + suffix).unlink(missing_ok=True)
    building.replace(path)
    print(f"bench: demo store built in {time.perf_counter() - t0:.1f} s", flush=True)
    return path


def discover() -> list[str]:
    """Module names bench.bench_* next to this file, sorted."""
    return sorted(f"bench.{m.name}" for m in pkgutil.iter_modules([str(BENCH_DIR)])
                  if m.name.startswith("bench_"))


def _selected(module: str, bench: Benchmark, only: str | None) -> bool:
    if not only:
        return True
    short = module.rsplit(".", 1)[-1].removeprefix("bench_")
    return only in (short, module) or bench.name == only or bench.name.startswith(only + ".")


def _module_selected(module: str, only: str | None) -> bool:
    """Whether a module can hold a selected benchmark (names are dotted by area: core.x in bench_core)."""
    if not only:
        return True
    short = module.rsplit(".", 1)[-1].removeprefix("bench_")
    return only in (short, module) or only.startswith(short + ".")


def format_table(results: list[Result], failures: list[tuple[str, str]]) -> str:
    head = f"{'benchmark':<34}{'size':>6}{'p50':>12}{'p95':>12}{'floor p50':>12}{'ratio':>9}  unit"
    lines = [head, "-" * len(head)]
    for r in results:
        lines.append(f"{r.name:<34}{r.size:>6}{r.p50:>12.3f}{r.p95:>12.3f}{r.floor_p50:>12.3f}"
                     f"{r.ratio:>9.2f}  {r.unit}")
    for name, why in failures:
        lines.append(f"{name:<34}  FAILED: {why}")
    return "\n".join(lines)


def write_results(results: list[Result], *, merge: bool) -> None:
    rows = [r.public() for r in results]
    if merge and RESULTS.exists():
        try:
            old = json.loads(RESULTS.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            old = []
        fresh = {(r["name"], r["size"]) for r in rows}
        rows = [r for r in old if (r.get("name"), r.get("size")) not in fresh] + rows
    RESULTS.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Kanoon Desk benchmarks")
    parser.add_argument("--size", choices=("small", "large"), default="small")
    parser.add_argument("--only", metavar="NAME", help="a module (core) or a benchmark name or prefix")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached demo store")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    store_path = demo_store(args.size, rebuild=args.rebuild)
    results: list[Result] = []
    failures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="kanoon-bench-") as tmp:
        ctx = BenchContext(size=args.size, store_path=store_path, scratch_dir=Path(tmp))
        for module in discover():
            if not _module_selected(module, args.only):
                continue
            try:
                benches = importlib.import_module(module).benchmarks(ctx)
            except Exception as exc:  # a broken module must not hide the others' numbers
                traceback.print_exc()
                failures.append((module, f"{type(exc).__name__}: {exc}"))
                continue
            for bench in benches:
                if not _selected(module, bench, args.only):
                    continue
                print(f"bench: {bench.name} × {bench.repeat} …", flush=True)
                try:
                    results.append(measure(bench, args.size))
                except Exception as exc:
                    traceback.print_exc()
                    failures.append((bench.name, f"{type(exc).__name__}: {exc}"))
        shutil.rmtree(Path(tmp) / "home", ignore_errors=True)
    print()
    print(format_table(results, failures))
    write_results(results, merge=bool(args.only))
    print(f"\nbench: {len(results)} results written to {RESULTS.relative_to(ROOT)}")
    return 1 if failures else 0
