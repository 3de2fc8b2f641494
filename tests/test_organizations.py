"""Organisations in sentences of the genre: lists of departments, party committees, works, verbs."""

from __future__ import annotations

from kg.pipeline import extract_text


def organisations(text: str) -> dict[str, list[str]]:
    doc = extract_text(text)
    return {e.name: e.aliases for e in doc.entities if e.type == "organization"}


def test_departments_listed_after_a_body_without_their_place():
    found = organisations("会上，县财政局、农业农村局、水利局主要负责同志作了发言。")
    assert {"县财政局", "农业农村局", "水利局"} <= set(found)


def test_the_party_committee_keeps_zhonggong_and_its_short_form():
    found = organisations("11月5日，中共宜宾市委五届九次全会召开。")
    assert found.get("中共宜宾市委") == ["宜宾市委"]


def test_a_verb_ending_like_a_body_is_no_body():
    found = organisations("我县举办首届农民丰收节，活动地处古镇核心区。")
    assert not any(name.endswith(("举办", "地处")) for name in found)


def test_a_named_works_is_an_enterprise_and_a_factory_project_is_not():
    doc = extract_text("调研组察看了金穗米业加工厂，听取了年产10万吨饲料工厂建设情况汇报。")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    projects = {e.name for e in doc.entities if e.type == "project"}
    assert "金穗米业加工厂" in orgs and "金穗米业加工厂" not in projects
    assert "年产10万吨饲料工厂" in projects and not any("饲料" in name for name in orgs)


def test_a_development_zone_names_its_own_bodies_without_a_place():
    found = organisations("开发区党工委书记、管委会主任杨栋主持会议，曲靖经济技术开发区党工委研究部署。")
    assert {"开发区党工委", "曲靖经济技术开发区党工委"} <= set(found)


def test_a_firm_named_after_its_province_keeps_a_word_that_looks_like_a_boundary():
    found = organisations("考察团参观了安徽鼎为光电有限公司。凤翔区与宝钛集团有限公司签约。")
    assert "安徽鼎为光电有限公司" in found
    assert not any(name.startswith("凤翔区与") for name in found)


def test_a_delegation_is_a_body_when_its_place_names_it():
    assert "枞阳县党政代表团" in organisations("枞阳县党政代表团来我县考察学习。")
    assert organisations("县委书记率我县党政代表团赴浙江考察学习。") == {}


def test_prefecture_bodies_and_federations_and_two_works_joined_by_he():
    from kg.pipeline import extract_text

    doc = extract_text("喀什地委副书记、行署专员调研县侨联，参观了红星纺织厂和东风机械厂。")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"喀什地委", "县侨联", "红星纺织厂", "东风机械厂"} <= orgs
    assert "喀什" in {n for e in doc.entities if e.type == "place" for n in [e.name, *e.aliases]}


def test_village_bodies_without_their_street_dated_bodies_by_their_task_and_no_body_of_each():
    from kg.pipeline import extract_text

    doc = extract_text("张湾街道龙山村村委会、雁塔区2023年秸秆禁烧攻坚领导小组办公室和各街道联络委参加。")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"龙山村村委会", "秸秆禁烧攻坚领导小组办公室"} <= orgs
    assert not [o for o in orgs if "各" in o or "街道" in o]


def test_the_party_inside_a_longer_name_and_the_central_committee_by_its_full_name():
    found = organisations(
        "会议学习了中国共产党第十九届中央委员会第六次全体会议精神，审议《关于召开中国共产党某某县第五届委员会的建议》。"
    )
    assert "中国共产党第十九届中央委员会" in found
    assert "中国共产党" not in found and "中央委员会" not in found


def test_a_groups_company_is_one_body_but_its_mine_is_not():
    found = organisations("先后来到华冶集团临江钢管公司和晋能集团东山煤矿。")
    assert {"华冶集团临江钢管公司", "晋能集团", "东山煤矿"} <= set(found)


def test_local_papers_and_news_sites_are_bodies_and_counted_bodies_are_none():
    found = organisations("（来源：青川快报 汉中传媒网）全县建成52个村标准化卫生室，部分乡人大主席参加。")
    assert {"青川快报", "汉中传媒网"} <= set(found)
    assert not [o for o in found if "卫生室" in o or "人大" in o]


def test_companies_named_short_by_brand_and_trade_in_a_list_or_a_visit():
    found = organisations("调研组深入恒通锂业、华盛股份等企业，又走进宏达物流。要大力发展生物、电子等产业。")
    assert {"恒通锂业", "华盛股份", "宏达物流"} <= set(found)
    assert not {"发展生物", "生物", "电子"} & set(found)


