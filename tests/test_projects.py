"""Projects in sentences of the genre: names, aliases, what is not a project."""

from __future__ import annotations

from kg.pipeline import extract_text


def projects(text: str) -> dict[str, list[str]]:
    doc = extract_text(text)
    return {e.name: e.aliases for e in doc.entities if e.type == "project"}


def test_a_project_written_after_its_county_keeps_the_bare_name_as_alias():
    found = projects("本报讯 12月3日，桐庐县富春江流域生态修复工程正式开工，总投资8.6亿元。")
    assert found == {"桐庐县富春江流域生态修复工程": ["富春江流域生态修复工程"]}


def test_the_short_and_full_name_of_one_project_are_one_entity():
    found = projects(
        "会议听取了醴陵市陶瓷产业园二期项目进展情况。会议要求，陶瓷产业园二期项目要倒排工期、挂图作战。"
    )
    assert found == {"醴陵市陶瓷产业园二期项目": ["醴陵市陶瓷产业园二期", "陶瓷产业园二期项目"]}


def test_labels_of_rank_stage_or_sector_name_no_project():
    found = projects(
        "全市冬季重大项目集中开工仪式举行。此次开工的先进制造业重大项目共15个，"
        "其中主会场项目为年产5万吨锂电池隔膜项目。"
    )
    assert "全市冬季重大项目" not in found and "先进制造业重大项目" not in found
    assert not any(name.startswith("主会场") for name in found)
    assert "年产5万吨锂电池隔膜项目" in found


def test_verbs_before_a_project_are_not_part_of_its_name():
    found = projects("双方将共建智能网联汽车测试基地，加快建设氢能装备产业园。")
    assert set(found) == {"智能网联汽车测试基地", "氢能装备产业园"}


def test_a_brief_with_a_spaced_lead_joins_its_wrapped_lines():
    page = "## 简讯\n□ 高新区消息 今年以来,江淮汽车股份有限公司新能\n源汽车基地累计下线整车8万辆。\n"
    doc = extract_text(page)
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert "江淮汽车股份有限公司" in orgs


def test_a_project_that_is_only_the_object_of_a_verb_or_a_category_is_unnamed():
    found = projects(
        "副县长出席活动并宣布项目开工，欢迎群众监督项目建设。签约项目涵盖种养类项目和农产品加工类项目。"
    )
    assert found == {}


def test_construction_work_joins_a_named_facility_and_keeps_its_name_as_alias():
    found = projects("县公共实训基地建设项目总投资1.2亿元，建成后可年培训1万人次。")
    assert set(found) == {"县公共实训基地建设项目"}
    assert {"公共实训基地建设项目", "公共实训基地"} <= set(found["县公共实训基地建设项目"])


def test_a_phase_written_after_the_name_and_a_bracketed_place_inside_it_belong_to_it():
    found = projects("签约项目包括青龙湖智慧物流产业园2期、苏皖合作(溧阳)健康产业基地。")
    assert "青龙湖智慧物流产业园2期" in found and "青龙湖智慧物流产业园" in found["青龙湖智慧物流产业园2期"]
    assert any("苏皖合作(溧阳)健康产业基地" in (name, *aliases) for name, aliases in found.items())


def test_a_park_and_the_works_built_with_it_are_one_project_two_named_projects_stay_two():
    found = projects("开工建设数字经济产业园和算力中心项目。会议研究了东湖隧道项目和西环路项目。")
    assert "数字经济产业园和算力中心项目" in found
    assert {"东湖隧道项目", "西环路项目"} <= set(found)


def test_what_is_done_to_a_project_or_whose_it_is_names_none():
    found = projects("他仔细询问项目进度，要求紧盯项目节点，并介绍了金寨县项目。")
    assert found == {}


def test_a_park_and_its_infrastructure_works_are_one_project_with_its_phase():
    found = projects("加快推进临港片区新材料产业园基础设施工程（一期）建设。")
    assert "临港片区新材料产业园基础设施工程（一期）" in found


def test_a_long_name_is_read_to_the_boundary_word_just_beyond_the_usual_length():
    found = projects("会议听取了县疾病预防控制中心业务综合楼改建项目进展情况。")
    assert any("疾病预防控制中心业务综合楼改建项目" in (name, *aliases) for name, aliases in found.items())


def test_a_quoted_campaign_keeps_its_quoted_name_as_alias():
    found = projects("全县开展“清河护岸”专项行动，已整治河道12公里。")
    assert found == {"清河护岸专项行动": ["清河护岸"]}


def test_a_policy_battle_is_a_theme_and_a_zone_before_a_park_leaves_an_alias():
    found = projects("打好污染防治攻坚战。永康经济开发区五金产业园区及基础设施配套工程开工。")
    assert "污染防治攻坚战" not in found
    name = next(n for n in found if n.endswith("配套工程"))
    assert "五金产业园区及基础设施配套工程" in (name, *found[name])


def test_a_project_named_by_two_coordinated_works_is_one_project():
    found = projects("开工建设蚕宝胶囊及茧生活体验馆项目。要统筹抓好招商引资和项目建设。")
    assert "蚕宝胶囊及茧生活体验馆项目" in found
    assert not any("招商引资" in name for name in found)


def test_a_long_name_cut_by_its_limit_just_after_a_place_begins_with_the_place():
    found = projects("观摩了开发区甘肃电科院电工电器产品试验研究基地。")
    assert "甘肃电科院电工电器产品试验研究基地" in found


