"""Tests for kg.themes: the policy-theme vocabulary and numbered formulas."""

from __future__ import annotations

import pytest

from kg.pipeline import extract_text
from kg.themes import TOP_CONCEPTS, ThemeVocabulary, numbered_formulas


@pytest.fixture(scope="module")
def vocab() -> ThemeVocabulary:
    return ThemeVocabulary.load()


def test_vocabulary_loads(vocab: ThemeVocabulary) -> None:
    assert 300 <= len(vocab) <= 600
    assert all(t.broader in TOP_CONCEPTS for t in vocab)
    for label in ("高质量发展", "新质生产力", "中国式现代化", "共同富裕", "营商环境", "枫桥经验", "十四五"):
        assert vocab.concept(label) is not None, label


@pytest.mark.parametrize(
    ("surface", "preferred"),
    [
        ("新时代中国特色社会主义思想", "习近平新时代中国特色社会主义思想"),
        ("乡村全面振兴", "乡村振兴"),
        ("全面推进乡村振兴", "乡村振兴"),
        ("两山理论", "绿水青山就是金山银山"),
        ("碳达峰碳中和", "双碳"),
        ("“放管服”改革", "放管服"),
        ("六保", "六稳六保"),
        ("“十四五”规划", "十四五"),
        ("宜居宜业和美乡村", "和美乡村"),
    ],
)
def test_variants_map_to_preferred(vocab: ThemeVocabulary, surface: str, preferred: str) -> None:
    assert vocab.preferred(surface) == preferred


def test_every_surface_has_one_owner(vocab: ThemeVocabulary) -> None:
    owners: dict[str, set[str]] = {}
    for theme in vocab:
        for label in (theme.preferred, *theme.alt_labels):
            owners.setdefault(label, set()).add(theme.preferred)
    assert [s for s, o in owners.items() if len(o) > 1] == []
    assert dict(vocab.labels())["两山"] == "绿水青山就是金山银山"


def test_concept_and_hierarchy(vocab: ThemeVocabulary) -> None:
    theme = vocab.concept("碳达峰")
    assert theme is not None and theme.broader == "ecology" and theme.broader_label == "生态文明"
    assert "碳中和" in [t.preferred for t in vocab.narrower("ecology")]


def _found(text: str) -> list[str]:
    return [s for _, _, s in numbered_formulas(text)]


def test_numbered_formulas_found() -> None:
    text = (
        "全市干部增强“四个意识”、坚定“四个自信”、做到“两个维护”，牢记三个务必，"
        "推动五个振兴，践行四下基层，落实“三管三必须”，统筹做好六稳六保，"
        "关心一老一小，围绕“一心五区”布局建设“五大中心”，坚持三农优先。"
    )
    assert _found(text) == [
        "四个意识", "四个自信", "两个维护", "三个务必", "五个振兴", "四下基层",
        "三管三必须", "六稳六保", "一老一小", "一心五区", "五大中心", "三农",
    ]  # fmt: skip


def test_numbered_formula_offsets() -> None:
    text = "坚决落实“两个确立”。"
    ((start, end, surface),) = numbered_formulas(text)
    assert text[start:end] == surface == "两个确立"


@pytest.mark.parametrize(
    "text",
    [
        "工程历时三个月完工",
        "每天学习两个小时",
        "同比提高五个百分点",
        "增速回落十个百分点",
        "他是一个人来的",
        "从三个方面作了部署",
        "千方百计保障千家万户",
        "万众一心、一心一意",
        "学习贯彻党的二十大精神",
        "三年来一直坚持",
    ],
)
def test_non_slogans_rejected(text: str) -> None:
    assert numbered_formulas(text) == []


def _themes_of(text: str) -> set[str]:
    return {e.name for e in extract_text(text).entities if e.type == "theme"}


def test_meetings_whose_spirit_is_studied_are_themes():
    found = _themes_of("会议传达学习了全国民政工作会议精神、省委经济工作会议精神和县委常委会会议精神。")
    assert {"全国民政工作会议", "省委经济工作会议"} <= found
    assert not any("常委会会议" in t for t in found)


def test_a_theme_inside_a_body_name_is_the_body():
    from kg.pipeline import extract_text

    doc = extract_text("县乡村振兴局负责同志汇报了有关情况。")
    assert "乡村振兴" not in {e.name for e in doc.entities if e.type == "theme"}
    assert "县乡村振兴局" in {e.name for e in doc.entities if e.type == "organization"}


