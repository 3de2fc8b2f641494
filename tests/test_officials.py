"""Officials in sentences of the genre: lists, names inside titles, leaders named by where they sit."""

from __future__ import annotations

from kg.pipeline import extract_text


def officials(text: str) -> dict[str, list[str]]:
    doc = extract_text(text)
    return {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}


def test_every_name_listed_after_a_post_shares_it_even_with_a_rare_surname():
    found = officials("副市长韩立平、时光远、宓晓东、龚杰出席会议。")
    assert found == {n: ["副市长"] for n in ("韩立平", "时光远", "宓晓东", "龚杰")}


def test_a_name_written_between_body_and_post():
    found = officials("会议传达了省委孔德刚书记在全省经济工作会议上的讲话精神。")
    assert found == {"孔德刚": ["省委书记"]}


def test_names_listed_as_leaders_or_on_the_rostrum_are_officials_in_order():
    doc = extract_text("区委书记蒋宁主持会议。骆海、戚文斌、褚红梅在主席台就座。邬强、卜晓燕等区领导参加。")
    found = {e.name: e for e in doc.entities if e.type == "official"}
    assert set(found) == {"蒋宁", "骆海", "戚文斌", "褚红梅", "邬强", "卜晓燕"}
    assert [found[n].attrs["rank"] for n in ("骆海", "戚文斌", "褚红梅")] == [1, 2, 3]
    assert [t.text for t in found["卜晓燕"].titles] == ["区领导"]


def test_a_list_of_places_before_leaders_is_not_read_as_names():
    found = officials("张家港、昆山、太仓等市领导参加了观摩。")
    assert found == {}


def test_a_name_ends_where_a_longer_follower_word_begins():
    found = officials("县委副书记周炜陪同考察。办公室主任吴鋆率考察组到现场。")
    assert set(found) == {"周炜", "吴鋆"}


def test_quoted_things_and_verbs_after_a_post_are_not_names():
    found = officials("要用好“委员大讲堂”等形式。县委书记刘明，特邀委员应邀参加会议。")
    assert set(found) == {"刘明"}


def test_a_diplomat_is_an_official():
    assert officials("外交部领事司参赞钟瑞明出席招待会。") == {"钟瑞明": ["外交部领事司参赞"]}


def test_leaders_named_after_yiji_and_a_list_that_reaches_another_body():
    found = officials(
        "县政协副主席周扬宏、尹才元以及贺安生、王新喜等领导出席。区长张国智、区人大常委会主任何家利参加。"
    )
    assert found["贺安生"] == ["领导"] and found["王新喜"] == ["领导"]
    assert found["何家利"] == ["区人大常委会主任"] and "区人大" not in found


def test_a_rank_of_leader_is_a_title_and_a_name_ends_before_zuochu():
    found = officials("党组成员、副市级领导戴朝阳出席。市委书记李楚作出批示。")
    assert "副市级领导" in found["戴朝阳"]
    assert "李楚" in found


def test_names_listed_before_the_four_leading_bodies_are_leaders():
    found = officials("开工仪式在高新区举行，柴明远、葛青、樊立新等县四大家领导出席。")
    assert found == {n: ["县四大家领导"] for n in ("柴明远", "葛青", "樊立新")}


def test_transliterated_names_end_before_the_words_that_follow_them():
    found = officials(
        "阿克苏地委副书记、行署专员吐尔洪·买买提调研合作社。县长阿布来提·依明江等陪同，村长热依汗·吐尔逊分别作了汇报。"
    )
    assert set(found) == {"吐尔洪·买买提", "阿布来提·依明江", "热依汗·吐尔逊"}
    assert found["吐尔洪·买买提"] == ["阿克苏地委副书记", "阿克苏行署专员"]


def test_a_leader_named_as_the_responsible_comrade_of_a_body():
    assert officials("县人大常委会负责同志单立群带领视察组察看项目。") == {"单立群": ["县人大常委会负责同志"]}


def test_bylines_give_the_reporters_name_without_the_words_around_it():
    from kg.people import find_byline_persons

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.role) for m in find_byline_persons(text)]

    assert names("市长一行参观考察。记者甘露明摄") == [("甘露明", "记者")]
    assert names("（记者 卢启航报道）") == [("卢启航", "记者")]
    assert names("本报记者 乔远 摄") == [("乔远", "记者（摄影）")]
    assert names("记者从市生态环境局获悉，今年") == []
    assert names("本报记者 阿依努尔·卡德尔 通讯员 王强") == [("阿依努尔·卡德尔", "记者"), ("王强", "通讯员")]


def test_a_rare_surname_first_after_the_leaders_head_and_a_post_written_after_the_name():
    assert officials("县领导缑泽昆、雷泉明参加调研。") == {"缑泽昆": ["县领导"], "雷泉明": ["县领导"]}
    assert officials("赵立新书记的讲话站位高、思路明。") == {"赵立新": ["书记"]}


def test_a_headline_name_that_ends_like_a_river_is_the_person_named_below():
    from kg.pipeline import extract_text

    doc = extract_text("栾伟江督导检查项目建设\n\n本报讯 县委书记栾伟江深入企业督导检查。")
    assert not [e.name for e in doc.entities if e.type == "place"]


