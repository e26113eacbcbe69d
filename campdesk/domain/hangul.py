"""Hangul-aware search: initial consonants (초성) and a half-typed last syllable.

``ㄱㅈ`` finds 광주…, ``광ㅈ`` and ``과`` (광 half-typed) find 광주 too; compound jamo an
input method makes of two initials (``ㄳ`` for ㄱ then ㅅ) count as the two. A query becomes
one compiled regular expression over the searched text, so matching 2,000 names takes
well under a millisecond per keystroke.
"""
from __future__ import annotations

import re
from functools import lru_cache

_BASE, _LAST = 0xAC00, 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ",
           "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
# A final that can still grow into a compound final when the next key is typed.
_FINAL_GROWS = {"ㄱ": ["ㄳ"], "ㄴ": ["ㄵ", "ㄶ"], "ㄹ": ["ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ"],
                "ㅂ": ["ㅄ"]}
# Compound finals split back into (kept final, next initial).
_FINAL_SPLIT = {"ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄶ": ("ㄴ", "ㅎ"), "ㄺ": ("ㄹ", "ㄱ"),
                "ㄻ": ("ㄹ", "ㅁ"), "ㄼ": ("ㄹ", "ㅂ"), "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"),
                "ㄿ": ("ㄹ", "ㅍ"), "ㅀ": ("ㄹ", "ㅎ"), "ㅄ": ("ㅂ", "ㅅ")}


def is_syllable(ch: str) -> bool:
    return _BASE <= ord(ch) <= _LAST


def initial_of(ch: str) -> str:
    """The initial consonant of a syllable, or the character itself."""
    if is_syllable(ch):
        return _INITIALS[(ord(ch) - _BASE) // 588]
    return ch


def initials(text: str) -> str:
    """``광주인공지능`` → ``ㄱㅈㅇㄱㅈㄴ``."""
    return "".join(initial_of(ch) for ch in text)


def _decompose(ch: str) -> tuple[int, int, int]:
    code = ord(ch) - _BASE
    return code // 588, (code % 588) // 28, code % 28


def _compose(initial: int, medial: int, final: int = 0) -> str:
    return chr(_BASE + initial * 588 + medial * 28 + final)


def _initial_class(jamo: str) -> str:
    i = _INITIALS.index(jamo)
    return f"[{jamo}{_compose(i, 0)}-{_compose(i, 20, 27)}]"


def _open_syllable_class(ch: str) -> str:
    """A syllable with no final typed yet matches itself with any final."""
    i, m, _ = _decompose(ch)
    return f"[{_compose(i, m)}-{_compose(i, m, 27)}]"


def _partial_last(ch: str) -> str:
    """The last typed syllable may still change: its final may grow or move on."""
    i, m, f = _decompose(ch)
    if f == 0:
        return _open_syllable_class(ch)
    final = _FINALS[f]
    options = [re.escape(ch)]
    options += [_compose(i, m, _FINALS.index(g)) for g in _FINAL_GROWS.get(final, [])]
    if final in _FINAL_SPLIT:  # 닭 typed on the way to 달구…
        kept, nxt = _FINAL_SPLIT[final]
        options.append(_compose(i, m, _FINALS.index(kept)) + _initial_class(nxt))
    if final in _INITIALS:  # 간 typed on the way to 가나…
        options.append(_compose(i, m) + _initial_class(final))
    return "(?:" + "|".join(options) + ")"


def split_compound_initials(text: str) -> str:
    """A Korean input method joins ㄱ then ㅅ into the one jamo ㄳ (and ㄴㅈ → ㄵ, ㄹㄱ → ㄺ,
    ㅂㅅ → ㅄ, …): read as the two initials typed. ``ㄳㅂ`` → ``ㄱㅅㅂ``."""
    return "".join("".join(_FINAL_SPLIT[ch]) if ch in _FINAL_SPLIT else ch for ch in text)


@lru_cache(maxsize=256)
def search_pattern(query: str) -> re.Pattern | None:
    """Compile what was typed into a pattern; None for an empty query.

    Initial consonants match any syllable that starts with them; the last syllable is
    treated as possibly half-typed; other characters match case-insensitively, and
    spaces and hyphens in the query are ignored, so ``12481`` finds ``124-81-…``.
    """
    chars = [ch for ch in split_compound_initials(query.strip())
             if not ch.isspace() and ch != "-"]
    if not chars:
        return None
    parts = []
    for pos, ch in enumerate(chars):
        if ch in _INITIALS:
            parts.append(_initial_class(ch))
        elif is_syllable(ch) and pos == len(chars) - 1:
            parts.append(_partial_last(ch))
        else:
            parts.append(re.escape(ch))
    # Allow spaces or hyphens in the text between typed characters.
    return re.compile(r"[\s\-]*".join(parts), re.IGNORECASE)


def matches(query: str, text: str) -> bool:
    pattern = search_pattern(query)
    return pattern is None or pattern.search(text) is not None