def test_the_meeting_where_the_leader_spoke_and_plans_being_carried_out_are_themes():
    found = _themes_of(
        "会议学习了习近平总书记在民营企业座谈会上的重要讲话，要求落实省第十二次党代会安排部署。"
    )
    assert {"民营企业座谈会", "省第十二次党代会"} <= found


def test_a_plenum_keeps_its_name_without_the_party_as_alias():
    from kg.pipeline import extract_text

    doc = extract_text("全会深入学习贯彻党的二十届三中全会精神。")
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert "二十届三中全会" in themes["党的二十届三中全会"]


def test_a_quoted_counted_name_is_a_theme_but_an_award_or_a_campaign_is_not():
    found = _themes_of("抓好“三件大事”，聚焦“四大支柱产业”，评选“十大杰出青年”，开展“百日攻坚”行动。")
    assert {"三件大事", "四大支柱产业"} <= found
    assert "十大杰出青年" not in found and "百日攻坚" not in found


def test_place_slogan_lists_are_one_theme_and_runs_of_three_like_phrases_none():
    found = _themes_of(
        "坚持问题导向、目标导向、结果导向，为建设工业强市、美丽鹤壁作出贡献。长治市、晋城市、运城市参加。"
        "推进“全域治理、流域治理、系统治理”，落实“三确保、四提升、两强化”。"
    )
    assert {"工业强市、美丽鹤壁", "三确保、四提升、两强化"} <= found
    assert not [t for t in found if "晋城" in t or "导向、" in t or "治理、" in t]


def test_a_township_short_name_gives_way_to_a_province_that_overlaps_it():
    from kg.places import find_places

    assert [m.text for m in find_places("建设美丽河北")] == ["河北"]
    assert [m.text for m in find_places("在泰山西麓")] == ["泰山西麓"]


def test_a_local_party_congress_is_one_theme_in_its_full_and_short_forms_but_the_village_committees_are_not():
    from kg.pipeline import extract_text

    doc = extract_text(
        "全会决定召开中国共产党湖州市第十次代表大会。会议要求筹备好中共湖州市第十次代表大会，加强村“两委”建设。"
    )
    themes = [e.name for e in doc.entities if e.type == "theme"]
    assert themes.count("中共湖州市第十次代表大会") == 1
    assert "两委" not in themes


def test_a_place_slogan_keeps_the_theme_it_begins_with():
    found = _themes_of("奋力谱写中国式现代化广西篇章，学习习近平总书记来川视察重要指示精神。")
    assert {"中国式现代化", "中国式现代化广西篇章"} <= found
    assert any(t.startswith("习近平总书记来川视察") for t in found)


def test_bare_activities_and_industries_are_no_themes_but_their_slogans_are():
    found = _themes_of(
        "做好防汛和森林防火工作，开展调查研究，发展先进制造业。大兴调查研究之风，推动设备更新和消费品以旧换新。"
    )
    assert {"大兴调查研究", "以旧换新"} <= found
    assert not found & {"防汛抗旱", "森林草原防灭火", "先进制造业"}


def test_quoted_activities_and_programmes_are_projects_and_quoted_working_methods_stay_themes():
    from kg.pipeline import extract_text

    doc = extract_text(
        "深入推进“百姓点题、委员答题”主题履职活动，围绕全省“项目年”建设要求，打造“三大示范工程”，"
        "建立“分类落实、分线推进”工作机制。"
    )
    kinds = {e.name: e.type for e in doc.entities if e.type in ("theme", "project")}
    assert kinds["百姓点题、委员答题"] == "project"
    assert kinds["项目年"] == "project"
    assert kinds["三大示范工程"] == "project"
    assert kinds["分类落实、分线推进"] == "theme"


def test_a_modern_goal_a_county_sets_itself_is_a_theme():
    found = _themes_of("奋力建设新时代现代化强县，开创现代化滨江大都市建设新局面。")
    assert {"新时代现代化强县", "现代化滨江大都市"} <= found


def test_meetings_studied_together_and_a_plenum_named_by_its_term_only():
    found = _themes_of("讲话体现了中央经济工作会议和省委全会精神。会议学习了市委八届九次全会精神。")
    assert {"中央经济工作会议", "市委八届九次全会"} <= found and "省委全会" not in found