def test_every_item_of_a_list_that_ends_with_its_projects_is_a_project():
    found = projects(
        "观摩团一行先后实地观摩了县实验中学新建、南环公共停车场、鼎晟达仓储用房建设、"
        "枫林苑社区、远溪河水库工程、汇丰塑料管道生产线建设等9个重点项目建设现场。"
    )
    assert set(found) == {
        "县实验中学新建",
        "南环公共停车场",
        "鼎晟达仓储用房建设",
        "远溪河水库工程",
        "汇丰塑料管道生产线建设",
    }


def test_sectors_in_such_a_list_are_no_projects():
    assert projects("为海上风电、滩涂开发等重大项目提供要素保障。") == {}


def test_a_complex_and_the_works_built_in_it_are_one_project_and_insets_belong_to_names():
    found = projects(
        "调研组深入鸿达肉食产业综合体生猪屠宰项目，察看新材光电(增材制造)产业基地项目和中睿电池智造基地项目。"
    )
    assert set(found) == {
        "鸿达肉食产业综合体生猪屠宰项目",
        "新材光电(增材制造)产业基地项目",
        "中睿电池智造基地项目",
    }
    assert "鸿达肉食产业综合体" in found["鸿达肉食产业综合体生猪屠宰项目"]


def test_inspection_verbs_and_ordinals_are_not_part_of_a_name():
    found = projects("委员们视察城乡生活垃圾治理一体化项目。桐庐县2025年第二批重大项目集中开工。")
    assert set(found) == {"城乡生活垃圾治理一体化项目"}


def test_sectors_named_with_ordinary_words_are_no_projects_but_works_on_a_facility_are():
    found = projects(
        "会议研究了商贸流通项目、基础设施建设项目，听取县职业中学扩建项目汇报。桐庐县举行第四批工业项目集中开工仪式。"
    )
    assert set(found) == {"县职业中学扩建项目"}


def test_names_keep_nouns_that_begin_with_a_boundary_character_and_lists_keep_their_brackets_whole():
    found = projects(
        "以绿色有机农畜产品示范区创建为抓手，扎实开展县城建设提质升级行动，先后走访浙川协作（东阳-南江）"
        "健康食品产业园、仿古街停车场等全县重点项目，统计开（竣）工项目。"
    )
    assert "绿色有机农畜产品示范区创建" in found
    assert "县城建设提质升级行动" in found
    assert not [p for p in found if p.startswith(("东阳", "）")) or "竣" in p]


def test_a_phase_before_the_suffix_and_an_activity_after_a_noun_belong_to_the_name():
    found = projects(
        "现场签约鼎丰科技三期项目，先后来到恒瑞锂业(二期)项目、康达药物制剂研发生产中心项目。"
        "可进一步壮大高新区产业项目。"
    )
    assert {"鼎丰科技三期项目", "恒瑞锂业(二期)项目", "康达药物制剂研发生产中心项目"} <= set(found)
    assert not [p for p in found if "壮大" in p or p.startswith("高新区")]


def test_works_being_built_end_at_their_suffix_and_seizing_verbs_are_no_part_of_a_name():
    found = projects("紧紧抓住龙滩水利枢纽工程建设机遇，充分利用西江航运干线工程建设成果。他是一名工程师。")
    assert set(found) == {"龙滩水利枢纽工程", "西江航运干线工程"}


def test_the_site_of_one_project_and_the_next_project_are_two_and_reports_are_no_names():
    found = projects(
        "在鑫达护坡网格项目现场和2025年高标准农田项目施工现场察看。要坚决打赢这场攻坚战，禹城市已招引项目12个。"
    )
    assert "鑫达护坡网格项目" in found
    assert not [p for p in found if "现场" in p or "这场" in p or "已" in p]


def test_a_project_named_after_its_facility_centre_and_new_materials_as_a_sector():
    found = projects("会议听取了北部湾电镀处理中心项目进展，研究新能源新材料项目。")
    assert set(found) == {"北部湾电镀处理中心项目"}


def themes(text: str) -> set[str]:
    return {e.name for e in extract_text(text).entities if e.type == "theme"}


def test_name_words_before_a_quoted_part_belong_to_the_name_but_verbs_do_not():
    found = projects(
        "县交通局加快推进乡村公路“窄改宽”工程，建成盒马“生态鹅”养殖基地，切实扛牢“双争”行动，"
        "研究部署“清河”攻坚战。"
    )
    assert "窄改宽工程" in found["乡村公路窄改宽工程"]
    assert "生态鹅养殖基地" in found["盒马生态鹅养殖基地"]
    assert not any(name.startswith(("切实", "研究")) for name in found)


def test_a_bare_name_and_the_same_name_with_its_place_are_one_project():
    found = projects("石桥街道“三改一拆”改造项目开工。会上通报，投资3亿元的“三改一拆”改造项目进展顺利。")
    assert list(found) == ["石桥街道三改一拆改造项目"]


def test_a_short_form_from_the_initials_of_parallel_parts_is_an_alias_of_the_full_name():
    text = (
        "全县深入实施“三五十工程”。会议指出，三城五镇十村振兴工程今年完成投资5亿元，"
        "三城振兴和美乡村工程启动。"
    )
    found = projects(text)
    assert "三五十工程" in found["三城五镇十村振兴工程"]
    assert "三五十工程" not in found.get("三城振兴和美乡村工程", [])


