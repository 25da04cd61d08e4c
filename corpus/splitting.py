"""Splitting a source file into its documents and reading each document's metadata (title,
issuer, 发文字号, date, type, district) from its own text.

A file is usually one document. A government gazette (政府公报) holds many: each document
starts at its masthead (发文机关标志, "重庆市綦江区人民政府文件") followed by its 发文字号; the
卷首语 commentary is a heading followed by prose in the front matter; each item under 政务要闻
is a news document. Lines outside every document (cover, table of contents, masthead of the
gazette, web-page chrome) are dropped with a reason, so nothing is lost silently.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from corpus import places
from corpus.attribution import (
    attribute,
    doc_type_of,
    meeting_and_speaker,
    reads_as_title,
    report_year,
)
from corpus.gazetteer import district_of_name
from corpus.model import Document
from corpus.reading import SourceText
from corpus.text import (
    clean_line,
    close_cjk_gaps,
    is_artifact,
    is_date_line,
    markdown_level,
    normalize_for_match,
    parse_date,
)

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号"
)
# bodies that sign documents: 人民政府, 办公室, 管委会, 科技创新局, 领导小组办公室, 中心…
ORGAN = re.compile(r"(人民政府|政府|办公室|管委会|管理委员会|委员会|局|中心|小组|办|委|厅|院)$")
TITLE_END = re.compile(
    r"(通知|通报|决定|意见|函|批复|公告|报告|规划|纲要|要点|制度|办法|方案|行动计划|细则|规定|目录)$"
)
# web-page chrome: once one of these labels appears, the rest of the page is links and footer
WEB_TRAILER = re.compile(
    r"^(附件下载|部门解读|一图读懂|文字解读|图片解读|相关链接|相关文件)[:：]?$"
)
WEB_CHROME = re.compile(r"^(您当前的位置|当前位置)[:：]")
# 重庆市綦江区人民政府公报 (a government gazette; not a 统计公报, which is one document)
GAZETTE_NAME = re.compile(r"^(?P<issuer>\S+?(?:政府|办公厅|办公室))公报$")
NEWS_LABEL = "政务要闻"
# an attachment printed after a notice's signature opens with a line that is only 附件
# (附件1, 附件：); one listed in the body (附件：1.XX办法) comes before the signature
ATTACHMENT_MARK = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")


@dataclass
class FileLayout:
    """A file cut into documents; `dropped` holds lines outside every document."""

    source: SourceText
    documents: list[Document]
    dropped: dict[int, str] = field(default_factory=dict)  # line number -> reason


def _stem(name: str) -> str:
    """A source name's file name without folders and suffix."""
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _text(src: SourceText, n: int) -> str:
    return clean_line(src.lines[n - 1])


def _nonblank(src: SourceText, start: int, end: int) -> list[int]:
    return [n for n in range(start, end + 1) if src.lines[n - 1].strip()]


def _is_doc_number(text: str) -> bool:
    m = DOC_NUMBER.search(text)
    return m is not None and len(normalize_for_match(text)) <= len(m.group(0)) + 2


def find_doc_number(texts: list[str]) -> str | None:
    for t in texts:
        m = DOC_NUMBER.search(t)
        if m:
            return re.sub(r"\s+", "", m.group(0))
    return None


def is_organ(text: str) -> bool:
    t = close_cjk_gaps(text)
    return 2 <= len(t) <= 40 and bool(ORGAN.search(t)) and not re.search(r"[，,。；：:]", t)


def find_title(texts: list[str]) -> tuple[str, int, int] | None:
    """(title, first index, last index) of the title in the head lines of a document:
    the first line holding 关于…, joined with the lines that finish it, with the issuer in
    front when it stands on the line before (合川区…办公室 / 关于印发… / …的通知)."""
    for i, t in enumerate(texts[:30]):
        t = close_cjk_gaps(t)
        if "关于" not in t or len(t) > 90 or "。" in t or t.startswith("《"):
            continue
        first, parts, j = i, [t], i
        while not TITLE_END.search(parts[-1]) and j + 1 < len(texts) and j - i < 3:
            j += 1
            nxt = close_cjk_gaps(texts[j])
            if not nxt or "。" in nxt or len(nxt) > 40:
                j -= 1
                break
            parts.append(nxt)
        if not TITLE_END.search(parts[-1]):
            continue
        if t.startswith("关于") and i > 0 and is_organ(texts[i - 1]):
            parts.insert(0, close_cjk_gaps(texts[i - 1]))
            first = i - 1
        return "".join(parts), first, j
    return None