def test_a_sector_before_a_trade_is_no_company_and_a_counted_formula_names_a_body():
    found = organisations("走进冷链物流、家居建材等企业。区四个一工程推进考核领导小组召开会议。")
    assert not {"冷链物流", "家居建材"} & set(found)
    assert any(name.endswith("领导小组") for name in found)


def test_a_generic_grassroots_body_read_with_the_verb_before_it_is_none():
    found = organisations("要确保本次乡镇党委换届顺利，进一步加强乡镇人大建设，市县两级人大代表参加。")
    assert found == {}


def test_a_company_written_after_the_zone_it_sits_in_or_after_a_verb_of_meeting_begins_with_its_own_name():
    from kg.pipeline import extract_text

    doc = extract_text(
        "调研组先后到高新区湖北瑞丰新材料有限公司、经济开发区华信电子有限公司调研。"
        "区委书记会见中建八局集团有限公司董事长一行。"
    )
    names = {e.name for e in doc.entities if e.type == "organization"}
    assert {"湖北瑞丰新材料有限公司", "华信电子有限公司", "中建八局集团有限公司"} <= names


def test_a_body_that_inspects_another_is_two_bodies():
    from kg.pipeline import extract_text

    doc = extract_text("区人大常委会视察区政府重点工作推进情况。")
    assert {e.name for e in doc.entities if e.type == "organization"} == {"区人大常委会", "区政府"}


def test_the_items_of_a_list_of_firms_are_companies_named_short():
    found = organisations("区长带队走访远航机械、青禾环保、华信电池以及金盾门窗等企业，走进冷链物流等企业。")
    assert {"远航机械", "青禾环保", "华信电池", "金盾门窗"} <= set(found)
    assert "冷链物流" not in found


def test_a_party_group_is_its_body_with_the_party_groups_name_among_its_names():
    found = organisations("县总工会党组书记、主席李红出席会议。")
    assert found == {"县总工会": ["县总工会党组"]}


def test_a_body_named_with_its_term_is_the_body_and_a_good_start_is_no_bureau():
    found = organisations("市六届人大一次会议开幕。县十届政协二次会议闭幕。要为乡村振兴开好局。")
    assert found == {"市人大": ["市六届人大"], "县政协": ["县十届政协"]}


def test_the_democratic_parties_and_their_committees_are_bodies_and_no_community():
    doc = extract_text("民进区委会、九三学社区委会和民建浙江省委负责人参加座谈，农民建房补贴同步发放。")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert orgs == {"民进区委会", "九三学社区委会", "民建浙江省委"}
    assert {e.name for e in doc.entities if e.type == "place"} == {"浙江省"}


def test_a_body_after_和_a_village_a_meeting_or_leaders_and_after_暨_stands_alone():
    doc = extract_text(
        "调研组走访了李家村和宁德市茶叶博物馆。县领导和华兴公司负责人出席。"
        "会议传达了省政府常务会议和市委常委会精神，召开区委常委会会议暨区委理论学习中心组学习会。"
        "区住房和城乡建设局参加。"
    )
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {
        "宁德市茶叶博物馆",
        "华兴公司",
        "省政府",
        "市委常委会",
        "区委理论学习中心组",
        "区住房和城乡建设局",
    } <= orgs
    assert not [name for name in orgs if "和" in name and name != "区住房和城乡建设局" or "暨" in name]


def test_a_post_inside_委员会_names_nobody():
    doc = extract_text("支部书记兼任业主委员会主任，推动小区治理。")
    assert not [e.name for e in doc.entities if e.type == "official"]


def test_departments_named_by_their_suffix_alone_or_with_a_bracket_in_a_list_after_a_body():
    doc = extract_text("区委书记率区委办、宣传部、农办、住建(交通)局、文旅局等部门负责人调研。")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"区委办", "宣传部", "农办", "文旅局"} <= orgs
    assert any(name.startswith("住建") and name.endswith("局") for name in orgs)


def test_a_centre_that_begins_a_longer_word_is_no_body():
    doc = extract_text("要围绕县委中心工作，建设区域性副中心城市，县政务服务中心开展活动。")
    assert {e.name for e in doc.entities if e.type == "organization"} == {"县委", "县政务服务中心"}