def test_a_theme_written_as_the_short_form_of_a_project_in_the_page_is_that_project():
    text = "全市深入实施“百千万工程”，推动百县千镇万村高质量发展工程取得新成效。"
    found = projects(text)
    assert "百千万工程" in found["百县千镇万村高质量发展工程"]
    assert "百千万工程" not in themes(text)


def test_a_leading_year_dates_a_programme_and_belongs_to_its_name():
    found = projects("现场察看了2026年高标准农田项目施工进度。")
    assert "2026年高标准农田项目" in found


def test_one_programme_in_several_years_is_one_project():
    found = projects("会议听取2025年县政府民生实事项目完成情况。2026年县政府民生实事项目征集同步启动。")
    assert len(found) == 1 and "县政府民生实事项目" in next(iter(found.values()))


def test_a_quantity_in_the_products_own_measure_word_belongs_to_the_name_a_count_does_not():
    found = projects("全县28个项目集中开工，在现代农业产业园区3000万袋香菇加工项目现场，他察看了建设进度。")
    assert any("3000万袋香菇加工项目" in (name, *aliases) for name, aliases in found.items())
    assert not any(name.startswith("28") for name in found)


def test_a_village_named_by_one_character_and_村_is_not_cut():
    found = projects("集中开工仪式在前村碧水湾文旅综合体项目举行。")
    assert "前村碧水湾文旅综合体项目" in found


def test_a_street_named_by_one_character_before_大街_is_not_cut():
    found = projects("集中签约东大街老旧街区改造项目、中大街综合整治项目。")
    assert "中大街综合整治项目" in found


def test_a_sector_after_what_is_done_to_it_is_no_project():
    found = projects("各镇要抓牢产业项目建设，全区开复工产业项目12个，紧盯产业项目不放松。")
    assert not found


def test_a_dot_joins_the_two_parts_of_one_name():
    found = projects("会议期间开展了“翰墨政协•同心项目”读书分享活动。")
    assert "翰墨政协•同心项目" in found


def test_the_works_of_a_named_project_do_not_lengthen_its_name():
    found = projects("他来到青石滩肉牛养殖基地建设项目工程点，察看施工进度。")
    assert "青石滩肉牛养殖基地建设项目" in found


def test_a_village_before_a_quoted_programme_begins_its_name_but_a_determiner_does_not():
    found = projects("近日，溪村“乡村合伙人”计划第二批项目签约。全村“美丽庭院”行动同步启动。")
    assert "溪村乡村合伙人计划" in found
    assert "美丽庭院行动" in found


def test_the_years_of_a_plan_written_after_it_in_brackets_belong_to_it():
    found = projects("会议审议《宜州市老城焕新三年行动计划(2026—2028年)》。")
    assert any(name.endswith("(2026—2028年)") for name in found)


def test_a_quoted_count_of_things_is_a_numbered_formula_not_a_project():
    text = "全县创新开展党建“八大行动”，奋力打造“五个样板”，加快建设“三大重点片区”，实施“五大示范工程”。"
    assert set(projects(text)) == {"五大示范工程"}
    assert {"八大行动", "五个样板", "三大重点片区"} <= themes(text)


def test_a_named_project_inside_a_park_and_the_park_are_two_projects():
    found = projects("他来到青溪生态产业园区20万头生猪养殖项目现场。")
    assert "青溪生态产业园区" in found
    assert "青溪生态产业园区20万头生猪养殖项目" in found["20万头生猪养殖项目"]


def test_a_later_project_named_only_by_its_kind_is_the_one_named_in_full_before():
    found = projects("他前往中国茶叶产业博览园，视察产业博览园项目的建设推进情况。")
    assert found == {"中国茶叶产业博览园": ["产业博览园项目"]}


def test_a_capacity_written_in_numeral_words_belongs_to_the_name():
    found = projects("加快建设百万只蛋鸡养殖基地和十万头生猪养殖基地。")
    assert {"百万只蛋鸡养殖基地", "十万头生猪养殖基地"} <= set(found)


def test_a_county_named_as_the_base_of_its_industry_is_the_name_but_the_county_town_is_not():
    found = projects("努力把我县打造成全省有机杂粮生产基地县。建设蔬菜生产基地县城区配套完善。")
    assert "有机杂粮生产基地县" in found and "蔬菜生产基地" in found


def test_行动_as_the_common_word_ends_no_campaign():
    found = projects("干部要在思想上政治上行动上保持一致，常去看望村里行动不便的老人。开展“清风”行动。")
    assert set(found) == {"清风行动"}


def test_a_word_before_an_overlapping_place_is_no_part_of_the_place_or_the_project():
    doc = extract_text(
        "集中开工主会场设于都匀经济开发区茶博园项目现场。还有配套项目，如东阳云达冷链物流项目。"
    )
    places = {e.name for e in doc.entities if e.type == "place"}
    found = projects("集中开工主会场设于都匀经济开发区茶博园项目现场。还有配套项目，如东阳云达冷链物流项目。")
    assert "于都" not in places and "如东" not in places
    assert "都匀经济开发区茶博园项目" in found and "东阳云达冷链物流项目" in found


def test_slogans_goals_lists_and_quality_words_name_no_project():
    found = projects(
        "以“招商引资抓项目、优化服务促项目”为主题，把茶园做成全省最美茶叶示范基地，"
        "审议了重点项目（事项）清单，打造优质工程、精品工程，李家村创建工作有序推进。"
    )
    assert found == {}


