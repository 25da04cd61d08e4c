"""Makes the format fixtures in this folder from one real report in ../shared/external (MIT,
see its SOURCES.md): the 2024 government work report of 三亚 (city-work-reports-2024/txt/三亚.txt).

    python tests/data/formats/make_fixtures.py

Needs reportlab (BSD), python-docx (MIT), Pillow and, for the scanned page's image, a CJK
TrueType font (fc-match :lang=zh; Debian: fonts-wqy-microhei). The output is deterministic up to the PDF producer's timestamps.

- sanya.pdf: a text-layer PDF; a running header and a page number (- N -) on every page; page
  1 ends inside a paragraph that continues on page 2; page 2 holds the 崖州湾 paragraph; page 3
  the 2024 targets, a ruled table of them and the paragraph after it.
- sanya_scanned.pdf: the first page as an image only (no text layer), as a scanner makes it.
- sanya_article.html: the report as a government site's article page: navigation, breadcrumb,
  title, date, share links and footer around the body, with the targets table.
- sanya_styled.docx: heading styles (Title, Heading 1 with automatic 一、 numbering, Heading 2),
  the targets table and a footnote.

Not made by this script:
- shandong_libreoffice.pdf: province-work-reports-2025/2025年山东省政府工作报告.docx printed
  to PDF by LibreOffice (soffice --headless --convert-to pdf), as a user's word processor
  prints it: CJK set apart from digits by a space, a head line wrapped inside a place name.
- gov_notice.html: written by hand after a provincial government site's notice page.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SOURCE = REPO.parent / "shared" / "external" / "city-work-reports-2024" / "txt" / "三亚.txt"

TITLE = "三亚市2024年政府工作报告"
RUNNING_HEADER = "三亚市人民政府工作报告（2024年）"


def paragraphs() -> list[str]:
    return [p.strip() for p in SOURCE.read_text(encoding="utf-8").split("\n") if p.strip()]


def targets(text: str) -> list[tuple[str, str]]:
    """(indicator, target) pairs of the sentence listing a year's targets: each clause split
    at its verb before a number (增长8%左右), at its first number (城镇新增就业1.8万人) or at
    the word that states it (增速与经济增长基本同步); a clause with none of these (尽可能争取
    更好结果) goes with the target before it."""
    body = re.split(r"[：:]", text, maxsplit=1)[1].rstrip("。")
    out: list[tuple[str, str]] = []
    for part in re.split(r"[，；;]", body):
        m = re.match(
            r"(.+?)(?:同比)?((?:增长|涨幅控制在|控制在|保持在|保持|下降|达到|稳定在)\d.*)", part
        )
        m = m or re.match(r"(\D+?)(\d.*)", part)
        m = m or re.match(r"(.+?)((?:增速|增长|与|高于|完成|保持).*)", part)
        if m:
            out.append((m.group(1), m.group(2)))
        elif out:
            out[-1] = (out[-1][0], f"{out[-1][1]}，{part}")
    return out


def cjk_font() -> Path:
    out = subprocess.run(
        ["fc-match", "-f", "%{file}", ":lang=zh"], check=True, capture_output=True, text=True
    )
    return Path(out.stdout.strip())


# the report's paragraphs as the fixtures use them (indices into paragraphs())
OPENING = [0, 1, 2, 3, 4, 5]  # 各位代表：, 现在…, 一、2023年工作回顾, three 一年来 paragraphs
PAGE_2 = [6]  # 一年来…自贸港科创高地…崖州湾科技城汇聚32家科研机构…
TARGETS_HEADING = "二、2024年主要预期目标"


def _target_paragraph(ps: list[str]) -> int:
    return next(i for i, p in enumerate(ps) if p.startswith("今年我市发展的主要预期目标"))


def make_pdf(ps: list[str]) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    # Adobe's standard CJK font (STSong-Light, not embedded): its text extracts as Unicode,
    # where reportlab's subset of a TrueType collection extracts as blanks
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=14, leading=26, firstLineIndent=28, wordWrap="CJK"
    )
    heading = ParagraphStyle(
        "h", parent=body, fontSize=14, leading=24, firstLineIndent=0, spaceBefore=6, spaceAfter=6
    )
    title = ParagraphStyle("t", parent=heading, fontSize=18, leading=30, alignment=1)

    def page_furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        w, h = A4
        canvas.drawCentredString(w / 2, h - 40, RUNNING_HEADER)
        canvas.line(72, h - 46, w - 72, h - 46)
        canvas.drawCentredString(w / 2, 36, f"- {doc.page} -")
        canvas.restoreState()

    t = _target_paragraph(ps)
    story = [Paragraph(TITLE, title)]
    for i in OPENING:
        story.append(Paragraph(ps[i], heading if ps[i].startswith("一、") else body))
    story.append(Paragraph(ps[7], body))  # long enough to run over onto page 2
    for i in PAGE_2:
        story.append(Paragraph(ps[i], body))
    story += [
        PageBreak(),
        Paragraph(TARGETS_HEADING, heading),
        Paragraph(ps[t], body),
        Spacer(1, 8),
        Paragraph("表1 2024年主要预期目标", heading),
    ]
    rows = [["序号", "指标", "预期目标"]] + [
        [str(k), name, goal] for k, (name, goal) in enumerate(targets(ps[t]), 1)
    ]
    table = Table(rows, colWidths=[40, 250, 150])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ]
        )
    )
    story += [table, Spacer(1, 12), Paragraph(ps[t + 1], body)]
    doc = SimpleDocTemplate(
        str(HERE / "sanya.pdf"),
        pagesize=A4,
        title=TITLE,
        topMargin=72,
        bottomMargin=72,
        invariant=1,
    )
    doc.build(story, onFirstPage=page_furniture, onLaterPages=page_furniture)


def make_scanned_pdf(ps: list[str]) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(cjk_font()), 28)
    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(img)
    y = 150
    for p in [TITLE, *ps[:3]]:
        for k in range(0, len(p), 36):
            draw.text((120, y), p[k : k + 36], font=font, fill=0)
            y += 44
        y += 20
    img.save(HERE / "sanya_scanned.pdf", "PDF", resolution=150)


def make_html(ps: list[str]) -> None:
    import html

    t = _target_paragraph(ps)
    rows = "".join(
        f"<tr><td>{k}</td><td>{html.escape(n)}</td><td>{html.escape(g)}</td></tr>"
        for k, (n, g) in enumerate(targets(ps[t]), 1)
    )
    body = "".join(
        f"<h3>{html.escape(ps[i])}</h3>"
        if ps[i].startswith("一、")
        else f"<p>{html.escape(ps[i])}</p>"
        for i in OPENING + PAGE_2
    )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{TITLE}_政府工作报告_三亚市人民政府网</title>
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2024-01-30 09:12">
<meta name="ContentSource" content="三亚市人民政府办公室">
</head><body>
<div class="header"><div class="logo">三亚市人民政府网</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li>
<li><a href="/zjsy">走进三亚</a></li></ul></div>
<div class="breadcrumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a>
 &gt; <a href="/zwgk/zfgzbg">政府工作报告</a></div>
<div class="article">
<h1 class="article-title">{TITLE}</h1>
<div class="article-info">发布时间：2024-01-30 09:12　来源：三亚市人民政府办公室　【字体：大 中 小】</div>
<div class="article-content">
{body}
<h3>{TARGETS_HEADING}</h3>
<p>{html.escape(ps[t])}</p>
<p>表1 2024年主要预期目标</p>
<table border="1"><tbody><tr><td>序号</td><td>指标</td><td>预期目标</td></tr>{rows}</tbody></table>
<p>{html.escape(ps[t + 1])}</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a>　【打印本页】【关闭窗口】</div>
</div>
<div class="related"><h4>相关链接</h4><ul><li><a href="/a">三亚市2023年政府工作报告</a></li>
<li><a href="/b">三亚市2022年政府工作报告</a></li></ul></div>
<div class="footer"><p>主办：三亚市人民政府办公室　承办：三亚市大数据管理局</p>
<p>网站标识码：4602000001　琼ICP备05001234号　琼公网安备46020002000001号</p>
<p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p></div>
</body></html>
"""
    (HERE / "sanya_article.html").write_text(page, encoding="utf-8")


FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>三张“零关税”清单：原辅料、交通工具及游艇、自用生产设备“零关税”清单。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""


def _numbered_docx(title: str):
    """A new document with `title` and one automatic numbering (一、 at level 0, （一） at
    level 1), and the function that numbers a paragraph at a level."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.title = title
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING))
    num = parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
    )
    numbering.append(num)

    def numbered(paragraph, level: int) -> None:
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.append(
            parse_xml(
                '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
            )
        )

    return d, numbered


def _targets_table(d, sentence: str) -> None:
    """The caption and the ruled table (序号, 指标, 预期目标) of a sentence listing targets."""
    d.add_paragraph("表1 2024年主要预期目标")
    pairs = targets(sentence)
    table = d.add_table(rows=1 + len(pairs), cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "指标", "预期目标"], strict=True):
        cell.text = text
    for k, (name, goal) in enumerate(pairs, 1):
        for cell, text in zip(table.rows[k].cells, [str(k), name, goal], strict=True):
            cell.text = text


def make_docx(ps: list[str]) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    d, numbered = _numbered_docx(TITLE)
    d.add_paragraph(TITLE, style="Title")
    for i in OPENING[:2]:
        d.add_paragraph(ps[i])
    numbered(d.add_paragraph("2023年工作回顾", style="Heading 1"), 0)  # printed 一、
    numbered(d.add_paragraph("经济发展迈出新步伐", style="Heading 2"), 1)  # printed （一）
    d.add_paragraph(ps[4])
    numbered(d.add_paragraph("对外开放取得新成果", style="Heading 2"), 1)  # printed （二）
    # ps[5] holds 三张“零关税”清单[1]: the [1] becomes a real footnote reference
    before, _, after = ps[5].partition("[1]")
    p = d.add_paragraph(before)
    ref = p.add_run()
    ref._r.append(
        parse_xml(
            '<w:footnoteReference xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' w:id="1"/>'
        )
    )
    p.add_run(after)
    t = _target_paragraph(ps)
    numbered(d.add_paragraph("2024年主要预期目标", style="Heading 1"), 0)  # printed 二、
    d.add_paragraph(ps[t])
    _targets_table(d, ps[t])
    d.add_paragraph(ps[t + 1])
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES.encode(),
        d.part.package,
    )
    d.part.relate_to(part, RT.FOOTNOTES)
    d.save(HERE / "sanya_styled.docx")


if __name__ == "__main__":
    ps = paragraphs()
    make_pdf(ps)
    make_scanned_pdf(ps)
    make_html(ps)
    make_docx(ps)
    for f in sorted(HERE.iterdir()):
        if f.suffix != ".py":
            print(f.name, f.stat().st_size)


# --- whole reports in other formats, for benchmarks/bench_formats.py --------------------


def report_pdf(title: str, ps: list[str], out: Path) -> None:
    """A whole report as a text-layer PDF: title, paragraphs (一、… as headings), running
    header and page numbers, as make_pdf draws them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body",
        fontName="STSong-Light",
        fontSize=14,
        leading=26,
        firstLineIndent=28,
        wordWrap="CJK",
    )
    heading = ParagraphStyle("h", parent=body, firstLineIndent=0, spaceBefore=6, spaceAfter=6)

    def page_furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        w, h = A4
        canvas.drawCentredString(w / 2, h - 40, title)
        canvas.drawCentredString(w / 2, 36, f"- {doc.page} -")
        canvas.restoreState()

    story = [Paragraph(title, heading)] + [
        Paragraph(
            p, heading if re.match(r"^[一二三四五六七八九十]+、", p) and len(p) < 40 else body
        )
        for p in ps
    ]
    doc = SimpleDocTemplate(str(out), pagesize=A4, title=title, invariant=1)
    doc.build(story, onFirstPage=page_furniture, onLaterPages=page_furniture)