def test_names_listed_before_a_count_of_counties_or_a_post_get_that_title():
    found = officials(
        "杭卫东、柴明远、宁海涛等六县区主要负责同志在分会场参加。梁国庆、骆文涛等市委常委出席。"
    )
    assert found == {
        **{n: ["县区主要负责同志"] for n in ("杭卫东", "柴明远", "宁海涛")},
        **{n: ["市委常委"] for n in ("梁国庆", "骆文涛")},
    }


def test_names_listed_after_the_members_of_a_leading_group():
    found = officials("乡班子成员郝建新、尤立平、闵红霞陪同调研。")
    assert found == {n: ["乡班子成员"] for n in ("郝建新", "尤立平", "闵红霞")}


def test_a_verb_phrase_after_a_post_is_no_unusual_name():
    assert officials("要求包联领导和驻点专员盯紧靠上，做好服务保障。") == {}


def test_a_former_vice_premier_named_without_a_title_is_a_national_official():
    doc = extract_text("会议传达学习孙春兰同志对全省卫生工作的重要批示精神。")
    assert [(e.name, e.type) for e in doc.entities if e.type == "official"] == [("孙春兰", "official")]


def test_a_two_character_reporter_before_the_word_reported():
    doc = extract_text("本报台州5月6日电 记者柯平报道：全市推进项目建设。")
    assert [(e.name, e.type) for e in doc.entities if e.type == "person"] == [("柯平", "person")]


def test_rarer_surnames_and_a_name_written_before_its_post():
    found = officials("州政协韩立新副主席一行调研。盟委副书记、盟长奇日格参加。县委副书记代永红陪同。")
    assert found == {"韩立新": ["州政协副主席"], "奇日格": ["盟委副书记", "盟长"], "代永红": ["县委副书记"]}


def test_a_transliterated_name_with_na_and_a_name_before_a_word_of_manner():
    found = officials(
        "县人大常委会主任叶尔那提·别克、政协主席阿依努尔·吐尔逊出席。村党支部书记次旦兴奋地说，路通了。"
    )
    assert found == {
        "叶尔那提·别克": ["县人大常委会主任"],
        "阿依努尔·吐尔逊": ["县政协主席"],
        "次旦": ["村党支部书记"],
    }


def test_a_listed_name_ending_in_he_and_a_quoted_phrase_after_a_post():
    found = officials("县领导吴建国、马同和、曹丽华等陪同。落实“各级书记解难题”工作机制。")
    assert found == {n: ["县领导"] for n in ("吴建国", "马同和", "曹丽华")}


def test_names_listed_after_the_leaders_in_charge_of_a_field():
    found = officials("县分管工业工作的领导黄立新、邱海燕、谭志明与各部门负责人座谈。在党的领导下奋进。")
    assert found == {n: ["领导"] for n in ("黄立新", "邱海燕", "谭志明")}


def test_names_in_lists_before_a_places_leaders_after_a_zone_and_before_words_that_follow_names():
    from kg.pipeline import extract_text

    doc = extract_text(
        "王立新、李国强、张红梅等临湘市领导出席。县委副书记、县长甘泉到城关镇调研。市领导赵进一同调研。"
        "县委常委、副县长尕玛才旦及有关部门负责人陪同。镇委书记周新霞原原本本传达了全会精神。"
        "会议传达了刘德明市长批示要求。区领导陈一鸣、向塘开发区党工委书记李广平出席。"
    )
    names = {e.name for e in doc.entities if e.type == "official"}
    expected = {"王立新", "李国强", "张红梅", "甘泉", "赵进", "尕玛才旦", "周新霞", "刘德明"}
    expected |= {"陈一鸣", "李广平"}
    assert expected <= names
    assert not names & {"甘泉到", "赵进一", "向塘"}


def test_party_group_members_village_branch_heads_and_a_name_before_a_comma_ending_in_he():
    found = officials(
        "市人大常委会党组书记、主任郑国梁主持，党组成员秦月华、吕方出席。村支书邝永兴高兴地说。"
        "河东村总支书记柴玉林介绍情况。省委宣传部副部长蔡忠和，市委副书记祁明参加调研。"
    )
    assert found == {
        "郑国梁": ["市人大常委会党组书记", "市人大常委会主任"],
        "秦月华": ["市人大常委会党组成员"],
        "吕方": ["市人大常委会党组成员"],
        "邝永兴": ["村支书"],
        "柴玉林": ["河东村总支书记"],
        "蔡忠和": ["省委宣传部副部长"],
        "祁明": ["市委副书记"],
    }


def test_a_listed_name_that_is_a_word_and_untitled_names_attending_a_meeting():
    found = officials(
        "市领导邵建平、高尚、洪文杰出席。会议指出，要抓落实。贺晓东、卢静、龙海波出席会议。"
        "甘立新、邹伟等四大班子领导参加。"
    )
    assert found == {
        "邵建平": ["市领导"],
        "高尚": ["市领导"],
        "洪文杰": ["市领导"],
        "贺晓东": [],
        "卢静": [],
        "龙海波": [],
        "甘立新": ["四大班子领导"],
        "邹伟": ["四大班子领导"],
    }


def test_no_official_inside_place_names_and_no_reporter_in_a_sentence_about_one():
    doc = extract_text(
        "6月2日，万州区长滩镇茶坪村举行活动。他从一名记者变身发耳镇白岩脚村驻村第一书记。"
        "镇长孟兵对记者说道，产业兴旺了。"
    )
    people = {(e.name, e.type) for e in doc.entities if e.type in ("official", "person")}
    assert people == {("孟兵", "official")}
    places = {e.name for e in doc.entities if e.type == "place"}
    assert {"万州区", "长滩镇", "茶坪村", "发耳镇", "白岩脚村"} <= places