def test_a_logistics_park_being_built_and_a_named_honour_being_sought():
    found = projects("来到临港现代物流园区建设项目、绿色食品加工园区建设项目。开展国家园林城市创建。")
    assert {"临港现代物流园区建设项目", "绿色食品加工园区建设项目", "国家园林城市创建"} <= set(found)


def test_a_kind_of_facility_in_a_list_of_projects_is_no_project():
    found = projects("视察了游客服务中心、金沙湾民宿、土地整理等项目建设现场。")
    assert "游客服务中心" not in found and "金沙湾民宿" in found


def test_a_hospital_or_school_being_built_is_a_project_but_new_projects_are_not():
    found = projects("来到县中医院新建项目、市第三中学扩建项目。今年新建项目12个。")
    assert {"县中医院新建项目", "市第三中学扩建项目"} <= set(found)
    assert "新建项目" not in found


def test_a_programmes_works_named_after_it_are_one_project():
    found = projects("在城乡供水保障工程东部水厂建设项目和滨河路改造提升工程现场查看。")
    assert set(found) == {"城乡供水保障工程东部水厂建设项目", "滨河路改造提升工程"}


def test_a_quoted_campaign_keeps_the_word_that_says_what_it_is_with_the_bare_name_as_alias():
    found = projects("全区实施“清风护苗”工程，开展“邻里守望”活动。")
    assert found == {"清风护苗工程": ["清风护苗"], "邻里守望活动": ["邻里守望"]}


def test_a_quoted_campaign_named_by_a_count_is_a_numbered_formula():
    doc = extract_text("全区实施“三个一”工程，开展“五个一”活动。")
    assert {(e.type, e.name) for e in doc.entities} == {("theme", "三个一工程"), ("theme", "五个一")}


def test_verbs_and_joining_words_before_a_project_and_a_body_that_acts_name_no_project():
    found = projects(
        "要完成好整治行动各项目标任务，打赢生态环境攻坚战，制定2019年工作计划。"
        "村党支部迅速行动。调研产业园区建设发展及涉农项目建设工作。"
    )
    assert set(found) <= {"生态环境攻坚战", "产业园区"}


def test_a_counted_campaign_a_dashed_name_and_an_item_after_jiu():
    found = projects(
        "打响“四大攻坚突破行动”。举行海岳—云创智谷项目开工仪式。就引水入村、河道治理等项目开展调研。"
    )
    assert {"四大攻坚突破行动", "海岳—云创智谷项目", "引水入村"} <= set(found)


def test_an_industry_cluster_is_no_project():
    assert projects("做大生物医药产业集群，培育卫星应用产业集群。") == {}


def test_named_practice_and_education_campaigns_estates_and_standard_workshops():
    found = projects(
        "开展“党员进万家”实践活动和“听党话、跟党走”宣传教育活动。"
        "调研了云岭茶香庄园、白鹭湾民宿体验区和高新区标准厂房（二期）。组织社会实践活动。"
    )
    assert {"党员进万家实践活动", "云岭茶香庄园", "白鹭湾民宿体验区"} <= set(found)
    assert any(name.startswith("听党话、跟党走") for name in found)
    assert not [name for name in found if name.startswith("社会")]


def test_items_of_a_list_after_an_event_held_and_before_a_stage_of_the_works_are_projects():
    found = projects(
        "3月6日上午，宁远县举行城北棚户区改造、城东污水处理厂扩建等9个重点项目集中开工仪式。"
        "随后，一行人在青禾食品、鑫瑞精密模具开工项目现场了解建设情况。"
    )
    assert not any(name.startswith("宁远县举行") for name in found)
    assert {"城北棚户区改造", "城东污水处理厂扩建", "青禾食品", "鑫瑞精密模具"} <= set(found)


def test_a_project_named_with_its_stage_is_the_thing_at_that_stage_and_a_place_or_event_at_a_stage_is_none():
    found = projects(
        "察看了瑞丰新能源电池材料竣工项目。海西州集中开复工项目共32个。"
        "首届中国（江城）茶文化周招商项目推介会举行。2024年第三季度海西州招商引资项目集中签约。"
    )
    assert found == {"瑞丰新能源电池材料": []}


def test_a_suffix_whose_last_character_begins_a_word_verbs_of_planning_and_set_phrases_name_no_project():
    found = projects(
        "要逐项研究新政策，确保完成全年各项目标任务，发挥示范带动效应。今年，全县计划实施亿元以上项目30个。"
        "县委、县政府将高度重视项目的建设运营。该项目是集团在国内第三家专业铸件制造基地。"
    )
    assert found == {}


def test_a_numeral_that_counts_nothing_begins_a_brand_and_a_facilitys_works_are_also_named_by_the_facility():
    found = projects("他先后来到万象新能源产业园项目、临川通用机场建设项目，察看千亩茶园示范基地。")
    assert "万象新能源产业园项目" in found
    assert "临川通用机场" in found["临川通用机场建设项目"]
    assert "茶园示范基地" in found  # 千 of 千亩 counts


def test_a_manner_of_service_in_quotes_is_no_campaign_and_counted_goals_are_themes():
    text = "对落地项目开展“保姆式”服务，实行“点单式”帮办，打造“五无山城”，建设“四好农村路”。"
    assert projects(text) == {}
    assert {"五无山城", "四好农村路"} <= themes(text)


