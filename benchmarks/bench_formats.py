"""Reading each source format: documents and chunks per second for .txt, .md, .docx, .pdf and
.html, over the real reports in ../shared/external and the format fixtures.

The sets, per format (the same reports where possible, so the rates compare):
  - txt: the 30 city reports as published (.txt);
  - docx: the 10 city reports' .docx, the 8 provincial reports' .docx and the styled fixture;
  - md: the 10 city .docx read and saved as markdown (headings as #, tables as | |);
  - pdf: the 10 city .txt printed to text-layer PDFs (running header, page numbers) by
    tests/data/formats/make_fixtures.py, and the 三亚 fixture;
  - html: the 10 city .txt as government article pages (nav, breadcrumb, footer), and the
    fixture page.
"Read" is corpus.load (read, split, metadata); "chunk" is corpus.chunk on its documents.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXTERNAL = REPO.parent / "shared" / "external"
CITIES = EXTERNAL / "city-work-reports-2024"
PROVINCES = EXTERNAL / "province-work-reports-2025"
FIXTURES = REPO / "tests" / "data" / "formats"
FORMATS = ("txt", "md", "docx", "pdf", "html")


def fixture_maker():
    """tests/data/formats/make_fixtures.py, loaded (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def report_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a report's .txt: its non-empty lines."""
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]


def report_title(city: str) -> str:
    return f"{city}市2024年政府工作报告"


def city_report_pdf(city: str, out: Path, make=None) -> None:
    """The city's 2024 report (../shared/external …/txt) printed to a text-layer PDF at `out`."""
    make = make or fixture_maker()
    make.report_pdf(report_title(city), report_paragraphs(CITIES / "txt" / f"{city}.txt"), out)


def _prepare(root: Path, quick: bool) -> dict[str, list[Path]]:
    from corpus.formats.docx import read_docx

    make = fixture_maker()
    city_docx = sorted((CITIES / "docx").glob("*.docx"))
    cities = [p.stem for p in city_docx][: 3 if quick else None]
    sets: dict[str, list[Path]] = {f: [] for f in FORMATS}
    sets["txt"] = sorted((CITIES / "txt").glob("*.txt"))[: 5 if quick else None]
    sets["docx"] = (city_docx + sorted(PROVINCES.glob("*.docx")))[: 4 if quick else None]
    sets["docx"].append(FIXTURES / "sanya_styled.docx")
    for kind in ("md", "pdf", "html"):
        (root / kind).mkdir()
    for city in cities:
        md = root / "md" / f"{city}.md"
        md.write_text("\n".join(read_docx(CITIES / "docx" / f"{city}.docx").lines), "utf-8")
        sets["md"].append(md)
        city_report_pdf(city, root / "pdf" / f"{city}.pdf", make)
        paragraphs = report_paragraphs(CITIES / "txt" / f"{city}.txt")
        make.report_html(report_title(city), paragraphs, root / "html" / f"{city}.html")
        sets["pdf"].append(root / "pdf" / f"{city}.pdf")
        sets["html"].append(root / "html" / f"{city}.html")
    sets["pdf"].append(FIXTURES / "sanya.pdf")
    sets["html"].append(FIXTURES / "sanya_article.html")
    return sets


def _read_back(made: Path, source: Path) -> tuple[int, int]:
    """(paragraphs of the source .txt, those the reader gives back whole from the file made of
    it: as one line, or as a run of lines a page break cut). Spaces and the middle dot, which
    the PDF font lacks, are not compared."""
    import re

    from corpus.formats.read import read_file
    from corpus.reading import CorpusFile

    def key(text: str) -> str:
        return re.sub(r"[\s·]+", "", text).lstrip("#")

    read = read_file(CorpusFile(made, made.name, made.stem))
    dropped = {n for n, _ in read.dropped}
    lines = [key(x) for n, x in enumerate(read.lines, 1) if n not in dropped and key(x)]
    paragraphs = [key(p) for p in report_paragraphs(source)]
    whole = 0
    for p in paragraphs:
        for i, line in enumerate(lines):
            run, k = line, i
            while len(run) < len(p) and k + 1 < len(lines) and p.startswith(run + lines[k + 1]):
                k += 1
                run += lines[k]
            if run == p:
                whole += 1
                break
    return len(paragraphs), whole