def test_a_party_department_named_by_an_expanded_title_is_a_body_with_its_committee():
    text = "县委常委、宣传部部长童明远主持会议。市委常委、组织部长张海出席。"
    doc = extract_text(text)
    orgs = {e.name: e.aliases for e in doc.entities if e.type == "organization"}
    assert orgs["县委宣传部"] == ["宣传部"] and orgs["市委组织部"] == ["组织部"]
    mention = next(e for e in doc.entities if e.name == "县委宣传部").mentions[0]
    assert text[mention.start : mention.end] == "宣传部"


def test_the_paper_site_or_app_a_report_comes_from_is_a_body():
    doc = extract_text(
        "县政协会议隆重开幕\n信息来源：桃源政府网\n\n"
        "云上通山报道：（全媒体记者 伍文俊）3月2日下午，县安委会召开全体会议。\n"
        "资金来源：财政拨款。"
    )
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"桃源政府网", "云上通山", "县安委会"} <= orgs
    assert not orgs & {"桃源政府", "县安委", "财政拨款"}


def test_a_function_word_that_begins_a_noun_inside_a_firms_name_and_no_country_inside_a_word():
    doc = extract_text("众安在线财产保险股份有限公司与中海地产签约，会议在市政府召开。")
    names = {(e.type, e.name) for e in doc.entities}
    assert {"众安在线财产保险股份有限公司", "中海地产", "市政府"} <= {
        n for t, n in names if t == "organization"
    }
    assert not [n for t, n in names if t == "place"]


def test_a_firms_party_committee_and_a_bodys_party_group_are_the_firm_and_the_body():
    doc = extract_text(
        "安徽交控集团党委书记、董事长项小龙出席。县政协党组召开会议。天津大学党委书记李家俊致辞。"
    )
    orgs = {e.name: e.aliases for e in doc.entities if e.type == "organization"}
    assert orgs["县政协"] == ["县政协党组"]
    assert "安徽交控集团党委" in orgs["安徽交控集团"] and "天津大学党委" in orgs["天津大学"]
    assert not [e for e in doc.entities if e.type == "place"]  # the firm's and the university's own names


def test_a_party_committee_named_only_by_its_level_inside_a_title_is_the_titles():
    doc = extract_text("县委书记王强主持会议，市政协主席李明讲话。县委召开常委会议。区委书记赵刚出席。")
    assert {e.name for e in doc.entities if e.type == "organization"} == {"县委", "市政协"}
    mentions = [m.start for e in doc.entities if e.name == "县委" for m in e.mentions]
    assert mentions == [21]


def test_media_named_after_a_publishing_time_or_joined_before_a_report():
    doc = extract_text(
        "赴甘棠检查指导防台防汛工作\n2021-07-23 09:58 今日福安\n\n7月22日上午，市委书记周某赴甘棠检查。\n\n"
        "湖南日报·新湖南客户端12月23日讯 (通讯员 陈曾伟)12月21日，县委书记王兆铭主持召开会议。\n"
    )
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"今日福安", "湖南日报", "新湖南客户端"} <= orgs


def test_a_paper_named_after_the_word_for_source_without_its_colon():
    doc = extract_text("来源克孜勒苏日报 2024-05-06")
    assert {e.name for e in doc.entities if e.type == "organization"} == {"克孜勒苏日报"}


def test_the_agency_or_site_of_a_dateline_a_bracketed_source_or_a_source_without_colon():
    found = organisations(
        "中新网四川新闻4月16日电(龙航 陈星)近日，射洪市召开会议。\n\n"
        "发布时间:2023-02-14 来源团结报 作者:新湖南客户端2月13日讯(记者 张三)会议召开。\n\n"
        "【泉州经济网】2024-09-09 第二十四届投洽会开幕。资金来源财政拨款。"
    )
    assert {"中新网", "团结报", "新湖南客户端", "泉州经济网"} <= set(found)
    assert not any("财政" in name for name in found)


def test_a_body_begins_at_its_place_when_only_verbs_or_a_clause_stand_before_it():
    found = organisations("欢迎出席四川省农业农村厅新闻发布会。实地走访上海阿波罗机械股份有限公司。")
    assert {"四川省农业农村厅", "上海阿波罗机械股份有限公司"} <= set(found)
    assert not any(name.startswith(("欢迎", "实地")) for name in found)


