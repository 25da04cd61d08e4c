"""The index on each store (issue 14): the local store (FAISS + bm25s files) against the Milvus
store, here on embedded milvus-lite (a Milvus server is the same pymilvus client; none runs
here).

1. Bundled corpus, bundled e5 model: quality on the index questions (recall@5, MRR@10, per
   mode) and the gold set (`planqa eval --no-baselines` metrics) with each store; how often
   the Milvus store returns exactly the local top 10; which hybrid fusion reproduces the local
   ranking better (planqa's RRF over two Milvus searches, or Milvus' RRFRanker in one
   hybrid_search); search latency (embedding included, as a user waits).
2. Scale: synthetic chunks drawn around the bundled corpus' real e5 vectors (see SPREAD),
   30-80 Zipf-distributed tokens each, 100 places; local exact vs local HNSW vs milvus-lite,
   each in its own single-threaded subprocess watched by a memory guard, so that peak memory
   is its own and a store that does not fit is stopped with how far it got: build time, dense
   and hybrid search p50/p95 (one query at a time), a 1 %-place filtered search, memory,
   recall@10 against exact search (HNSW at several efSearch values).

`python -m benchmarks.run stores` runs both at 100k and 1M chunks side by side.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.timing import percentiles

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TEST_CACHE = REPO / ".planqa" / "test-cache"
DIM = 384
QUERIES = 200
PLACES = 100
VOCABULARY = 50_000
SIZES = (100_000, 1_000_000)
QUICK_SIZES = (10_000,)
KINDS = ("local-exact", "local-hnsw", "local-hnsw-efc200", "milvus-lite")
# HNSW graphs: planqa's DenseParams (M 16, efConstruction 40: an affordable build), and the
# same with efConstruction 200, a better graph for a longer build. efSearch is varied at
# query time (HNSW_EF).
HNSW_CONSTRUCTION = {"local-hnsw": 40, "local-hnsw-efc200": 200}
# milvus-lite evaluates array filters row by row (~36 us a row): few filtered queries at scale
FILTERED_QUERIES = 20


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    # VmHWM, not ru_maxrss: a subprocess' ru_maxrss starts at its parent's RSS at fork time
    # (Linux keeps it across exec), and the parent holds the e5 model by then
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# ----------------------------------------------------------------------------- bundled corpus


def _ranks(idx, questions, mode: str) -> list[int | None]:
    from benchmarks.bench_index import _holds_answer

    out = []
    for q in questions:
        hits = idx.search(q["q"], k=10, mode=mode)
        out.append(next((h.rank for h in hits if _holds_answer(h.chunk, q["answers"])), None))
    return out


def _quality(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks)
    return {
        "recall@5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
        "mrr@10": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def _gold_metrics(idx) -> dict:
    from eval import load_gold
    from eval.gold import DEFAULT_GOLD
    from eval.runner import run as run_eval

    report = run_eval(load_gold(DEFAULT_GOLD), idx, baselines=False)
    keep = ("recall@1", "recall@5", "recall@10", "mrr", "district_f1", "abstention_accuracy")
    metrics = report.to_dict()["metrics"]
    return {k: metrics[k] for k in keep if k in metrics}


def _fusion_agreement(local, remote, questions) -> dict:
    """Hybrid top 10 of the Milvus store, fused two ways, against the local hybrid top 10."""
    from benchmarks.bench_index import _holds_answer
    from index.normalize import normalize_query
    from index.stores import Where
    from index.tokenize import tokenize

    out = {}
    for name in ("planqa_rrf_on_two_searches", "milvus_rrf_ranker"):
        same, overlap, ranks = 0, [], []
        for q in questions:
            want = [h.chunk.chunk_id for h in local.search(q["q"], k=10)]
            if name == "planqa_rrf_on_two_searches":
                got = [h.chunk.chunk_id for h in remote.search(q["q"], k=10)]
            else:
                text = normalize_query(q["q"])
                ids = remote.store.engine_hybrid(
                    remote.embed_query(text),
                    tokenize(text),
                    10,
                    remote.candidates,
                    remote.rrf_k,
                    Where(),
                )
                got = [remote.chunks[i].chunk_id for i in ids]
            same += got == want
            overlap.append(len(set(got) & set(want)) / max(1, len(want)))
            by_id = {c.chunk_id: c for c in remote.chunks}
            ranks.append(
                next(
                    (n for n, i in enumerate(got, 1) if _holds_answer(by_id[i], q["answers"])),
                    None,
                )
            )
        out[name] = {
            "identical_top10_share": round(same / len(questions), 3),
            "mean_overlap@10": round(float(np.mean(overlap)), 3),
            **_quality(ranks),
        }
    return out


def _latency(idx, queries: list[str]) -> dict:
    idx.search("预热", k=10)
    times = []
    for q in queries:
        idx._query_vectors.clear()  # the full path: embedding the query included
        t = time.perf_counter()
        idx.search(q, k=10)
        times.append(time.perf_counter() - t)
    return percentiles(times)


def measure_bundled(real_path: Path | None = None) -> dict:
    import index
    from benchmarks.bench_index import latency_queries, load_questions
    from corpus.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="planqa-bench-stores-"))
    try:
        opened, builds = {}, {}
        for name, store in (("local", "local"), ("milvus-lite", f"milvus:{work / 'planqa.db'}")):
            settings = Settings(index_dir=work / name, cache_dir=TEST_CACHE, store=store)
            stats = index.build(settings, progress=False)
            builds[name] = {"seconds": round(stats.seconds, 2), "embedded": stats.embedded}
            opened[name] = index.open(settings.index_dir, settings)
        questions = load_questions()
        local, remote = opened["local"], opened["milvus-lite"]
        real = real_vectors(local, questions)
        if real_path is not None:  # the centres of the synthetic chunks (scale, below)
            np.savez(real_path, **real)
        # the same statistic as the synthetic rows report, on the real corpus
        sims = np.sort(real["queries"] @ real["chunks"].T, axis=1)[:, ::-1]
        out_real = {
            "query_top1_cosine": round(float(sims[:, 0].mean()), 3),
            "query_top10_cosine": round(float(sims[:, 9].mean()), 3),
        }
        out: dict = {"questions": len(questions), "chunks": len(local.chunks), "build": builds}
        out["real_similarity"] = out_real
        out["quality"] = {
            name: {mode: _quality(_ranks(idx, questions, mode)) for mode in index.MODES}
            for name, idx in opened.items()
        }
        out["gold_set"] = {name: _gold_metrics(idx) for name, idx in opened.items()}
        identical = {}
        for mode in index.MODES:
            same = sum(
                [h.chunk.chunk_id for h in local.search(q["q"], k=10, mode=mode)]
                == [h.chunk.chunk_id for h in remote.search(q["q"], k=10, mode=mode)]
                for q in questions
            )
            identical[mode] = round(same / len(questions), 3)
        out["identical_top10_share"] = identical
        out["fusion"] = _fusion_agreement(local, remote, questions)
        queries = latency_queries(local, 100)
        out["latency_hybrid_k10"] = {name: _latency(idx, queries) for name, idx in opened.items()}
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- scale
#
# Synthetic chunks drawn around real e5 embeddings. Random uniform 384-d vectors are the worst
# case for a graph index (no neighbourhood structure; HNSW found 21 % of the true top 10 at
# 100k) and nothing like text embeddings, which fill a narrow cone of low intrinsic dimension.
# So each synthetic chunk is one of the bundled corpus' chunk vectors plus Gaussian noise with
# the covariance of those chunk vectors (random combinations of their deviations from the
# mean), scaled by SPREAD, then normalised; each query the same around one of the index
# questions' query vectors ("query: " side of e5). Tokens and places stay random.

SPREAD = 0.5  # noise, in units of the real chunks' own spread around their mean
MEMORY_LIMIT_MB = 12_000  # a store process above this is stopped: the machine is shared
MIN_AVAILABLE_MB = 2_000  # ... and so is one that leaves the machine less than this
TIMEOUT_S = 45 * 60
HNSW_EF = (64, 128, 256, 512)  # efSearch values whose recall is reported (128: planqa's)


def real_vectors(idx, questions) -> dict[str, np.ndarray]:
    """The bundled corpus' chunk vectors and the index questions' query vectors."""
    from index.normalize import normalize_query

    return {
        "chunks": np.array(idx.store.dense.vectors(), np.float32),
        "queries": np.stack([idx.embed_query(normalize_query(q["q"])) for q in questions]),
    }


def _around(centres, basis, count, rng) -> np.ndarray:
    pick = rng.integers(len(centres), size=count)
    noise = rng.standard_normal((count, len(basis)), dtype=np.float32) @ basis
    v = centres[pick] + SPREAD * noise
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _synthetic(n: int, seed: int, real: dict[str, np.ndarray]):
    rng = np.random.default_rng(seed)
    chunks = real["chunks"]
    # rows of `basis` are the real chunks' deviations / sqrt(m): z @ basis, z ~ N(0, I), has
    # their covariance
    basis = ((chunks - chunks.mean(0)) / np.sqrt(len(chunks))).astype(np.float32)
    vectors = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 50_000):
        count = min(50_000, n - start)
        vectors[start : start + count] = _around(chunks, basis, count, rng)
    queries = _around(real["queries"], basis, QUERIES, rng)
    lengths = rng.integers(30, 81, n)
    words = (rng.zipf(1.3, int(lengths.sum())) % VOCABULARY).tolist()
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]  # shared strings: 1M chunks fit in RAM
    tokens, at = [], 0
    for length in lengths.tolist():
        tokens.append([vocabulary[w] for w in words[at : at + length]])
        at += length
    places = rng.integers(0, PLACES, n)
    query_tokens = [list(rng.choice(tokens[s], 3)) for s in rng.choice(n, QUERIES)]
    return vectors, queries, tokens, places, query_tokens


def _exact_top10(vectors: np.ndarray, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The true top 10 (ids, scores) of each query, block by block (no second copy)."""
    best_ids = np.zeros((len(queries), 0), np.int64)
    best = np.zeros((len(queries), 0), np.float32)
    for start in range(0, len(vectors), 100_000):
        scores = queries @ vectors[start : start + 100_000].T
        top = np.argpartition(-scores, 10, axis=1)[:, :10]
        best = np.hstack([best, np.take_along_axis(scores, top, 1)])
        best_ids = np.hstack([best_ids, top + start])
        keep = np.argsort(-best, axis=1)[:, :10]
        best, best_ids = np.take_along_axis(best, keep, 1), np.take_along_axis(best_ids, keep, 1)
    return best_ids, best


