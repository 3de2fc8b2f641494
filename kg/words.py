"""The dictionary of Chinese words the rules consult: jieba's, through one private tokenizer.

(The global ``jieba`` tokenizer is never touched.)

>>> word_freq()["发展"] > 1000, word_tags()["长治"] != ""
(True, True)
>>> tagged_words("查看小区")[0]
('查看', 'v')
"""

from __future__ import annotations

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


@lru_cache(maxsize=65536)
def tagged_words(text: str) -> tuple[tuple[str, str], ...]:
    """Dictionary words of a short span with their tags (no HMM guessing, so fast)."""
    return tuple((w.word, w.flag) for w in _tagger().cut(text, HMM=False))