def attachment_title(text: str) -> bool:
    """A short stand-alone line naming a plan/rules/points: the title of the attached text
    (重庆市綦江区科技创新发展“十四五”规划, 2022年合川区科技创新发展工作要点)."""
    t = close_cjk_gaps(text)
    return (
        6 <= len(t) <= 45
        and bool(TITLE_END.search(t))
        and not re.search(r"[，,。；：:、]", t)
        and not t.startswith(("《", "关于", "附件"))
        and "关于" not in t
        # the line that records a speech's delivery ("2025年1月20日在…会议上…作政府工作报告")
        and not _DELIVERED.search(t)
    )


_DELIVERED = re.compile(r"会议上|^\d{4}年\d{1,2}月\d{1,2}日")


# a speech (a work report) opens with its salutation: its title, if any, stands above it,
# and nothing in the speech is a title
_SPEECH_START = re.compile(r"^(?:各位代表|现在，我代表)")


def _fallback_title(texts: list[str]) -> str | None:
    for t in texts[:40]:
        t = close_cjk_gaps(t)
        if _SPEECH_START.match(t):
            return None
        if attachment_title(t):
            return t
    for t in texts[:10]:
        m = re.search(r"(?:制定|编制|印发)(?!《)(\S{4,30}?(?:规划|方案|要点))", t)
        if m:
            return m.group(1)
    return None


def _find_date(texts: list[str]) -> str | None:
    """The signing date: the first date-only line that follows a signature (an organ name,
    possibly with a parenthesised 代章 line between)."""
    for i, t in enumerate(texts):
        if not is_date_line(t) or re.search(r"印发|出版", t):
            continue
        j = i - 1
        while j >= 0 and texts[j].startswith(("（", "(")):
            j -= 1
        if j >= 0 and is_organ(texts[j]):
            return t
    m = next(
        (re.search(r"成文日期\s*\]\s*\|\s*([\d-]+)", t) for t in texts[:15] if "成文日期" in t),
        None,
    )
    return m.group(1) if m else None


def _find_issuer(texts: list[str], masthead: str | None, title: str | None) -> str | None:
    if masthead:
        names = [n for n in re.split(r"\s+", masthead.removesuffix("文件").strip()) if n]
        return "、".join(names)
    for i, t in enumerate(texts):
        if is_date_line(t) and not re.search(r"印发|出版", t):
            j = i - 1
            while j >= 0 and texts[j].startswith(("（", "(")):
                j -= 1
            if j >= 0 and is_organ(texts[j]):
                return close_cjk_gaps(texts[j])
    for t in texts[:15]:
        m = re.search(r"发布机构\s*\]\s*\|\s*([^|]+?)\s*\|", t)
        if m:
            return m.group(1)
    if title and "关于" in title and not title.startswith("关于"):
        return title.split("关于")[0] or None
    return None


@dataclass
class _Span:
    start: int
    end: int
    kind: str = "document"  # document | attachment | commentary | news | front_matter
    masthead: str | None = None
    attachments: int = 0  # attachments split off a document (printed after its signature)