def test_a_phase_before_a_list_word_belongs_to_the_name_and_the_facility_of_a_phase_is_an_alias():
    found = projects("签约了临港家居产业园3期等12个项目。滨江体育中心二期项目开工。")
    assert "临港家居产业园3期" in found
    assert "滨江体育中心二期" in found["滨江体育中心二期项目"]


def test_roads_airports_and_railways_listed_with_works_being_built_are_projects_not_places():
    from kg.pipeline import extract_text

    doc = extract_text(
        "随着烟台蓬莱国际机场、龙青高速、莱西至即墨城际铁路等一批重大交通基础设施的规划建设，区位优势更加凸显。"
        "车队沿着荣乌高速驶向港口。"
    )
    found = {(e.type, e.name) for e in doc.entities}
    assert {("project", name) for name in ("烟台蓬莱国际机场", "龙青高速", "莱西至即墨城际铁路")} <= found
    assert ("place", "龙青高速") not in found and ("place", "荣乌高速") in found


def test_a_demonstration_zone_named_by_the_work_it_shows_is_a_programme_and_other_zones_are_not():
    found = projects(
        "一行来到龙泉镇河西片乡村振兴示范区调研，要求科学编制东山片示范区规划，"
        "加快建设滨海新城示范区，打造革命老区高质量发展示范区。"
    )
    assert {"龙泉镇河西片乡村振兴示范区", "东山片示范区"} <= set(found)
    assert not any(name.endswith(("新城示范区", "高质量发展示范区")) for name in found)


def test_a_programme_known_as_a_theme_is_the_theme_and_a_theme_inside_a_longer_programme_is_not():
    from kg.pipeline import extract_text

    doc = extract_text("视察组学习运用“千万工程”经验。全县深入推进“百千万工程”，实施乡村建设行动。")
    found = {(e.type, e.name) for e in doc.entities if e.type in ("project", "theme")}
    assert {("theme", "千万工程"), ("project", "百千万工程"), ("theme", "乡村建设行动")} <= found
    assert ("project", "千万工程") not in found and ("project", "乡村建设行动") not in found
    assert sum(1 for _, name in found if name == "千万工程") == 1


def test_a_project_named_bare_and_with_its_works_word_is_one_project_by_the_bare_name():
    found = projects("他来到大化现代农业产业园，了解大化现代农业产业园项目建设进度。")
    assert list(found) == ["大化现代农业产业园"] and "大化现代农业产业园项目" in found["大化现代农业产业园"]


def test_names_that_begin_inside_a_word_idioms_with_ranks_counts_and_clauses_name_no_project():
    found = projects(
        "要以有效举措推动重大项目提速，及时有效化解项目用地难题，县委将高度重视重大项目，"
        "建立健全项目推进机制。全市12个重大项目集中开工，监理方负责人分别就项目推进作了发言。"
    )
    assert found == {}


def test_reservoirs_and_roads_listed_with_projects_and_a_phase_with_its_works_word():
    found = projects(
        "确保龙潭水库、青山水库、滨江高速南线等重大项目早日开工。城区供水提升工程(二期)项目开工建设。"
    )
    assert {"龙潭水库", "青山水库", "滨江高速南线", "城区供水提升工程(二期)项目"} <= set(found)
    assert "城区供水提升工程（二期）" in found["城区供水提升工程(二期)项目"]


def test_a_visit_after_a_noun_ends_a_projects_name():
    found = projects("副市长带队调研兴隆县乡村振兴示范区建设情况。")
    assert list(found) == ["兴隆县乡村振兴示范区"]


def test_verbs_of_writing_and_launching_begin_no_project_and_a_phase_in_brackets_may_name_its_works():
    found = projects(
        "要写好强市工程答卷，迅速掀起新一轮项目建设热潮。城东人文纪念公园公益性公墓项目(一期工程)开工。"
        "市人大常委会各委室2024年工作计划已印发。"
    )
    assert set(found) == {"强市工程", "城东人文纪念公园公益性公墓项目(一期工程)"}


def test_a_list_that_ends_with_its_count_of_projects_and_a_park_with_its_own_committee():
    from kg.pipeline import extract_text

    doc = extract_text(
        "与会人员观摩了城市游泳馆、滨河大道东延绿地、二期标准化厂房9个建设项目。"
        "全县2个产业园区、8个重点部门共10个项目参加评比。严格执行1+8+N项目推进机制，要建好工业园区。"
        "东湖产业园区管委会负责人介绍，东湖产业园区已入驻企业30家。"
    )
    found = {(e.type, e.name) for e in doc.entities if e.type in ("project", "place")}
    assert {("project", n) for n in ("城市游泳馆", "滨河大道东延绿地", "二期标准化厂房")} <= found
    assert ("place", "东湖产业园区") in found and ("project", "东湖产业园区") not in found
    assert not any(name.startswith(("严格执行", "建好", "全县2个")) for _, name in found)


def test_a_park_whose_committee_is_named_by_the_parks_head_is_a_zone():
    from kg.pipeline import extract_text

    doc = extract_text("市委书记来到青山湖产业园区调研，青山湖管委会负责人汇报了园区建设情况。")
    found = {(e.type, e.name) for e in doc.entities if e.type in ("project", "place")}
    assert ("place", "青山湖产业园区") in found and ("project", "青山湖产业园区") not in found


