"""Make text-layer PDFs of city work reports from their .txt in ../shared/external, as a user's
PDF printer or a government site's download gives them: the title, the paragraphs (一、… as
headings), a running header and a page number on every page. The qa_v12 question set cites
lines of these PDFs as planqa reads them.

    python benchmarks/make_report_pdf.py   # benchmarks/data/formats/{jiaxing,dezhou}_2024.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_formats import city_report_pdf, fixture_maker  # noqa: E402

FORMATS = HERE / "data" / "formats"

# city → the file it is written to
PDFS = {"嘉兴": "jiaxing_2024.pdf", "德州": "dezhou_2024.pdf"}


def main() -> None:
    make = fixture_maker()
    for city, name in PDFS.items():
        city_report_pdf(city, FORMATS / name, make)
        print(FORMATS / name)


if __name__ == "__main__":
    main()