def _make_document(
    src: SourceText,
    span: _Span,
    doc_id: str,
    gazette_district: str | None,
    whole_file: bool,
    parent: Document | None = None,
) -> Document | None:
    """The document of `span`, or None when its lines hold no words (only artifacts). An
    attachment (`parent` is the notice it is printed in) is issued by its notice: issuer,
    发文字号, date and place are the notice's."""
    lines = _nonblank(src, span.start, span.end)
    texts = [_text(src, n) for n in lines]
    texts = [t for t in texts if not is_artifact(t)]
    if not texts:
        return None
    title: str | None = None
    if span.kind == "front_matter":
        issue = next((t for t in texts if re.search(r"\d{4}\s*年\s*第\s*\d+\s*期", t)), "")
        title = f"{close_cjk_gaps(texts[0])} {issue}".strip()
    elif span.kind in ("commentary", "news"):
        title = close_cjk_gaps(texts[0]).lstrip("△").strip()
    else:
        found = find_title(texts)
        title = found[0] if found else _fallback_title(texts)
        if title is None and whole_file:
            # what the container says (HTML <title>, .docx properties), then the file name
            # a container's title property is often a template's or a converter's
            # (Microsoft Word - 文档1): it counts only when it reads as a title
            hint = reads_as_title(src.title_hint) if src.title_hint else None
            title = hint or reads_as_title(_stem(src.name))
    if title is None and not _SPEECH_START.match(close_cjk_gaps(texts[0])):
        title = close_cjk_gaps(texts[0])[:40]  # never a speech's salutation (各位代表：)
    doc_number = find_doc_number(texts[:12]) if span.kind == "document" else None
    issuer = _find_issuer(texts, span.masthead, title) if span.kind == "document" else None
    if span.kind == "news":
        m = re.search(r"[（(]([^()（）]{2,20})[)）]\s*$", texts[-1])
        issuer = m.group(1) if m else None
    date_raw = _find_date(texts) if span.kind == "document" else None
    if span.kind == "front_matter":
        m = GAZETTE_NAME.match(close_cjk_gaps(texts[0]))
        issuer = m.group("issuer") if m else None
        date_raw = next((t.removesuffix("出版") for t in texts if t.endswith("出版")), None)
    if span.kind == "commentary":
        # a reprint names its source under the headline: 《人民日报》(2022年11月04日 第04版)
        m = next(
            (
                re.match(r"《([^》]+)》\s*[（(]([^）)]*?日)", t)
                for t in texts[1:3]
                if t.startswith("《")
            ),
            None,
        )
        if m:
            issuer, date_raw = m.group(1), m.group(2)
    if title and issuer and "、" in issuer and title.startswith(issuer.replace("、", "")):
        # joint issuers stand side by side in the title line: name them apart
        title = issuer + title[len(issuer.replace("、", "")) :]
    if span.kind == "attachment":
        doc_type = doc_type_of(title or "", texts[:12])
    elif span.kind != "document":
        doc_type = span.kind
    elif span.attachments and title:
        # its attachments are documents of their own: a 关于印发…办法的通知 is a notice
        doc_type = doc_type_of(title.rsplit("的", 1)[-1], texts[:12])
    else:
        doc_type = doc_type_of(title or "", texts[:12])
    legacy = None
    for name in (doc_number, issuer, title):
        if name and (legacy := district_of_name(name)):
            break
    if date_raw is None and whole_file and span.kind == "document" and src.date_hint:
        date_raw = src.date_hint  # the page's own date (an HTML article's publication date)
    if parent is not None:
        issuer, doc_number = parent.issuer, parent.doc_number
        date_raw = date_raw or parent.date_raw
        found_place = places.place(parent.place_code) if parent.place_code else None
    elif span.kind == "document":
        found_place = attribute(doc_number, issuer, title, texts, legacy).place
    else:
        found_place = places.resolve(legacy, within=places.resolve("重庆市")) if legacy else None
    if found_place is None and span.kind == "news" and gazette_district:
        # 政务要闻 of a district gazette: that district's news
        found_place = places.resolve(gazette_district, within=places.resolve("重庆市"))
    meeting = speaker = None
    if doc_type == "work_report":
        meeting, speaker = meeting_and_speaker(texts)
        if date_raw is None:
            m = re.search(r"(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", "\n".join(texts[:6]))
            date_raw = m.group(0) if m else None
        if issuer is None and found_place is not None:
            issuer = f"{found_place.label}人民政府"
        if found_place is not None and (title is None or title == "政府工作报告"):
            # no title, or only the genre's name: say whose report, of which year
            year = report_year(texts)
            title = f"{year + '年' if year else ''}{found_place.label}政府工作报告"
    title = title or _stem(src.name)
    return Document(
        doc_id=doc_id,
        title=title,
        district=found_place.label if found_place else None,
        issuer=issuer,
        doc_number=doc_number,
        date=parse_date(date_raw) if date_raw else None,
        date_raw=date_raw.strip() if date_raw else None,
        doc_type=doc_type,
        source=src.name,
        line_start=span.start,
        line_end=span.end,
        place_code=found_place.code if found_place else None,
        place_level=found_place.level if found_place else None,
        place_parents=tuple(p.label for p in places.path_of(found_place)[:-1])
        if found_place
        else (),
        meeting=meeting,
        speaker=speaker,
        attached_to=parent.doc_id if parent is not None else None,
        lines=tuple(src.lines[span.start - 1 : span.end]),
    )


def _trim(src: SourceText, start: int, end: int) -> tuple[int, int] | None:
    while start <= end and not src.lines[start - 1].strip():
        start += 1
    while end >= start and not src.lines[end - 1].strip():
        end -= 1
    return (start, end) if start <= end else None


