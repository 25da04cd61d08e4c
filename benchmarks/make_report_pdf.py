"""Make text-layer PDFs of city work reports from their .txt in ../shared/external, as a user's
PDF printer or a government site's download gives them: the title, the paragraphs (一、… as
headings), a running header and a page number on every page. The qa_v12 question set cites
lines of these PDFs as planqa reads them.

    python benchmarks/make_report_pdf.py   # benchmarks/data/formats/{jiaxing,dezhou}_2024.pdf
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CITIES = REPO.parent / "shared" / "external" / "city-work-reports-2024" / "txt"
FORMATS = HERE / "data" / "formats"

# city → the file it is written to
PDFS = {"嘉兴": "jiaxing_2024.pdf", "德州": "dezhou_2024.pdf"}


def _fixture_maker():
    path = REPO / "tests" / "data" / "formats" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> None:
    make = _fixture_maker()
    for city, name in PDFS.items():
        text = (CITIES / f"{city}.txt").read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        make.report_pdf(f"{city}市2024年政府工作报告", paragraphs, FORMATS / name)
        print(FORMATS / name)


if __name__ == "__main__":
    main()
