"""Build the indicator tables of the held-out indicator sets as real .docx files.

None of the shared work reports has a table, so a held-out indicator set would test only
prose. Each table is built from a provincial 2025 work report (../shared/external): each row is
a target the report states in prose for 2025 (主要预期目标 and the 科技 or 产业 work), with the
2024 figure where its review of 2024 states one. The values were copied by hand from the report
by the set's annotator; the cells are printed the way plan tables print them (5左右, 40以上,
>2300, — for no figure).
- benchmarks/data/shaanxi_2025_targets.docx: 《2025年陕西省政府工作报告》 (set `heldout`);
- benchmarks/data/henan_2025_targets.docx: 《2025年河南省政府工作报告》 (set `heldout2`);
- benchmarks/data/shandong_2025_targets.docx: 《2025年山东省政府工作报告》 (set `heldout3`).

    python -m benchmarks.make_indicator_table_docx [shaanxi|henan|shandong]
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
OUT = DATA / "shaanxi_2025_targets.docx"

HEADER = ("序号", "指标", "单位", "2024年", "2025年")
ROWS = (
    ("地区生产总值增长", "%", "5.3", "5左右"),
    ("一般公共预算收入增长", "%", "—", "3"),
    ("城镇居民人均可支配收入增长", "%", "—", "5"),
    ("农村居民人均可支配收入增长", "%", "—", "6"),
    ("城镇新增就业", "万人", "—", "40以上"),
    ("城镇调查失业率", "%", "5.3", "5.5左右"),
    ("居民消费价格涨幅", "%", "—", "2左右"),
    ("粮食产量", "万吨", "1352.3", "1300以上"),
    ("进出口总值增长", "%", "12.3", "5"),
    ("技术合同成交额", "亿元", "—", "5000以上"),
    ("新建中试基地和概念验证中心", "家", "—", "20"),
    ("攻关关键核心技术", "项", "—", "100"),
    ("新增成果转化企业", "家", "—", "1000"),
)


HENAN_ROWS = (
    ("地区生产总值增长", "%", "5.1", "5.5左右"),
    ("规上工业增加值增长", "%", "8.1", "7左右"),
    ("固定资产投资增长", "%", "7", "7左右"),
    ("社会消费品零售总额增长", "%", "6.1", "6左右"),
    ("一般公共预算收入增长", "%", "—", "4左右"),
    ("城镇调查失业率", "%", "—", "5.5左右"),
    ("城镇新增就业", "万人", "120", "110以上"),
    ("居民消费价格涨幅", "%", "—", "2左右"),
    ("粮食产量", "亿斤", "1344", "1300以上"),
    ("技术合同成交额", "亿元", "1759", ">2300"),
    ("企业研发投入增长", "%", "—", "15以上"),
    ("高新技术企业总量", "万家", "1.3", ">1.4"),
    ("整车产量", "万辆", "110", "200"),
    ("新能源汽车产量", "万辆", "70", "140"),
    ("新增规上工业企业", "家", "—", "2500"),
)

SHANDONG_ROWS = (
    ("地区生产总值增长", "%", "5.7", "5以上"),
    ("一般公共预算收入增长", "%", "—", "3"),
    ("城镇调查失业率", "%", "—", "5.5左右"),
    ("城镇新增就业", "万人", "124.5", "110以上"),
    ("粮食总产", "亿斤", "1142", "1100以上"),
    ("交通完成投资", "亿元", "3252", "2500"),
    ("水利完成投资", "亿元", "748", "800"),
    ("高速公路通车里程", "公里", ">8700", ">9300"),
    ("新建改造农村公路", "公里", "7570", "5000"),
    ("农村规模化供水率", "%", "95", "96以上"),
    ("新增家庭养老床位", "万张", "1.1", "1"),
    ("特殊困难家庭适老化改造", "万户", "3", "1.5"),
    ("国家临床重点专科建设项目", "个", "17", "12"),
    ("公办幼儿园在园幼儿占比", "%", ">60", "63"),
    ("新增省级乡村振兴片区", "个", "—", "75"),
)

# name: (file, title, the report it was copied from, rows)
TABLES = {
    "shaanxi": (OUT, "2025年陕西省经济社会发展主要指标", "2025年陕西省政府工作报告", ROWS),
    "henan": (
        DATA / "henan_2025_targets.docx",
        "2025年河南省经济社会发展主要指标",
        "2025年河南省政府工作报告",
        HENAN_ROWS,
    ),
    "shandong": (
        DATA / "shandong_2025_targets.docx",
        "2025年山东省经济社会发展主要指标",
        "2025年山东省政府工作报告",
        SHANDONG_ROWS,
    ),
}


def build(name: str = "shaanxi") -> Path:
    return build_table(*TABLES[name])


def build_table(path: Path, title: str, report: str, rows: tuple[tuple[str, ...], ...]) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = title
    d.add_heading(title, level=1)
    d.add_paragraph(f"根据《{report}》整理，2024年为报告所述全年完成情况。")
    d.add_paragraph(f"表1  {title}")
    table = d.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for i, row in enumerate(rows, 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(i), *row)):
            cell.text = text
    d.add_paragraph("注：“—”表示报告未列出2024年数值。")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


if __name__ == "__main__":
    import sys

    print(build(*sys.argv[1:2]))