def test_a_name_that_is_a_city_after_a_post_before_a_verb_of_leading_is_the_official_not_a_place():
    from kg.pipeline import extract_text

    doc = extract_text("区委书记黄山主持召开专题会议。副市长安顺出席并讲话。")
    officials = {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}
    assert officials == {"黄山": ["区委书记"], "安顺": ["副市长"]}
    assert not [e.name for e in doc.entities if e.type == "place"]


def test_names_before_their_posts_at_the_start_and_after_the_body_with_a_deputy_post():
    from kg.pipeline import extract_text

    doc = extract_text("赵立平县长一行深入乡镇调研。3日上午，钱永福镇长在县委孙海副书记陪同下察看工地。")
    officials = {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}
    assert officials == {"赵立平": ["县长"], "钱永福": ["镇长"], "孙海": ["县委副书记"]}


def test_transliterated_names_end_before_在_and_names_end_before_受_and_和同志():
    from kg.pipeline import extract_text

    doc = extract_text(
        "市委常委、宣传部部长额尔敦其木格在大会上讲话。区委书记周文和同志主持会议。"
        "市委书记孙建国受市委常委会委托作报告。民盟市委专职副主委吴海燕陪同。"
    )
    officials = {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}
    assert officials == {
        "额尔敦其木格": ["市委常委", "市委宣传部部长"],
        "周文和": ["区委书记"],
        "孙建国": ["市委书记"],
        "吴海燕": ["民盟市委专职副主委"],
    }


def test_a_doubled_word_after_a_post_and_a_leading_group_are_no_names():
    from kg.pipeline import extract_text

    doc = extract_text("牢记总书记谆谆教诲和殷殷嘱托，县政府领导班子及各部门要抓好落实。")
    assert not [e.name for e in doc.entities if e.type in ("official", "person")]


def test_titles_in_brackets_after_a_name_and_a_caption_with_a_space_name_officials():
    from kg.pipeline import extract_text

    doc = extract_text(
        "工作队成员有队员李向阳（驻东坪村第一书记）、张红（化名）和刘洋（右二）。\n"
        "白石镇东坪村驻村第一书记 孙立新\n"
    )
    officials = {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}
    assert officials == {"李向阳": ["驻东坪村第一书记"], "孙立新": ["白石镇东坪村驻村第一书记"]}


def test_a_street_committee_after_its_street_an_election_and_a_nominee_name_officials():
    from kg.pipeline import extract_text

    doc = extract_text(
        "东湖街道党工委书记王明，街道党工委委员、办事处副主任李红参加。"
        "退伍回乡的周上进全票当选村党支部书记。县委常委、提名副县长人选赵宏亮陪同。"
    )
    officials = {e.name: [t.text for t in e.titles] for e in doc.entities if e.type == "official"}
    assert officials == {
        "王明": ["东湖街道党工委书记"],
        "李红": ["东湖街道党工委委员", "东湖街道办事处副主任"],
        "周上进": ["村党支部书记"],
        "赵宏亮": ["县委常委", "副县长"],
    }


def test_a_body_with_its_own_post_ends_a_list_of_names_sharing_a_title():
    found = officials("区发改委主任张强、区农委主任赵亮作政策解读。")
    assert found == {"张强": ["区发改委主任"], "赵亮": ["区农委主任"]}


def test_one_name_standing_for_a_group_of_leaders_and_leaders_of_province_and_city():
    found = officials("傅国平、沈力、葛晓平等省市领导分赴各地。活动中，韦建新等市四套班子领导参加开工仪式。")
    assert found == {
        "傅国平": ["省市领导"],
        "沈力": ["省市领导"],
        "葛晓平": ["省市领导"],
        "韦建新": ["市四套班子领导"],
    }


def test_a_southern_surname_and_no_name_in_a_numeral_or_a_verb_after_a_post():
    assert officials("县政协主席丘海涛到镇里调研。") == {"丘海涛": ["县政协主席"]}
    doc = extract_text("全镇村党组织书记主任一肩挑比例达百分之百。跟着县领导护河、巡河去！")
    assert [(e.type, e.name) for e in doc.entities if e.type in ("official", "place")] == []


def test_a_title_begins_after_the_name_and_the_word_joining_two_officials():
    found = officials("会上，副市长孟庆伟与省交通运输厅副厅长程立新座谈。万海涛和市商务局局长梁冰一行会谈。")
    assert found == {"孟庆伟": ["副市长"], "程立新": ["省交通运输厅副厅长"], "梁冰": ["市商务局局长"]}
    assert officials("马鞍山市和县县长钱卫东主持。") == {"钱卫东": ["马鞍山市和县县长"]}


def test_a_name_with_在_inside_before_a_list_mark_and_a_company_with_its_city_in_brackets():
    assert officials("市领导刘刚，市政府秘书长尤在晶等参加。副县长王强在会上讲话。") == {
        "刘刚": ["市领导"],
        "尤在晶": ["市政府秘书长"],
        "王强": ["副县长"],
    }
    doc = extract_text(
        "签约仪式上，中科发展集团有限公司总经理禹振飞、川奇光电科技（扬州）有限公司总经理彭乾坤介绍项目。"
    )
    people = {
        e.name: (e.type, [t.text for t in e.titles]) for e in doc.entities if e.type in ("official", "person")
    }
    assert people["彭乾坤"][0] == "person"
    assert people["禹振飞"] == ("official", ["中科发展集团有限公司总经理"])


