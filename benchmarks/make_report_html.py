"""Make an HTML page of a work report from its .docx in ../shared/external, as a government
site publishes it: navigation, breadcrumb, title, date and share links, the body as paragraphs,
a footer. The qa_v10 and qa_v11 question sets cite lines of these pages as planqa reads them.

    python benchmarks/make_report_html.py           # benchmarks/data/formats/henan_2025.html
    python benchmarks/make_report_html.py suizhou   # benchmarks/data/formats/suizhou_2024.html
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTERNAL = HERE.parent.parent / "shared" / "external"
FORMATS = HERE / "data" / "formats"
# name: (source .docx, page written, site, publication date, newspaper, footer, title: None when
# the .docx opens with it)
PAGES = {
    "henan": (
        EXTERNAL / "province-work-reports-2025" / "2025年河南省政府工作报告.docx",
        FORMATS / "henan_2025.html",
        "河南省人民政府",
        "2025-01-20",
        "河南日报",
        "主办：河南省人民政府办公厅 ICP备案号：豫ICP备05000000号",
        None,
    ),
    "suizhou": (
        EXTERNAL / "city-work-reports-2024" / "docx" / "随州.docx",
        FORMATS / "suizhou_2024.html",
        "随州市人民政府",
        "2024-01-22",
        "随州日报",
        "主办：随州市人民政府办公室 ICP备案号：鄂ICP备05000000号",
        "随州市2024年政府工作报告",
    ),
}


def page(paragraphs: list[str], title: str, site: str, date: str, paper: str, footer: str) -> str:
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{html.escape(title)}_{site}门户网站</title></head>
<body>
  <nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></nav>
  <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>
  <article>
    <h1>{html.escape(title)}</h1>
    <div class="info">发布时间：{date} 来源：{paper} <a href="#">分享</a> <a href="#">打印</a></div>
{body}
  </article>
  <footer>{footer}</footer>
</body>
</html>
"""


def main() -> None:
    import sys

    import docx

    source, out, site, date, paper, footer, title = PAGES[
        sys.argv[1] if len(sys.argv) > 1 else "henan"
    ]
    paragraphs = [p.text.strip() for p in docx.Document(str(source)).paragraphs if p.text.strip()]
    if title is None:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page(paragraphs, title, site, date, paper, footer), encoding="utf-8")
    print(out.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