def test_the_central_plenum_by_its_full_name_is_the_short_form():
    found = _themes_of("全县传达学习中国共产党第十九届中央委员会第五次全体会议精神。")
    assert "党的十九届五中全会" in found


def test_a_provinces_chapter_of_chinese_modernisation_is_closed_by_its_own_word():
    found = _themes_of(
        "为谱写中国式现代化云南篇章作出新贡献，推进中国式现代化江西实践走深走实，书写中国式现代化湖南新篇。"
    )
    assert {"中国式现代化云南篇章", "中国式现代化江西实践", "中国式现代化湖南新篇"} <= found


def test_a_citys_or_countys_chapter_of_chinese_modernisation_is_no_slogan_of_its_own():
    found = _themes_of("奋力谱写中国式现代化株洲新篇章，书写中国式现代化醴陵篇章，推进中国式现代化吉林实践。")
    assert {"中国式现代化", "中国式现代化吉林实践"} <= found
    assert not [t for t in found if "株洲" in t or "醴陵" in t]


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("要促进各民族交往交流交融，铸牢中华民族共同体意识。", "交往交流交融"),
        ("围绕延链、补链、强链引进一批好项目。", "延链补链强链"),
        ("适应经济发展新常态，坚持依法行政。", "新常态"),
        ("以产业兴旺为重点推进乡村全面振兴。", "产业兴旺"),
        ("健全联农带农机制，带动群众增收。", "联农带农"),
        ("坚持扩大有效投资，促进一二三产融合发展。", "一二三产业融合发展"),
    ],
)
def test_national_formulas_of_the_vocabulary(sentence: str, theme: str) -> None:
    assert theme in _themes_of(sentence)


def test_a_quoted_count_of_leading_bodies_and_a_headline_that_passes_on_a_meeting_are_no_themes():
    found = _themes_of("市委传达省委常委会议精神\n县“四大班子”主要负责同志参加会议。")
    assert not {"四大班子", "市委传达省委常委会议"} & found


def test_the_quotes_of_two_names_side_by_side_make_no_slogan():
    found = _themes_of('加快建设"两中\n"、壮大"两基地",推动产业发展。')  # a quote wrapped onto the next line
    assert not [t for t in found if t.startswith("、") or t.endswith("、")]


def test_a_quoted_couplet_of_clauses_is_one_slogan_as_printed():
    from kg.pipeline import extract_text

    doc = extract_text(
        "营造“抓招商就是抓未来,抓项目就是抓发展”的氛围。他说：“这是我们村最好的房子，谢谢大家”。"
    )
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert list(themes) == ["抓招商就是抓未来，抓项目就是抓发展"]
    assert "抓招商就是抓未来,抓项目就是抓发展" in themes["抓招商就是抓未来，抓项目就是抓发展"]


def test_a_working_rhythm_and_two_clauses_with_one_head_are_one_slogan():
    found = _themes_of("坚持一周一调度、一月一通报，按照一手抓招商、一手抓服务要求推进。")
    assert {"一周一调度、一月一通报", "一手抓招商、一手抓服务"} <= found


def test_a_numbered_central_forum_and_a_meeting_named_twice_over():
    found = _themes_of("学习第二次中央西藏工作座谈会精神，领会中央政治局民主生活会会议精神。")
    assert {"第二次中央西藏工作座谈会", "中央政治局民主生活会"} <= found


def test_a_formula_written_in_figures_is_a_theme_but_a_year_or_a_project_is_not():
    from kg.pipeline import extract_text

    doc = extract_text("坚持“311”工作机制，落实“2468”总体工作布局，“2050”项目持续推进，迎接“2026”。")
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert themes == {"311": ["311工作机制"], "2468": ["2468总体工作布局"]}


@pytest.mark.parametrize(
    "sentence", ["加快补短板、强弱项。", "加强小区物业管理。", "统筹发展和防风险。", "治理大气污染。"]
)
def test_ordinary_phrases_are_no_labels_of_a_formula(sentence: str) -> None:
    assert _themes_of(sentence) == set()


def test_slogans_of_what_a_county_grows_strong_by_are_themes_and_their_county_is_no_place():
    from kg.pipeline import extract_text

    doc = extract_text("坚持工业强县、品牌兴县、生态立县，深入实施科教兴市战略。")
    found = {e.type: set() for e in doc.entities}
    for e in doc.entities:
        found[e.type].add(e.name)
    assert {"工业强县", "品牌兴县", "生态立县", "科教兴市"} <= found["theme"]
    assert "兴县" not in found.get("place", set())


