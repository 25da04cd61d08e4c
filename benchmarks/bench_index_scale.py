"""Dense store at scale: synthetic corpora of random unit vectors (384-d, like e5-small),
exact (IndexFlatIP) against HNSW, through `index.dense.DenseIndex` — the code the index uses.

Each (size, kind) runs in its own subprocess so that peak memory is measured per
configuration. Queries are data points plus small noise, so each has a known nearest neighbour
(its source); HNSW recall@10 is measured against exact search on the same queries. Random
vectors in 384 dimensions are the hard case for HNSW (no cluster structure): real embeddings
give it better recall at the same settings.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np

from benchmarks.timing import percentiles

DIM = 384
QUERIES = 200
SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000)
QUICK_SIZES = (10_000, 30_000)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _unit_rows(rng, n: int) -> np.ndarray:
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 100_000):  # in blocks: no float64 temporaries of the whole
        block = rng.standard_normal((min(100_000, n - start), DIM), dtype=np.float32)
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + len(block)] = block
    return out


def measure_one(n: int, kind: str) -> dict:
    import faiss

    from index.dense import DenseIndex, DenseParams

    rng = np.random.default_rng(n)
    vectors = _unit_rows(rng, n)
    sources = rng.choice(n, QUERIES, replace=False)
    noise = rng.standard_normal((QUERIES, DIM), dtype=np.float32) * (0.5 / np.sqrt(DIM))
    queries = vectors[sources] + noise
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)

    params = DenseParams(hnsw_threshold=0 if kind == "hnsw" else n + 1)
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    dense = DenseIndex.build(vectors, params)
    build_seconds = time.perf_counter() - t0
    index_mb = _rss_mb() - rss_before
    assert dense.kind == kind

    faiss.omp_set_num_threads(1)  # one query at a time, as a user's search runs
    k = 10
    times, found = [], []
    for q in queries:
        t = time.perf_counter()
        ids, _ = dense.search(q, k)
        times.append(time.perf_counter() - t)
        found.append(ids)
    result = {
        "n": n,
        "kind": kind,
        "build_s": round(build_seconds, 2),
        "index_mb": round(index_mb, 1),
        **percentiles(times, 3),
    }
    result["self_recall@1"] = round(float(np.mean([f[0] == s for f, s in zip(found, sources)])), 3)
    if kind == "hnsw":
        exact = faiss.IndexFlatIP(DIM)
        exact.add(vectors)
        faiss.omp_set_num_threads(2)
        _, truth = exact.search(queries, k)
        faiss.omp_set_num_threads(1)
        overlap = [len(set(f.tolist()) & set(t.tolist())) / k for f, t in zip(found, truth)]
        result["recall@10_vs_exact"] = round(float(np.mean(overlap)), 3)
        del exact
    # filtered searches: a 1% subset (scored exactly) and a 50% subset (FAISS selector)
    for share in (0.01, 0.5):
        allowed = np.sort(rng.choice(n, max(k, int(n * share)), replace=False))
        times = []
        for q in queries[:50]:
            t = time.perf_counter()
            ids, _ = dense.search(q, k, allowed)
            times.append(time.perf_counter() - t)
            assert np.isin(ids, allowed).all()
        result[f"filtered_{int(share * 100)}pct_p50_ms"] = percentiles(times, 3)["p50_ms"]
    result["peak_rss_mb"] = round(_peak_rss_mb(), 1)
    return result


def run(quick: bool = False) -> dict:
    sizes = QUICK_SIZES if quick else SIZES
    rows = []
    for n in sizes:
        for kind in ("flat", "hnsw"):
            print(f"   scale n={n} {kind}", file=sys.stderr, flush=True)
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.bench_index_scale", str(n), kind],
                check=False,
                capture_output=True,
                text=True,
                timeout=1800,
            )
            if proc.returncode != 0:
                rows.append({"n": n, "kind": kind, "error": proc.stderr.strip()[-500:]})
                continue
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    from index.dense import DenseParams

    return {
        "dim": DIM,
        "queries": QUERIES,
        "hnsw_params": DenseParams().__dict__,
        "rows": rows,
        "crossover": _crossover(rows),
    }


def _crossover(rows: list[dict]) -> dict:
    """Where HNSW starts to pay: the smallest size at which HNSW's p50 is below exact's, and
    the smallest at which exact search p50 passes 50 ms (still interactive, but no longer
    negligible next to the rest of an answer)."""
    by = {(r["n"], r["kind"]): r for r in rows if "p50_ms" in r}
    sizes = sorted({n for n, _ in by})
    faster = [
        n
        for n in sizes
        if (n, "flat") in by
        and (n, "hnsw") in by
        and by[(n, "hnsw")]["p50_ms"] < by[(n, "flat")]["p50_ms"]
    ]
    slow = [n for n in sizes if (n, "flat") in by and by[(n, "flat")]["p50_ms"] > 50.0]
    return {
        "hnsw_faster_from": faster[0] if faster else None,
        "exact_over_50ms_from": slow[0] if slow else None,
    }


def markdown(results: dict) -> str:
    from index.dense import DenseParams

    hp = results["hnsw_params"]
    lines = [
        "# Dense store at scale (synthetic)",
        "",
        (
            f"Random unit vectors, dim {results['dim']}; {results['queries']} single queries, one "
            f"FAISS thread; HNSW M={hp['hnsw_m']}, efConstruction={hp['hnsw_ef_construction']}, "
            f"efSearch={hp['hnsw_ef_search']}. Machine: {results['machine']['cpus']} CPUs "
            "(shared)."
        ),
        "",
        (
            "| n | kind | build s | index MB | p50 ms | p95 ms | self recall@1 | recall@10 vs exact "
            "| 1% filter p50 ms | 50% filter p50 ms | peak RSS MB |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["rows"]:
        if "error" in r:
            lines.append(f"| {r['n']} | {r['kind']} | error: {r['error'][:80]} |")
            continue
        lines.append(
            f"| {r['n']:,} | {r['kind']} | {r['build_s']} | {r['index_mb']} | {r['p50_ms']} | "
            f"{r['p95_ms']} | {r['self_recall@1']} | {r.get('recall@10_vs_exact', 1.0)} | "
            f"{r['filtered_1pct_p50_ms']} | {r['filtered_50pct_p50_ms']} | {r['peak_rss_mb']} |"
        )
    c = _crossover(results["rows"])
    lines += [
        "",
        (
            f"Crossover: HNSW answers faster than exact search from n = {c['hnsw_faster_from']:,}; "
            f"exact search p50 passes 50 ms from n = {c['exact_over_50ms_from']}. But on these "
            "uniformly random vectors (the worst case for a proximity graph: no neighbourhood "
            "structure) HNSW with M=16/efConstruction=40 loses recall fast as n grows, and its "
            "build costs minutes where exact costs seconds. So the index stays exact up to "
            f"{DenseParams().hnsw_threshold:,} chunks (p50 well under 100 ms here) "
            "and only switches to HNSW above that (`hnsw_threshold`). Timings were taken on 2 "
            "cores shared with four other sessions (load average 4-8), so single numbers are "
            "noisy; the orders of magnitude are not."
        ),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(json.dumps(measure_one(int(sys.argv[1]), sys.argv[2])))
