"""Pages printed in traditional characters read like their simplified copies, named as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract_paths
from kg.script import is_traditional

DATA = Path(__file__).parent / "data" / "extract"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def both():
    """The meeting page and the same page written in traditional characters (converted with
    OpenCC's STCharacters table, character for character)."""
    simple, traditional = extract_paths(
        [DATA / "meeting_zhejiang.txt", DATA / "meeting_zhejiang_traditional.txt"]
    )
    return simple, traditional


def test_a_traditional_page_yields_the_entities_of_its_simplified_copy_at_the_same_offsets(both):
    simple, traditional = both
    spans = lambda doc: sorted((m.type, m.start, m.end) for m in doc.mentions)  # noqa: E731
    assert spans(traditional) == spans(simple)
    assert len(traditional.entities) == len(simple.entities) >= 15


def test_names_and_titles_of_a_traditional_page_are_printed_in_its_characters(both):
    _, traditional = both
    text = traditional.document.text
    officials = {e.name: [t.text for t in e.titles] for e in traditional.entities if e.type == "official"}
    assert officials["歐陽振華"] == ["市委書記"]
    assert officials["許麗芳"] == ["市委常委", "市委宣傳部部長"]
    assert {"沈國平", "金曉燕", "顧建明"} <= set(officials)
    assert all(text[m.start : m.end] == m.text for m in traditional.mentions if m.type == "official")
    themes = {e.name for e in traditional.entities if e.type == "theme"}
    assert {"兩個確立", "鄉村振興", "高質量發展"} <= themes


def test_no_seed_page_and_no_development_page_reads_as_traditional():
    pages = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/data/articles").glob("*.txt"))]
    assert pages and not any(is_traditional(p.read_text(encoding="utf-8")) for p in pages)
    assert is_traditional((DATA / "meeting_zhejiang_traditional.txt").read_text(encoding="utf-8"))


def test_a_name_is_given_as_the_page_prints_it_where_the_page_prints_it_whole():
    from kg.pipeline import extract_text

    doc = extract_text(
        "皇后村村委會主任李某出席。市委書記陳某強調，要推動後勁發展，後續工作要抓好，後期要落實。"
    )
    names = {e.name: [t.text for t in e.titles] for e in doc.entities}
    assert names["李某"] == ["皇后村村委會主任"] and "皇后村" in names and "陳某" in names
