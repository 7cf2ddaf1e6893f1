"""The PETRARCH2 validation suite as dyad reads it: each sentence analysed with the suite's own dictionaries."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dyad

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev-data" / "petrarch-unit-tests"


def sentences(folder: Path) -> Iterator[tuple[Any, str, Any]]:
    """``(sentence element, text, analysis)`` for every sentence with a text, read with the suite's actor and
    agent dictionaries (``--actors``) and the sentence's date."""
    dictionaries = (str(folder / "PETR.Validate.actors.txt"), str(folder / "PETR.Validate.agents.txt"))
    text = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    root = ET.fromstring(re.sub(r"<!--.*?-->", "", text, flags=re.S))
    for sentence in root.iter("Sentence"):
        body = sentence.find("Text")
        if body is None or not (body.text or "").strip():
            continue
        date = sentence.get("date", "")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        words = " ".join(body.text.split())
        try:
            analysis = dyad.extract(words, date=iso, actors=dictionaries)
        except dyad.InputError:
            continue
        yield sentence, words, analysis
