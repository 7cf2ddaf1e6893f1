"""A small language check: dyad reads English; other languages are reported, not misread.

Scripts other than Latin are told by their letters; Latin-script languages by how many of their
commonest function words the text uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_FUNCTION_WORDS = {
    "en": "the of and to in a is that for on it with as was by at be this from are have has not but an "
    "they which said were their its been who will would or he she his her if after over into than also more "
    "up out about against could after had",
    "fr": "le la les de des du et en un une est que qui dans pour pas sur au aux par avec ce cette il elle "
    "ont sont été plus nous vous",
    "de": "der die das und ist nicht den dem des ein eine zu mit sich auf für von im auch es als wie sie "
    "wurde werden hat bei",
    "es": "el la los las de del y en un una es que por con para no se su al lo como más pero sus fue ha",
    "it": "il lo la gli le di del della e è un una che per con non si da al nel sono ha anche come",
    "pt": "o a os as de do da dos das e em um uma é que para com não se por no na ao foi mais como",
    "nl": "de het een en van in is dat op te met voor zijn niet aan er ook als bij door naar",
    "tr": "ve bir bu da de ile için olarak olan gibi daha çok ama ne en",
    "id": "dan yang di ini itu dengan untuk dari tidak ke pada akan juga adalah",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = {
    "CYRILLIC": "a Cyrillic-script language",
    "ARABIC": "an Arabic-script language",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "a Devanagari-script language",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}
_NAMES = {
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "tr": "Turkish",
    "id": "Indonesian",
}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


def guess_language(text: str, sample: int = 20_000) -> tuple[str | None, str]:
    """``(code, description)``: ``("en", "English")`` for English text, else a best guess at what it is.

    The code is ``None`` when the language is not one of the few told apart here.
    """
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    if not letters:
        return None, "no letters"
    scripts = Counter(_script(ch) for ch in letters)
    script, count = scripts.most_common(1)[0]
    if script != "LATIN" and count > 0.5 * len(letters):
        return None, _SCRIPTS.get(script, f"{script.title()} script")
    tokens = [t.lower() for t in _TOKEN.findall(head)]
    if len(tokens) < 12:
        return "en", "English (too short to tell)"
    shares = {lang: sum(t in words for t in tokens) / len(tokens) for lang, words in _WORDS.items()}
    best = max(shares, key=lambda lang: shares[lang])
    if best == "en" and shares["en"] >= 0.08:
        return "en", "English"
    if shares["en"] >= 0.15:
        return "en", "English"
    if shares[best] >= 0.08:
        return best, _NAMES.get(best, best)
    if len(tokens) < 40:
        return "en", "English (too short to tell)"  # a sentence of names: "Ankara will ratify ..."
    return None, "an unknown language"
