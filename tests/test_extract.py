"""Extraction on real text: the seed pages and hand-written articles of the same genre."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract_paths, extract_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def seeds():
    return {d.document.name[:3]: d for d in extract_paths(SEEDS)}


@pytest.fixture(scope="module")
def meeting():
    return next(extract_paths([DATA / "meeting_zhejiang.txt"]))


def by_name(doc, kind):
    return {e.name: e for e in doc.entities if e.type == kind}


def test_every_seed_page_is_extracted(seeds):
    assert len(seeds) == 5
    assert all(len(d.articles) >= 3 for d in seeds.values())


def test_pdf_split_name_is_joined_with_its_titles(seeds):
    officials = by_name(seeds["000"], "official")
    titles = [t.text for t in officials["贺思宇"].titles]
    assert titles == ["长治高新区党工委书记", "长治高新区管委会主任", "潞州区委书记"]
    assert officials["贺思宇"].level == "county"


def test_compound_titles_are_expanded(seeds):
    officials = by_name(seeds["000"], "official")
    assert [t.text for t in officials["王灵恩"].titles] == ["市发改委党组书记", "市发改委主任"]
    assert [t.text for t in officials["刘林松"].titles] == ["平顺县委书记", "平顺县县长"]
    officials = by_name(seeds["002"], "official")
    assert [t.text for t in officials["张欣宁"].titles] == ["市委常委", "市委组织部长"]


def test_listed_leaders_keep_their_order(seeds):
    officials = by_name(seeds["000"], "official")
    listed = ["陈向阳", "崔元斌", "朱静", "秦苏良", "邢张朋"]
    assert [officials[n].attrs["rank"] for n in listed] == [1, 2, 3, 4, 5]
    assert [t.text for t in officials["桑利刚"].titles] == ["市政府秘书长"]


def test_reporters_and_teachers_are_not_officials(seeds):
    assert "徐翔" in by_name(seeds["000"], "person")
    assert "徐翔" not in by_name(seeds["000"], "official")
    persons = by_name(seeds["001"], "person")
    assert "胡锦涛" in persons and "教师" in persons["胡锦涛"].role
    assert "胡锦涛" not in by_name(seeds["001"], "official")
    assert "习近平" in by_name(seeds["001"], "official")


def test_mentions_point_into_the_original_text(seeds):
    doc = seeds["000"]
    text = doc.document.text
    for entity in doc.entities:
        for m in entity.mentions:
            original = "".join(ch for ch in text[m.start : m.end] if not ch.isspace() and ch not in '“”"')
            surface = m.text.strip("“”")
            assert original.replace(",", "，").startswith(surface[0]) and original.endswith(surface[-1]), m


def test_places_resolve_to_their_parent_chain(seeds):
    places = by_name(seeds["000"], "place")
    assert [p["name"] for p in places["潞州区"].parents] == ["山西省", "长治市"]
    assert "309国道" in places and "西仵镇" in places


def test_themes_found(seeds):
    themes = by_name(seeds["000"], "theme")
    for theme in ("高质量发展", "十五五", "党的二十届四中全会"):
        assert theme in themes


def test_hand_written_meeting_report(meeting):
    officials = by_name(meeting, "official")
    assert [t.text for t in officials["欧阳振华"].titles] == ["市委书记"]
    assert [t.text for t in officials["钱立新"].titles] == ["市委副书记", "市长"]
    assert [t.text for t in officials["许丽芳"].titles] == ["市委常委", "市委宣传部部长"]
    assert officials["盛阿林"].level == "village"
    assert [officials[n].attrs["rank"] for n in ("沈国平", "金晓燕", "顾建明")] == [1, 2, 3]
    persons = by_name(meeting, "person")
    assert persons["陈晓东"].role == "记者" and persons["吴佳"].role == "通讯员"
    assert persons["钱春花"].role == "村民"
    assert len(officials["欧阳振华"].mentions) == 2


def test_hand_written_places_and_themes(meeting):
    places = by_name(meeting, "place")
    assert "长兴县" in places and "安吉县" in places
    assert any(name.endswith("黄杜村") for name in places)
    themes = by_name(meeting, "theme")
    for theme in ("两个确立", "四个意识", "十五五", "乡村振兴"):
        assert theme in themes


def test_leader_name_with_another_role_is_a_person():
    doc = next(extract_paths([DATA / "author_page.txt"]))
    assert "胡锦涛" in by_name(doc, "person")
    assert "习近平" in by_name(doc, "official")


def test_spaced_characters_are_closed_up():
    doc = extract_text("会议强调，要坚持走 绿 色 低 碳 发展道路，全面推进乡 村 振 兴。", "x.txt")
    assert "乡村振兴" in by_name(doc, "theme")


@pytest.fixture(scope="module")
def congress():
    return next(extract_paths([DATA / "congress_hunan.txt"]))


def test_names_listed_after_a_title_share_it(congress):
    officials = by_name(congress, "official")
    assert [t.text for t in officials["龙国栋"].titles] == ["市人大常委会主任"]
    for name in ("邝晓梅", "习近平", "向东来"):
        assert [t.text for t in officials[name].titles] == ["市人大常委会副主任"], name


def test_titles_written_after_the_name(congress):
    officials = by_name(congress, "official")
    assert [t.text for t in officials["覃立新"].titles] == ["市委常委", "市委秘书长"]
    assert [t.text for t in officials["冉卫东"].titles] == ["副市长"]


def test_name_without_common_surname_after_a_post(congress):
    assert "朝鲁门" in by_name(congress, "official")


def test_private_company_chairman_and_village_doctor_are_persons(congress):
    persons = by_name(congress, "person")
    assert "伍安邦" in persons and "董事长" in persons["伍安邦"].role
    assert persons["李强"].role == "乡村医生"
    assert "李强" not in by_name(congress, "official")


def test_organisations_and_projects_keep_their_own_names(congress):
    orgs = by_name(congress, "organization")
    assert "红旗社区党委" not in orgs or "桃源县漳江街道红旗社区党委" not in orgs
    assert "白鹤村党支部" in orgs and "湖南德信智造科技有限公司" in orgs
    assert not any(name.endswith(("10处", "卫生室")) for name in orgs)
    projects = by_name(congress, "project")
    assert "中联重科智能农机产业园项目" in projects


def test_slogans_and_meetings(congress):
    themes = by_name(congress, "theme")
    for theme in ("生态优先、绿色发展", "平安常德", "党的二十届四中全会"):
        assert theme in themes, theme


def test_foreign_countries_and_cities_are_places():
    doc = extract_text("我市与德国企业签约，代表团访问了大韩民国首尔。中国共产党领导。", "x.txt")
    places = by_name(doc, "place")
    assert places["韩国"].aliases == ["大韩民国"]
    assert [p["name"] for p in places["首尔"].parents] == ["韩国"]
    assert "德国" in places and "中国" not in places


def test_projects_carry_their_investment_and_themes_their_broader_theme(seeds):
    projects = by_name(seeds["000"], "project")
    assert projects["莱茵衣藻规模化生产工厂"].attrs["investment"] == "3.7亿元"
    themes = by_name(seeds["000"], "theme")
    assert themes["高质量发展"].attrs["broader"]


SEED_OFFICIALS = [  # (page, name, one of the titles the page gives)
    ("000", "习近平", ""),
    ("000", "贺思宇", "长治高新区党工委书记"),
    ("000", "王灵恩", "市发改委党组书记"),
    ("000", "张庆宏", "市住房和城乡建设局党委书记"),
    ("000", "刘林松", "平顺县委书记"),
    ("000", "谢斌", "市规划和自然资源局党组书记"),
    ("000", "陈向阳", "市领导"),
    ("000", "崔元斌", "市领导"),
    ("000", "朱静", "市领导"),
    ("000", "秦苏良", "市领导"),
    ("000", "邢张朋", "市领导"),
    ("000", "桑利刚", "市政府秘书长"),
    ("000", "李敏", "市政协主席"),
    ("000", "张宏伟", "市政协副主席"),
    ("000", "焦彦平", "市政协秘书长"),
    ("000", "王联军", "黎城县委社会工作部部长"),
    ("001", "习近平", "总书记"),
    ("002", "习近平", "中共中央总书记"),
    ("002", "孙大军", "市委书记"),
    ("002", "张欣宁", "市委常委"),
    ("002", "王刚", "市农业农村局党办主任"),
    ("002", "王永平", "市委统战部副部长"),
    ("002", "冯渊", "市自然资源局国土空间生态修复科科长"),
    ("003", "习近平", "总书记"),
    ("003", "秦书伟", "副市长"),
    ("003", "何光普", "壶关县委常委"),
    ("003", "任郁君", "潞州区东街街道党工委书记"),
    ("003", "张文波", "市应急管理局党委书记"),
    ("003", "郭爱斌", "市水利局党组书记"),
    ("003", "谢斌", "市规划和自然资源局党组书记"),
    ("003", "王鹏", "潞安化工集团常村煤矿安全副矿长"),
    ("003", "常国韦", "市城市管理局英中中队中队长"),
    ("004", "常书铭", "市委书记"),
    ("004", "习近平", "总书记"),
    ("004", "刘伟", "市领导"),
    ("004", "李哲", "市领导"),
    ("004", "冯雨平", "市卫生健康委党组书记"),
    ("004", "李喜全", "南东村党支部书记"),
]


@pytest.mark.parametrize("page,name,title", SEED_OFFICIALS)
def test_every_seed_official_is_found_with_a_right_title(seeds, page, name, title):
    officials = by_name(seeds[page], "official")
    assert name in officials, f"{name} not found as an official"
    titles = [t.text for t in officials[name].titles]
    assert not title or any(title in t or t in title for t in titles), (name, titles)


def test_a_village_lies_in_the_township_written_before_it(meeting):
    places = by_name(meeting, "place")
    assert [p["name"] for p in places["黄杜村"].parents] == ["浙江省", "湖州市", "安吉县", "溪龙乡"]
    assert [t.text for t in by_name(meeting, "official")["盛阿林"].titles] == ["村党支部书记", "村委会主任"]


def test_names_keep_the_half_width_brackets_the_page_prints():
    doc = extract_text("红禾朗(兴宁)电工有限公司签约落户。会议传达学习了市委七届五次全体(扩大)会议精神。")
    names = {e.name for e in doc.entities}
    assert {"红禾朗(兴宁)电工有限公司", "市委七届五次全体(扩大)会议"} <= names


def test_a_mediums_station_named_like_a_railway_station_is_no_place():
    doc = extract_text("红网祁东站讯 7月8日，常宁市市委书记曾义国率党政代表团来祁东县调研。")
    assert "红网祁东站" in by_name(doc, "organization") and "红网祁东站" not in by_name(doc, "place")
