from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dyad.errors import InputError, LanguageError, MalformedInputError, NoTextError, TooLargeError
from dyad.ingest import iter_documents, read_stream
from dyad.model import Document
from dyad.options import Options
from tests.conftest import ARTICLE

Write = Callable[[str, bytes | str], Path]


def only(items: list[Document | InputError]) -> Document:
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def test_plain_text_article_has_title_author_and_body(write: Write) -> None:
    doc = only(list(iter_documents([write("a.txt", ARTICLE)])))
    assert doc.title == "Kazakhstan and Uzbekistan sign water accord"
    assert doc.author == "Jane Roe"
    assert doc.text == ARTICLE
    assert doc.date is None and doc.date_source is None
    assert doc.path and doc.path.endswith("a.txt")


def test_same_article_read_twice_has_one_id(write: Write) -> None:
    first = only(list(iter_documents([write("a.txt", ARTICLE)])))
    again = only(list(iter_documents([write("copy/b.txt", ARTICLE + "\n\n")])))
    line = json.dumps({"id": "x1", "text": ARTICLE})
    from_jsonl = only(list(iter_documents([write("c.jsonl", line + "\n")])))
    assert first.doc_id == again.doc_id == from_jsonl.doc_id
    assert from_jsonl.external_id == "x1"


def test_given_date_wins_over_metadata(write: Write) -> None:
    line = json.dumps({"text": ARTICLE, "date": "2025-04-28"})
    path = write("a.jsonl", line)
    doc = only(list(iter_documents([path])))
    assert (doc.date, doc.date_source) == (dt.date(2025, 4, 28), "metadata")
    doc = only(list(iter_documents([path], Options(date=dt.date(2025, 5, 1)))))
    assert (doc.date, doc.date_source) == (dt.date(2025, 5, 1), "given")


def test_jsonl_bad_lines_are_reported_by_line_and_the_rest_read(write: Write) -> None:
    lines = [
        json.dumps(
            {"id": 1, "text": ARTICLE, "title": "Water accord", "source": "Wire", "url": "https://x.test/1"}
        ),
        '{"text": "unterminated',
        json.dumps({"title": "no text here"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"text": ARTICLE.replace("Tuesday", "Monday"), "date": "last week"}),
        json.dumps({"text": ARTICLE.replace("Tuesday", "Friday"), "date": "2025-03-14T08:00:00Z"}),
    ]
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([path]))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.external_id for d in docs] == ["1", None]
    assert docs[0].title == "Water accord" and docs[0].source == "Wire" and docs[0].url == "https://x.test/1"
    assert docs[1].date == dt.date(2025, 3, 14)
    assert errors == [
        f"{path}:2: malformed JSON (Unterminated string starting at, column 10)",
        f"{path}:3: no 'text' field",
        f"{path}:4: a JSON list, not an object with a 'text' field",
        f"{path}:6: 'date' is not a date: 'last week'",
    ]
    assert all(isinstance(i, MalformedInputError) for i in items if isinstance(i, InputError))


def test_html_page_gives_main_text_and_metadata(examples: Path) -> None:
    doc = only(list(iter_documents([examples / "india-sco-summit-tianjin.html"])))
    assert doc.title == "Modi expected in Tianjin next month as India and China test a thaw"
    assert doc.author == "Priya Raghunathan"
    assert doc.source == "Subcontinent Ledger"
    assert (doc.date, doc.date_source) == (dt.date(2025, 7, 16), "metadata")
    body = " ".join(doc.slice(span) for span in doc.body())
    assert "Narendra Modi is likely to travel to China" in body
    assert "cookies" not in doc.text.lower()
    headings = [doc.slice(r.span) for r in doc.regions if r.kind == "heading"]
    assert headings == ["Terrorism language a sticking point"]


def test_html_without_article_text_is_refused(write: Write) -> None:
    page = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    items = list(iter_documents([write("empty.html", page)]))
    assert isinstance(items[0], NoTextError)
    assert "no article text" in str(items[0])


def test_folder_is_read_recursively_by_extension(write: Write, tmp_path: Path) -> None:
    write("news/a.txt", ARTICLE)
    write("news/deep/b.htm", f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    write("news/notes.docx", b"PK\x03\x04")
    write("news/.hidden/c.txt", ARTICLE)
    docs = list(iter_documents([tmp_path / "news"]))
    assert sorted(Path(d.path).name for d in docs if isinstance(d, Document) and d.path) == ["a.txt", "b.htm"]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    items = list(iter_documents([tmp_path / "empty"]))
    assert isinstance(items[0], InputError) and "folder holds no" in str(items[0])


def test_standard_input_is_sniffed_for_html_and_jsonl() -> None:
    options = Options()
    text = only(list(read_stream(io.BytesIO(ARTICLE.encode()), options)))
    assert text.path is None and text.title
    page = f"<!DOCTYPE html><html><body><article><p>{ARTICLE}</p></article></body></html>"
    html = only(list(read_stream(io.BytesIO(page.encode()), options)))
    assert "Syr Darya" in html.text
    feed = json.dumps({"text": ARTICLE, "id": "s1"}) + "\n"
    assert only(list(read_stream(io.BytesIO(feed.encode()), options))).external_id == "s1"


def test_file_over_the_size_limit_is_refused(write: Write) -> None:
    path = write("big.txt", ARTICLE * 100)
    items = list(iter_documents([path], Options(max_bytes=10_000)))
    assert isinstance(items[0], TooLargeError)
    assert "over the 10,000 bytes limit" in str(items[0])


def test_jsonl_size_limit_applies_to_each_article(write: Write) -> None:
    lines = [json.dumps({"text": ARTICLE}), json.dumps({"text": ARTICLE * 100})]
    items = list(iter_documents([write("feed.jsonl", "\n".join(lines))], Options(max_bytes=10_000)))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], TooLargeError) and str(items[1]).startswith(f"{items[0].path}:2:")


def test_text_in_another_language_is_refused(write: Write) -> None:
    french = (
        "Le ministre des affaires étrangères a déclaré mardi que les discussions avec la délégation "
        "afghane ont été utiles et qu'elles vont continuer dans les prochains jours."
    )
    items = list(iter_documents([write("fr.txt", french)]))
    assert isinstance(items[0], LanguageError)
    assert "French" in str(items[0])


def test_text_of_only_boilerplate_is_refused(write: Write) -> None:
    items = list(
        iter_documents([write("b.txt", "Share this article\nFacebook\nX\n\nSubscribe to our newsletter\n")])
    )
    assert isinstance(items[0], NoTextError)


@pytest.mark.parametrize("name", ["a.md", "noext"])
def test_unknown_extension_named_explicitly_is_read_as_text(write: Write, name: str) -> None:
    assert only(list(iter_documents([write(name, ARTICLE)]))).title
