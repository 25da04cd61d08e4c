"""Places in an index of documents from several provinces: filters at every level, the place
finder by level, and questions naming places. Excerpts of the shared reports (their heads and
the lines naming 氢能) keep the index small enough to embed with the real model in seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import UserError
from corpus.settings import Settings

REPO = Path(__file__).resolve().parent.parent
EXTERNAL = REPO.parent / "shared" / "external"
CITY_TXT = EXTERNAL / "city-work-reports-2024" / "txt"
PROVINCE = EXTERNAL / "province-work-reports-2025" / "2025年山东省政府工作报告.docx"

pytestmark = pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external absent")


def _excerpt(lines: list[str], topic: str = "氢能") -> str:
    head = [x for x in lines if x.strip()][:10]
    hits = [x for x in lines if topic in x][:3]
    return "\n\n".join(dict.fromkeys(head + hits)) + "\n"


@pytest.fixture(scope="module", params=("local", "milvus"))
def places_index(request, tmp_path_factory):
    """The excerpts indexed on each store (milvus: an embedded milvus-lite .db)."""
    import docx

    import index

    folder = tmp_path_factory.mktemp(f"places-{request.param}") / "docs"
    (folder / "cities").mkdir(parents=True)
    for city in ("宜宾", "三亚", "芜湖"):
        text = (CITY_TXT / f"{city}.txt").read_text("utf-8").splitlines()
        (folder / "cities" / f"{city}.txt").write_text(_excerpt(text), encoding="utf-8")
    paragraphs = [p.text for p in docx.Document(str(PROVINCE)).paragraphs]
    (folder / f"{PROVINCE.stem}.txt").write_text(_excerpt(paragraphs), encoding="utf-8")
    root = folder.parent
    store = "local" if request.param == "local" else f"milvus:{root / 'planqa.db'}"
    settings = Settings(
        index_dir=root / "index", cache_dir=REPO / ".planqa" / "test-cache", store=store
    )
    index.build(settings, [folder], progress=False)
    return index.open(settings.index_dir, settings)


def test_documents_carry_their_places(places_index):
    by_source = {d.source: d for d in places_index.documents}
    yibin = by_source["cities/宜宾.txt"]
    assert (yibin.district, yibin.place_level, yibin.place_parents) == (
        "宜宾市",
        "city",
        ("四川省",),
    )
    shandong = by_source[f"{PROVINCE.stem}.txt"]
    assert (shandong.district, shandong.place_level) == ("山东省", "province")
    assert places_index.districts() == ["三亚市", "宜宾市", "山东省", "芜湖市"]


def test_a_province_filter_covers_its_cities(places_index):
    from index.types import Filters

    hits = places_index.search("经济增长", k=20, filters=Filters(districts=("四川",)))
    assert hits and {h.chunk.district for h in hits} == {"宜宾市"}
    with pytest.raises(UserError, match="unknown place '火星'"):
        places_index.search("经济", filters=Filters(districts=("火星",)))


def test_places_at_each_level(places_index):
    from qa.filters import default_level, places_at

    assert default_level(places_index) == "city"  # three city reports, one provincial
    assert places_at(places_index, "city") == ["三亚市", "宜宾市", "芜湖市"]
    # the provinces asked about are those with documents of their own: 四川省 is no province of
    # this corpus because 宜宾's report is inside it
    assert places_at(places_index, "省") == ["山东省"]
    assert places_at(places_index, "county") == []  # nothing issued below a city


def test_which_cities_and_which_provinces_mention_a_topic(places_index):
    from qa.districts import districts

    cities = districts("哪些城市提到了氢能？", places_index)
    assert cities.level == "city" and len(cities.districts) == 3
    assert set(cities.mentioned) == {"芜湖市"}  # grep: only 芜湖's excerpt names 氢能
    provinces = districts("氢能", places_index, level="province")
    assert provinces.level == "province" and set(provinces.mentioned) == set()
    assert [d.district for d in provinces.districts] == ["山东省"]  # not 安徽省 by 芜湖's report
    assert provinces.to_dict()["level"] == "province"
    # 哪些地方 over cities and a province: each document's own place, called 地方
    anywhere = districts("哪些地方提到了氢能？", places_index)
    assert anywhere.level == "mixed" and anywhere.level_name == "地方"
    assert {"芜湖市", "山东省"} <= {d.district for d in anywhere.districts}


def test_questions_naming_places_anywhere(places_index):
    import qa

    absent = qa.answer("包头市2024年地区生产总值增长多少？", places_index)
    assert absent.abstained and "包头市" in absent.answer and "宜宾市" in absent.answer
    named = qa.answer("宜宾市过去一年地区生产总值增长多少？", places_index)
    assert all(c.district == "宜宾市" for c in named.citations)


def test_which_places_inside_a_named_place(places_index):
    """ "四川哪些城市…" asks about the cities of 四川, not 四川 itself; "山东哪个城市…" over
    山东's own report (no city of 山东 has a document) asks a fact of that report."""
    import qa
    from qa.districts import asks_inside_a_place, districts

    sichuan = districts("四川哪些城市提到了氢能？", places_index, only=["四川"])
    assert sichuan.level == "city" and [d.district for d in sichuan.districts] == ["宜宾市"]
    assert not asks_inside_a_place("四川哪些城市提到了氢能？", ["四川省"], places_index)
    assert not asks_inside_a_place("哪些城市提到了氢能？", [], places_index)
    assert not asks_inside_a_place("山东提到氢能了吗？", ["山东省"], places_index)
    assert asks_inside_a_place("山东哪个城市提到了氢能？", ["山东省"], places_index)
    fact = qa.answer("山东哪个城市提到了氢能？", places_index)
    assert (
        fact.district_report is None
        and fact.citations
        and all(c.district == "山东省" for c in fact.citations)
    )


def test_a_place_without_documents_is_looked_for_in_the_one_containing_it(places_index):
    import qa
    from qa.filters import enclosing_place

    assert enclosing_place("济南市", places_index) == "山东省"
    assert enclosing_place("叙州区", places_index) == "宜宾市"  # the nearest one
    assert enclosing_place("海淀区", places_index) is None
    a = qa.answer("山东济南的氢能产业有什么进展？", places_index)
    assert a.notice == "语料中没有济南市自己的文件，在山东省的文件中查找。"
    assert not a.abstained and all(c.district == "山东省" for c in a.citations)
    elsewhere = qa.answer("北京海淀区的氢能产业有什么进展？", places_index)
    assert elsewhere.abstained and "海淀区" in elsewhere.answer
