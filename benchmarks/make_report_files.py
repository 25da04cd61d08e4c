"""Make city work reports in the formats users bring, from their .txt in ../shared/external:
text-layer PDFs as a user's PDF printer or a government site's download gives them (the
title, the paragraphs with 一、… as headings, a running header and a page number on every
page), and a word processor's .docx (heading styles with automatic numbering, the year's
targets also as a table). The qa_v12 … qa_v23 question sets cite lines of these files as
planqa reads them.

    python benchmarks/make_report_files.py   # benchmarks/data/formats/*_2024.{pdf,docx}
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_formats import (
    CITIES,
    city_report_pdf,
    fixture_maker,
    report_paragraphs,
    report_title,
)

FORMATS = HERE / "data" / "formats"

# city → the file it is written to
PDFS = {
    "嘉兴": "jiaxing_2024.pdf",
    "德州": "dezhou_2024.pdf",
    "菏泽": "heze_2024.pdf",
    "防城港": "fangchenggang_2024.pdf",
    "赣州": "ganzhou_2024.pdf",
    "聊城": "liaocheng_2024.pdf",
    "攀枝花": "panzhihua_2024.pdf",
}
DOCX = {
    "阳泉": "yangquan_2024.docx",
    "郴州": "chenzhou_2024.docx",
    "德阳": "deyang_2024.docx",
}


def main() -> None:
    make = fixture_maker()
    for city, name in PDFS.items():
        city_report_pdf(city, FORMATS / name, make)
        print(FORMATS / name)
    for city, name in DOCX.items():
        paragraphs = report_paragraphs(CITIES / "txt" / f"{city}.txt")
        make.report_docx(report_title(city), paragraphs, FORMATS / name)
        print(FORMATS / name)


if __name__ == "__main__":
    main()