def _web_chrome(src: SourceText, dropped: dict[int, str]) -> tuple[int, int]:
    """Drop the web page's breadcrumb (and the site's header above it) and its trailer; the
    (first, last) line left."""
    n_lines = len(src.lines)
    first, last = 1, n_lines
    for n in range(1, n_lines + 1):
        t = _text(src, n)
        if WEB_CHROME.match(t):
            for k in range(first, n + 1):
                if src.lines[k - 1].strip():
                    dropped[k] = "web_page_chrome"
            first = n + 1
        if WEB_TRAILER.match(t):
            for k in range(n, n_lines + 1):
                if src.lines[k - 1].strip():
                    dropped[k] = "web_page_chrome"
            last = n - 1
            break
    return first, last


def _gazette_district(src: SourceText) -> str | None:
    for n in _nonblank(src, 1, min(len(src.lines), 40)):
        m = GAZETTE_NAME.match(close_cjk_gaps(_text(src, n)))
        if m:
            return district_of_name(m.group("issuer")) or ""
    return None


TOC_ENTRY = re.compile(r"^(?:-\s*)?\d{1,3}\s+\S")


def _gazette_spans(src: SourceText, first: int, last: int, dropped: dict[int, str]) -> list[_Span]:
    lines = _nonblank(src, first, last)
    texts = {n: _text(src, n) for n in lines}
    starts: list[tuple[int, str, str | None]] = [  # (line, kind, masthead)
        (n, "document", masthead) for n, masthead in _mastheads(src, lines)
    ]
    first_doc = starts[0][0] if starts else last + 1
    # front matter: a heading followed by prose is the 卷首语 commentary
    front = [n for n in lines if n < first_doc]
    commentary: list[int] = []
    for i, n in enumerate(front):
        if markdown_level(src.lines[n - 1]) and not GAZETTE_NAME.match(texts[n].replace(" ", "")):
            after = front[i + 1 : i + 4]
            if any(len(texts[k]) >= 80 for k in after):
                commentary.append(n)
    for n in commentary:
        starts.append((n, "commentary", None))
    # 政务要闻: every △ item is a news document
    news_label = next(
        (n for n in lines if n >= first_doc and texts[n].replace(" ", "") == NEWS_LABEL), None
    )
    if news_label:
        dropped[news_label] = "gazette_section_label"
        for n in lines:
            if n > news_label and markdown_level(src.lines[n - 1]) and texts[n].startswith("△"):
                starts.append((n, "news", None))
    starts.sort()
    spans: list[_Span] = []
    for k, (n, kind, masthead) in enumerate(starts):
        end = (starts[k + 1][0] - 1) if k + 1 < len(starts) else last
        if news_label and n < news_label < end:
            end = news_label - 1
        if kind == "commentary":
            # the commentary runs until the gazette's own header comes back
            for m in lines:
                if m > n and (
                    GAZETTE_NAME.match(texts[m].replace(" ", ""))
                    or markdown_level(src.lines[m - 1]) == 1
                ):
                    end = min(end, m - 1)
                    break
        trimmed = _trim(src, n, end)
        if trimmed:
            spans.append(_Span(trimmed[0], trimmed[1], kind, masthead))
    covered = {n for s in spans for n in range(s.start, s.end + 1)}
    # the front matter: the gazette's title page (issue, date, masthead, editorial board) is
    # a document of its own; an earlier cover repeating the title and issue is dropped
    names = [
        n
        for n in lines
        if n < first_doc and n not in covered and GAZETTE_NAME.match(texts[n].replace(" ", ""))
    ]
    if names:
        front_start = names[-1]
        front_end = min([s.start for s in spans if s.start > front_start] + [first_doc]) - 1
        trimmed = _trim(src, front_start, front_end)
        if trimmed:
            spans.append(_Span(trimmed[0], trimmed[1], "front_matter"))
            spans.sort(key=lambda s: s.start)
            covered.update(range(trimmed[0], trimmed[1] + 1))
    toc = toc_lines([(n, src.lines[n - 1]) for n in lines])
    for n in lines:
        if n not in covered and n not in dropped:
            dropped[n] = "toc" if n in toc else "gazette_cover"
    return spans