def test_project_names_start_after_的_关于_and_当地_and_keep_a_plus_between_figures():
    doc = extract_text(
        "集中开工的江苏恒信新材料产业园、华美精工等项目。听取了王平同志关于金桥综合体建设情况的汇报，"
        "考察了当地蜜柚种植基地，推进“3+2科创工程”。"
    )
    projects = {e.name for e in doc.entities if e.type == "project"}
    assert {"江苏恒信新材料产业园", "金桥综合体", "蜜柚种植基地", "3+2科创工程"} <= projects
    assert not [p for p in projects if p.startswith(("的", "王平", "当地", "+"))]


def test_a_project_named_with_its_owner_is_also_known_without_it_and_kinds_of_project_name_none():
    doc = extract_text("上海远航重工集团有限公司安徽芜湖智能装备产业园开工，全年实施战略性新兴产业项目12个。")
    projects = {e.name: e.aliases for e in doc.entities if e.type == "project"}
    assert list(projects) == ["上海远航重工集团有限公司安徽芜湖智能装备产业园"]
    assert "安徽芜湖智能装备产业园" in projects["上海远航重工集团有限公司安徽芜湖智能装备产业园"]


def test_a_works_word_inside_a_bodys_name_names_no_project_but_a_zone_before_its_committee_does():
    doc = extract_text("参观省水利工程技术研究中心和华泰工程公司。青河工业园区管委会举行签约仪式。")
    assert [e.name for e in doc.entities if e.type == "project"] == ["青河工业园区"]


def test_a_company_named_short_at_the_head_of_its_project_is_a_company_too():
    doc = extract_text(
        "重点项目取得突破，海拓药业生产基地项目、瑞宁光学项目等相继签约。弘昌股份光伏组件产业园项目开工。"
        "津市生物医药产业园建设提速。"
    )
    found = {(e.type, e.name) for e in doc.entities if e.type in ("project", "organization")}
    assert found == {
        ("organization", "海拓药业"),
        ("organization", "瑞宁光学"),
        ("organization", "弘昌股份"),
        ("project", "海拓药业生产基地项目"),
        ("project", "瑞宁光学项目"),
        ("project", "弘昌股份光伏组件产业园项目"),
        ("project", "津市生物医药产业园"),
    }


def test_verbs_of_doing_before_a_campaign_are_no_part_of_its_name_and_alone_name_none():
    found = projects("要始终保持精神文明创建的热情，充分认识创建工作的重要性，安排部署国家森林城市创建工作。")
    assert set(found) == {"精神文明创建", "国家森林城市创建"}


def test_a_projects_rank_venue_or_ceremony_with_its_level_or_figures_names_none():
    found = projects(
        "“122”重特大项目取得突破。在市主会场项目开工现场听取汇报。统一动工仪式项目共12个。"
        "优势产业上下游项目落地，金鹰纸业年产30万吨特种纸项目开工。"
    )
    assert set(found) == {"金鹰纸业年产30万吨特种纸项目"}


def test_a_works_project_is_also_the_works_and_a_citys_programme_also_the_programme():
    found = projects("实施贝头溪引水入渠工程项目，加快市百大项目建设，打造宜居宜业和美乡村示范点。")
    assert "贝头溪引水入渠工程" in found["贝头溪引水入渠工程项目"]
    assert "百大项目" in found["市百大项目"]
    assert "宜居宜业和美乡村示范点" in found


def test_a_base_named_only_by_ordinary_words_is_a_kind_of_base_unless_a_place_or_firm_heads_it():
    found = projects("参观蔬菜基地和综合种植基地，来到盐井镇葡萄柚产业发展基地，考察莱茵衣藻种植基地。")
    assert set(found) == {"盐井镇葡萄柚产业发展基地", "莱茵衣藻种植基地"}


def test_a_park_written_after_its_town_and_village_is_also_known_by_its_own_name():
    found = projects("到茌平区乐平铺镇小刘村信发现代农业产业园开展现场教学。")
    assert "信发现代农业产业园" in found["茌平区乐平铺镇小刘村信发现代农业产业园"]


def test_he_joins_two_names_unless_a_policy_term_or_a_department_spans_it():
    found = projects(
        "察看了遗址保护和万马归朝保护利用示范点，调研猕猴桃试验站和场坪村乡村振兴示范点。"
        "实施市住房和城乡建设局老旧小区改造项目。"
    )
    assert {"万马归朝保护利用示范点", "场坪村乡村振兴示范点", "市住房和城乡建设局老旧小区改造项目"} <= set(
        found
    )
    assert not [p for p in found if "遗址保护和" in p or "试验站和" in p]


def test_research_and_industrialisation_of_a_product_names_its_project():
    found = projects("县长李某来到经开区，察看锂电池正极材料研发及产业化项目建设进度。")
    assert "锂电池正极材料研发及产业化项目" in found


def test_a_long_project_name_of_eighteen_characters_is_read_whole():
    found = projects("签约的德邦新能源汽车高压线束充电模块智能制造项目总投资12亿元。")
    assert "德邦新能源汽车高压线束充电模块智能制造项目" in found


def test_a_visit_word_and_a_dash_before_a_project_are_no_part_of_its_name():
    found = projects(
        "与会人员还前往广东鑫达精密模具产业园项目现场，仪式在高新区创新创业园—市职业技术学院新校区建设项目现场举行。"
    )
    assert "广东鑫达精密模具产业园项目" in found
    assert "市职业技术学院新校区建设项目" in found


