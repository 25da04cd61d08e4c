"""Build benchmarks/data/shaanxi_2025_targets.docx: an indicator table in a real .docx.

None of the shared work reports has a table, so the held-out indicator set would test only
prose. This table is built from 《2025年陕西省政府工作报告》 (../shared/external): each row is a
target the report states in prose for 2025 (主要预期目标 and the 科技 section), with the 2024
figure where its review of 2024 states one. The values were copied by hand from the report;
the cells are printed the way plan tables print them (5左右, 40以上, — for no figure).

    python -m benchmarks.make_indicator_table_docx
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "shaanxi_2025_targets.docx"

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


def build(path: Path = OUT) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = "2025年陕西省经济社会发展主要指标"
    d.add_heading("2025年陕西省经济社会发展主要指标", level=1)
    d.add_paragraph("根据《2025年陕西省政府工作报告》整理，2024年为报告所述全年完成情况。")
    d.add_paragraph("表1  2025年陕西省经济社会发展主要指标")
    table = d.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for i, row in enumerate(ROWS, 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(i), *row)):
            cell.text = text
    d.add_paragraph("注：“—”表示报告未列出2024年数值。")
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


if __name__ == "__main__":
    print(build())
