"""The rule vocabularies are well-formed data: right columns, no duplicates, no glued lines."""

from __future__ import annotations

import pytest

from kg.lexicon import Lexicon, boundary_words, data_rows, data_sections

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