def test_each_meeting_a_speech_was_given_at_and_a_meeting_named_with_its_province():
    from kg.things import studied_meetings

    found = studied_meetings(
        "要与习近平总书记在3月5日中央经济工作会议、纪念红军长征胜利80周年大会上的重要讲话结合起来，"
        "贯彻落实省委常委会会议、湖南省领导干部会议精神。"
    )
    assert [m.text for m in found] == ["中央经济工作会议", "纪念红军长征胜利80周年大会", "湖南省领导干部会议"]


def test_a_run_of_counted_units_ends_with_a_word_and_two_provinces_cooperate():
    found = _themes_of("村里严格落实四议两公开工作法，深化闽宁协作，推进沪滇合作，加强项目合作。")
    assert {"四议两公开", "闽宁协作", "沪滇合作"} <= found
    assert "四议两公" not in found and not any(name.endswith("项目合作") for name in found)


def test_the_leaders_speeches_on_an_inspection_or_to_a_province_and_a_plenum_written_after_中共():
    from kg.pipeline import extract_text

    doc = extract_text(
        "会议强调，要深入贯彻习近平总书记在江西考察时的重要讲话和重要指示精神，"
        "全面落实习近平总书记对宁夏重要讲话重要指示批示精神，学习贯彻中共江北区委十二届五次全会精神。"
    )
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert "习近平总书记在江西考察时的重要讲话和重要指示" in themes
    assert "习近平总书记对宁夏重要讲话重要指示批示" in themes
    assert "中共江北区委十二届五次全会" in themes["江北区委十二届五次全会"]


def test_quoted_items_sharing_a_head_joint_meetings_a_modern_city_but_no_ways_of_drawing_investment():
    found = _themes_of(
        "会议传达学习了中央农村工作会议和州委九届六次全会暨州委经济工作会议、县委十五届八次全会暨经济工作会议精神。"
        "要坚决打赢“蓝天”“碧水”保卫战，加快推进现代化赣州建设，实施以商招商、精准招商，强链补链延链。"
    )
    assert {
        "中央农村工作会议",
        "州委九届六次全会",
        "州委经济工作会议",
        "县委十五届八次全会",
        "蓝天保卫战",
        "碧水保卫战",
        "现代化赣州",
        "延链补链强链",
    } <= found
    assert not any("暨" in name for name in found) and "经济工作会议" not in found
    assert not {"以商招商", "精准招商"} & found


def test_an_ordinal_inside_a_run_of_numerals_makes_no_formula():
    found = _themes_of("杨某担任百坭村第一书记后，落实一户一策。")
    assert "一户一策" in found and not any("第一" in name for name in found)


def test_a_formula_in_figures_with_its_development_strategy():
    from kg.pipeline import extract_text

    doc = extract_text("全区上下正深入贯彻落实“532”发展战略。")
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert "532发展战略" in themes["532"]


def test_a_theme_inside_a_regions_name_is_the_regions():
    from kg.pipeline import extract_text

    doc = extract_text("建强中原城市群副中心城市。推动城市群和都市圈建设。")
    places = {e.name for e in doc.entities if e.type == "place"}
    themes = {e.name: [m.start for m in e.mentions] for e in doc.entities if e.type == "theme"}
    assert "中原城市群" in places and themes["城市群"] == [15]


def test_a_campaign_named_by_a_count_is_a_formula_and_a_speech_is_studied_as_its_spirit():
    from kg.pipeline import extract_text

    doc = extract_text("开展“三个年”活动，推进两个专项行动。深入学习贯彻习近平总书记视察贵州重要讲话精神。")
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert {"三个年", "两个专项行动"} <= set(themes)
    assert not [e for e in doc.entities if e.type == "project"]
    assert "习近平总书记视察贵州重要讲话精神" in themes["习近平总书记视察贵州重要讲话"]


def test_a_quoted_count_of_battles_is_a_numbered_formula():
    found = _themes_of("全力打响“四场硬仗”的发令枪，打好“两场硬仗”。三场比赛结束。")
    assert {"四场硬仗", "两场硬仗"} <= found and "三场比赛" not in found