def test_a_park_named_by_a_long_phrase_is_read_whole():
    assert "古城风韵农文旅融合发展产业园" in projects("加快建设古城风韵农文旅融合发展产业园。")


def test_a_company_s_works_word_alone_is_no_other_name_of_its_project():
    found = projects("签约项目包括湖南宏大新材料有限公司建设项目和湖南宏大新材料有限公司精密轴承生产项目。")
    assert not any(alias == "建设项目" for aliases in found.values() for alias in aliases)
    assert any("精密轴承生产项目" in aliases for aliases in found.values())


def test_demonstration_and_exhibition_gardens_are_projects():
    found = projects("调研组察看了高坪村肉牛产业示范园和桃源农业科技成果展示园。")
    assert {"高坪村肉牛产业示范园", "桃源农业科技成果展示园"} <= set(found)


def test_a_long_name_reaches_back_to_no_town_over_a_visit():
    found = projects("区长王某到城关镇调研乡村振兴鲁西样板省级示范区创建工作。")
    assert not any("调研" in name or name.startswith("城关镇") for name in found)


def test_industries_listed_before_their_projects_and_every_county_s_projects_name_none():
    found = projects(
        "全年实施新能源汽车、生物医药、现代物流等产业项目120个。代表们观摩了各县区、经开区的20个项目。"
        "当前正值第四季度项目施工黄金期。"
    )
    assert found == {}


def test_a_zone_s_or_an_industry_s_projects_name_no_project():
    found = projects("其中，株洲经开区项目共6个。城东片区产业项目加快推进，全省十大产业项目进展顺利。")
    assert found == {}
    assert "云台康养休闲度假区项目" in projects("云台康养休闲度假区项目开工。")


def test_verbs_of_joining_or_surveying_and_related_projects_name_none():
    found = projects("要配合智能装备产业基地建设，踏勘江北片区相关项目。")
    assert "智能装备产业基地" in found
    assert not any(name.startswith(("配合", "踏勘")) or "相关" in name for name in found)


def test_a_school_s_new_building_works_project_is_named_by_the_school():
    found = projects("县实验中学新建工程项目今天开工。")
    assert "县实验中学新建工程项目" in found


def test_firms_listed_with_their_works_before_the_projects_are_each_a_project_named_by_the_works():
    found = projects(
        "市委书记实地观摩了合泰锂能（宿迁）新材料有限公司固态电解质生产、江苏恒川精工科技有限公司"
        "年产8000吨精密铸件、安徽启明机电有限公司电机及控制器智能制造(二期)等项目现场。"
    )
    assert "固态电解质生产" in found["合泰锂能（宿迁）新材料有限公司固态电解质生产"]
    assert "年产8000吨精密铸件" in found["江苏恒川精工科技有限公司年产8000吨精密铸件"]
    assert "电机及控制器智能制造（二期）" in found["安徽启明机电有限公司电机及控制器智能制造(二期)"]
    assert len(found) == 3


def test_campaign_years_quoted_however_long_and_a_named_concentrated_clean_up_are_projects():
    found = projects(
        "要紧密结合“工业经济质量提升突破年”要求，以“优化营商环境服务落实年”为抓手，"
        "深入推进全县违规吃喝问题集中整治工作。"
    )
    assert {"工业经济质量提升突破年", "优化营商环境服务落实年", "违规吃喝问题集中整治"} <= set(found)
    assert not [n for n in found if n in ("质量提升突破年", "服务落实年")]


def test_projects_listed_with_the_place_they_belong_to_are_named_after_de():
    found = projects(
        "此次签约项目包括经开区的临港绿色食品产业示范园区项目、柳林镇的华晟智慧能源工厂项目、"
        "杨柳镇的清洁储能项目等项目。"
    )
    assert {"临港绿色食品产业示范园区项目", "华晟智慧能源工厂项目", "清洁储能项目"} <= set(found)
    assert not [n for n in found if "的" in n]


def test_a_sort_of_project_named_by_its_sector_or_a_theme_is_none_but_a_countys_solar_base_is():
    found = projects(
        "这是全县引进的首个新型储能项目。要精心谋划特色文旅项目，报告2025年民生实事项目完成情况。"
        "在全省高质量发展重大项目建设现场推进会上，杭锦旗光伏基地开工。"
    )
    assert set(found) == {"杭锦旗光伏基地"}


def test_a_tea_firms_base_project_is_also_called_by_the_base_without_the_firm():
    found = projects("书记先后来到恒茗茶业松涛谷文旅融合基地项目建设现场。")
    assert "松涛谷文旅融合基地" in found["恒茗茶业松涛谷文旅融合基地项目"]


def test_a_scale_begins_a_plans_name_and_no_name_begins_with_an_honours_verb_or_a_verb_of_doing_well():
    found = projects(
        "市里制定实施了千亿级产业攻坚三年行动计划，审议2025年国民经济和社会发展计划，"
        "先后荣获国家级生态示范园称号，要加快建设好雨污管网改造、凤栖湖人工湿地等项目。"
    )
    assert {"千亿级产业攻坚三年行动计划", "国家级生态示范园", "雨污管网改造", "凤栖湖人工湿地"} <= set(found)
    assert not [n for n in found if n.startswith(("荣获", "建设好", "产业攻坚")) or "社会发展计划" in n]


