"""A small corpus for the query, search and export tests: three short articles of our own, ingested for real."""

from __future__ import annotations

import json
from pathlib import Path

from dyad.store import Store
from dyad.store.ingest import ingest

ARTICLES = [
    {
        "id": "shoal-1",
        "date": "2025-03-14",
        "title": "Manila accuses Beijing over collision at the shoal",
        "source": "Harbour Wire",
        "url": "https://news.example/shoal-1",
        "text": "Manila accuses Beijing over collision at the shoal\n\n"
        "The Philippines accused China on Friday of ramming a Philippine coast guard vessel near Scarborough "
        "Shoal. The Philippine foreign ministry summoned the Chinese ambassador in Manila to protest against "
        'the collision. "We will not be bullied in our own waters," said Enrique Manalo, the Philippine '
        "foreign secretary.",
    },
    {
        "id": "shoal-2",
        "date": "2025-05-20",
        "title": "China warns the Philippines of countermeasures",
        "source": "Harbour Wire",
        "url": "https://news.example/shoal-2",
        "text": "China warns the Philippines of countermeasures\n\n"
        "China threatened the Philippines with countermeasures on Tuesday after Manila sent supply boats to "
        "the shoal. Chinese ships blocked two Philippine boats near the reef, and the Chinese foreign ministry "
        "said the Philippines had violated Chinese sovereignty.",
    },
    {
        "id": "water-1",
        "date": "2025-04-02",
        "title": "Kenya and Ethiopia agree to reopen border trade",
        "source": "Rift Daily",
        "url": "https://news.example/water-1",
        "text": "Kenya and Ethiopia agree to reopen border trade\n\n"
        "Kenya and Ethiopia signed an agreement on Wednesday to reopen cross-border trade at Moyale, officials "
        "said. Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. "
        '"Our farmers and traders will gain the most from open markets," Ruto said. The two governments also '
        "pledged to share water from the Omo river. Owners of a small café in Moyale welcomed the news.",
    },
]


def write_articles(folder: Path) -> Path:
    """The articles as a JSON Lines file in ``folder``."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def build(folder: Path) -> Path:
    """A store in ``folder`` holding the articles; its path."""
    db = folder / "corpus.duckdb"
    with Store(db) as store:
        report = ingest([write_articles(folder)], store)
    assert report.coded == len(ARTICLES)
    return db