def test_the_sessions_of_congress_and_cppcc_are_one_theme_however_named():
    assert _themes_of("全国两会期间，代表们积极建言。今年两会召开后，全县上下认真贯彻落实。") == {"两会"}


def test_a_formula_of_short_words_joined_by_plus_is_a_theme_and_one_of_long_phrases_is_not():
    found = _themes_of("探索“党建+服务”模式，推行“冰雪+文旅”，实行“源头治理+过程管控+科技赋能”。")
    assert {"党建+服务", "冰雪+文旅"} <= found
    assert not [t for t in found if "源头治理" in t]


def test_a_strategy_named_after_a_region_is_a_theme_and_the_region_itself_a_place():
    doc = extract_text("融入粤港澳大湾区，推动长江经济带发展，打造东北地区、华东重要节点。")
    places = {e.name for e in doc.entities if e.type == "place"}
    themes = {e.name for e in doc.entities if e.type == "theme"}
    assert "粤港澳大湾区" in places and "粤港澳大湾区" not in themes
    assert "长江经济带" in themes and "长江经济带" not in places
    assert "东北地区" in places and "华东" not in places


def test_the_listed_items_of_a_counted_formula_are_each_a_theme():
    found = _themes_of(
        "推动产业振兴、人才振兴、文化振兴、生态振兴、组织振兴。把握新发展阶段、新发展理念、新发展格局、高质量发展。"
    )
    assert {
        "产业振兴",
        "人才振兴",
        "文化振兴",
        "生态振兴",
        "组织振兴",
        "新发展理念",
        "新发展格局",
        "高质量发展",
    } <= found
    assert "五个振兴" not in found and "三新一高" not in found


def test_a_quoted_single_thing_after_yi_is_no_numbered_formula():
    found = _themes_of(
        "树立全市“一盘棋”思想，做强“一碗粉”产业，坚持“一核五化”，推行“一户一策”。树牢“一盘棋”意识。"
    )
    assert {"一核五化", "一户一策"} <= found
    assert "一盘棋" not in found and "一碗粉" not in found


def test_a_county_plenum_keeps_its_place_and_a_party_congress_its_printed_name():
    doc = extract_text(
        "学习贯彻中共二十大精神。中国共产党徐闻县第十八届六中全会召开。中共徐闻县委十四届六次全会召开。"
        "县第十八届六中全会闭幕。维护社会稳定。"
    )
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert "中共二十大" in themes["党的二十大"]
    assert (
        "中国共产党徐闻县第十八届六中全会" in themes
        and "中共徐闻县委十四届六次全会" in themes["徐闻县委十四届六次全会"]
    )
    assert not [t for t in themes if t.startswith(("党的十八届", "党的八届"))]
    assert "社会稳定" in themes["维护社会稳定"]


def test_labels_annotated_in_few_articles_that_name_them_are_left_out():
    found = _themes_of(
        "加强生态环境保护，推进高水平对外开放，做强实体经济，发挥民主监督作用，推动高质量发展。"
    )
    assert "高质量发展" in found
    assert not found & {"生态环境保护", "高水平对外开放", "实体经济", "民主监督"}


def test_the_northeast_formula_and_a_discipline_commission_plenum_with_its_term_are_themes():
    found = _themes_of(
        "会议学习了习近平总书记在二十届中央纪委四次全会上的重要讲话精神，要求做好结构调整“三篇大文章”。"
    )
    assert {"二十届中央纪委四次全会", "三篇大文章"} <= found


def test_no_formula_begins_inside_a_word_that_holds_a_numeral():
    found = _themes_of("会议要求，要进一步统一思想，举一反三深化问题整改，坚决做到“两个维护”。")
    assert "两个维护" in found
    assert not any(name.startswith(("一步", "一反三")) for name in found)


def test_a_quoted_head_word_alone_names_no_idea():
    found = _themes_of("把开发区建成高品质生活的“示范区”，总结推广“枫桥模式”。")
    assert "示范区" not in found and "枫桥模式" in found


def test_routine_fields_of_work_are_no_policy_themes():
    found = _themes_of(
        "会议研究了城乡居民医保、食品安全、国家安全和网格化管理工作，推进循环经济和生态保护修复。"
    )
    assert not {"医疗保障", "食品安全", "国家安全", "网格化管理", "循环经济", "生态保护修复"} & found