def toc_lines(numbered: list[tuple[int, str]]) -> set[int]:
    """The line numbers of a gazette's table of contents among (number, raw line) pairs of
    non-blank lines: 目录, entries with their page number in front (`- 4 重庆市綦江区人民政府
    关于…`), and the group headings above entries (`### 重庆市綦江区人民政府文件`)."""
    found: set[int] = set()
    for i, (n, raw) in enumerate(numbered):
        raw = raw.strip()
        nxt = numbered[i + 1][1].strip() if i + 1 < len(numbered) else ""
        if (
            re.sub(r"\s+", "", clean_line(raw)) == "目录"
            or TOC_ENTRY.match(raw)
            or raw.startswith("- ")
            or (markdown_level(raw) and (TOC_ENTRY.match(nxt) or nxt.startswith("- ")))
        ):
            found.add(n)
    return found


def _mastheads(src: SourceText, lines: list[int]) -> list[tuple[int, str]]:
    """(line, text) of every 发文机关标志: a line followed by a line that is only a 发文字号."""
    texts = {n: _text(src, n) for n in lines}
    return [
        (n, texts[n])
        for n, nxt in itertools.pairwise(lines)
        if _is_doc_number(texts[nxt]) and not _is_doc_number(texts[n])
    ]


def _masthead_spans(src: SourceText, first: int, last: int) -> list[_Span]:
    """A file that is not a gazette is one document, unless it holds several 发文 documents,
    each starting at its masthead; text before the first masthead is a document too."""
    lines = _nonblank(src, first, last)
    heads = _mastheads(src, lines)
    if len(heads) < 2:
        trimmed = _trim(src, first, last)
        return [_Span(*trimmed)] if trimmed else []
    starts: list[tuple[int, str | None]] = list(heads)
    if lines and lines[0] < starts[0][0]:
        starts.insert(0, (lines[0], None))
    spans = []
    for k, (n, masthead) in enumerate(starts):
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else last
        trimmed = _trim(src, n, end)
        if trimmed:
            spans.append(_Span(trimmed[0], trimmed[1], "document", masthead))
    return spans


def _with_attachments(src: SourceText, span: _Span, dropped: dict[int, str]) -> list[_Span]:
    """A 发文 document and the attachments printed after its signature, each a span: an
    attachment follows a line that is only 附件 (附件1, 附件：) when a title comes within two
    lines; that label line is dropped (`attachment_label`)."""
    if span.kind != "document":
        return [span]
    lines = _nonblank(src, span.start, span.end)
    texts = [close_cjk_gaps(_text(src, n)) for n in lines]
    signed = False
    starts: list[int] = []
    for i, (n, t) in enumerate(zip(lines, texts, strict=True)):
        if is_date_line(t):
            signed = True
        elif (
            signed and ATTACHMENT_MARK.match(t) and any(map(attachment_title, texts[i + 1 : i + 3]))
        ):
            starts.append(n)
    if not starts:
        return [span]
    bounds = [*starts, span.end + 1]
    head = _trim(src, span.start, starts[0] - 1)
    spans = [_Span(head[0], head[1], "document", span.masthead, len(starts))] if head else []
    for a, b in itertools.pairwise(bounds):
        dropped[a] = "attachment_label"
        trimmed = _trim(src, a + 1, b - 1)
        if trimmed:
            spans.append(_Span(trimmed[0], trimmed[1], "attachment"))
    return spans


def split_file(src: SourceText) -> FileLayout:
    """Cut one source file into its documents."""
    dropped: dict[int, str] = {}
    first, last = _web_chrome(src, dropped)
    gazette_district = _gazette_district(src)
    spans: list[_Span] = []
    if gazette_district is not None:
        spans = _gazette_spans(src, first, last, dropped)
        if not spans:  # a gazette-like header and nothing else we know how to cut
            dropped.clear()
            first, last = _web_chrome(src, dropped)
    if not spans:
        spans = _masthead_spans(src, first, last)
    stem = src.doc_stem or src.name.rsplit(".", 1)[0]
    docs: list[Document] = []
    for k, outer in enumerate(spans):
        doc_id = stem if len(spans) == 1 else f"{stem}#{k + 1}"
        parent: Document | None = None
        for part in _with_attachments(src, outer, dropped):
            if part.kind == "attachment" and parent is not None:
                part_id = f"{doc_id}-附件{sum(d.attached_to == doc_id for d in docs) + 1}"
            else:
                part_id = doc_id
            doc = _make_document(
                src, part, part_id, gazette_district or None, len(spans) == 1, parent
            )
            if doc is None:
                dropped.update({n: "artifact" for n in _nonblank(src, part.start, part.end)})
                continue
            docs.append(doc)
            if part.kind == "document":
                parent = doc
    return FileLayout(src, docs, dropped)
