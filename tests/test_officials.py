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
