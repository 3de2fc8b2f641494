"""Tests for kg.gazetteer on the packaged division data."""

from __future__ import annotations

import pytest

from kg.gazetteer import Division, Gazetteer, short_form


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load()


def place_names(text: str) -> set[str]:
    """The names of the places extracted from a text."""
    from kg.pipeline import extract_text

    return {e.name for e in extract_text(text).entities if e.type == "place"}


def _only(g: Gazetteer, surface: str) -> Division:
    found = g.lookup(surface)
    assert len(found) == 1, (surface, found)
    return found[0]


@pytest.mark.parametrize(
    ("surface", "name", "level"),
    [
        ("长治市", "长治市", "city"),
        ("长治", "长治市", "city"),
        ("广西", "广西壮族自治区", "provincial"),
        ("内蒙古", "内蒙古自治区", "provincial"),
        ("延边", "延边朝鲜族自治州", "city"),
        ("浦东", "浦东新区", "county"),
        ("义乌", "义乌市", "county"),
        ("昆山市", "昆山市", "county"),
        ("黔西南", "黔西南布依族苗族自治州", "city"),
        ("喀什地区", "喀什地区", "city"),
        ("虎门镇", "虎门镇", "township"),
        ("仙桃", "仙桃市", "county"),
    ],
)
def test_lookup_well_known(g: Gazetteer, surface: str, name: str, level: str) -> None:
    d = _only(g, surface)
    assert (d.name, d.level) == (name, level)


def test_chain(g: Gazetteer) -> None:
    d = _only(g, "潞州区")
    assert [x.name for x in g.chain(d.code)] == ["山西省", "长治市", "潞州区"]
    huqiu = _only(g, "虎丘区")
    assert [x.short for x in g.chain(huqiu.code)] == ["江苏", "苏州", "虎丘"]
    humen = _only(g, "虎门镇")
    assert [x.name for x in g.chain(humen.code)] == ["广东省", "东莞市", "虎门镇"]
    assert g.is_within(humen.code, g.lookup("广东省")[0].code)


def test_municipality_districts_hang_under_province(g: Gazetteer) -> None:
    d = [x for x in g.lookup("海淀区") if x.level == "county"][0]
    assert [x.name for x in g.chain(d.code)] == ["北京市", "海淀区"]


def test_former_names(g: Gazetteer) -> None:
    assert _only(g, "长治县").name == "上党区"
    assert _only(g, "襄樊").name == "襄阳市"
    assert _only(g, "襄樊市").code == _only(g, "襄阳市").code


def test_resolve_by_context(g: Gazetteer) -> None:
    nanjing, fuzhou = (_only(g, n).code for n in ("南京市", "福州市"))
    assert [x.name for x in g.chain(g.resolve("鼓楼区", [nanjing]).code)][:2] == ["江苏省", "南京市"]
    assert [x.name for x in g.chain(g.resolve("鼓楼区", [fuzhou]).code)][:2] == ["福建省", "福州市"]
    assert g.resolve("鼓楼区") is None
    assert g.resolve("西湖区", [_only(g, "浙江").code]).parent_code == _only(g, "杭州").code
    assert g.resolve("潞州区", [_only(g, "长治").code]).name == "潞州区"


def test_resolve_generic_names(g: Gazetteer) -> None:
    assert g.resolve("城区") is None
    assert g.resolve("城区", [_only(g, "晋城").code]).parent_code == _only(g, "晋城").code
    assert all(s not in {"城区", "郊区", "新区"} for s, _ in g.names())


def test_short_township_names_not_indexed(g: Gazetteer) -> None:
    assert g.lookup("城关") == []
    assert g.lookup("虎门") == []
    assert len(g.lookup("城关镇")) > 10


def test_names_flags(g: Gazetteer) -> None:
    names = dict(g.names())
    assert names["长治市"] is False
    assert names["长治"] is True


def test_short_form() -> None:
    assert short_form("新疆维吾尔自治区") == "新疆"
    assert short_form("恩施土家族苗族自治州") == "恩施"
    assert short_form("城关镇") == "城关"
    assert short_form("和县") == "和县"


def test_levels_and_codes(g: Gazetteer) -> None:
    levels = {d.level for d in g.by_code.values()}
    assert levels == {"provincial", "city", "county", "township"}
    assert len([d for d in g.by_code.values() if d.level == "provincial"]) == 34
    assert all(d.parent_code in g.by_code for d in g.by_code.values() if d.level != "provincial")


