"""Search as you type finds companies by initial consonants and half-typed syllables."""
import pytest

from campdesk.domain.hangul import initials, matches


def test_initials_of_a_name():
    assert initials("광주인공지능") == "ㄱㅈㅇㄱㅈㄴ"


@pytest.mark.parametrize("query, text", [
    ("ㄱㅈ", "광주인공지능"),
    ("ㅇㄱㅈㄴ", "광주인공지능"),
    ("광ㅈ", "광주인공지능"),
    ("과", "광주인공지능"),       # 광 still being typed
    ("광주", "광주 인공지능"),     # spaces in the text
    ("가", "가나다"),
    ("간", "가나다"),             # the ㄴ is about to become the next syllable's initial
    ("닭", "달구지"),             # a compound final splits the same way
    ("12481", "124-81-00998"),   # digits match across hyphens
    ("bitgo", "Bitgoeul AI"),     # case-insensitive
])
def test_matches(query, text):
    assert matches(query, text)


@pytest.mark.parametrize("query, text", [
    ("ㄱㅈ", "서울데이터"),
    ("광주", "광산구"),
    ("곽", "광주"),
    ("ㅈㄱ", "광주"),
])
def test_does_not_match(query, text):
    assert not matches(query, text)