def _say(*words) -> None:
    # the parent reads these to report where a stopped store got to
    print(*words, file=sys.stderr, flush=True)


def measure_scale_one(n: int, kind: str, real_path: str) -> dict:
    import dataclasses

    import faiss

    from index.dense import DenseIndex, DenseParams
    from index.stores import FilterValues, LocalStore, StoreSpec, Where
    from index.types import Filters

    # one thread for building and searching: the build times are one core's, and the run
    # leaves the shared machine's other core to others
    faiss.omp_set_num_threads(1)
    with np.load(real_path) as f:
        real = {k: f[k] for k in f.files}
    _say("stage data")
    vectors, queries, tokens, places, query_tokens = _synthetic(n, n, real)
    work = Path(tempfile.mkdtemp(prefix="planqa-bench-scale-"))
    rss_before = _rss_mb()
    _say("stage build")
    t0 = time.perf_counter()
    try:
        if kind == "milvus-lite":
            from index import milvus

            spec = StoreSpec("milvus", str(work / "planqa.db"))
            values = [
                FilterValues(frozenset({f"p{p}"}), frozenset(), frozenset({f"d{i}"}), frozenset())
                for i, p in enumerate(places)
            ]
            params = DenseParams()  # what planqa builds at this size (exact up to 1M)

            def progress(rows: int) -> None:
                _say(f"rows {rows}")

            pending = milvus.build(
                spec, None, "planqa_bench", vectors, tokens, values, "synthetic", params, progress
            )
            _say("stage commit")
            pending.commit()
            store = milvus.open_collection(
                spec, None, pending.name, "synthetic", n, "bench", params
            )
        else:
            from index.lexical import LexicalIndex

            if kind in HNSW_CONSTRUCTION:
                params = DenseParams(hnsw_threshold=0, hnsw_ef_construction=HNSW_CONSTRUCTION[kind])
            else:
                params = DenseParams(hnsw_threshold=n + 1)
            store = LocalStore(DenseIndex.build(vectors, params), LexicalIndex.build(tokens))
        build_seconds = time.perf_counter() - t0
        index_mb = _rss_mb() - rss_before
        _say("stage search")
        everything = Where()
        dense_times, hybrid_times, found = [], [], []
        for q, qt in zip(queries, query_tokens, strict=True):
            t = time.perf_counter()
            ids, _ = store.dense_search(q, 10, everything)
            dense_times.append(time.perf_counter() - t)
            found.append(ids)
            t = time.perf_counter()
            store.dense_search(q, 50, everything)
            store.bm25_search(qt, 50, everything)
            hybrid_times.append(time.perf_counter() - t)
        filtered_times = []
        for i, q in enumerate(queries[:FILTERED_QUERIES]):
            place = f"p{i % PLACES}"
            where = Where(
                Filters(districts=(place,)), np.flatnonzero(places == i % PLACES).astype(np.int64)
            )
            t = time.perf_counter()
            ids, _ = store.dense_search(q, 10, where)
            filtered_times.append(time.perf_counter() - t)
            assert np.isin(ids, where.positions).all()
        other_ef = {}
        if kind in HNSW_CONSTRUCTION:
            for ef in HNSW_EF:
                store.dense.params = dataclasses.replace(params, hnsw_ef_search=ef)
                times, got = [], []
                for q in queries:
                    t = time.perf_counter()
                    got.append(store.dense_search(q, 10, everything)[0])
                    times.append(time.perf_counter() - t)
                other_ef[ef] = (got, percentiles(times))
        peak = _peak_rss_mb()  # before the exact top 10 below, which is the benchmark's
        _say("stage truth")
        truth, truth_scores = _exact_top10(vectors, queries)

        def recall(results) -> float:
            overlap = [len(set(f.tolist()) & set(t.tolist())) / 10 for f, t in zip(results, truth)]
            return round(float(np.mean(overlap)), 3)

        row = {
            "n": n,
            "kind": kind,
            "build_s": round(build_seconds, 1),
            "build_threads": 1,
            "index_mb": round(index_mb, 1),
            "disk_mb": round(_folder_mb(work), 1) if kind == "milvus-lite" else None,
            "dense": percentiles(dense_times),
            "hybrid_two_searches": percentiles(hybrid_times),
            "filtered_1pct": percentiles(filtered_times),
            "recall@10_vs_exact": recall(found),
            "peak_rss_mb": round(peak, 1),
            # how the data looks to a query: similarity of its true 1st and 10th hit
            "query_top1_cosine": round(float(truth_scores[:, 0].mean()), 3),
            "query_top10_cosine": round(float(truth_scores[:, 9].mean()), 3),
        }
        if kind in HNSW_CONSTRUCTION:
            row["dense_params"] = dataclasses.asdict(params)
            row["by_ef_search"] = {
                str(ef): {"recall@10_vs_exact": recall(got), **times}
                for ef, (got, times) in other_ef.items()
            }
        return row
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _status_mb(pid: int, field: str) -> float:
    path = "/proc/meminfo" if field == "MemAvailable:" else f"/proc/{pid}/status"
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _run_guarded(n: int, kind: str, real_path: Path) -> dict:
    """One store in its own process, watched: stopped above MEMORY_LIMIT_MB of RSS (or when
    the machine runs low), with the peak seen and how far it got."""
    import os

    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "benchmarks.bench_stores", str(n), kind, str(real_path)]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, text=True, env=env, cwd=REPO)
        peak, stopped, t0 = 0.0, None, time.monotonic()
        while proc.poll() is None:
            rss = _status_mb(proc.pid, "VmRSS:")
            peak = max(peak, rss)
            if rss > MEMORY_LIMIT_MB:
                stopped = f"stopped by the memory guard at {rss:,.0f} MB RSS"
            elif _status_mb(0, "MemAvailable:") < MIN_AVAILABLE_MB:
                stopped = (
                    f"stopped: the machine had < {MIN_AVAILABLE_MB:,} MB free ({rss:,.0f} MB RSS)"
                )
            elif time.monotonic() - t0 > TIMEOUT_S:
                stopped = f"stopped after {TIMEOUT_S // 60} minutes"
            if stopped:
                proc.kill()
                proc.wait()
                break
            time.sleep(0.25)
        out.seek(0)
        err.seek(0)
        lines = err.read().splitlines()
        if stopped or proc.returncode != 0:
            stages = [line.split()[1] for line in lines if line.startswith("stage ")]
            rows = [int(line.split()[1]) for line in lines if line.startswith("rows ")]
            return {
                "n": n,
                "kind": kind,
                "error": stopped or ("failed: " + "\n".join(lines[-5:])[-400:]),
                "stage": stages[-1] if stages else None,
                "rows_written": rows[-1] if rows else None,
                "peak_rss_mb": round(peak, 1),
                "seconds": round(time.monotonic() - t0, 1),
            }
        return json.loads(out.read().strip().splitlines()[-1])