def test_plenums_studied_together_and_every_plenum_of_a_term_are_meetings_studied():
    found = _themes_of("深入学习贯彻党的二十大和二十届二中、三中全会精神，贯彻十九届历次全会精神。")
    assert {"党的二十大", "二十届二中、三中全会", "十九届历次全会"} <= found


def test_routine_work_of_drawing_talent_consumption_culture_and_supervision_is_no_theme():
    found = _themes_of(
        "会议研究了双拥工作、招才引智、提振消费和公共文化服务，营造风清气正的政治生态，"
        "培育家庭农场，建设宜居城市，抓好中央生态环境保护督察反馈问题整改。"
    )
    assert not found & {
        "双拥工作",
        "招才引智",
        "提振消费",
        "公共文化服务",
        "政治生态",
        "新型农业经营主体",
        "宜居城市",
    }
    assert "中央生态环境保护督察" not in found


def test_the_system_of_peoples_congresses_is_a_theme_under_its_short_label():
    found = _themes_of("要坚持和完善人民代表大会制度，依法履职，践行全过程人民民主。")
    assert {"人民代表大会制度", "全过程人民民主"} <= found


def test_every_meeting_of_a_long_list_whose_spirit_is_studied_including_joint_ones():
    found = _themes_of(
        "全面落实中央经济工作会议、省委十一届七次全会暨省委经济工作会议、省政府十三届四次全会、"
        "市委六届八次全会暨市委经济工作会议精神，统一思想。"
    )
    assert {"中央经济工作会议", "省委十一届七次全会", "省委经济工作会议", "市委经济工作会议"} <= found


def test_two_labels_written_together_win_over_a_longer_label_read_across_them():
    found = _themes_of("谱写县域经济高质量发展新篇章。推动经济高质量发展。")
    assert found == {"县域经济", "高质量发展"}


def test_a_quoted_formula_of_two_things_named_by_shuang():
    found = _themes_of(
        "确保实现时间任务“双过半”，抢抓“双区”建设和“双城联动”重大机遇。双方签订协议。“双十二”期间订单增长。"
    )
    assert found == {"双过半", "双区", "双城联动"}


def test_a_county_whose_name_begins_with_a_numeral_begins_no_formula():
    found = _themes_of("三穗县三星羽绒生产项目签约暨开工仪式举行。要落实三管三必须。")
    assert found == {"三管三必须"}


def test_a_quoted_count_that_begins_the_name_of_a_zone_or_branch_is_no_formula():
    found = _themes_of("考察了粮食生产“四高”试验示范区。要持续加强“五星”支部建设。落实“两个确立”。")
    assert "两个确立" in found and not {"四高", "五星"} & found


def test_an_open_economy_and_the_per_mu_reform_are_themes_and_the_open_economy_in_a_groups_name_is_not():
    found = _themes_of(
        "发展更高水平开放型经济，深化“亩均论英雄”改革。市招商引资暨开放型经济工作领导小组召开会议。"
    )
    assert found == {"开放型经济", "亩均论英雄"}


def test_a_quoted_run_of_sector_slogans_is_one_theme() -> None:
    doc = extract_text("全县坚定不移推进“农业立县、工业强县、以水兴县”，加快新旧动能转换，构建现代产业体系。")
    themes = {e.name: e.aliases for e in doc.entities if e.type == "theme"}
    assert "农业立县、工业强县、以水兴县" in themes
    assert not {"农业立县", "工业强县"} & set(themes)
    assert "新旧动能转换" in themes
    assert "现代产业体系" in themes["现代化产业体系"]


def test_two_phrases_of_the_same_characters_in_turned_order_are_one_slogan():
    found = _themes_of("坚持大抓项目、抓大项目，推动数字产业化、产业数字化。坚持目标导向、结果导向。")
    assert {"大抓项目、抓大项目", "数字产业化、产业数字化"} <= found
    assert not [t for t in found if "导向" in t]


def test_a_long_quoted_run_of_phrases_called_the_way_or_idea_is_one_slogan():
    found = _themes_of(
        "该市按照“山城相融、产城互动、以山带城、以城托山”的思路推进建设，"
        "秉承“有求必应、无事不扰、服务周到、说到做到”的服务理念，"
        "明确“人员不伤亡、水库不垮坝、重要堤防不决口”的目标。"
    )
    assert {"山城相融、产城互动、以山带城、以城托山", "有求必应、无事不扰、服务周到、说到做到"} <= found
    assert not [t for t in found if "不伤亡" in t]
