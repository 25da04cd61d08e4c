"""Benchmarks (not tests): each `bench_*.py` module measures one stage and its results are
written to benchmarks/results/ by `python -m benchmarks.run` (`make bench`)."""