def measure_scale(sizes, real_path: Path) -> list[dict]:
    rows = []
    for n in sizes:
        for kind in KINDS:
            print(f"   stores n={n} {kind}", file=sys.stderr, flush=True)
            rows.append(_run_guarded(n, kind, real_path))
            print(f"   -> {json.dumps(rows[-1])[:300]}", file=sys.stderr, flush=True)
    return rows


def run(quick: bool = False, sizes=None) -> dict:
    sizes = sizes or (QUICK_SIZES if quick else SIZES)
    work = Path(tempfile.mkdtemp(prefix="planqa-bench-real-"))
    try:
        real_path = work / "real.npz"
        bundled = measure_bundled(real_path)
        return {
            "bundled": bundled,
            "scale": measure_scale(sizes, real_path),
            "dim": DIM,
            "synthetic": {
                "spread": SPREAD,
                "centres": "bundled corpus chunk vectors / index question query vectors",
                "memory_limit_mb": MEMORY_LIMIT_MB,
            },
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def markdown(results: dict) -> str:
    b = results["bundled"]
    lines = [
        "# Index stores: local (FAISS + bm25s) vs Milvus (milvus-lite)",
        "",
        (
            f"Bundled corpus ({b['chunks']} chunks), {b['questions']} index questions, "
            "bundled e5 model."
        ),
        "",
        "| store | mode | recall@5 | MRR@10 | identical top 10 (vs local) |",
        "|---|---|---|---|---|",
    ]
    for name, modes in b["quality"].items():
        for mode, q in modes.items():
            same = "—" if name == "local" else b["identical_top10_share"][mode]
            lines.append(f"| {name} | {mode} | {q['recall@5']} | {q['mrr@10']} | {same} |")
    lines += ["", "Gold set (`planqa eval --no-baselines` metrics):", ""]
    keys = list(next(iter(b["gold_set"].values())))
    lines += ["| store | " + " | ".join(keys) + " |", "|---|" + "---|" * len(keys)]
    for name, m in b["gold_set"].items():
        lines.append(f"| {name} | " + " | ".join(str(m[k]) for k in keys) + " |")
    lines += [
        "",
        "Hybrid fusion on the Milvus store, against the local hybrid ranking:",
        "",
        "| fusion | identical top 10 | mean overlap@10 | recall@5 | MRR@10 |",
        "|---|---|---|---|---|",
    ]
    for name, f in b["fusion"].items():
        lines.append(
            f"| {name} | {f['identical_top10_share']} | {f['mean_overlap@10']} | "
            f"{f['recall@5']} | {f['mrr@10']} |"
        )
    lines += ["", "Hybrid search, k=10, query embedding included (100 distinct queries):", ""]
    for name, t in b["latency_hybrid_k10"].items():
        lines.append(f"- {name}: p50 {t['p50_ms']} ms, p95 {t['p95_ms']} ms")
    syn = results.get("synthetic", {})
    real = b.get("real_similarity", {})
    lines += [
        "",
        "## Scale: synthetic chunks around real e5 embeddings",
        "",
        (
            f"Each chunk: one of the {b['chunks']} bundled chunk vectors plus Gaussian noise "
            "with those vectors' own covariance, scaled by "
            f"{syn.get('spread')}, normalised ({results['dim']}-d); each of the {QUERIES} "
            f"queries the same around one of the {b['questions']} index questions' e5 query "
            "vectors. 30-80 Zipf-distributed tokens and one of "
            f"{PLACES} places per chunk. On the real corpus a question's 1st / 10th most "
            f"similar chunk has cosine {real.get('query_top1_cosine')} / "
            f"{real.get('query_top10_cosine')} (mean); the synthetic rows give theirs below."
        ),
        "",
        (
            "One query at a time. Each store runs in its own process, one thread (FAISS and "
            "BLAS), so build times are one core's; a process above "
            f"{syn.get('memory_limit_mb', MEMORY_LIMIT_MB):,} MB RSS is stopped and its row "
            "says how far it got. local HNSW: M 16, efSearch 128 and efConstruction 40 "
            "(planqa's DenseParams) or 200; milvus-lite: FLAT, as planqa builds up to 1M "
            "chunks."
        ),
        "",
        (
            "| n | store | build s | dense p50 / p95 ms | hybrid (2 searches) p50 / p95 ms | "
            "1 % filter p50 ms | index MB | peak RSS MB | recall@10 vs exact | "
            "query top-1 / top-10 cosine |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results["scale"]:
        if "error" in r:
            how_far = ""
            if r.get("rows_written") is not None:
                how_far = f"; {r['rows_written']:,} rows inserted"
            lines.append(
                f"| {r['n']:,} | {r['kind']} | {r['error'][:160]} (stage {r.get('stage')}"
                f"{how_far}, after {r.get('seconds')} s) ||||| {r.get('peak_rss_mb')} |||"
            )
            continue
        disk = f" (disk {r['disk_mb']})" if r.get("disk_mb") else ""
        lines.append(
            f"| {r['n']:,} | {r['kind']} | {r['build_s']} | {r['dense']['p50_ms']} / "
            f"{r['dense']['p95_ms']} | {r['hybrid_two_searches']['p50_ms']} / "
            f"{r['hybrid_two_searches']['p95_ms']} | {r['filtered_1pct']['p50_ms']} | "
            f"{r['index_mb']}{disk} | {r['peak_rss_mb']} | {r['recall@10_vs_exact']} | "
            f"{r.get('query_top1_cosine')} / {r.get('query_top10_cosine')} |"
        )
    if results.get("note"):
        lines += ["", results["note"]]
    hnsw = [r for r in results["scale"] if "by_ef_search" in r]
    if hnsw:
        efs = sorted({int(ef) for r in hnsw for ef in r["by_ef_search"]})
        lines += [
            "",
            "local HNSW by efSearch (recall@10 vs exact, dense p50 / p95 ms):",
            "",
            "| n | store | build s | " + " | ".join(f"efSearch {ef}" for ef in efs) + " |",
            "|---|---|---|" + "---|" * len(efs),
        ]
        for r in hnsw:
            cells = []
            for ef in efs:
                e = r["by_ef_search"].get(str(ef))
                cells.append(
                    f"{e['recall@10_vs_exact']} ({e['p50_ms']} / {e['p95_ms']})" if e else "—"
                )
            efc = r["dense_params"]["hnsw_ef_construction"]
            lines.append(
                f"| {r['n']:,} | {r['kind']} (efConstruction {efc}) | {r['build_s']} | "
                + " | ".join(cells)
                + " |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # one store at one size: the child process of measure_scale
    print(json.dumps(measure_scale_one(int(sys.argv[1]), sys.argv[2], sys.argv[3])))