def test_a_cppcc_committee_named_with_its_place_and_term_and_no_institution_in_general():
    found = organisations(
        "中国人民政治协商会议北京市大兴区第六届委员会第三次会议开幕。政协大庆市第十届委员会召开常委会议。"
        "人民政协是统一战线组织，政协委员和政协各专门委员会要履职尽责。"
    )
    assert "中国人民政治协商会议北京市大兴区第六届委员会" in found["政协北京市大兴区委员会"]
    assert found["政协大庆市委员会"] == ["政协大庆市第十届委员会"]
    assert "人民政协" not in found and not any("各专门" in name for name in found)


def test_a_congress_named_before_its_deputies_is_no_body():
    found = organisations("全体县人大代表参加投票。会议听取了市人大常委会工作报告。")
    assert "市人大常委会" in found and "县人大" not in found


def test_a_long_suffix_ends_its_body_whatever_word_follows_and_a_short_one_may_not():
    found = organisations("市人大常委会审议通过。高碑店市东盛街道新华社区开展活动。")
    assert "市人大常委会" in found and not any(name.endswith("新华社") for name in found)


def test_inspection_groups_and_military_subdistricts_are_bodies():
    found = organisations(
        "省委第四督察组、自治区党委第三巡视组和市人大常委会执法检查组先后进驻。会议邀请了遵义军分区负责同志。"
    )
    for body in ("省委第四督察组", "自治区党委第三巡视组", "市人大常委会执法检查组", "遵义军分区"):
        assert body in found, body


def test_an_inspection_group_without_its_sender_is_no_named_body():
    assert organisations("督查组指出，检查组要求限期整改。") == {}


def test_a_figure_run_into_a_body_s_name_is_no_part_of_it():
    found = organisations("来源：县融媒体中心 浏览量:4512浙江日报·天目新闻客户端消息")
    assert "浙江日报" in found and not any(name[0].isdigit() for name in found)


def test_a_dateline_names_the_paper_its_app_and_the_reporter_s_paper():
    found = organisations("株洲日报掌上株洲3月8日讯（株洲晚报全媒体记者 李某）项目集中签约仪式举行。")
    assert {"株洲日报", "掌上株洲", "株洲晚报"} <= set(found)


def test_the_investors_of_a_project_are_companies_however_short_their_names():
    found = organisations("该项目由江苏恒润联合华东材料、常州天合投资建设，配套道路由政府投资。")
    assert {"江苏恒润", "华东材料", "常州天合"} <= set(found)
    assert "政府" not in found


def test_a_body_speaks_for_its_place_after_its_own_pronoun_and_a_security_bureau_is_one():
    found = organisations(
        "县长李某代表县人民政府作报告。该区人民法院院长张某、州国家安全局负责同志参加。"
        "统筹全局，构建新发展格局。"
    )
    assert {"县人民政府", "区人民法院", "州国家安全局"} <= set(found)
    assert not any("统筹" in name or "发展" in name for name in found)


def test_a_paper_s_edition_or_app_named_with_it_is_one_source():
    found = organisations("来源：人民日报海外版 2025-01-02。湖南日报客户端3月2日讯（记者 王某）")
    assert {"人民日报海外版", "湖南日报客户端"} <= set(found)
    assert "海外版" not in found and "客户端" not in found


def test_a_party_group_at_a_numbered_sitting_and_a_conference_on_a_body_and_a_site_user():
    found = organisations(
        "十四届县政协第36次党组会议召开。会议传达学习市委政协工作会议精神。来源：管理员 时间：2024-03-01"
    )
    assert "县政协党组" in found
    assert not any("第36次" in name for name in found)
    assert "市委政协" not in found and "管理员" not in found


def test_an_adverb_before_a_company_s_name_is_no_part_of_it():
    found = organisations("调研组听取情况汇报，切实感受老年康复医院立足保护、修缮的做法。")
    assert not any(name.startswith(("切实", "感受")) for name in found)


def test_a_firm_whose_name_begins_like_a_verb_keeps_it_and_the_place_it_holds_in_brackets():
    found = organisations(
        "董事长陪同观摩了合泰锂能（宿迁）新材料有限公司，又到建霖（厦门）智能科技有限公司。"
    )
    assert {"合泰锂能（宿迁）新材料有限公司", "建霖（厦门）智能科技有限公司"} <= set(found)


def test_a_branch_written_after_its_bank_firm_or_university_is_one_body():
    found = organisations(
        "宁波银行股份有限公司衢州分行、中国农业银行温州市分行和浙江大学绍兴研究院代表签约，"
        "三一重工股份有限公司长沙分公司参加。"
    )
    assert {
        "宁波银行股份有限公司衢州分行",
        "中国农业银行温州市分行",
        "浙江大学绍兴研究院",
        "三一重工股份有限公司长沙分公司",
    } <= set(found)
    assert not {"衢州分行", "温州市分行", "绍兴研究院", "长沙分公司"} & set(found)


