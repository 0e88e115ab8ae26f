"""The benchmark runner's arithmetic and bookkeeping (the benchmarks themselves run with `make bench`)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bench import runner
from bench.runner import Benchmark, Result


def test_percentile_nearest_rank() -> None:
    samples = [float(x) for x in range(1, 101)]
    assert runner.percentile(samples, 50) == 50.5
    assert runner.percentile(samples, 95) == 95.0
    assert runner.percentile([3.0], 95) == 3.0
    with pytest.raises(ValueError):
        runner.percentile([], 50)


def test_measure_interleaves_run_and_floor_and_computes_the_ratio() -> None:
    calls: list[str] = []

    def run() -> None:
        calls.append("run")
        time.sleep(0.004)

    def floor() -> None:
        calls.append("floor")
        time.sleep(0.001)

    result = runner.measure(Benchmark("t.sleep", "ms", run, floor, repeat=4, warmup=1), "small")
    assert calls == ["run", "floor", "run", "floor", "floor", "run", "run", "floor", "floor", "run"]
    assert result.size == "small" and result.unit == "ms"
    assert 3.5 < result.p50 < 50 and result.p95 >= result.p50
    assert result.ratio == pytest.approx(result.p50 / result.floor_p50, rel=0.01)
    assert result.ratio > 1.5


def test_prepare_runs_untimed_before_every_call_of_run() -> None:
    calls: list[str] = []

    def prepare() -> None:
        calls.append("prepare")
        time.sleep(0.05)  # untimed: it must not show in the run's figures

    result = runner.measure(Benchmark("t.prep", "ms", lambda: calls.append("run"), lambda: calls.append("floor"),
                                      repeat=2, warmup=1, prepare=prepare), "small")
    assert calls == ["prepare", "run", "floor", "prepare", "run", "floor", "floor", "prepare", "run"]
    assert result.p95 < 40


def test_a_call_that_timed_itself_is_taken_at_its_word() -> None:
    """A subprocess timing its own step (a log-in in a fresh app) reports that step, not the
    interpreter's start around it."""
    def run() -> runner.Timed:
        time.sleep(0.02)
        return runner.Timed(0.003)

    def floor() -> runner.Timed:
        return runner.Timed(0.006)

    result = runner.measure(Benchmark("t.self", "ms", run, floor, repeat=3, warmup=0), "small")
    assert result.p50 == 3.0 and result.floor_p50 == 6.0 and result.ratio == 0.5


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError):
        runner.measure(Benchmark("t.x", "minutes", lambda: None, lambda: None, repeat=1), "small")


def test_results_json_shape_and_merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "results.json"
    monkeypatch.setattr(runner, "RESULTS", out)
    a = Result("a.one", "small", "ms", 2.0, 3.0, 1.0, 2.0)
    b = Result("b.two", "small", "ms", 4.0, 5.0, 1.0, 4.0)
    runner.write_results([a, b], merge=False)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert rows[0] == {"name": "a.one", "size": "small", "unit": "ms", "p50": 2.0, "p95": 3.0,
                       "floor_p50": 1.0, "ratio": 2.0}
    runner.write_results([Result("b.two", "small", "ms", 8.0, 9.0, 1.0, 8.0)], merge=True)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["name"], r["p50"]) for r in rows] == [("a.one", 2.0), ("b.two", 8.0)]


def test_core_benchmarks_are_discovered() -> None:
    assert "bench.bench_core" in runner.discover()


def test_only_selects_modules_and_benchmarks() -> None:
    b = Benchmark("core.event_append", "ms", lambda: None, lambda: None, repeat=1)
    assert runner._module_selected("bench.bench_core", "core")
    assert runner._module_selected("bench.bench_core", "core.event_append")
    assert not runner._module_selected("bench.bench_library", "core.event_append")
    assert runner._module_selected("bench.bench_library", None)
    assert runner._selected("bench.bench_core", b, "core.event_append")
    assert runner._selected("bench.bench_core", b, "core")
    assert not runner._selected("bench.bench_core", b, "core.app_start")