def test_names_elected_with_同志_or_a_count_and_names_listed_with_commas_after_a_post():
    found = officials(
        "选举韩立新同志为县政协主席，选举孙建、周海、吴明三位同志为县政协副主席，"
        "选举钱小红、郑宇等35人为县政协常务委员。"
    )
    assert found == {
        "韩立新": ["县政协主席"],
        "孙建": ["县政协副主席"],
        "周海": ["县政协副主席"],
        "吴明": ["县政协副主席"],
        "钱小红": ["县政协常务委员"],
        "郑宇": ["县政协常务委员"],
    }
    found = officials("县政府副县长冯丽娟，贺明远，陶志远出席会议。县长魏东，高度重视此事。")
    assert found == {
        "冯丽娟": ["县政府副县长"],
        "贺明远": ["县政府副县长"],
        "陶志远": ["县政府副县长"],
        "魏东": ["县长"],
    }


def test_a_body_before_its_post_a_verb_before_a_position_and_the_deputy_leaders_of_four_bodies():
    assert officials("县委书记、县委文明委主任蒋光明作讲话。县级领导靠前指挥。") == {
        "蒋光明": ["县委书记", "县委文明委主任"]
    }
    assert officials("汪为国、许海燕等县四副班子领导参加。") == {
        "汪为国": ["县四副班子领导"],
        "许海燕": ["县四副班子领导"],
    }


def test_a_name_after_a_post_once_held_elected_with_被_or_before_an_adverb_and_no_district_as_a_name():
    found = officials(
        "1974年，时任岩门公社书记的罗德明，眼见村民起早贪黑。2002年，韦永华被选为村党支部书记。"
        "北方村党总支书记、村委会主任林国新本不愿搞新产业。"
    )
    assert found == {
        "罗德明": ["岩门公社书记"],
        "韦永华": ["村党支部书记"],
        "林国新": ["北方村党总支书记", "北方村村委会主任"],
    }
    assert officials("“三村”书记\n北碚区创新建立选派“三村”书记。“余书记要去哪？”") == {}


def test_government_counsellors_listed_after_their_post():
    assert officials("市政府参事周保国、阮忠良参加调研。") == {
        "周保国": ["市政府参事"],
        "阮忠良": ["市政府参事"],
    }


def test_nominees_a_name_with_在_before_a_verb_of_attending_and_managers_of_state_firms():
    found = officials(
        "旗委常委、副旗长提名人选刘海涛及旗政府副旗长李建民出席。市政协副主席、湄潭县委书记魏在平参加有关活动。"
        "安徽交控资源公司党委书记、董事长马祖桥出席。某某科技有限公司总裁王明介绍。"
    )
    assert found == {
        "刘海涛": ["旗委常委", "副旗长"],
        "李建民": ["旗政府副旗长"],
        "魏在平": ["市政协副主席", "湄潭县委书记"],
        "马祖桥": ["安徽交控资源公司党委书记", "安徽交控资源公司董事长"],
    }


def test_chiefs_of_rivers_and_forests_and_a_title_after_shou_or_after_a_comrade_and_he():
    found = officials(
        "市政府副市长、市级副总林长邱实深入湿地保护区巡林。镇级河长、镇长刘洋巡河。"
        "受市委书记付朝阳的委托，市长戴龙成致辞。"
        "西山镇党委书记潘振成同志和西山镇党委副书记黄旭妮同志慰问老党员。"
    )
    assert found == {
        "邱实": ["市政府副市长", "市级副总林长"],
        "刘洋": ["镇级河长", "镇长"],
        "付朝阳": ["市委书记"],
        "戴龙成": ["市长"],
        "潘振成": ["西山镇党委书记"],
        "黄旭妮": ["西山镇党委副书记"],
    }


def test_names_listed_with_the_study_group_or_with_an_official_are_officials():
    found = officials(
        "区委书记刘昌松主持会议。王清源、佟海燕、逯鹰和中心组成员等参加。"
        "会上，王清源、马金华、曹伟作了发言。记者张华、李明采访。"
    )
    assert found == {
        "刘昌松": ["区委书记"],
        "王清源": [],
        "佟海燕": [],
        "逯鹰": [],
        "马金华": [],
        "曹伟": [],
    }


def test_names_listed_on_the_rostrum_by_count_as_members_or_after_a_post_and_colon():
    found = officials(
        "大会由宋有洪主持。王晓燕、田嘉宁等在主席台就座，牛向阳、贾志宏也在主席台就座。"
        "这次大会的执行主席是：王旭、韩学群。会上，杨红英、吴斌辛8名委员发言，汤莹丽、王洁等委员作大会发言。"
        "宫镇江、姜宇峰及其他市委常委出席。列席大会的领导有：曹国锋、房文发、魏子龙。"
        "在主席台就座的还有李阳、刘黎等全体在家的县级领导。尹建刚、高琳琳等常委及委员参加。"
        "张俊录、吉辉参加。学校组织张明、李华参加。"
        "该镇党委书记赵洪军带领镇领导调研。"
    )
    assert found == {
        "王晓燕": [], "田嘉宁": [], "牛向阳": [], "贾志宏": [],
        "王旭": ["执行主席"], "韩学群": ["执行主席"],
        "杨红英": ["委员"], "吴斌辛": ["委员"], "汤莹丽": ["委员"], "王洁": ["委员"],
        "宫镇江": ["市委常委"], "姜宇峰": ["市委常委"],
        "曹国锋": ["领导"], "房文发": ["领导"], "魏子龙": ["领导"],
        "李阳": ["全体在家的县级领导"], "刘黎": ["全体在家的县级领导"],
        "尹建刚": ["常委", "委员"], "高琳琳": ["常委", "委员"],
        "张俊录": [], "吉辉": [],
        "赵洪军": ["镇党委书记"],
    }  # fmt: skip