def test_no_body_reaches_back_over_a_site_and_he_or_over_a_discussion():
    found = organisations(
        "他先后来到某某茶业文旅基地项目建设现场和桂花坳村村部调研。县长参加县政协十届三次会议分组讨论政府工作报告。"
    )
    assert "桂花坳村村部" in found
    assert not [n for n in found if "现场" in n or "讨论" in n]


def test_sources_after_a_bracket_a_paper_and_its_app_a_sites_report_and_lecture_groups():
    found = organisations(
        "（记者 周某）来源:中国赣州网。文章来源:湖北日报·湖北日报客户端时间:2025-09-03。"
        "来源:本站原创编辑:周某作者:重庆万州网消息(记者 王某)11月26日。县委宣讲团巡回宣讲。"
        "2025-12-22 20:35:00来源:四平铁西发布微信公众号。"
    )
    assert {"中国赣州网", "湖北日报", "湖北日报客户端", "重庆万州网", "县委宣讲团", "四平铁西发布"} <= set(
        found
    )


def test_a_firms_registered_name_begins_at_its_city_or_province_after_the_district_it_sits_in():
    text = (
        "活动会场设在路北区唐山海泰新能科技有限公司。考察团先后考察了汉滨区陕西安康秦巴茶业有限公司、"
        "蓬安县四川锦城钢构有限公司等项目。要发挥好东北抗联史实陈列馆作用。"
    )
    found = organisations(text)
    assert {"唐山海泰新能科技有限公司", "陕西安康秦巴茶业有限公司", "四川锦城钢构有限公司"} <= set(found)
    assert "东北抗联史实陈列馆" in found
    assert not [n for n in found if n.startswith(("路北区", "汉滨区", "蓬安县", "好"))]
    assert not [e.name for e in extract_text(text).entities if e.type == "project" and "有限公司" in e.name]


def test_a_congress_standing_committee_by_its_formal_name_is_the_committee_with_that_name_among_its_names():
    doc = extract_text("荆州市第五届人民代表大会常务委员会第二十八次会议召开。")
    committee = next(e for e in doc.entities if e.name == "荆州市人大常委会")
    assert "荆州市第五届人民代表大会常务委员会" in committee.aliases


def test_a_cppcc_committee_with_its_term_before_its_place_and_its_standing_committee():
    found = organisations(
        "政协第十一届宜昌市委员会第四次会议开幕。政协第十三届云南省委员会常务委员会第九次会议在昆明召开。"
    )
    assert "政协第十一届宜昌市委员会" in found
    assert found["云南省政协常委会"] == ["政协第十三届云南省委员会常务委员会"]
    assert not any(name.endswith("委员会常务委员会") for name in found)


def test_members_of_a_cppcc_or_deputies_of_a_congress_name_no_body_after_a_verb():
    found = organisations("某某区政协组织部分政协委员开展视察。县人大代表和政协委员参加。")
    assert not any(name.endswith(("部分政协", "政协委员", "人大代表")) for name in found)


def test_a_media_centres_brand_after_its_place_but_not_the_media_centre_word():
    found = organisations("本报讯(实习生 王小雨 遂宁融媒记者 李明)会议召开。来源：某某县融媒体中心")
    assert "遂宁融媒" in found and not any(name.endswith(("融媒体", "王小雨遂宁融媒")) for name in found)


def test_a_site_before_its_dated_report_a_bureau_place_a_bracket_or_a_writers_credit():
    found = organisations(
        "中原网讯 3月4日，全省推进会召开。\n\n民生报道网宜宾讯(王某 李某) 近日，副市长张平带队调研。\n\n"
        "来源:湘中网(责任编辑:龚某)\n\n文/ 赣西报全媒体记者 罗某\n"
    )
    assert {"中原网", "民生报道网", "湘中网", "赣西报"} <= set(found)
    assert not [o for o in found if o.endswith("宜宾")]


def test_a_county_body_named_after_its_city_keeps_the_city_and_a_one_character_name_keeps_its_head():
    found = organisations("（肇庆市高要区委宣传部提供）随后到兴蓉社区党群服务中心参观。")
    assert {"肇庆市高要区委宣传部", "兴蓉社区党群服务中心"} <= set(found)