def test_projects_named_by_a_year_an_amount_or_a_sort_name_none():
    found = projects("全县新签约超10亿元项目3个、科技型项目5个，某某县2025年项目集中开工。")
    assert not [n for n in found if n.endswith("项目")]


def test_verbs_of_relying_or_seizing_before_a_park_are_no_part_of_its_name():
    found = projects("该县借助江西赣州现代农业科技产业园的技术优势，抢抓数字经济产业园建设机遇。")
    assert set(found) == {"江西赣州现代农业科技产业园", "数字经济产业园"}


def test_a_date_and_a_verb_before_a_list_of_works_and_a_verb_cut_in_two_are_no_part_of_names():
    found = projects(
        "2025年一季度实现华锐金属精密钢带改扩建、恒通不锈钢中厚板等项目投产。"
        "全面提速国家远洋渔业基地、临港物流城等6个重点项目建设。"
    )
    assert {"华锐金属精密钢带改扩建", "国家远洋渔业基地"} <= set(found)
    assert not any(name.startswith(("2025", "全面", "提速")) for name in found)


def test_the_major_projects_of_a_plan_period_are_a_sort_of_project():
    found = projects(
        "10个项目纳入省“十五五”重大项目盘子，要谋实“十五五”时期重大项目，开工建设锦江绿道三期工程。"
    )
    assert set(found) == {"锦江绿道三期工程"}


def test_a_boundary_word_that_begins_a_policy_term_inside_a_campaigns_name_belongs_to_it():
    found = projects("为奋力夺取全面振兴新跨越三年行动首战之年胜利而努力。全力实施全面振兴新跨越三年行动。")
    assert set(found) == {"全面振兴新跨越三年行动"}


def test_a_phase_inside_a_name_is_part_of_it():
    found = projects(
        "开工项目包括宏远二期技改项目、华兴蔬菜产业园项目。恒兴集团东山三期现代化纸品产业园内机声隆隆。"
    )
    assert "宏远二期技改项目" in found and "恒兴集团东山三期现代化纸品产业园" in found


def test_kinds_listed_before_a_count_of_kinds_of_projects_name_none():
    found = projects(
        "将重点对生态旅游、生态康养、生态农业等七大类项目进行招商，并推进滨江水厂扩建、北环路改造等5个项目。"
    )
    assert set(found) == {"滨江水厂扩建", "北环路改造"}


def test_a_project_named_with_and_without_its_activity_word_and_year_is_one():
    found = projects("娄底市“2018年产业项目建设年”分会场开工。这是我县“产业项目建设年”活动的一次展示。")
    assert list(found) == ["产业项目建设年活动"] and "产业项目建设年" in found["产业项目建设年活动"]


def test_the_works_of_a_school_named_with_the_school_are_a_project():
    found = projects("县委书记到县委党校新校区项目现场察看。要加快县政府投资项目建设。")
    assert set(found) == {"县委党校新校区项目"}


def test_a_works_and_its_supporting_works_are_one_project():
    found = projects("开工项目包括泰甫新能源汽车箱体生产线及配套物流仓储项目、凯欣纺织项目。")
    assert "泰甫新能源汽车箱体生产线及配套物流仓储项目" in found
    assert "泰甫新能源汽车箱体生产线" in found["泰甫新能源汽车箱体生产线及配套物流仓储项目"]


def test_items_joined_by_and_in_a_list_of_works_are_each_a_project():
    found = projects("书记先后走进晶创电子、凤阳正泰和汉韦胶膜、硅谷智能二期以及福莱特五期等项目建设现场。")
    assert {"凤阳正泰", "汉韦胶膜", "硅谷智能二期", "福莱特五期"} <= set(found)
    assert not [name for name in found if "和" in name or "以及" in name]


def test_items_named_by_their_counties_are_projects_even_when_listed_by_industry():
    found = projects(
        "签约永安石墨烯复合材料、清流氟聚合物单体材料等工业产业项目11个；沙县酱腌菜生产加工等农业产业项目2个。"
        "引进新一代信息技术、生物医药等产业项目。"
    )
    assert set(found) == {"永安石墨烯复合材料", "清流氟聚合物单体材料", "沙县酱腌菜生产加工"}


def test_a_count_of_works_names_no_project_and_a_reporters_credit_names_no_medium():
    from kg.pipeline import extract_text

    doc = extract_text(
        "记者邬玲玲报道：该县调度坡头、岩汪湖2处大型泵站持续开机，北机埠等4处城区排涝泵站满负荷运转。"
    )
    assert not [e.name for e in doc.entities if e.type in ("project", "organization")]


def test_the_number_one_project_of_a_place_is_no_project_of_its_own():
    found = projects(
        "以“百千万工程”为统领，拿出推进“头号工程”的精准之策。实施“一号工程”，启动“清风护苗”行动。"
    )
    assert "头号工程" not in found and "一号工程" not in found and "清风护苗行动" in found


def test_a_project_named_after_an_island_or_a_stream_keeps_the_first_word():
    found = projects(
        "记者从县文旅局获悉，黄昏岛冰雪大世界将于12月开园。瑞昌市开工的西荻溪流域生态修复工程总投资3.2亿元。"
    )
    assert {"黄昏岛冰雪大世界", "西荻溪流域生态修复工程"} <= set(found)