def test_a_branch_before_its_post_and_the_system_of_a_post_name_nobody():
    found = officials("镇党委书记赵洪军带领中层干部、党支部书记前往各村拉练。全面推行河长制巡林工作。")
    assert found == {"赵洪军": ["镇党委书记"]}


def test_a_field_of_work_is_no_body_for_the_titles_after_it_and_a_street_keeps_its_party_committee():
    found = officials(
        "西山镇党委书记潘振成，党委副书记、政法委员、副镇长赖诚陪同。"
        "西渡街道党工委书记、人大工委主任袁飞，党工委副书记、办事处主任涂军平参加。"
        "县人大常委会副主任、办公室主任李四参加。"
    )
    assert found["李四"] == ["县人大常委会副主任", "县人大常委会办公室主任"]
    assert found["赖诚"] == ["西山镇党委副书记", "西山镇政法委员", "西山镇副镇长"]
    assert found["涂军平"] == ["西渡街道党工委副书记", "西渡街道办事处主任"]


def test_scientists_heading_laboratories_and_research_stations_are_no_officials():
    found = officials(
        "中国科学院院士、南京理工大学复杂多体系统动力学全国重点实验室主任芮筱亭出席。"
        "中国科学院洪湖湿地生态系统野外科学观测研究站副站长厉恩华介绍。县农技站副站长李明指导。"
    )
    assert found == {"李明": ["县农技站副站长"]}


def test_a_county_short_name_before_its_committee_in_a_list_of_secretaries_is_no_name():
    found = officials("永定区委书记黄某明、武平县委书记林某生、上杭县委书记陈某参加。")
    assert found == {
        "黄某明": ["永定区委书记"],
        "林某生": ["武平县委书记"],
        "陈某": ["上杭县委书记"],
    }


def test_leaders_named_before_their_bare_posts_in_a_list_are_officials():
    found = officials("会议期间，王东明书记、陈建华省长到代表团参加审议。")
    assert found == {"王东明": ["书记"], "陈建华": ["省长"]}


def test_counties_after_an_official_and_a_body_s_office_between_posts_are_no_names():
    found = officials(
        "省交通运输厅党组书记、厅长赵某明，霍山县、岳西县政府有关负责同志参加。"
        "省河长办副主任、省水利厅党组成员钱某参加。"
    )
    assert set(found) == {"赵某明", "钱某"}


def test_a_name_between_a_body_and_its_post_is_an_official():
    found = officials("长江水利委员会水文局孙晓东副局长一行来我县调研。")
    assert found == {"孙晓东": ["长江水利委员会水文局副局长"]}


def test_a_seat_word_after_a_chair_and_a_level_after_a_list_are_no_names():
    found = officials(
        "大会主席团常务主席王某、李某在主席台执行主席席就座。市领导赵某、孙某，区级有关部门负责人参加。"
    )
    assert not any(name.startswith("席") or name.endswith("级") for name in found)
    assert {"赵某", "孙某"} <= set(found)


def test_the_last_name_of_a_list_after_he_is_listed_too():
    found = officials("市领导周某明、吴某、郑某和冯某华出席。何某、韩某、曹某和许某在主席台前排就座。")
    assert {"周某明", "吴某", "郑某", "冯某华"} <= set(found)
    assert {"何某", "韩某", "曹某", "许某"} <= set(found)


def test_a_name_after_a_post_and_its_field_in_brackets_holds_the_post():
    found = officials("街道党工委副书记（政法）马某明，县委副书记（正县级）唐某参加调研。")
    assert found == {"马某明": ["街道党工委副书记"], "唐某": ["县委副书记"]}


def test_the_heads_of_central_state_firms_are_officials_and_of_private_firms_persons():
    doc = extract_text(
        "华能山东发电有限公司党委书记、董事长韩某明，山东鑫源科技有限公司总经理孔某出席签约仪式。"
    )
    kinds = {e.name: e.type for e in doc.entities if e.type in ("official", "person")}
    assert kinds == {"韩某明": "official", "孔某": "person"}


def test_a_counsellor_s_office_and_an_everyday_word_after_a_post_are_no_names():
    found = officials("市政府参事室党组成员、副主任赵某参加调研。刘某参事代表调研组讲话。")
    assert "室党" not in found and "代表" not in found


def test_leaders_listed_after_still_having_a_colon_with_a_four_character_name():
    found = officials("在主席台就座的市级领导还有：刘某华、孟和达来、高某、陈某。")
    assert list(found) == ["刘某华", "孟和达来", "高某", "陈某"]


def test_leaders_named_before_the_post_they_report_in():
    found = officials(
        "会议审议批准王在东主席代表政协常务委员会所作的工作报告，审议批准石刚副主席所作的提案工作报告，"
        "听取并协商刘建国市长所作的政府工作报告。"
    )
    assert found == {"王在东": ["主席"], "石刚": ["副主席"], "刘建国": ["市长"]}


