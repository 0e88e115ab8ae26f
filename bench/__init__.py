"""Kanoon Desk benchmarks: `python -m bench [--size small|large] [--only NAME]` (see bench/runner.py)."""