def _measure(files: list[Path], repeats: int) -> dict:
    import corpus

    best_read = best_chunk = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        documents = corpus.load(files)
        t1 = time.perf_counter()
        chunks = corpus.chunk(documents)
        t2 = time.perf_counter()
        best_read, best_chunk = min(best_read, t1 - t0), min(best_chunk, t2 - t1)
    ledger = corpus.account(files)
    total = best_read + best_chunk
    pages = None
    if files and files[0].suffix == ".pdf":
        import pdfplumber

        pages = 0
        for f in files:
            with pdfplumber.open(f) as pdf:
                pages += len(pdf.pages)
    return {
        "files": len(files),
        "bytes": sum(f.stat().st_size for f in files),
        "pages": pages,
        "documents": len(documents),
        "chunks": len(chunks),
        "table_chunks": sum(c.kind == "table" for c in chunks),
        "read_seconds": round(best_read, 3),
        "chunk_seconds": round(best_chunk, 3),
        "documents_per_second": round(len(documents) / total, 1),
        "chunks_per_second": round(len(chunks) / total, 1),
        "pages_per_second": round(pages / best_read, 1) if pages else None,
        "ledger_lost": len(ledger.lost),
        "dropped": dict(sorted(ledger.dropped.items())),
    }


def run(quick: bool = False) -> dict:
    if not EXTERNAL.is_dir():
        raise FileNotFoundError("../shared/external (the external reports) is not beside the repo")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        sets = _prepare(root, quick)
        prepare_s = time.perf_counter() - t0
        results = {f: _measure(sets[f], 1 if quick else 3) for f in FORMATS}
        for f in ("pdf", "html"):  # made from the city .txt: each paragraph must come back
            counts = [
                _read_back(made, CITIES / "txt" / f"{made.stem}.txt")
                for made in sets[f]
                if made.parent == root / f
            ]
            total, whole = sum(c[0] for c in counts), sum(c[1] for c in counts)
            results[f]["paragraphs_read_back"] = f"{whole}/{total}"
        shutil.rmtree(root, ignore_errors=True)
    return {"prepare_seconds": round(prepare_s, 1), "formats": results}


def markdown(results: dict) -> str:
    lines = [
        "# Reading source formats",
        "",
        (
            "Best of 3 runs (1 with --quick); read = corpus.load (read, split, metadata), "
            "chunk = corpus.chunk. Sets: txt = the 30 city reports; docx = the 10 city and 8 "
            "provincial reports' .docx + the styled fixture; md = the 10 city .docx saved as "
            "markdown; pdf / html = the 10 city reports printed to text-layer PDFs / article pages "
            "+ the fixture. lost = source lines neither chunked nor dropped (must be 0). "
            "read back = the source paragraphs of the reports made into PDFs / pages that the "
            "reader gives back whole."
        ),
        "",
        (
            "| format | files | pages | documents | chunks | tables | read s | chunk s "
            "| documents/s | chunks/s | pages/s | lost | dropped | read back |"
        ),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f, r in results["formats"].items():
        dropped = ", ".join(f"{k} {v}" for k, v in r["dropped"].items()) or "—"
        lines.append(
            f"| {f} | {r['files']} | {r['pages'] or '—'} | {r['documents']} | {r['chunks']} | "
            f"{r['table_chunks']} | {r['read_seconds']} | {r['chunk_seconds']} | "
            f"{r['documents_per_second']} | {r['chunks_per_second']} | "
            f"{r['pages_per_second'] or '—'} | {r['ledger_lost']} | {dropped} | "
            f"{r.get('paragraphs_read_back', '—')} |"
        )
    m = results["machine"]
    lines += ["", f"Machine: {m['cpus']} CPUs (shared), load {m['loadavg']}, {m['date']}."]
    return "\n".join(lines) + "\n"