def test_members_named_before_their_bare_post_as_they_speak_and_a_leader_before_his_recent_speech():
    found = officials(
        "市政协委员分组讨论。讨论中，刘海峰、宋佳怡、韩冬和郑启明委员先后发言。周卫东委员说，要优化营商环境。"
        "会议传达学习了省委全会精神和郭振宇书记近期讲话精神，学习领会习总书记重要讲话精神。"
    )
    assert found == {
        **{n: ["委员"] for n in ("刘海峰", "宋佳怡", "韩冬", "郑启明", "周卫东")},
        "郭振宇": ["书记"],
    }


def test_deputies_listed_before_their_post_and_no_list_of_kinds_of_deputy():
    found = officials("审议中，林晓东、苏文静代表分别发言。企业代表、群众代表先后发言。")
    assert found == {"林晓东": ["代表"], "苏文静": ["代表"]}


def test_a_second_department_or_a_government_post_after_a_department_belongs_to_the_committee():
    found = officials(
        "在耒阳市委常委、组织部长、统战部长蒋丽华陪同下调研。市委常委、宣传部长、副市长邓志明出席。"
    )
    assert found == {
        "蒋丽华": ["耒阳市委常委", "耒阳市委组织部长", "耒阳市委统战部长"],
        "邓志明": ["市委常委", "市委宣传部长", "副市长"],
    }


def test_a_companys_branch_named_by_a_city_beginning_with_chang_holds_no_director_general():
    assert officials("签约后，中联重科股份有限公司长沙分公司、某某有限公司长春办事处参加。") == {}


def test_names_leaving_posts_cadres_by_rank_leaders_of_a_congress_and_a_list_attending_each():
    found = officials(
        "会议决定免去郑旭光江陵市卫生健康局局长职务、吴三友江陵市财政局局长职务。"
        "副县级干部周显春、钱锦秀、孙国华参加学习。"
        "江陵市人大常委会领导许大军、冯和斌、陈嘉出席。韩晋喜、何斌、欧阳新华分别参加。"
    )
    assert found["郑旭光"] == ["江陵市卫生健康局局长"] and found["吴三友"] == ["江陵市财政局局长"]
    assert all(found[n] == ["副县级干部"] for n in ("周显春", "钱锦秀", "孙国华"))
    assert all(found[n] == ["江陵市人大常委会领导"] for n in ("许大军", "冯和斌", "陈嘉"))
    assert {"韩晋喜", "何斌", "欧阳新华"} <= set(found)


def test_a_leader_reporting_a_chiefs_round_and_a_district_named_after_a_citys_mayor_post():
    found = officials(
        "“邓承强州长作的政府工作报告，让我深受鼓舞。”县委书记汪凯作热情洋溢的讲话。"
        "新年伊始，某区河长巡河忙。西安市长安区委书记吕强出席。"
    )
    assert found == {"邓承强": ["州长"], "汪凯": ["县委书记"], "吕强": ["西安市长安区委书记"]}


def test_names_in_two_parts_and_names_of_no_words_share_the_post_before_their_list():
    found = officials("州政协副主席扎西·次仁、央金·卓玛、次旦多吉、普布、罗布、张立新出席会议。")
    assert found == {
        n: ["州政协副主席"] for n in ("扎西·次仁", "央金·卓玛", "次旦多吉", "普布", "罗布", "张立新")
    }


def test_a_rostrum_list_mostly_of_names_is_read_whole_and_a_four_character_name_after_a_post():
    found = officials(
        "县政协党组书记、主席江措洛追主持会议。多吉坚参、次仁、央宗、王立华、李国栋在主席台就座。"
    )
    assert found["江措洛追"] == ["县政协党组书记", "县政协主席"]
    assert {n: found.get(n) for n in ("多吉坚参", "次仁", "央宗", "王立华", "李国栋")} == {
        n: [] for n in ("多吉坚参", "次仁", "央宗", "王立华", "李国栋")
    }
    assert officials("要求各地在乡村振兴、产业发展、招商引资、基层治理在主席台就座。") == {}


def test_leaders_of_a_named_body_take_its_full_name_as_their_title():
    found = officials("区委组织部机关党委领导宋国华、田玉明、苗雨同志参加。")
    assert found == {n: ["区委组织部机关党委领导"] for n in ("宋国华", "田玉明", "苗雨")}


def test_posts_joined_by_jian_are_each_a_title_of_the_body():
    found = officials("市委副书记兼政法委书记王海林、某某能源集团有限公司董事长兼党委书记杜明远出席。")
    assert found["王海林"] == ["市委副书记", "市委政法委书记"]
    assert found["杜明远"] == ["某某能源集团有限公司董事长", "某某能源集团有限公司党委书记"]


def test_a_leader_going_somewhere_or_writing_instructions_and_a_spokesman():
    found = officials(
        "省长陈立新赴某某县调研。省政协副主席、州委书记林建作批示，州委常委、秘书长、州委新闻发言人蒋兆华出席会议。"
    )
    assert found == {
        "陈立新": ["省长"],
        "林建": ["省政协副主席", "州委书记"],
        "蒋兆华": ["州委常委", "州委秘书长", "州委新闻发言人"],
    }


