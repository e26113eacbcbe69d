"""The most frequent difficulties: a light Korean phrase and noun count, no dictionary needed.

Staff mostly note a difficulty as a short phrase ("사무 공간 부족"): such a phrase (up to
``PHRASE_WORDS`` content words) counts as itself, so the same difficulty written with other
particles or spacing still adds up. Longer free text counts each content word instead. Words
are Hangul/Latin runs of two or more characters; one trailing particle is cut off, verb forms
and function words dropped. A text counts a term once, so a figure is a number of
consultations.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from campdesk.services.reporting.lexicon import PARTICLES, STOPWORDS, VERB_ENDINGS

PHRASE_WORDS = 4
_WORD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&·()]*")  # i18n: data
_PARTICLES = sorted(PARTICLES.split(), key=len, reverse=True)  # longest first: "에서는" before "는"
_VERB_ENDINGS = VERB_ENDINGS
_STOPWORDS = set(STOPWORDS.split())


def stem(word: str) -> str:
    """Cut one trailing particle, keeping at least two characters."""
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def content_words(text: str) -> list[str]:
    out = []
    for word in _WORD.findall(text or ""):
        term = stem(stem(word))
        if term.endswith(_VERB_ENDINGS) and len(term) > 2:
            continue
        if len(term) >= 2 and term.casefold() not in _STOPWORDS:
            out.append(term)
    return out


def frequent_terms(texts: Iterable[str], limit: int = 10) -> list[tuple[str, int]]:
    """The ``limit`` difficulties (phrases or words) mentioned by the most texts."""
    counts: Counter[tuple[str, ...]] = Counter()
    shown: dict[tuple[str, ...], str] = {}
    for text in texts:
        words = content_words(text)
        if not words:
            continue
        if len(words) <= PHRASE_WORDS:
            key = tuple(words)
            shown.setdefault(key, " ".join(text.split()))
            counts[key] += 1
        else:
            for word in dict.fromkeys(words):
                shown.setdefault((word,), word)
                counts[(word,)] += 1
    return [(shown[key], n) for key, n in counts.most_common(limit)]
