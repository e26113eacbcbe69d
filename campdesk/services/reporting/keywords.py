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

PHRASE_WORDS = 4
_WORD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9&·()]*")
# Longest first, so "에서는" is cut before "는".
_PARTICLES = sorted("""
    으로부터 에서부터 이라서 에게서 으로는 에서는 에서도 으로도 이라는 이라고 까지는 부터는
    와의 과의 에서 에게 한테 으로 께서 까지 부터 마다 처럼 보다 이나 이며 이고 이란 라는 라고
    에는 에도 하고 들이 들을 들은 들의 들도 들과 들에
    은 는 이 가 을 를 의 에 도 와 과 로 만 나 란
""".split(), key=len, reverse=True)
_VERB_ENDINGS = ("합니다", "습니다", "입니다", "했다", "한다", "하다", "해요", "했음", "하여", "해서",
                 "하는", "하고", "하기", "되어", "되는", "된다", "없음", "없다", "있음", "있다", "함", "려고", "어렵고")
_STOPWORDS = set("""
    관련 대한 대해 위한 위해 통해 있는 없는 등의 그리고 하지만 또한 현재 경우 부분 내용 사항 여부
    가능 가능한 애로 애로사항 문제 상황 정도 이후 이번 다소 매우 많이 너무 아직 계속 해당 기타
    있음 없음 필요함 the and for with
""".split())


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
