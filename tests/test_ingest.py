"""Reading files: encodings, bad input reported per file, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.ingest import ReadError, read_documents
from kg.text import normalize_page

PAGE = "## 市政府召开常务会议\n\n本报讯（记者 王明）市长李建华主持召开市政府常务会议。\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "utf8.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(PAGE.encode("gbk"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "broken.txt").write_bytes("第一行\n".encode() + b"\xff\xfe\xfa\xfb\x80\x81" * 3)
    (tmp_path / "oneline.txt").write_text("字" * 300_000, encoding="utf-8")
    return tmp_path


def test_utf8_and_gbk_read_alike(corpus):
    docs = {d.name: d for d in read_documents([corpus / "utf8.txt", corpus / "gbk.txt"])}
    assert docs["utf8.txt"].text == docs["gbk.txt"].text == PAGE
    assert docs["gbk.txt"].encoding == "gb18030"


def test_bad_files_are_reported_and_the_rest_read(corpus):
    results = list(read_documents([corpus, corpus / "missing.txt"]))
    errors = {str(r.path).rsplit("/", 1)[-1]: r.reason for r in results if isinstance(r, ReadError)}
    read = sorted(r.name for r in results if not isinstance(r, ReadError))
    assert read == ["gbk.txt", "utf8.txt"]
    assert errors["empty.txt"] == "empty file"
    assert "binary" in errors["binary.txt"]
    assert "not an article page" in errors["oneline.txt"]
    assert "no such file" in errors["missing.txt"]
    assert any(
        "undecodable" in reason or "binary" in reason
        for name, reason in errors.items()
        if name == "broken.txt"
    )


def test_cli_reports_bad_files_and_exits_zero_when_something_was_read(corpus):
    run = subprocess.run(
        [sys.executable, "-m", "kg", "extract", str(corpus), str(corpus / "missing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0
    assert "Traceback" not in run.stderr
    assert len(run.stdout.strip().splitlines()) == 2
    assert "missing.txt: no such file or directory" in run.stderr


def test_cli_fails_when_nothing_could_be_read(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "kg", "extract", str(tmp_path / "nothing.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "no document could be read" in run.stderr


def test_normalised_offsets_point_into_the_original():
    page = (
        "## 标题\n\n会议强调，要坚持稳中求进工作总基调。市委书记贺思\n\n"
        "宇表示，推动绿 色 低 碳发展（下转第二版）\n"
    )
    body = [b for b in normalize_page(page) if b.role == "body"][0]
    assert "贺思宇表示" in body.text and "绿色低碳" in body.text and "下转" not in body.text
    for ch, offset in zip(body.text, body.offsets, strict=True):
        assert page[offset] == ch or (ch, page[offset]) in {("，", ","), ("（", "("), ("）", ")")}


def test_a_space_after_a_list_mark_inside_a_sentence_is_dropped():
    page = "9月7日下午，项目签约仪式在厦门举行。市领导付朝阳、戴龙成、高宇、王世文、王洋、 连向红出席。\n"
    body = [b for b in normalize_page(page) if b.role == "body"][0]
    assert "王洋、连向红出席" in body.text
    assert page[body.offsets[body.text.index("连向红")]] == "连"


def test_a_long_headline_does_not_run_into_the_dateline_after_it():
    page = (
        "株洲高新区12个重大项目集中签约落地，总投资达到86.5亿元\n\n"
        "株洲日报掌上株洲3月8日讯（记者 李某）3月8日上午，项目集中签约仪式举行。\n"
    )
    texts = [b.text for b in normalize_page(page)]
    assert texts[0].endswith("86.5亿元") and texts[1].startswith("株洲日报掌上株洲3月8日讯")


def test_a_credit_line_does_not_run_into_a_report_led_by_its_paper():
    page = (
        "发表时间:2023-08-30 10:36:33 来源:星沙新闻网 作者:陈某 编辑:吴家齐\n\n"
        "星沙时报讯(通讯员 陈某 记者 邬某)8月28日，龙山县委书记时荣芬带队考察。\n\n"
        "编辑：王某\n\n中原网讯 1月4日，全省推进会召开。\n"
    )
    texts = [b.text for b in normalize_page(page)]
    assert texts[0].endswith("吴家齐") and texts[1].startswith("星沙时报讯")
    assert texts[-1].startswith("中原网讯")


def test_a_list_of_projects_one_a_line_keeps_each_line_apart():
    page = (
        "出席活动的县领导共同为项目集中开工培土奠基。\n开工项目名单\n"
        "河北某某汽车零部件有限公司汽车隔音垫及装饰裙板、汽车专用地毯项目\n"
        "某某轴承制造有限公司精密轴承生产项目\n某某供应链管理有限公司智慧物流中心建设项目\n"
    )
    texts = [b.text for b in normalize_page(page)]
    assert texts[-3:] == [
        "河北某某汽车零部件有限公司汽车隔音垫及装饰裙板、汽车专用地毯项目",
        "某某轴承制造有限公司精密轴承生产项目",
        "某某供应链管理有限公司智慧物流中心建设项目",
    ]
