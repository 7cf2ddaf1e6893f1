"""Synthetic news articles for the corpus benchmarks: varied paragraphs built from templates, reproducibly.

    .venv/bin/python -m benchmarks.synthetic 1000 > articles.jsonl

Each article is a JSON Lines record (``id``, ``date``, ``title``, ``text``) of five to nine sentences about two
or three actors: meetings, accusations, agreements, attacks, sanctions, aid, protests, with quotes, places and
relative dates, so that every stage of the pipeline has work. The same seed gives the same articles.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

STATES = [
    ("France", "French", "Paris", "Emmanuel Macron", "president"),
    ("Germany", "German", "Berlin", "Olaf Scholz", "chancellor"),
    ("Russia", "Russian", "Moscow", "Vladimir Putin", "president"),
    ("Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky", "president"),
    ("China", "Chinese", "Beijing", "Xi Jinping", "president"),
    ("India", "Indian", "New Delhi", "Narendra Modi", "prime minister"),
    ("Japan", "Japanese", "Tokyo", "Fumio Kishida", "prime minister"),
    ("Brazil", "Brazilian", "Brasilia", "Luiz Inacio Lula da Silva", "president"),
    ("Kenya", "Kenyan", "Nairobi", "William Ruto", "president"),
    ("Nigeria", "Nigerian", "Abuja", "Bola Tinubu", "president"),
    ("Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan", "president"),
    ("Iran", "Iranian", "Tehran", "Masoud Pezeshkian", "president"),
    ("Israel", "Israeli", "Jerusalem", "Benjamin Netanyahu", "prime minister"),
    ("Egypt", "Egyptian", "Cairo", "Abdel Fattah el-Sisi", "president"),
    ("Pakistan", "Pakistani", "Islamabad", "Shehbaz Sharif", "prime minister"),
    ("Mexico", "Mexican", "Mexico City", "Claudia Sheinbaum", "president"),
    ("Colombia", "Colombian", "Bogota", "Gustavo Petro", "president"),
    ("Kazakhstan", "Kazakh", "Astana", "Kassym-Jomart Tokayev", "president"),
    ("Philippines", "Philippine", "Manila", "Ferdinand Marcos Jr.", "president"),
    ("Poland", "Polish", "Warsaw", "Donald Tusk", "prime minister"),
    ("South Africa", "South African", "Pretoria", "Cyril Ramaphosa", "president"),
    ("Indonesia", "Indonesian", "Jakarta", "Prabowo Subianto", "president"),
]
GROUPS = [
    "the United Nations",
    "the European Union",
    "NATO",
    "the African Union",
    "the World Health Organization",
    "Amnesty International",
    "the International Monetary Fund",
    "rebels of the ELN",
    "Hamas",
    "the Taliban",
]
TOPICS = ["water sharing", "trade", "the border", "energy supplies", "refugees", "fishing rights", "security"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SENTENCES = [
    "{L1}, the {A1j} {R1}, met {L2} in {C2} on {day} to discuss {topic}.",
    "The {A1j} government accused {A2} of violating the ceasefire near {C2} last week.",
    "{A1} and {A2} signed an agreement on {topic} in {C1} on {day}, officials said.",
    "Troops from {A1} attacked positions held by {G} outside {C2} on {day}, killing at least {n} people.",
    "{G} imposed new sanctions on {A2} over its role in the conflict.",
    "{A1} pledged {n} million dollars in humanitarian aid to {A2} after the floods.",
    "Thousands of people protested in {C1} on {day} against the government's policy on {topic}.",
    '"We will not accept any threat to our sovereignty," {L2} told reporters in {C2}.',
    "{L1} said {A1} was ready to resume talks with {A2} on {topic} next month.",
    "{A2} rejected the proposal and recalled its ambassador from {C1}.",
    "{G} called on both sides to show restraint and to return to negotiations.",
    "Police in {C2} arrested {n} opposition activists on {day}, according to {G}.",
    "{A1j} and {A2j} ministers agreed to meet again in {C1} before the end of the year.",
    '"This is a turning point for the region," said {L1}, who called the deal historic.',
    "The {A2j} foreign ministry denied the allegations and threatened to retaliate.",
    "{A1} expelled two {A2j} diplomats on {day}, accusing them of spying.",
    "Talks on {topic} between {A1} and {A2} collapsed in {n_year} and stalled for years.",
    "{G} said it would send observers to {C2} to monitor the vote.",
]
TITLES = [
    "{A1} and {A2} at odds over {topic}",
    "{L1} meets {L2} in {C2}",
    "{G} presses {A2} on {topic}",
    "Tensions rise between {A1} and {A2}",
    "{A1} signs {topic} deal with {A2}",
]


def _capital(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:]


def article(rng: random.Random, number: int, start: dt.date = dt.date(2018, 1, 1)) -> dict[str, str]:
    """One synthetic article."""
    one, two = rng.sample(STATES, 2)
    fields = {
        "A1": one[0],
        "A1j": one[1],
        "C1": one[2],
        "L1": one[3],
        "R1": one[4],
        "A2": two[0],
        "A2j": two[1],
        "C2": two[2],
        "L2": two[3],
        "G": rng.choice(GROUPS),
        "topic": rng.choice(TOPICS),
        "day": rng.choice(WEEKDAYS),
        "n": str(rng.randint(2, 90)),
        "n_year": str(rng.randint(2005, 2017)),
    }
    count = rng.randint(5, 9)
    sentences = [_capital(s.format(**fields)) for s in rng.sample(SENTENCES, count)]
    cut = rng.randint(2, count - 2)
    text = " ".join(sentences[:cut]) + "\n\n" + " ".join(sentences[cut:]) + "\n"
    date = start + dt.timedelta(days=rng.randint(0, 8 * 365))
    return {
        "id": f"syn-{number}",
        "date": date.isoformat(),
        "title": _capital(rng.choice(TITLES).format(**fields)),
        "text": text,
    }


def articles(n: int, seed: int = 8) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for number in range(n):
        yield article(rng, number)


def write(path: Path, n: int, seed: int = 8) -> Path:
    """A JSON Lines file of ``n`` synthetic articles."""
    with path.open("w", encoding="utf-8") as out:
        for record in articles(n, seed):
            out.write(json.dumps(record) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for record in articles(int(args[0]) if args else 10):
        sys.stdout.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
