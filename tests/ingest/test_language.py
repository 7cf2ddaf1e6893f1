from __future__ import annotations

import pytest

from dyad.ingest.language import guess_language


def test_english_news_is_english() -> None:
    text = (
        "The minister said on Tuesday that the talks with the delegation had been useful and would continue."
    )
    assert guess_language(text)[0] == "en"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        (
            "Le ministre a déclaré mardi que les discussions avec la délégation ont été utiles et qu'elles vont "
            "continuer dans les prochains jours pour la paix.",
            "French",
        ),
        (
            "Der Minister sagte am Dienstag, dass die Gespräche mit der Delegation nützlich gewesen seien und "
            "dass sie fortgesetzt werden, wie es im Plan steht.",
            "German",
        ),
        ("Министр заявил во вторник, что переговоры с делегацией были полезными.", "Cyrillic"),
    ],
)
def test_other_languages_are_named(text: str, described: str) -> None:
    code, description = guess_language(text)
    assert code != "en"
    assert described in description
