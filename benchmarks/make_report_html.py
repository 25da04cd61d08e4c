"""Make an HTML page of a work report from its .docx in ../shared/external, as a government
site publishes it: navigation, breadcrumb, title, date and share links, the body as paragraphs,
a footer. The qa_v10, qa_v11, qa_v15 and qa_v19 question sets cite lines of these pages as planqa reads them.

    python benchmarks/make_report_html.py           # benchmarks/data/formats/henan_2025.html
    python benchmarks/make_report_html.py suizhou   # benchmarks/data/formats/suizhou_2024.html
    python benchmarks/make_report_html.py wuhu      # benchmarks/data/formats/wuhu_2024.html
    python benchmarks/make_report_html.py jingzhou  # benchmarks/data/formats/jingzhou_2024.html
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTERNAL = HERE.parent.parent / "shared" / "external"
FORMATS = HERE / "data" / "formats"


@dataclass(frozen=True)
class Page:
    source: Path  # the report's .docx
    out: Path  # the page written
    site: str
    date: str  # of publication
    paper: str  # the newspaper the page names as its source
    footer: str
    title: str | None = None  # None when the .docx opens with it


PAGES = {
    "henan": Page(
        EXTERNAL / "province-work-reports-2025" / "2025年河南省政府工作报告.docx",
        FORMATS / "henan_2025.html",
        "河南省人民政府",
        "2025-01-20",
        "河南日报",
        "主办：河南省人民政府办公厅 ICP备案号：豫ICP备05000000号",
    ),
    "suizhou": Page(
        EXTERNAL / "city-work-reports-2024" / "docx" / "随州.docx",
        FORMATS / "suizhou_2024.html",
        "随州市人民政府",
        "2024-01-22",
        "随州日报",
        "主办：随州市人民政府办公室 ICP备案号：鄂ICP备05000000号",
        "随州市2024年政府工作报告",
    ),
    "wuhu": Page(
        EXTERNAL / "city-work-reports-2024" / "docx" / "芜湖.docx",
        FORMATS / "wuhu_2024.html",
        "芜湖市人民政府",
        "2024-01-26",
        "芜湖日报",
        "主办：芜湖市人民政府办公室 ICP备案号：皖ICP备05000000号",
        "芜湖市2024年政府工作报告",
    ),
    "jingzhou": Page(
        EXTERNAL / "city-work-reports-2024" / "docx" / "荆州.docx",
        FORMATS / "jingzhou_2024.html",
        "荆州市人民政府",
        "2024-01-19",
        "荆州日报",
        "主办：荆州市人民政府办公室 ICP备案号：鄂ICP备05000001号",
        "荆州市2024年政府工作报告",
    ),
}


def page(paragraphs: list[str], title: str, of: Page) -> str:
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{html.escape(title)}_{of.site}门户网站</title></head>
<body>
  <nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></nav>
  <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>
  <article>
    <h1>{html.escape(title)}</h1>
    <div class="info">发布时间：{of.date} 来源：{of.paper} <a href="#">分享</a> <a href="#">打印</a></div>
{body}
  </article>
  <footer>{of.footer}</footer>
</body>
</html>
"""


def main() -> None:
    import sys

    import docx

    of = PAGES[sys.argv[1] if len(sys.argv) > 1 else "henan"]
    paragraphs = [
        p.text.strip() for p in docx.Document(str(of.source)).paragraphs if p.text.strip()
    ]
    title = of.title
    if title is None:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    of.out.parent.mkdir(parents=True, exist_ok=True)
    of.out.write_text(page(paragraphs, title, of), encoding="utf-8")
    print(of.out.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