def test_retired_leaders_presidents_of_a_session_and_a_post_that_is_the_next_item():
    found = officials(
        "副省级老领导郑金城、乔宏、何东太也出席了会议。大会的执行主席是高立才、乔兵、郝晓燕。"
        "某某区区长舒国元、常务副区长李先明参加。"
    )
    assert all(found[n] == ["副省级老领导"] for n in ("郑金城", "乔宏", "何东太"))
    assert all(found[n] == ["执行主席"] for n in ("高立才", "乔兵", "郝晓燕"))
    assert found["李先明"] == ["某某区常务副区长"] and "常务副" not in found


def test_what_follows_a_post_as_its_verb_and_object_names_nobody():
    text = "党组织书记抓党建工作述职评议会议召开。引导政协委员紧盯某某市发展目标提出意见和建议。"
    assert officials(text) == {}


def test_a_leader_named_before_his_post_after_a_verb_of_studying():
    found = officials(
        "为深入贯彻落实冯建军省长调研重要指示精神，深入学习贯彻蒋国华书记在述职评议会上的讲话精神。"
    )
    assert found == {"冯建军": ["省长"], "蒋国华": ["书记"]}


def test_deans_of_a_universitys_school_and_heads_of_an_academys_institute_are_scholars():
    found = officials(
        "西北农业大学马克思主义学院副院长邱文会教授作宣讲。中国科学院某某化学研究所副所长李明介绍。"
        "市人民医院院长王强出席。"
    )
    assert found == {"王强": ["市人民医院院长"]}


def test_a_meeting_after_a_post_is_no_name_and_a_title_stops_at_a_verb_of_holding():
    found = officials("某某县召开县长周例会，县长丁立成主持。市政府召开副市长王建军参加的协调会。")
    assert found == {"丁立成": ["县长"], "王建军": ["副市长"]}


def test_a_deputy_head_after_a_congress_leader_is_the_places_and_names_after_well_carried_out():
    found = officials(
        "某某县人大常委会副主任刘然国，副县长张妍等县领导参加。进一步落实好周海书记、孙立民省长会见时提出的要求。"
    )
    assert found == {
        "刘然国": ["某某县人大常委会副主任"],
        "张妍": ["某某县副县长"],
        "周海": ["书记"],
        "孙立民": ["省长"],
    }


def test_a_citys_leaders_after_a_list_of_names_and_a_leader_with_his_team():
    found = officials(
        "漯河市领导李思杰、王克俊、周剑，周口市领导吴刚、张元明参加。"
        "某某重工集团党委书记、董事长满慎刚携集团核心管理团队出席。随着市委常委、宣传部长吴建平宣布开工，现场一片轰鸣。"
    )
    assert set(found) == {"李思杰", "王克俊", "周剑", "吴刚", "张元明", "满慎刚", "吴建平"}
    assert found["满慎刚"] == ["某某重工集团党委书记", "某某重工集团董事长"]
    assert found["吴建平"] == ["市委常委", "市委宣传部长"]


def test_a_list_of_its_own_after_a_comma_does_not_share_the_titles_before_it():
    found = officials(
        "县委副书记、县长赵振峰，马志荣、赵改新、李杰等四大班子领导参加。副县长龙水莲，黎俊昌，郑龙出席。"
    )
    assert found["赵振峰"] == ["县委副书记", "县长"]
    assert all(found[n] == ["四大班子领导"] for n in ("马志荣", "赵改新", "李杰"))
    assert all(found[n] == ["副县长"] for n in ("龙水莲", "黎俊昌", "郑龙"))


def test_a_title_keeps_a_place_or_word_that_begins_with_a_boundary_character():
    found = officials(
        "成都市委书记王志强、原平市市长李国华、将乐县委书记陈立、长治经济技术开发区党工委书记赵刚出席。会议由市委书记孙明主持。"
    )
    assert found == {
        "王志强": ["成都市委书记"],
        "李国华": ["原平市市长"],
        "陈立": ["将乐县委书记"],
        "赵刚": ["长治经济技术开发区党工委书记"],
        "孙明": ["市委书记"],
    }


def test_a_name_before_a_comma_and_a_zone_and_a_zone_named_with_a_boundary_character():
    found = officials("管委会主任余辉，高新区党工委委员王强出席。向塘开发区党工委书记李明出席。")
    assert found == {
        "余辉": ["管委会主任"],
        "王强": ["高新区党工委委员"],
        "李明": ["向塘开发区党工委书记"],
    }


def test_a_name_ends_before_a_word_of_arriving():
    found = officials("宁德市委常委、市政府党组副书记李彦莅鼎调研。副市长张海涛莅临指导。")
    assert found == {"李彦": ["宁德市委常委", "市政府党组副书记"], "张海涛": ["副市长"]}


def test_leaders_listed_after_a_department_or_a_team_and_one_member_of_a_study_group():
    found = officials(
        "调研组领导杨春、张璐、董建林，市林草局领导宋俊峰、李海光，旗领导孙有君一同调研。"
        "陈玲玲和市委理论学习中心组其他成员出席。要加强局领导班子建设。"
    )
    assert found == {
        "杨春": ["调研组领导"],
        "张璐": ["调研组领导"],
        "董建林": ["调研组领导"],
        "宋俊峰": ["市林草局领导"],
        "李海光": ["市林草局领导"],
        "孙有君": ["旗领导"],
        "陈玲玲": ["市委理论学习中心组成员"],
    }


