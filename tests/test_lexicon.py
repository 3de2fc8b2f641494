"""The rule vocabularies are well-formed data: right columns, no duplicates, no glued lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import kg.people
import kg.places
import kg.segment
import kg.text
import kg.themes
import kg.themes_find
import kg.things
from kg.lexicon import Lexicon, boundary_words, data_rows, data_sections, guarded

TSV_COLUMNS = {
    "posts.tsv": 2,
    "org_suffixes.tsv": 2,
    "place_suffixes.tsv": 4,
    "project_suffixes.tsv": 4,
    "person_roles.txt": 2,
    "national_leaders.tsv": 2,
    "org_abbreviations.tsv": 2,
}


@pytest.mark.parametrize("name,columns", sorted(TSV_COLUMNS.items()))
def test_rows_have_their_columns_and_no_duplicate_keys(name, columns):
    rows = data_rows(name)
    assert rows, name
    assert all(len(row) == columns for row in rows), [row for row in rows if len(row) != columns]
    keys = [row[0] for row in rows]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


@pytest.mark.parametrize(
    "name", ["org_suffixes.tsv", "place_suffixes.tsv", "project_suffixes.tsv", "posts.tsv"]
)
def test_suffixes_are_short_words(name):
    too_long = [row[0] for row in data_rows(name) if len(row[0]) > 9 or " " in row[0]]
    assert too_long == []


def test_the_lexicon_knows_common_suffixes_and_surnames():
    lex = Lexicon.load()
    for suffix in ("大学", "有限公司", "委员会", "党支部", "医院"):
        assert suffix in lex.org_suffixes, suffix
    assert {"王", "李", "习", "向"} <= lex.surnames
    assert "欧阳" in lex.compound_surnames


def test_boundary_words_and_sections():
    assert set(data_sections("boundary_words.txt")) == {"title", "organization", "project", "place"}
    assert "会议由" in boundary_words("title")
    assert {"乡村", "道路"} <= set(data_sections("generic_words.txt")["place"])


def _module_patterns():
    modules = (kg.people, kg.places, kg.segment, kg.text, kg.themes, kg.themes_find, kg.things)
    return {
        f"{module.__name__}.{name}": value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern)
    }


@pytest.mark.parametrize("name", sorted(_module_patterns()))
def test_a_guarded_pattern_finds_what_the_pattern_finds(name):
    """The words a pattern's matches must hold are read right: the quick test loses no match."""
    pattern = _module_patterns()[name]
    articles = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in articles]
    texts += ["", "记者", "十四五", "党的二十大", "任命甲为局长", "张明 摄", "a\nb"]
    for text in texts:
        for line in text.splitlines() or [text]:
            expected = [m.span() for m in pattern.finditer(line)]
            assert [m.span() for m in guarded(pattern).finditer(line)] == expected, (name, line)
            assert bool(guarded(pattern).search(line)) == bool(expected), (name, line)
