"""Company names that are probably the same company typed differently: "빛고을인공지늉" for
"빛고을인공지능", "무등데이타" for "무등데이터". Names are compared letter by letter in their
Hangul jamo (a syllable typed with one wrong vowel differs by one jamo, not one syllable),
after the legal-form words and punctuation are taken off (see ``normalise_company_name``)."""
from __future__ import annotations

import unicodedata
from typing import Iterable

from rapidfuzz import fuzz, process

SIMILAR = 90  # rapidfuzz ratio (0-100) of the jamo spellings from which two names look alike
SHORTEST = 3  # names shorter than this (normalised) are too short to compare loosely


def jamo(name_norm: str) -> str:
    """A normalised name with each Hangul syllable spelled out in its jamo."""
    return unicodedata.normalize("NFD", name_norm)


def similar_names(name_norm: str, candidates: Iterable[tuple[str, str]], limit: int = 5
                  ) -> list[str]:
    """The keys of ``candidates`` ((key, normalised name) pairs) whose name is probably
    ``name_norm`` typed differently, most alike first; identical names are left to an
    exact comparison."""
    if len(name_norm) < SHORTEST:
        return []
    target = jamo(name_norm)
    choices = {key: jamo(norm) for key, norm in candidates if norm and norm != name_norm}
    found = process.extract(target, choices, scorer=fuzz.ratio, score_cutoff=SIMILAR,
                            limit=limit)
    return [key for _choice, _score, key in found]