def test_ethnic_autonomous_divisions_are_found_in_their_common_written_form():
    from kg.pipeline import extract_text

    doc = extract_text("恩施州、长阳县和融水县的考察团来到我市。")
    places = {e.name: e.aliases for e in doc.entities if e.type == "place"}
    assert "恩施州" in places["恩施土家族苗族自治州"]
    assert "长阳县" in places["长阳土家族自治县"]


def test_a_village_written_after_its_town_keeps_a_name_of_rare_characters():
    from kg.pipeline import extract_text

    doc = extract_text("考察组来到松口镇横东村，察看了村集体经济发展情况。")
    assert "横东村" in {e.name for e in doc.entities if e.type == "place"}


def test_a_zone_named_with_a_county_short_form_inside_it_is_one_place():
    from kg.pipeline import extract_text

    doc = extract_text("抓住雄安新区建设机遇，金钟工业区新入驻企业12家。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"雄安新区", "金钟工业区"} <= places
    assert "安新县" not in places


def test_a_province_short_form_is_a_place_even_after_a_word_that_ends_like_it():
    from kg.pipeline import extract_text

    doc = extract_text("会议传达学习了习近平总书记对内蒙古的重要指示精神。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert "内蒙古自治区" in places and "蒙古" not in places


def test_the_autonomous_region_bodies_are_organisations_as_a_province_s_are():
    from kg.pipeline import extract_text

    doc = extract_text("自治区党委常委会召开会议，自治区政府有关负责同志参加。")
    assert {"自治区党委常委会", "自治区政府"} <= {e.name for e in doc.entities if e.type == "organization"}


def test_hamlets_and_memorial_gardens_are_places_but_a_city_ending_like_a_hamlet_is_the_city():
    from kg.pipeline import extract_text

    doc = extract_text("调研组走进木吉村横桐屯，参观叶剑英纪念园。城区与奎屯市加强合作。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"横桐屯", "叶剑英纪念园", "奎屯市"} <= places
    assert not any(p.startswith("与") for p in places)


def test_villages_with_ordinary_word_names_in_their_towns_list_and_a_name_that_looks_like_a_river():
    from kg.pipeline import extract_text

    doc = extract_text("书记先后来到西城镇联建村、团结村调研。县领导吴健、张长江参加。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"联建村", "团结村"} <= places and "张长江" not in places
    assert "张长江" in {e.name for e in doc.entities if e.type == "official"}


def test_words_that_begin_with_cun_are_no_village_suffix():
    from kg.pipeline import extract_text

    doc = extract_text("坚持财务村务全公开，规范村道路建设。")
    assert not [e.name for e in doc.entities if e.type == "place"]


def test_places_inside_idioms_slogans_and_ordinary_words_are_not_places():
    from kg.pipeline import extract_text

    doc = extract_text(
        "安全生产重于泰山。践行“绿水青山就是金山银山”理念，沿江建成缓冲带，星河璀璨。坚持文旅兴镇，发展乡村旅游。"
    )
    assert not [e.name for e in doc.entities if e.type == "place"]


def test_rivers_and_mountains_with_one_character_names_are_still_places():
    from kg.pipeline import extract_text

    doc = extract_text("调研组沿着漓江察看生态修复，登上华山，走访泉河两岸。")
    assert {"漓江", "华山", "泉河"} <= {e.name for e in doc.entities if e.type == "place"}


def test_a_place_inside_a_name_given_elsewhere_in_the_document_is_the_person():
    from kg.pipeline import extract_text

    doc = extract_text("刘永康到企业调研\n\n本报讯 市委书记刘永康到企业调研。")
    assert not [(e.name, e.aliases) for e in doc.entities if e.type == "place"]
    assert "刘永康" in {e.name for e in doc.entities if e.type == "official"}


def test_roads_named_by_verbs_and_numbered_roads_need_a_name():
    from kg.pipeline import extract_text

    doc = extract_text(
        "项目位于解放路与胜利东街交叉口，中山一路同步改造。考察团一路参观，挑起村支书重担，走好“赶考路”。"
    )
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"解放路", "胜利东街", "中山一路"} <= places
    assert not places & {"团一路", "挑起村", "赶考路"}


def test_villages_named_like_a_village_and_names_of_rare_characters_and_transliterations():
    from kg.pipeline import extract_text

    doc = extract_text("调研组前往大桥镇上村村，察看、眉坪路改建工程，又到阿依克热村调研。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"上村村", "眉坪路", "阿依克热村"} <= places


def test_townships_listed_by_their_short_names_and_the_citys_own_zone_by_its_abbreviation():
    from kg.places import find_places

    text = "书记率队到西仵、东阳关等乡镇调研，市长赴经开区察看，高新区管委会汇报。"
    found = [m.text for m in find_places(text)]
    assert found == ["西仵", "东阳关", "经开区"]


def test_townships_listed_by_short_name_resolve_to_their_division_and_a_verb_is_no_name_after_a_post():
    from kg.pipeline import extract_text

    doc = extract_text("黎城县委书记率队到西仵、东阳关等乡镇调研。")
    places = {e.name: [p["name"] for p in e.parents] for e in doc.entities if e.type == "place"}
    assert places["东阳关镇"] == ["山西省", "长治市", "黎城县"]
    assert "西仵" in next(e.aliases for e in doc.entities if e.name == "西仵乡")
    assert not [e.name for e in doc.entities if e.type == "official"]


def test_one_character_villages_after_their_town_and_no_county_in_an_acting_title_or_a_short_suffix():
    from kg.places import find_places

    assert [m.text for m in find_places("视察了新塍镇(潘村)高标准农田，又到桐乡镇李村。")] == [
        "新塍镇",
        "潘村",
        "桐乡镇",
        "李村",
    ]
    assert find_places("县委副书记、代县长周平陪同。可进一步壮大高新区产业集群。") == []
    assert [m.text for m in find_places("沿七一中路、八一路")] == ["七一中路", "八一路"]


def test_a_town_named_short_in_a_dateline_is_that_township():
    from kg.pipeline import extract_text

    doc = extract_text("据悉，海南日报博鳌3月2日电，省委副书记到琼海市调研。")
    assert {"博鳌镇", "琼海市"} <= {e.name for e in doc.entities if e.type == "place"}


def test_no_place_begins_inside_the_word_before_it_or_hides_in_a_common_word():
    from kg.places import find_places

    assert [m.text for m in find_places("鹿鸣村创建美丽乡村示范村，要发挥新乡贤作用。")] == ["鹿鸣村"]


def test_a_national_archaeological_park_is_one_place():
    from kg.places import find_places

    found = find_places("听取二里头国家考古遗址公园建设情况汇报。")
    assert [m.text for m in found] == ["二里头国家考古遗址公园"]


def test_a_river_whose_character_reads_as_a_verb_is_named_by_its_township_and_a_reach():
    # 弥 alone is tagged as a verb; the gazetteer's 弥河镇 and the reach after it make 弥河 a river
    found = place_names("市长沿弥河两岸察看，调研弥河流域综合治理。队伍跨河两岸布防。")
    assert "弥河" in found
    assert not [p for p in found if p.startswith("跨")]


def test_a_park_named_after_a_river_holds_the_rivers_name():
    from kg.places import find_places

    found = find_places("来到临汾市汾河公园，又看了黄河湿地公园。沿着汾河走到公园，途经黄河大桥。")
    assert [m.text for m in found] == ["临汾市", "汾河公园", "黄河湿地公园", "汾河", "黄河"]


def test_a_town_suffix_inside_an_ordinary_word_that_goes_on_and_an_honour_are_no_places():
    from kg.places import find_places

    assert find_places("推进新型城镇化，打造宜居城镇群，争创茶叶第一村。") == []
    assert [m.text for m in find_places("来到新城镇建设工地")] == ["新城镇"]


def test_a_list_of_policy_words_before_rural_revitalisation_names_no_townships():
    from kg.pipeline import extract_text

    doc = extract_text("座谈中畅叙产业发展、民族团结等乡村振兴事项。")
    assert [e.name for e in doc.entities if e.type == "place"] == []


def test_a_model_village_named_by_a_modifier_is_no_village():
    from kg.places import find_places

    assert [m.text for m in find_places("先后到红星镇典型示范村、东风乡典型村调研。")] == ["红星镇", "东风乡"]


def test_counted_units_and_a_lake_inside_a_slogan_are_no_places():
    from kg.pipeline import extract_text

    doc = extract_text("推动“百县千镇万村高质量发展工程”，统筹山水林田湖草沙一体化保护，游览西湖景区。")
    assert [e.name for e in doc.entities if e.type == "place"] == ["西湖景区"]


def test_a_word_of_position_after_a_conjunction_begins_a_village_named_by_a_county():
    from kg.pipeline import extract_text

    doc = extract_text("调研组先后走访了石门乡红旗村和前岱山村，村后岱山村民小组也在其中。")
    names = [e.name for e in doc.entities if e.type == "place"]
    assert "前岱山村" in names and "岱山村" not in names


def test_divisions_in_general_a_distance_and_a_function_word_before_a_city_make_no_place_names():
    from kg.pipeline import extract_text

    doc = extract_text(
        "有关镇街负责人参加。推进“十五分钟社区生活圈”建设，加快威海至青岛城际铁路建设，深度融入顺义城乡建设。"
    )
    names = {e.name for e in doc.entities if e.type == "place"}
    assert "青岛市" in names
    assert not names & {"关镇街", "十五分钟社区", "至青岛", "顺义城乡"}


def test_villages_in_a_list_and_after_their_village_committee_and_words_that_name_no_village():
    from kg.pipeline import extract_text

    doc = extract_text(
        "巡察组进驻东塘村、建兴村、勾石村。一行到城西镇青松村委会大塘坡村、白沙村委会黄泥村调研，"
        "来到挂钩联系村和小康村，书写青松村振兴新篇章，建设岭南新乡村，共叙山海情谊。"
    )
    names = {e.name for e in doc.entities if e.type == "place"}
    assert {"东塘村", "建兴村", "勾石村", "大塘坡村", "黄泥村", "青松村", "白沙村"} <= names
    assert not names & {"联系村", "小康村", "书写青松村", "新乡村", "委会大塘坡村", "岭南新乡村"}


def test_a_rare_county_short_name_where_a_place_is_named_is_the_county_without_other_places():
    from kg.pipeline import extract_text

    doc = extract_text("吸引更多企业到鹿寨投资兴业，为鹿寨经济发展作出贡献。要做到强农惠农富农。")
    names = {e.name for e in doc.entities if e.type == "place"}
    assert names == {"鹿寨县"}


def test_the_part_of_a_province_named_by_a_direction_is_a_place_unless_a_name_goes_on():
    from kg.pipeline import extract_text

    doc = extract_text("推动皖北振兴，加快豫东地区发展。县政协聚焦“浙北粮仓”核心区建设。")
    names = {e.name for e in doc.entities if e.type == "place"}
    assert {"皖北", "豫东地区"} <= names and "浙北" not in names


def test_villages_named_by_their_weakness_and_a_roads_width_are_no_places():
    from kg.pipeline import extract_text

    doc = extract_text("项目带动集体经济薄弱村发展养殖，道路设计路宽12米，途经青石村。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"青石村"}


def test_rural_roads_idioms_and_words_that_run_over_a_suffix_are_no_places():
    from kg.pipeline import extract_text

    doc = extract_text(
        "这里山清水秀，新修的入户路替代了泥巴路，要提高城乡居民收入，让父老乡亲走出贵州大山，"
        "以前村里的级贫困村都已摘帽，新建文体广场一处，走访白鹿乡和青石村。"
    )
    assert {e.name for e in doc.entities if e.type == "place"} == {"贵州省", "白鹿乡", "青石村"}


def test_business_districts_and_national_parks_are_places_and_a_new_area_keeps_its_city():
    from kg.pipeline import extract_text

    doc = extract_text("龙泉湖商务区签约三个项目，兰州新区加快发展，七百弄国家地质公园接待游客。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"龙泉湖商务区", "兰州新区", "七百弄国家地质公园"} <= places


def test_verbs_of_going_to_a_village_kinds_of_village_and_a_time_word_make_no_places():
    from kg.pipeline import extract_text

    doc = extract_text(
        "这里曾是贫困村、垃圾村、上访村，如今青石村驻村干部推动电商进村、科技下乡，促进乡风文明，"
        "目前白鹿镇要让群众少跑路。"
    )
    assert {e.name for e in doc.entities if e.type == "place"} == {"青石村", "白鹿镇"}


def test_deltas_metropolitan_circles_city_clusters_and_new_towns_are_places():
    from kg.pipeline import extract_text

    doc = extract_text("融入珠江三角洲、南京都市圈和长株潭城市群，加快建设合肥新城。")
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"珠江三角洲", "南京都市圈", "长株潭城市群", "合肥新城"} <= places


def test_counties_named_like_proper_nouns_autonomous_counties_and_coded_roads():
    from kg.pipeline import extract_text

    doc = extract_text(
        "内蒙古自治区考察团从和林格尔出发，经G210到融水自治县，又赴梅州市丰顺调研，沿途看到和平景象。"
    )
    places = {e.name: e.aliases for e in doc.entities if e.type == "place"}
    assert {"和林格尔县", "G210", "融水苗族自治县", "丰顺县"} <= set(places)
    assert "融水自治县" in places["融水苗族自治县"]
    assert not [name for name in places if name.startswith("和平")]


def test_villages_named_like_a_hill_village_or_after_a_village_in_a_list_are_places():
    from kg.pipeline import extract_text

    doc = extract_text("工作组赴茅山村、章村村、河垓村等地，又来到一个小山村。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"茅山村", "章村村", "河垓村"}


def test_an_idiom_after_a_village_a_stream_and_kinds_of_village_by_people_or_rank_are_no_places():
    from kg.pipeline import extract_text

    doc = extract_text("石门村山清水秀，沿着绕村溪流查看水质，这里是少数民族村，也是首批示范村。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"石门村"}


def test_coded_roads_with_their_class_mountain_slopes_and_no_place_in_a_formula_a_patrol_or_a_section():
    from kg.pipeline import extract_text

    doc = extract_text(
        "治理好三江一山，河长加强巡河，解决交界河段采砂问题，传承弘扬黄河文化。"
        "秦岭北麓的省道S218穿过青石村，白杨至红柳段二级公路开工。"
    )
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"秦岭北麓", "省道S218", "青石村"} <= places
    assert not [p for p in places if p.endswith(("一山", "巡河", "交界河", "公路")) or p.startswith("弘扬")]


def test_a_two_character_county_is_not_read_where_its_suffix_begins_a_word():
    from kg.pipeline import extract_text

    doc = extract_text("全力建设强富美新县域。此前，考察组到新县调研茶产业。")
    mentions = [m for e in doc.entities if e.type == "place" for m in e.mentions]
    assert [(m.text, m.start) for m in mentions] == [("新县", 18)]


def test_a_village_named_before_a_kind_of_village_is_one_and_no_name_begins_with_a_date():
    places = place_names(
        "学员来到乐平镇侯庄新村，又参观了移民新村。今年7月桃江举办推介会，9月澧江流域开展巡查。"
    )
    assert {"乐平镇", "侯庄新村"} <= places
    assert not [p for p in places if p.startswith(("月", "移民"))]


def test_kinds_of_village_by_wealth_or_standing_are_no_places():
    assert place_names("收入超50万元的“经济强村”达440个，普通村、后进村也在增收，桃源村最富。") == {"桃源村"}


def test_the_village_a_first_secretary_is_stationed_in_is_a_village_even_named_by_a_word():
    found = place_names("工作队队员陈晓鹏（驻新村第一书记）、唐海荣（驻马路村第一书记）参加。")
    assert found == {"新村", "马路村"}


def test_a_province_that_brands_a_firm_is_no_place_there_but_a_district_in_a_local_firm_is():
    found = place_names("安徽交控集团党委书记、董事长项小龙率队来我县。随后来到龙沙区热力公司调度中心。")
    assert found == {"龙沙区"}


def test_epithets_honours_river_chiefs_idioms_and_a_colleges_party_committee_name_no_place():
    found = place_names(
        "南昌师范学院党委书记王金平一行调研。打造海南侨乡、花城果乡，拿出真金白银。"
        "区总河长王强巡河，疏浚区护城河。双峰村是川茶名镇所在地。"
    )
    assert found == {"海南省", "双峰村"}


def test_science_cities_and_pilot_zones_are_zones():
    found = place_names("到梁溪科技城、中关村科学城调研，考察博鳌乐城先行区。")
    assert {"梁溪科技城", "中关村科学城", "博鳌乐城先行区"} <= found


def test_named_sections_of_a_river_are_places_and_kinds_of_stretch_are_not():
    found = place_names(
        "调研组先后到龙川江曲石段、大盈江（南底河）腾越段、和顺段巡查。加强河道下游段整治，推进长江干流段保护。"
    )
    assert {"龙川江曲石段", "腾越段", "和顺段", "大盈江", "长江"} <= found
    assert not [p for p in found if p.endswith(("下游段", "干流段"))]


def test_no_place_begins_with_an_idiom_a_measure_a_count_or_a_leaders_head():
    found = place_names(
        "要紧密结合新区实际。区领导孙殿镇、杨庸出席。10万元以上村占比上升。我们流域内还有5个河渠断面。"
        "到兄弟村实地看。读万卷书·行万里路。明水乡祝家沟村变了样。"
    )
    assert found == {"明水满族乡", "祝家沟村"}


def test_a_short_form_named_like_a_mountain_or_lake_is_a_place_on_any_page():
    found = place_names("景区有武夷山和千岛湖。")
    assert {"武夷山市", "千岛湖镇"} <= found
    assert not [p for p in found if p.startswith("和")]


def test_historic_blocks_cemeteries_and_bays_are_places():
    found = place_names("游客漫步陶阳里历史文化街区，到天竺山烈士陵园祭扫，来到罗源湾畔，港湾风光好。")
    assert {"陶阳里历史文化街区", "天竺山烈士陵园", "罗源湾"} <= found
    assert "港湾" not in found


def test_a_short_name_that_begins_with_a_level_is_no_place_inside_a_word():
    found = place_names("信用建设在全国县级市中位列第24位，在助力桂林市打造世界级旅游城市中展现作为。")
    assert found == {"桂林市"}


def test_a_province_and_its_city_written_together_are_two_places():
    found = place_names("奋力谱写中国式现代化建设河北唐山篇章，与江西九江签订协议。")
    assert {"河北省", "唐山市", "江西省", "九江市"} <= found
    assert not [p for p in found if p in ("河北唐山", "江西九江")]


def test_villages_named_short_in_a_list_of_villages():
    found = place_names(
        "区长前往陈东乡蕉坑、石岭、道仁等村调研，推进交通、水利等村级设施建设。又到毛庄村、青墩村等村走访。"
    )
    assert {"陈东乡", "蕉坑村", "石岭村", "道仁村", "毛庄村", "青墩村"} <= found
    assert not [p for p in found if p.endswith("村村")]
    assert not [p for p in found if "等" in p or p.startswith(("交通", "水利"))]


def test_places_visited_in_a_list_share_the_suffix_of_the_last():
    found = place_names(
        "副区长先后到民主、东正、北山、珠山社区走访。要推进老旧小区、城中村改造和交通、水利、文化村建设。"
    )
    assert {"民主社区", "东正社区", "北山社区", "珠山社区"} <= found
    assert not [p for p in found if p.startswith(("老旧", "旧小区", "交通", "水利"))]


def test_a_villages_roads_and_village_by_village_name_no_village_and_numbered_roads_stay():
    found = place_names("协调后盾单位出钱,修缮村路,建活动场所。以县为单位逐村研判需求。在中山一路交汇处。")
    assert found == {"中山一路"}


def test_a_village_named_new_village_is_a_village_though_new_village_is_a_kind():
    from kg.pipeline import extract_text

    doc = extract_text("他是大坪乡新村村的村民。县里推进新村建设。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"大坪乡", "新村村"}


def test_a_person_named_like_a_town_is_no_town():
    from kg.pipeline import extract_text

    doc = extract_text("会议补选王建国、陈德镇同志为市人大代表。他随后来到张家镇调研。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"张家镇"}


def test_a_city_short_name_before_the_word_land_is_the_city_even_where_a_word_crosses_its_end():
    found = place_names("盛夏时节，鄂州大地生机勃发。金秋时节，丹东大地处处繁忙。")
    assert {"鄂州市", "丹东市"} <= found
    assert place_names("加快东大地块开发建设。") == set()


def test_levels_of_cadres_a_way_all_along_kinds_of_estate_and_zone_and_an_editors_credit_are_no_places():
    found = place_names(
        "书记来到柳溪镇上塘村，听取村、镇干部汇报。让客商在本地投资一路顺心、审批一路绿灯。"
        "清理住宅小区周边，研究推进省级开发区发展的举措，到中山一路走访。\n责编:王清河一审:赵某某"
    )
    assert found == {"柳溪镇", "上塘村", "中山一路"}


def test_a_village_after_its_town_holding_a_towns_short_name_and_kinds_of_reservoir_estate_and_village():
    found = place_names(
        "先后来到石门镇沙河口村、胡家村调研。凤凰湖水库是全县唯一一座中型水库，全市大中型水库12座。"
        "清理三无小区、高层小区，属地街道要负责，发展刺绣专业村。"
    )
    assert {"石门镇", "沙河口村", "胡家村", "凤凰湖水库"} <= found
    assert not [p for p in found if p.endswith(("型水库", "小区", "专业村")) or p == "属地街道"]


def test_a_named_region_written_with_diqu_is_named_so():
    assert {"珠三角地区", "黔中地区"} <= place_names("对接珠三角地区产业转移，融入黔中地区发展。")


def test_two_characters_that_make_no_word_name_a_place_whatever_their_tags_unless_a_word_runs_into_them():
    found = place_names("先后来到稼先公园、兴东社区调研。要了解漓江保护情况，整治同小区周边环境。")
    assert {"稼先公园", "兴东社区"} <= found
    assert not [p for p in found if p.startswith(("解", "治"))]


def test_a_city_is_not_read_across_two_words_that_hold_its_characters():
    assert place_names("北海市是首批对外开放沿海城市。") == {"北海市"}
    assert place_names("代表团到海城市考察。") == {"海城市"}


def test_a_water_suffix_that_begins_a_villages_name_and_a_zone_named_by_a_verb_name_no_place():
    assert place_names("在七湾村党员活动中心开会。要深化开发区改革，建设火炬高新区。") == {
        "七湾村",
        "火炬高新区",
    }


def test_a_village_numbered_one_after_its_first_character_is_a_village():
    found = place_names("副区长一行到横一村调研。每一村都要建好阵地，打造一村一品。")
    assert found == {"横一村"}


def test_a_natural_village_is_a_village_and_a_count_of_them_names_none():
    found = place_names("县长到常楼自然村调研。全县有120个自然村。")
    assert found == {"常楼自然村"}


def test_a_waters_suffix_that_begins_an_areas_name_names_no_water():
    found = place_names("县委书记到马迹塘镇调研。桃江龙溪片区乡村振兴示范区由五个村组成。")
    assert "龙溪片区" in found and "桃江龙溪" not in found


def test_a_city_before_a_more_frequent_word_than_the_one_across_its_end_and_no_chamber_in_a_fair():
    from kg.pipeline import extract_text

    doc = extract_text("市长率代表团赴上海参加招商会。温州商会会长王某出席。")
    assert {e.name for e in doc.entities if e.type == "place"} == {"上海市"}
    assert {e.name for e in doc.entities if e.type == "organization"} == {"温州商会"}


def test_kinds_of_villages_regions_of_policy_and_inland_waters_name_no_place():
    found = place_names(
        "承接东部地区产业转移，发展周口内河航运。我校新农村发展研究院签约。探索村企共建，推进非贫困村建设。"
    )
    assert found == {"周口市"}


def test_a_township_listed_after_townships_is_named_whole_and_townships_of_two_kinds_name_none():
    found = place_names(
        "在萨麦苏木、嘎海乐苏木、满都宝力格镇调研时，听取各苏木镇工作汇报。旗长深入东部苏木镇走访。"
    )
    assert found == {"萨麦苏木", "嘎海乐苏木", "满都宝力格镇"}


def test_a_river_named_by_its_reach_and_no_village_named_by_a_verb_addressing_its_cadres():
    found = place_names("察看长江上游生态环境，保护黄河流域。他叮嘱村党支部书记带领群众，到团结村调研。")
    assert found == {"长江", "黄河流域", "团结村"}


def test_a_countys_short_name_after_a_township_or_a_listed_village_begins_a_villages_name():
    assert "乌兰道崩嘎查" in place_names("调研组来到敖勒召其镇乌兰道崩嘎查查看。")
    listed = place_names("走访敖勒召其镇塔班陶勒盖嘎查、乌兰道崩嘎查等地。推进僰王山镇永寿片乡村振兴。")
    assert {"乌兰道崩嘎查", "塔班陶勒盖嘎查"} <= listed and not {"道崩嘎查", "永寿片乡村"} & listed


def test_a_graded_road_and_a_coded_road_with_its_name_are_roads():
    found = place_names("S228安枞一级公路是北沿江一级公路重要组成部分。走进G352线路施工现场。")
    assert found == {"S228安枞一级公路", "北沿江一级公路", "G352"}


def test_a_street_listed_before_a_town_numbered_park_roads_and_no_road_among_utilities():
    found = place_names(
        "区委书记到浩然街道、伙牌镇调研。在朱庄园区2号路西段、3号路口察看。加快水电路气网等基础设施配套建设。"
    )
    assert {"浩然街道", "伙牌镇", "2号路"} <= found and not {"水电路", "3号路"} & found


def test_no_village_is_named_by_a_verb_after_an_adverb_and_no_road_runs_into_a_villages_name():
    found = place_names(
        "不断深化村党支部领导村民自治实践，充分发挥村两委作用。基金会在联系村东巷口村召开会议。到团结村党支部调研。"
    )
    assert found == {"东巷口村", "团结村"}


def test_a_county_named_short_after_its_city_named_short_and_a_town_right_after_its_county():
    found = place_names(
        "民革四川省委会一行赴广安武胜调研。巴中市巴州区化城镇宋家碥村为联系村。推进新型城镇化，全县城镇建设。"
    )
    assert found == {"四川省", "广安市", "武胜县", "巴中市", "巴州区", "化城镇", "宋家碥村"}


def test_a_village_listed_after_a_town_and_a_conjunction_begins_after_the_conjunction():
    found = place_names("听取五华县和安流镇、梅林镇及红山村、新光村关于工作汇报。到黑家堡镇泥河口村调研。")
    assert {"红山村", "新光村", "泥河口村"} <= found and not [p for p in found if p.startswith("及")]


def test_a_street_is_also_named_by_its_office():
    from kg.pipeline import extract_text

    doc = extract_text("市委书记察看了新堤办事处南河村、乌林镇乌林村等地。")
    places = {e.name: e for e in doc.entities if e.type == "place"}
    assert "新堤办事处" in places["新堤街道"].aliases
    assert [p["name"] for p in places["南河村"].parents][-1] == "新堤街道"


def test_a_zone_cut_down_to_a_word_as_common_as_economy_is_no_place():
    found = place_names("察看了黑米产学研示范基地、荷虾种养循环经济示范区等。走进雄安新区。")
    assert found == {"雄安新区"}


def test_a_free_trade_zone_and_its_city_area_are_one_place_and_its_committee_one_body():
    from kg.pipeline import extract_text

    doc = extract_text(
        "中国（湖南）自由贸易试验区长沙片区管委会主任周某某介绍，福建自贸试验区厦门片区新落地项目12个。"
    )
    found = {e.type: set() for e in doc.entities}
    for e in doc.entities:
        found[e.type].add(e.name)
    assert {"中国（湖南）自由贸易试验区长沙片区", "福建自贸试验区厦门片区"} <= found["place"]
    assert "中国（湖南）自由贸易试验区长沙片区管委会" in found["organization"]
    official = next(e for e in doc.entities if e.name == "周某某")
    assert [t.text for t in official.titles] == ["中国（湖南）自由贸易试验区长沙片区管委会主任"]


def test_a_villages_family_hill_name_a_lake_after_this_citys_level_and_a_river_named_after_a_town():
    found = place_names("调研组先后到李家山村、偏远山村走访，察看我市洪泽湖保护情况，开展清江河巡河。")
    assert {"李家山村", "洪泽湖", "清江河"} <= found
    assert not [p for p in found if p in ("偏远山村", "市洪泽湖")]


def test_a_districts_short_name_of_three_rare_characters_stands_alone_anywhere():
    from kg.pipeline import extract_text

    doc = extract_text("区委书记强调，沙坪坝拥有丰富的科教资源，要展现沙坪坝新作为。")
    assert "沙坪坝区" in {e.name for e in doc.entities if e.type == "place"}


def test_named_farm_and_garden_parks_and_a_hill_village_among_villages_are_places():
    found = place_names(
        "走访梅坑村、香山村、山岙村。青溪生态农业观光园瓜果飘香，白沙江花卉园鲜花绽放，建设一批生态园。"
    )
    assert {"香山村", "青溪生态农业观光园", "白沙江花卉园"} <= found
    assert "生态园" not in found
