"""Index stage on the bundled corpus with the bundled e5 model: build throughput, retrieval
quality (dense / BM25 / hybrid side by side), search latency next to its floor, and process
start to first answer.

Quality questions are in benchmarks/index_questions.jsonl, written by hand from the corpus
text (table values included). A passage "holds the answer" when, after normalisation, its
text contains every string of one of the question's `answers` alternatives, so the judgement
does not depend on chunk ids.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.timing import percentiles

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
QUESTIONS = HERE / "index_questions.jsonl"
TEST_CACHE = REPO / ".planqa" / "test-cache"
LATENCY_QUERIES = 250


# ----------------------------------------------------------------------------- build


def measure_build(workdir: Path, fresh_cache: bool) -> tuple[dict, Path]:
    """One build (from an empty embedding cache when fresh_cache), then an unchanged
    rebuild. Returns (results, settings-with-index)."""
    import corpus
    import index
    from corpus.settings import Settings

    cache = workdir / "cache" if fresh_cache else TEST_CACHE
    settings = Settings(index_dir=workdir / "index", cache_dir=cache)
    t0 = time.perf_counter()
    documents = corpus.load(None)
    chunks = corpus.chunk(documents)
    corpus_seconds = time.perf_counter() - t0
    stats = index.build_from_chunks(settings, documents, chunks, progress=True, started=t0)
    again = index.build(settings, progress=False)
    chars = sum(len(c.embedding_text()) for c in chunks)
    pipeline = stats.seconds - stats.embed_seconds
    qijiang_copy = [d for d in documents if d.duplicate_of]
    collapsed = sum(
        1 for c in chunks if any(s.doc_id in {d.doc_id for d in qijiang_copy} for s in c.also_in)
    )
    own_chunks_of_copies = sum(1 for c in chunks if c.doc_id in {d.doc_id for d in qijiang_copy})
    result = {
        "fresh_cache": fresh_cache,
        "documents": stats.documents,
        "chunks": stats.chunks,
        "embedded_chars": chars,
        "embedded": stats.embedded,
        "reused": stats.reused,
        "seconds_total": round(stats.seconds, 2),
        "seconds_corpus_load_chunk": round(corpus_seconds, 2),
        "seconds_embedding": round(stats.embed_seconds, 2),
        "seconds_pipeline_besides_embedding": round(pipeline, 2),
        "pipeline_overhead_pct": (
            round(100 * pipeline / stats.embed_seconds, 1) if stats.embed_seconds else None
        ),
        "chunks_per_second": round(stats.chunks / stats.seconds, 2),
        "embedder_chunks_per_second": (
            round(stats.embedded / stats.embed_seconds, 2) if stats.embed_seconds else None
        ),
        "embedder_chars_per_second": (
            round(chars / stats.embed_seconds, 1) if stats.embed_seconds else None
        ),
        "rebuild_unchanged": {
            "embedded": again.embedded,
            "reused": again.reused,
            "seconds": round(again.seconds, 2),
        },
        "duplicate_documents": [d.doc_id for d in qijiang_copy],
        "chunks_of_duplicates_embedded_separately": own_chunks_of_copies,
        "chunks_collapsed_with_a_duplicate": collapsed,
    }
    return result, settings


# ----------------------------------------------------------------------------- quality


def load_questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text("utf-8").splitlines() if line]


def _holds_answer(chunk, answers: list[list[str]]) -> bool:
    from index.normalize import normalize_text

    text = normalize_text(chunk.embedding_text())
    return any(all(normalize_text(s) in text for s in alt) for alt in answers)


def measure_quality(idx) -> dict:
    questions = load_questions()
    out: dict = {"questions": len(questions), "modes": {}, "misses_at_5": {}}
    for mode in ("dense", "bm25", "hybrid"):
        ranks = []
        for q in questions:
            hits = idx.search(q["q"], k=10, mode=mode)
            rank = next((h.rank for h in hits if _holds_answer(h.chunk, q["answers"])), None)
            ranks.append(rank)
        n = len(ranks)
        metrics = {
            f"recall@{k}": round(sum(1 for r in ranks if r and r <= k) / n, 3) for k in (1, 5, 10)
        }
        metrics["mrr@10"] = round(sum(1 / r for r in ranks if r) / n, 3)
        by_kind: dict[str, list] = {}
        for q, r in zip(questions, ranks, strict=True):
            by_kind.setdefault(q["kind"], []).append(r)
        metrics["recall@5_by_kind"] = {
            kind: round(sum(1 for r in rs if r and r <= 5) / len(rs), 3)
            for kind, rs in sorted(by_kind.items())
        }
        out["modes"][mode] = metrics
        out["misses_at_5"][mode] = [
            {"q": q["q"], "rank": r}
            for q, r in zip(questions, ranks, strict=True)
            if not r or r > 5
        ]
    out["rrf_k_sensitivity"] = _rrf_k_sensitivity(idx, questions)
    return out


def _rrf_k_sensitivity(idx, questions: list[dict]) -> dict:
    """Hybrid recall@5 and MRR@10 for other RRF constants, same candidate lists."""
    from index.fusion import reciprocal_rank_fusion
    from index.normalize import normalize_query
    from index.tokenize import tokenize

    lists = []
    for q in questions:
        text = normalize_query(q["q"])
        dense, _ = idx.dense.search(idx.embed_query(text), idx.candidates)
        bm25, _ = idx.lexical.search(tokenize(text), idx.candidates)
        relevant = {i for i, c in enumerate(idx.chunks) if _holds_answer(c, q["answers"])}
        lists.append((dense.tolist(), bm25.tolist(), relevant))
    out = {}
    for k in (10, 30, 60):
        ranks = []
        for dense, bm25, relevant in lists:
            fused = reciprocal_rank_fusion({"dense": dense, "bm25": bm25}, idx.rrf_weights, k)
            ids = [i for i, _, _ in fused[:10]]
            ranks.append(next((n + 1 for n, i in enumerate(ids) if i in relevant), None))
        out[str(k)] = {
            "recall@5": round(sum(1 for r in ranks if r and r <= 5) / len(ranks), 3),
            "mrr@10": round(sum(1 / r for r in ranks if r) / len(ranks), 3),
        }
    return out


# ----------------------------------------------------------------------------- latency


def latency_queries(idx, n: int) -> list[str]:
    """Distinct queries: the benchmark questions plus phrases cut from random passages
    (so that the query-vector memo never helps)."""
    rng = random.Random(7)
    queries = [q["q"] for q in load_questions()]
    seen = set(queries)
    while len(queries) < n:
        text = rng.choice(idx.chunks).text.replace("\n", " ")
        if len(text) < 30:
            continue
        start = rng.randrange(0, len(text) - 20)
        phrase = text[start : start + rng.randint(8, 20)].strip()
        if phrase and phrase not in seen:
            seen.add(phrase)
            queries.append(phrase)
    return queries


def measure_latency(idx, n: int = LATENCY_QUERIES) -> dict:
    queries = latency_queries(idx, n)
    idx.search("预热", k=10)  # the first call pays one-off costs (threads, caches)
    timings: dict[str, list[float]] = {
        "hybrid": [],
        "dense": [],
        "bm25": [],
        "floor_embed_plus_faiss": [],
        "floor_embed": [],
        "floor_faiss": [],
    }
    for q in queries:
        for mode in ("hybrid", "dense", "bm25"):
            idx._query_vectors.clear()  # measure the full path, not the memo
            t = time.perf_counter()
            idx.search(q, k=10, mode=mode)
            timings[mode].append(time.perf_counter() - t)
        t = time.perf_counter()
        vector = idx.embedder.query_vector(q)
        t_embed = time.perf_counter() - t
        t = time.perf_counter()
        idx.dense.search(vector, 10)
        t_faiss = time.perf_counter() - t
        timings["floor_embed"].append(t_embed)
        timings["floor_faiss"].append(t_faiss)
        timings["floor_embed_plus_faiss"].append(t_embed + t_faiss)
    out = {"queries": len(queries), "k": 10}
    out.update({name: percentiles(values) for name, values in timings.items()})
    floor = out["floor_embed_plus_faiss"]["p50_ms"]
    out["hybrid_p50_over_floor"] = round(out["hybrid"]["p50_ms"] / floor, 3)
    out["dense_p50_over_floor"] = round(out["dense"]["p50_ms"] / floor, 3)
    return out


# ----------------------------------------------------------------------------- start-up


def measure_startup(settings, repeats: int = 3) -> dict:
    """Wall time from process start to the printed answer, with an existing index."""
    env = {**os.environ, "PLANQA_CACHE_DIR": str(settings.cache_dir)}
    planqa = str(Path(sys.executable).parent / "planqa")
    commands = {
        "help": [planqa, "--help"],
        "search": [
            planqa,
            "search",
            "綦江区科技型企业数目标",
            "--index",
            str(settings.index_dir),
            "--json",
            "--k",
            "5",
        ],
        "ask": [
            planqa,
            "ask",
            "綦江区科技型企业数目标是多少？",
            "--index",
            str(settings.index_dir),
            "--json",
        ],
    }
    out = {}
    for name, cmd in commands.items():
        times, error = [], None
        for _ in range(repeats):
            t = time.perf_counter()
            proc = subprocess.run(
                cmd, check=False, capture_output=True, text=True, env=env, timeout=300
            )
            times.append(time.perf_counter() - t)
            if proc.returncode != 0:
                error = (proc.stderr.strip().splitlines() or ["?"])[-1][:200]
                break
        out[name] = {
            "seconds_median": round(float(np.median(times)), 2),
            "seconds_all": [round(x, 2) for x in times],
        }
        if error:
            out[name]["error"] = error
    return out


# ----------------------------------------------------------------------------- entry points


def run(quick: bool = False) -> dict:
    import index

    with tempfile.TemporaryDirectory(prefix="planqa-bench-") as tmp:
        build, settings = measure_build(Path(tmp), fresh_cache=not quick)
        idx = index.open(settings.index_dir, settings)
        return {
            "embedder": idx.manifest["embedder"]["id"],
            "rrf_k": idx.rrf_k,
            "rrf_weights": idx.rrf_weights,
            "build": build,
            "quality": measure_quality(idx),
            "latency": measure_latency(idx, 60 if quick else LATENCY_QUERIES),
            "startup": measure_startup(settings, 1 if quick else 3),
        }


def markdown(r: dict) -> str:
    b, q, lat, st = r["build"], r["quality"], r["latency"], r["startup"]
    lines = [
        "# Index: bundled corpus, bundled e5",
        "",
        (
            f"Embedder `{r['embedder']}`; {r['machine']['cpus']} CPUs shared with other work "
            f"(load average {r['machine'].get('loadavg')} at the end); "
            f"{r['machine']['date']}."
        ),
        "",
        "## Retrieval quality",
        "",
        (
            f"{q['questions']} hand-written questions (table values, paraphrases, Traditional, "
            "English). Relevant = the passage contains the answer."
        ),
        "",
        "| mode | recall@1 | recall@5 | recall@10 | MRR@10 |",
        "|---|---|---|---|---|",
    ]
    for mode, m in q["modes"].items():
        lines.append(
            f"| {mode} | {m['recall@1']} | {m['recall@5']} | {m['recall@10']} | {m['mrr@10']} |"
        )
    lines += ["", "recall@5 by question kind:", ""]
    kinds = sorted(next(iter(q["modes"].values()))["recall@5_by_kind"])
    lines += ["| mode | " + " | ".join(kinds) + " |", "|---|" + "---|" * len(kinds)]
    for mode, m in q["modes"].items():
        lines.append(
            f"| {mode} | " + " | ".join(str(m["recall@5_by_kind"][k]) for k in kinds) + " |"
        )
    lines += [
        "",
        f"RRF k (default {r.get('rrf_k')}), hybrid on the same candidate lists: "
        + "; ".join(
            f"k={k}: recall@5 {m['recall@5']}, MRR {m['mrr@10']}"
            for k, m in q["rrf_k_sensitivity"].items()
        ),
    ]
    lines += [
        "",
        "Hybrid misses at 5: "
        + ("; ".join(f"{x['q']} (rank {x['rank']})" for x in q["misses_at_5"]["hybrid"]) or "none"),
        "",
    ]
    lines += [
        "## Search latency",
        "",
        (
            f"{lat['queries']} distinct queries, k={lat['k']}, query-vector memo cleared before "
            "each search."
        ),
        "",
        "| path | p50 ms | p95 ms |",
        "|---|---|---|",
    ]
    for name in ("hybrid", "dense", "bm25", "floor_embed_plus_faiss", "floor_embed", "floor_faiss"):
        lines.append(f"| {name} | {lat[name]['p50_ms']} | {lat[name]['p95_ms']} |")
    lines += [
        "",
        (
            f"Hybrid p50 / floor p50 = **{lat['hybrid_p50_over_floor']}** (dense-only "
            f"{lat['dense_p50_over_floor']})."
        ),
        "",
        "## Build",
        "",
        (
            f"- {b['documents']} documents, {b['chunks']} chunks ({b['embedded_chars']:,} characters "
            f"embedded); fresh embedding cache: {b['fresh_cache']}"
        ),
        (
            f"- total {b['seconds_total']} s: corpus load+chunk {b['seconds_corpus_load_chunk']} s, "
            f"embedding {b['seconds_embedding']} s, everything besides embedding "
            f"{b['seconds_pipeline_besides_embedding']} s "
            f"(**{b['pipeline_overhead_pct']}%** of embedding time)"
        ),
        (
            f"- {b['chunks_per_second']} chunks/s end to end; embedder "
            f"{b['embedder_chunks_per_second']} chunks/s, {b['embedder_chars_per_second']} chars/s"
        ),
        (
            f"- unchanged rebuild: embedded {b['rebuild_unchanged']['embedded']}, reused "
            f"{b['rebuild_unchanged']['reused']}, {b['rebuild_unchanged']['seconds']} s"
        ),
        (
            f"- duplicate documents {b['duplicate_documents']}: "
            f"{b['chunks_collapsed_with_a_duplicate']} chunks collapsed into their canonical copy, "
            f"{b['chunks_of_duplicates_embedded_separately']} embedded separately"
        ),
        "",
        "## Process start to first answer (existing index)",
        "",
        "| command | median s | runs |",
        "|---|---|---|",
    ]
    for name, m in st.items():
        extra = f" (error: {m['error']})" if "error" in m else ""
        lines.append(f"| planqa {name} | {m['seconds_median']}{extra} | {m['seconds_all']} |")
    lines.append("")
    return "\n".join(lines)