def report_html(title: str, ps: list[str], out: Path) -> None:
    """A whole report as a government site's article page (the chrome of make_html)."""
    import html

    body = "".join(
        f"<h3>{html.escape(p)}</h3>"
        if re.match(r"^[一二三四五六七八九十]+、", p) and len(p) < 40
        else f"<p>{html.escape(p)}</p>"
        for p in ps
    )
    template = (HERE / "sanya_article.html").read_text(encoding="utf-8")
    start = template.index('<div class="article-content">') + len('<div class="article-content">')
    end = template.index('<div class="share">')
    page = template[:start] + body + "</div>\n" + template[end:]
    out.write_text(page.replace(TITLE, html.escape(title)), encoding="utf-8")


def report_docx(title: str, ps: list[str], out: Path) -> None:
    """A whole report as a word processor's .docx: the title in the Title style, 一、 headings
    as Heading 1 and standalone （一） headings as Heading 2, both numbered automatically (the
    numeral is not in the text), and the sentence of the year's targets followed by a table of
    them."""
    d, numbered = _numbered_docx(title)
    d.add_paragraph(title, style="Title")
    for p in ps:
        head = re.match(r"^[一二三四五六七八九十]+、(.+)", p)
        sub = re.match(r"^（[一二三四五六七八九十]+）([^。]+)$", p)
        if head and len(p) < 40:
            numbered(d.add_paragraph(head.group(1), style="Heading 1"), 0)
        elif sub and len(p) < 40:
            numbered(d.add_paragraph(sub.group(1), style="Heading 2"), 1)
        else:
            d.add_paragraph(p)
            if re.search(r"主要(预期)?目标是[：:]", p) and not d.tables:
                _targets_table(d, p.split("。")[0])
    d.save(out)
