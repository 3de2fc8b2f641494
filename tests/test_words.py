"""The dictionary words of a span are jieba.posseg's, however they are worked out."""

from __future__ import annotations

import re
from pathlib import Path

from kg.words import _tagger, tagged_words

ARTICLES = Path(__file__).parent / "data" / "articles"


def _posseg(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in _tagger().cut(text, HMM=False))


def test_tagged_words_are_posseg_words_on_chinese_spans():
    runs = [
        run
        for path in sorted(ARTICLES.glob("*.txt"))
        for run in re.findall("[\u4e00-\u9fd5]+", path.read_text("utf-8"))
    ]
    spans = {run[i : i + n] for run in runs for i in range(0, len(run), 3) for n in (1, 2, 3, 4, 6, 9)}
    assert len(spans) > 5000
    assert [s for s in sorted(spans) if tagged_words.__wrapped__(s) != _posseg(s)] == []


def test_tagged_words_are_posseg_words_on_characters_outside_the_dictionary():
    for text in ("丄", "中丄国", "丄丅", "中国丏"):
        assert tagged_words(text) == _posseg(text), text


def test_tagged_words_are_posseg_words_on_other_spans():
    for text in ("", "2025年度山西省", "5G基站", "AI+制造", "两 会", "〇", "一、二", "张三（右）"):
        assert tagged_words(text) == _posseg(text), text
