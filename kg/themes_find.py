"""Policy themes in a sentence: the curated vocabulary, numbered formulas, plan periods, meetings.

>>> found = find_themes("增强“四个意识”，推动高质量发展，科学编制“十五五”规划。")
>>> [dict(m.attrs).get("preferred", m.text) for m in found]
['四个意识', '高质量发展', '十五五']
"""

from __future__ import annotations

from functools import cache

import ahocorasick

from kg.model import Mention
from kg.themes import ThemeVocabulary, numbered_formulas
from kg.things import find_theme_patterns


@cache
def _vocabulary_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, preferred in ThemeVocabulary.load().labels():
        automaton.add_word(surface, (surface, preferred))
    automaton.make_automaton()
    return automaton


def find_themes(text: str) -> list[Mention]:
    """Theme mentions, leftmost-longest; ``attrs`` carries the preferred label."""
    found: list[Mention] = []
    for end_index, (surface, preferred) in _vocabulary_automaton().iter(text):
        start = end_index - len(surface) + 1
        found.append(Mention("theme", surface, start, end_index + 1, attrs=(("preferred", preferred),)))
    for start, end, surface in numbered_formulas(text):
        found.append(Mention("theme", surface, start, end, attrs=(("kind", "formula"),)))
    found += find_theme_patterns(text)
    chosen: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
