"""Resolution across documents: one id per real person, same names kept apart by jurisdiction."""

from __future__ import annotations

from pathlib import Path

from kg.pipeline import extract_paths, extract_text
from kg.resolve import link_corpus

CORPUS = Path(__file__).parent / "data" / "corpus"


def ids(doc, kind="official"):
    return {e.name: e.id for e in doc.entities if e.type == kind}


def test_same_name_in_two_cities_are_two_people():
    docs = {d.document.name: d for d in link_corpus(list(extract_paths(sorted(CORPUS.glob("*.txt")))))}
    changzhi, ganzhou, later = docs["changzhi_0506.txt"], docs["ganzhou_0507.txt"], docs["changzhi_0601.txt"]
    assert ids(changzhi)["王建军"] == ids(later)["王建军"]
    assert ids(ganzhou)["王建军"] != ids(changzhi)["王建军"]
    assert ids(ganzhou)["王建军"].startswith("official/王建军#")
    assert ids(changzhi)["陈立新"] == ids(later)["陈立新"]
    mention_ids = {m.entity for e in ganzhou.entities if e.name == "王建军" for m in e.mentions}
    assert mention_ids == {ids(ganzhou)["王建军"]}


def test_short_and_full_place_names_are_one_entity():
    doc = extract_text("长治市委书记王建军到长治高新区调研。他说，长治要加快转型。", "x.txt")
    places = [e for e in doc.entities if e.type == "place" and e.name == "长治市"]
    assert len(places) == 1 and places[0].aliases == ["长治"]
    assert [p["name"] for p in places[0].parents] == ["山西省"]


def test_national_leaders_are_one_person_everywhere():
    a = extract_text("习近平总书记强调，要推动高质量发展。", "a.txt")
    b = extract_text("赣州市委书记刘海说，要深入学习习近平总书记重要讲话精神。", "b.txt")
    linked = link_corpus([a, b])
    assert ids(linked[0])["习近平"] == ids(linked[1])["习近平"] == "official/习近平"


def test_full_and_short_names_of_a_body_are_one_organisation():
    doc = extract_text(
        "长治市发展和改革委员会召开会议。市发改委党组书记、主任王灵恩表示，要抓好项目。", "x.txt"
    )
    orgs = {e.name: e for e in doc.entities if e.type == "organization"}
    assert orgs["长治市发展和改革委员会"].aliases == ["市发改委", "市发改委党组"]


def test_a_body_named_by_its_level_alone_is_the_one_body_of_that_place_in_the_page():
    doc = extract_text(
        "（万秀区委宣传部供稿）区委宣传部部长李强出席。澧县县委办、县委办负责人参加。", "x.txt"
    )
    orgs = {e.name: e.aliases for e in doc.entities if e.type == "organization"}
    assert "区委宣传部" in orgs["万秀区委宣传部"] and "区委宣传部" not in orgs
    assert "县委办" in orgs["澧县县委办"] and "县委办" not in orgs
    doc = extract_text("澧县县委办、东山县委办、县委办同志列席。", "y.txt")
    assert {e.name for e in doc.entities if e.type == "organization"} == {
        "澧县县委办",
        "东山县委办",
        "县委办",
    }


def test_a_town_named_in_full_is_the_same_place_when_named_short_later_unless_the_short_name_is_a_word():
    doc = extract_text(
        "桃浦镇召开招商推进会。当前，桃浦经济企稳向好，桃浦将优化服务。城关镇召开会议，城关地区开展巡查。"
    )
    places = {e.name: len(e.mentions) for e in doc.entities if e.type == "place"}
    assert places["桃浦镇"] == 3 and "桃浦" not in places
    assert places["城关镇"] == 1


def test_a_place_lies_in_no_district_of_another_province_named_short_before_it():
    doc = extract_text(
        "常德市汉寿县强降雨影响，南湖撇洪河水位上涨。科学规划新建辛水巷等便民市场。长治市潞州区太行东街。"
    )
    parents = {e.name: [p["name"] for p in e.parents] for e in doc.entities if e.type == "place"}
    assert parents["撇洪河"] == [] and parents["辛水巷"] == []
    assert parents["太行东街"] == ["山西省", "长治市", "潞州区"]


def test_a_zone_named_with_its_citys_name_is_that_zone_in_a_page_about_anywhere():
    doc = extract_text("外省考察团走进长治高新区调研。")
    places = {e.name: [p["name"] for p in e.parents] for e in doc.entities if e.type == "place"}
    assert places == {"山西长治高新技术产业园区": ["山西省", "长治市"]}