def test_a_research_society_is_an_association():
    found = organisations("广东省产业发展研究会专家团来兴宁调研。")
    assert "广东省产业发展研究会" in found


def test_a_firm_named_after_the_word_for_investing_firms_begins_at_its_province():
    found = organisations("投资企业江苏嘉耐高温材料股份有限公司董事长王某介绍了项目。")
    assert list(found) == ["江苏嘉耐高温材料股份有限公司"]


def test_departments_listed_bare_by_their_standard_short_names_are_bodies():
    found = organisations("副市长苏纪武及发改委、工信局、自然资源局、商务局负责同志参加。要深化发改委改革。")
    assert set(found) == {"发改委", "工信局", "自然资源局", "商务局"}


def test_a_township_committee_named_by_a_verb_is_a_body():
    found = organisations(
        "县政府办主任胡某、出山镇党委书记任立刚陪同。出山镇党委召开会议。确保本次乡镇党委换届。"
    )
    assert "出山镇党委" in found and not [o for o in found if o.endswith("乡镇党委")]


def test_a_party_committee_named_with_its_place_and_term_is_a_body():
    found = organisations(
        "澧县召开中国共产党澧县第十二届委员会第四次全体会议。学习中国共产党第二十届中央委员会精神。"
    )
    assert set(found) == {"中国共产党澧县第十二届委员会", "中国共产党第二十届中央委员会"}


def test_a_groups_company_named_by_its_trade_after_the_group_is_one_body():
    found = organisations(
        "在山东黄金集团白音呼布矿业、内蒙古兴业集团锡林矿业调研。走访中粮集团福临门食品、华盛股份等企业时，旗长指出集团下属化工企业要安全生产。"
    )
    assert set(found) == {
        "山东黄金集团白音呼布矿业",
        "内蒙古兴业集团锡林矿业",
        "中粮集团福临门食品",
        "华盛股份",
    }


def test_a_county_body_after_its_provinces_short_name_is_the_countys_not_one_read_across_them():
    found = organisations("山西吉县县委书记赵松强主持召开会议。西吉县县委书记出席。")
    assert set(found) == {"吉县县委", "西吉县县委"}


def test_a_group_named_by_two_tasks_and_sources_in_brackets_or_after_the_credits_are_bodies():
    from kg.pipeline import extract_text

    found = organisations("市招商引资暨开放型经济工作领导小组召开第一次会议。要抓好工作。(来源:德安发布)")
    assert set(found) == {"市招商引资暨开放型经济工作领导小组", "德安发布"}
    page = "市长主持召开会议。\n\n（记者 杨慧）总值班： 吴弋 曹银生     编辑： 陶莎\n\n来源： 连云港发布\n"
    doc = extract_text(page)
    assert "连云港发布" in {e.name for e in doc.entities if e.type == "organization"}


def test_a_government_named_by_its_term_the_sender_of_a_delegation_and_offices_of_a_town():
    found = organisations("县十七届政府第5次常务会议召开。江门市政府组织代表团来澳交流。镇司法所负责人参加。")
    assert set(found) == {"县政府", "江门市政府", "镇司法所"}


def test_no_village_body_is_named_by_a_verb_and_a_community_named_by_rare_characters_is_one():
    found = organisations("不断深化村党支部领导村民自治实践。兴蓉社区党委书记王某陪同。到团结村党支部调研。")
    assert set(found) == {"兴蓉社区党委", "团结村党支部"}


def test_a_position_word_ending_like_a_department_names_no_body():
    found = organisations("该村位于该区东北部，距离城区38公里。县委宣传部组织采访。")
    assert set(found) == {"县委宣传部"}


def test_a_congress_named_by_its_term_is_the_congress_with_the_printed_name_among_its_names():
    from kg.pipeline import extract_text

    doc = extract_text("宝鸡市出席陕西省第十四届人民代表大会第四次会议的代表动员会召开。召开人民代表大会。")
    bodies = {e.name: e.aliases for e in doc.entities if e.type == "organization"}
    assert bodies == {"陕西省人大": ["陕西省第十四届人民代表大会"]}


def test_a_firms_facility_being_built_is_the_project_and_the_firm_the_body():
    found = organisations("开工项目有邢台华宇冷链物流有限公司智慧物流中心建设项目，总投资3亿元。")
    assert "邢台华宇冷链物流有限公司" in found
    assert not any(name.endswith("物流中心") for name in found)
