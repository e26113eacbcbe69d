"""The content words of Korean text, found with a real morphological analyser (Kiwi).

Splitting on spaces would leave particles on every word (``투자를``, ``IR자료가``); Kiwi
(kiwipiepy, whose wheel bundles its model, so it works offline) gives the nouns, foreign words
(``IR``, ``GPU``) and numbers-with-letters. Adjacent nouns are also joined (``투자 유치`` →
``투자유치``) so a compound written with or without a space matches.

The analyser takes about a second to load: it is loaded once, on first use, and shared.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

_NOUN_TAGS = {"NNG", "NNP", "SL", "SH", "XR"}
# Nouns that say nothing about which mentor fits.
STOPWORDS = {
    "어려움", "문제", "부분", "관련", "필요", "경우", "방법", "회사", "기업", "저희", "지원", "상담",
    "문의", "때문", "정도", "내용", "생각", "요청", "도움", "상황", "현재", "최근", "이번", "고민",
    "부족", "해결", "진행", "가능", "확인", "예정", "준비", "관리", "사항", "애로", "애로사항", "건의",
    "점", "것", "수", "등", "중", "곳", "분", "측", "쪽", "데", "때", "말", "개", "명", "년", "월", "일",
    "멘토", "멘토링", "소개", "연계", "요구", "희망", "대표", "우리", "당사", "자체", "향후", "계획",
}

_lock = threading.Lock()
_kiwi = None


def analyser():
    """The one Kiwi of this process (loaded on first use, about a second)."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi
                kiwi = Kiwi()
                kiwi.tokenize("워밍업")  # the first call sets up more than the constructor
                _kiwi = kiwi
    return _kiwi


_SPACES = re.compile(r"\s+")


def compact(text: str) -> str:
    return _SPACES.sub("", text).casefold()


@lru_cache(maxsize=4096)
def terms(text: str) -> tuple[str, ...]:
    """The content words of ``text``, folded (``IR`` → ``ir``), each once, in order; then the
    compounds of adjacent nouns (``투자유치``). Cached: mentors' keywords are analysed once."""
    if not text or not text.strip():
        return ()
    out: list[str] = []
    run: list[str] = []
    last_end = -1

    def flush():
        if len(run) >= 2:
            for i in range(len(run) - 1):
                joined = run[i] + run[i + 1]
                if joined not in out:
                    out.append(joined)
        run.clear()

    for tok in analyser().tokenize(text[:2000]):
        form = tok.form.casefold()
        if tok.tag in _NOUN_TAGS and form not in STOPWORDS and (len(form) >= 2 or tok.tag == "SL"):
            if form not in out:
                out.append(form)
            if last_end != tok.start and last_end != -1 and tok.start - last_end > 1:
                flush()
            run.append(form)
            last_end = tok.start + tok.len
        elif tok.tag in ("XSN",) and run:
            last_end = tok.start + tok.len  # 경량화: the suffix keeps the run going
        else:
            flush()
            last_end = -1
    flush()
    return tuple(out)
