"""Places, titles and types on the shared reports, and "which places mention X" over them.

The 48 government work reports in ../shared/external (30 cities as .txt, 10 of them also as
.docx, 8 provinces as .docx) are read as a user would (the whole folder, recursively). Each
document's place, title and type are compared with `benchmarks/data/external_documents.jsonl`
(written by reading each file's head). The place finder is then run over an index of all of
them with the bundled e5 model, at city level and at province level, for three topics, and
compared with the sets `grep` gives for the topic and its synonym group (qa/data/synonyms.json):
    grep -lE '氢能|氢燃料|氢能源|燃料电池|制氢' city-work-reports-2024/txt/*.txt
The cost of the place lookup (attributing a document, resolving a name) is timed too.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXTERNAL = REPO.parent / "shared" / "external"
ANNOTATIONS = HERE / "data" / "external_documents.jsonl"
TOPICS = ("低空经济", "氢能", "人工智能")


def annotations() -> dict[str, dict]:
    rows = [json.loads(x) for x in ANNOTATIONS.read_text("utf-8").splitlines() if x.strip()]
    return {r["file"]: r for r in rows}


def attribution_scores(documents) -> dict:
    """Place, title and type of every annotated document against its annotation."""
    expected = annotations()
    rows = []
    for doc in documents:
        want = expected.get(doc.source)
        if want is None:
            continue
        rows.append(
            {
                "file": doc.source,
                "place": doc.district,
                "place_ok": doc.district == want["place"] and doc.place_level == want["level"],
                "title": doc.title,
                "title_ok": doc.title == want["title"],
                "type_ok": doc.doc_type == want["doc_type"],
            }
        )
    n = len(rows)
    return {
        "files_annotated": len(expected),
        "documents_read": n,
        "place_accuracy": sum(r["place_ok"] for r in rows) / n if n else 0.0,
        "title_accuracy": sum(r["title_ok"] for r in rows) / n if n else 0.0,
        "type_accuracy": sum(r["type_ok"] for r in rows) / n if n else 0.0,
        "wrong": [r for r in rows if not (r["place_ok"] and r["title_ok"] and r["type_ok"])],
    }


def grep_sets(documents, level: str) -> dict[str, set[str]]:
    """topic -> labels of the places at `level` whose documents hold the topic or a synonym
    (the same test grep -lE makes on the files)."""
    from corpus import places
    from qa.districts import expand_terms

    out: dict[str, set[str]] = {}
    for topic in TOPICS:
        pattern = re.compile("|".join(re.escape(t) for t in expand_terms(topic)))
        found = set()
        for doc in documents:
            if not doc.place_code or not pattern.search("\n".join(doc.lines)):
                continue
            at = places.ancestor_at(places.place(doc.place_code), level)
            if at is not None:
                found.add(at.label)
        out[topic] = found
    return out


def finder_scores(index, documents) -> dict:
    """The finder on `index` against the grep sets of `documents` (as read, with their
    lines: an index keeps no document text)."""
    from qa.districts import districts

    results = {}
    for level in ("city", "province"):
        truth = grep_sets(documents, level)
        for topic in TOPICS:
            t0 = time.perf_counter()
            report = districts(topic, index, level=level)
            seconds = time.perf_counter() - t0
            predicted = {d.district for d in report.districts if d.mentioned}
            expected = truth[topic]
            tp = len(predicted & expected)
            results[f"{level}:{topic}"] = {
                "places": len(report.districts),
                "expected": len(expected),
                "predicted": len(predicted),
                "precision": tp / len(predicted) if predicted else 1.0,
                "recall": tp / len(expected) if expected else 1.0,
                "missed": sorted(expected - predicted),
                "extra": sorted(predicted - expected),
                "seconds": round(seconds, 2),
            }
    return results


def lookup_cost(documents) -> dict:
    from corpus import attribution, places

    texts = [list(d.lines) for d in documents]
    t0 = time.perf_counter()
    for doc, lines in zip(documents, texts, strict=True):
        attribution.attribute(None, None, None, lines)  # the whole chain, to the mention counts
    per_document = (time.perf_counter() - t0) / max(len(documents), 1)
    names = ["綦江", "四川省宜宾市", "凉山州", "鼓楼区", "包头"] * 200
    t0 = time.perf_counter()
    for name in names:
        places.resolve(name)
    per_name = (time.perf_counter() - t0) / len(names)
    return {
        "ms_per_document": round(per_document * 1000, 2),
        "us_per_name": round(per_name * 1e6, 1),
    }


def run(quick: bool = False) -> dict:
    import tempfile

    import corpus
    import index
    from corpus.settings import Settings

    documents = corpus.load([EXTERNAL])
    results: dict = {"attribution": attribution_scores(documents), "lookup": lookup_cost(documents)}
    if quick:
        return results
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            index_dir=Path(tmp) / "index", cache_dir=REPO / ".planqa" / "bench-cache"
        )
        t0 = time.perf_counter()
        index.build(settings, [EXTERNAL], progress=False)
        results["build_seconds"] = round(time.perf_counter() - t0, 1)
        idx = index.open(settings.index_dir, settings)
        results["finder"] = finder_scores(idx, documents)
    return results


def markdown(results: dict) -> str:
    a = results["attribution"]
    lines = [
        "# Places, titles and types on the shared reports",
        "",
        f"{a['documents_read']} documents read of {a['files_annotated']} annotated files.",
        "",
        "| | accuracy |",
        "|---|---:|",
        f"| place (label and level) | {a['place_accuracy']:.3f} |",
        f"| title | {a['title_accuracy']:.3f} |",
        f"| type | {a['type_accuracy']:.3f} |",
        "",
    ]
    for r in a["wrong"]:
        lines.append(f"- wrong: {r['file']}: {r['place']} / {r['title']}")
    cost = results["lookup"]
    lines += [
        "",
        (
            f"Place lookup: {cost['ms_per_document']} ms to attribute a document, "
            f"{cost['us_per_name']} µs to resolve a name."
        ),
    ]
    if "finder" in results:
        lines += [
            "",
            f"Which places mention X (index of all files built in {results['build_seconds']} s):",
            "",
            "| level:topic | places | expected (grep) | predicted | precision | recall | missed | extra |",
            "|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for key, r in results["finder"].items():
            lines.append(
                f"| {key} | {r['places']} | {r['expected']} | {r['predicted']} | "
                f"{r['precision']:.2f} | {r['recall']:.2f} | {'、'.join(r['missed'])} | "
                f"{'、'.join(r['extra'])} |"
            )
    return "\n".join(lines) + "\n"
