"""Make an HTML page of a provincial work report from its .docx in ../shared/external, as a
government site publishes it: navigation, breadcrumb, title, date and share links, the body as
paragraphs, a footer. The qa_v10 question set cites lines of the page as planqa reads it.

    python benchmarks/make_report_html.py  # writes benchmarks/data/formats/henan_2025.html
"""

from __future__ import annotations

import html
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = (
    HERE.parent.parent
    / "shared"
    / "external"
    / "province-work-reports-2025"
    / "2025年河南省政府工作报告.docx"
)
OUT = HERE / "data" / "formats" / "henan_2025.html"


def page(paragraphs: list[str], title: str) -> str:
    body = "\n".join(f"    <p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{html.escape(title)}_河南省人民政府门户网站</title></head>
<body>
  <nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></nav>
  <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>
  <article>
    <h1>{html.escape(title)}</h1>
    <div class="info">发布时间：2025-01-20 来源：河南日报 <a href="#">分享</a> <a href="#">打印</a></div>
{body}
  </article>
  <footer>主办：河南省人民政府办公厅 ICP备案号：豫ICP备05000000号</footer>
</body>
</html>
"""


def main() -> None:
    import docx

    paragraphs = [p.text.strip() for p in docx.Document(str(SOURCE)).paragraphs if p.text.strip()]
    title = paragraphs[0]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(page(paragraphs[1:], title), encoding="utf-8")
    print(OUT.relative_to(HERE.parent))


if __name__ == "__main__":
    main()
