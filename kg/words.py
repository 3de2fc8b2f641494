"""The dictionary of Chinese words the rules consult: jieba's, through one private tokenizer.

(The global ``jieba`` tokenizer is never touched.)

>>> word_freq()["发展"] > 1000, word_tags()["长治"] != ""
(True, True)
>>> tagged_words("查看小区")[0]
('查看', 'v')
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jieba
import jieba.posseg


@cache
def tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with its dictionary loaded."""
    private = jieba.Tokenizer()
    private.initialize()
    return private


def word_freq() -> dict[str, int]:
    """Dictionary words and their frequencies."""
    return tokenizer().FREQ


@cache
def _tagger() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(tokenizer())


def word_tags() -> dict[str, str]:
    """Part-of-speech tags of dictionary words (ns place, nr person, v verb …)."""
    return _tagger().word_tag_tab


_CHINESE = re.compile("[\u4e00-\u9fd5]+")  # the characters jieba segments with its dictionary


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """Dictionary words of a short span with their tags (no HMM guessing, so fast)."""
    tagger = _tagger()
    if not _CHINESE.fullmatch(text):
        return tuple((w.word, w.flag) for w in tagger.cut(text, HMM=False))
    # Chinese characters only: one block, cut as jieba.posseg cuts it (the likeliest route through
    # the dictionary's words, each tagged from the dictionary, x if untagged), without the layers
    # of generators and per-word tests that a span of any text needs; most spans asked about are so
    tagger.makesure_userdict_loaded()
    route: dict[int, tuple[float, int]] = {}
    tagger.tokenizer.calc(text, tagger.tokenizer.get_DAG(text), route)
    tags = tagger.word_tag_tab
    words = []
    start = 0
    while start < len(text):
        end = route[start][1] + 1
        words.append((text[start:end], tags.get(text[start:end], "x")))
        start = end
    return tuple(words)
