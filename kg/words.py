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


def ends_a_noun_or_attribute(text: str, k: int) -> bool:
    """Whether the character at ``k`` ends a common noun or attribute begun by the one before it (由 of
    自由, 同 of 协同), so that a boundary character there is inside a word; not after a count (35人为:
    a count of persons, then 为), nor at the start of ``text``.

    >>> ends_a_noun_or_attribute("辽宁自由贸易", 3), ends_a_noun_or_attribute("会议由市委", 2)
    (True, False)
    >>> ends_a_noun_or_attribute("郑宇等35人为县政协", 6)
    False
    """
    pair = text[k - 1 : k + 1]
    if k < 2 or text[k - 2].isdigit() or text[k - 2] in "一二三四五六七八九十两百千万几多":
        return False  # a word that begins the text may follow a count the text does not hold
    return word_freq().get(pair, 0) >= 100 and word_tags().get(pair, "") in ("n", "a", "an", "nz")