def test_the_head_of_a_private_group_is_company_staff_and_of_a_state_group_an_official():
    doc = extract_text(
        "州委书记杨斌会见正威集团董事局主席王文银一行。新福兴玻璃工业集团有限公司董事长陈全福参加。"
        "山东重工集团总经理王志坚、省纺织产业发展集团有限责任公司董事长王超出席。"
    )
    kinds = {e.name: e.type for e in doc.entities if e.type in ("official", "person")}
    assert kinds == {
        "杨斌": "official",
        "王文银": "person",
        "陈全福": "person",
        "王志坚": "official",
        "王超": "official",
    }


def test_an_executive_dean_of_our_schools_institute_is_a_scholar_and_a_courts_executive_deputy_an_official():
    found = officials("我校新农村发展研究院执行院长朱某某出席。市中级人民法院院长王强、常务副院长李明出席。")
    assert found == {"王强": ["市中级人民法院院长"], "李明": ["市中级人民法院常务副院长"]}


def test_a_title_begins_after_a_verb_that_addresses_the_official():
    found = officials("县长要求村党支部书记张三抓好工作。书记勉励市委常委李四带头干。")
    assert found == {"张三": ["村党支部书记"], "李四": ["市委常委"]}


def test_a_name_ends_before_braving_the_weather():
    found = officials("市委书记张祥安冒着高温酷暑深入调研。县长李国强冒雨察看汛情。")
    assert found == {"张祥安": ["市委书记"], "李国强": ["县长"]}


def test_a_congress_deputy_holds_a_title_and_a_prefecture_committee_named_short_keeps_its_place():
    found = officials(
        "全国人大代表、某某食品有限公司董事长刘艺良发言。省人大代表张丽出席。"
        "自治区人大代表、阿勒泰地委书记谢少迪主持会议。会议推选塔城地委书记支某为团长。审计署审计长何某出席。"
    )
    assert found == {
        "刘艺良": ["全国人大代表", "某某食品有限公司董事长"],
        "张丽": ["省人大代表"],
        "谢少迪": ["自治区人大代表", "阿勒泰地委书记"],
        "支某": ["塔城地委书记"],
        "何某": ["审计署审计长"],
    }


def test_heads_of_associations_are_persons_unless_they_hold_a_post_too():
    from kg.pipeline import extract_text

    doc = extract_text(
        "深圳市赣州商会会长钟伟平参加。市扶贫基金会理事长王某讲话。全国政协常委、中华总商会会长崔世昌致辞。"
        "市红十字会会长、副市长赵某出席。"
    )
    kinds = {
        e.name: (e.type, [t.text for t in e.titles]) for e in doc.entities if e.type in ("official", "person")
    }
    assert kinds == {
        "钟伟平": ("person", []),
        "王某": ("person", []),
        "崔世昌": ("official", ["全国政协常委", "中华总商会会长"]),
        "赵某": ("official", ["市红十字会会长", "副市长"]),
    }


def test_a_leader_called_by_surname_and_post_is_followed_by_no_name():
    found = officials("调研组一行还到毛主席路居纪念馆参观。县委书记周平主持。")
    assert found == {"周平": ["县委书记"]}


def test_a_deputy_after_an_executive_deputy_and_a_bodys_former_post_keep_their_own_posts():
    found = officials(
        "中共武胜县委统战部常务副部长程建明、副部长张健陪同。"
        "民革四川省委会社会服务处处长沈友文出席，民革广安市委会原副主委张智勇陪同。"
    )
    assert found == {
        "程建明": ["中共武胜县委统战部常务副部长"],
        "张健": ["中共武胜县委统战部副部长"],
        "沈友文": ["民革四川省委会社会服务处处长"],
        "张智勇": ["民革广安市委会原副主委"],
    }


def test_heads_of_foreign_states_are_officials_by_country_post_and_name():
    found = officials(
        "习近平同美国总统特朗普在釜山举行会晤。俄罗斯总统普京同习近平通电话。同斐济总统拉拉巴拉武就建交互致贺电。"
        "美国总统选举结果揭晓，法国总统府发表声明。"
    )
    assert found == {"习近平": [], "特朗普": ["美国总统"], "普京": ["俄罗斯总统"], "拉拉巴拉武": ["斐济总统"]}


def test_a_name_ends_before_a_preposition_of_a_route():
    found = officials("市长李明沿弥河两岸察看。副县长王建伟沿着河堤步行察看，县委书记赵刚驱车前往。")
    assert found == {"李明": ["市长"], "王建伟": ["副县长"], "赵刚": ["县委书记"]}


def test_names_listed_before_several_bodies_leaders_are_that_levels_leaders():
    found = officials(
        "胡万源、陈存枫、胡世才、张是全、陈明俤、林彤等市委、市人大常委会、市政府领导在主席台就座。"
        "招商、引资、是非、稳定等市委、市政府领导关心的事。"
    )
    assert found == {n: ["市领导"] for n in ("胡万源", "陈存枫", "胡世才", "张是全", "陈明俤", "林彤")}


def test_a_name_that_is_also_a_word_ends_at_the_comma_after_its_post():
    found = officials("市委副书记、市长张帆,市人大常委会主任林中,市政协主席林健出席。书记曾经，在这里工作。")
    assert found == {"张帆": ["市委副书记", "市长"], "林中": ["市人大常委会主任"], "林健": ["市政协主席"]}


def test_a_names_last_character_that_may_follow_a_name_stays_before_a_list_mark():
    found = officials("市领导郭林将、王子平及周吉云等参加。副市长王强将出席。")
    assert found == {"郭林将": ["市领导"], "王子平": ["市领导"], "周吉云": ["市领导"], "王强": ["副市长"]}
