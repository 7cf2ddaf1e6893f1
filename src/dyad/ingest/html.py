"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree

from dyad.errors import NoTextError
from dyad.model import Span

_SPACE = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class HtmlArticle:
    """The text extraction produced, its known headings and title line, and the page's metadata."""

    text: str
    headings: tuple[Span, ...]
    title_span: Span | None
    title: str | None
    author: str | None
    date: str | None
    site: str | None
    url: str | None


def _flat(element: etree._Element) -> str:
    """The text of an element, with ``<lb/>`` as a line break and runs of spaces collapsed."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _flat(child))
        parts.append(child.tail or "")
    return "\n".join(_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")).strip()


def extract_html(data: bytes | str, where: str) -> HtmlArticle:
    """Extract the main text of a page as paragraphs separated by blank lines.

    Raises :class:`~dyad.errors.NoTextError` when the page has no article text.
    """
    xml = trafilatura.extract(
        data,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_formatting=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not xml:
        raise NoTextError(where, "no article text found in the HTML")
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    meta = {k: (v.strip() or None) for k, v in root.attrib.items()}
    title = meta.get("title")
    blocks: list[tuple[str, str]] = []
    if main is not None:
        for element in main.iter("head", "p", "item", "quote"):
            if element.tag == "p" and element.getparent() is not None and element.getparent().tag == "quote":
                continue
            text = _flat(element)
            if text:
                blocks.append((element.tag, text))
    parts: list[str] = []
    headings: list[Span] = []
    title_span: Span | None = None
    pos = 0
    # The title line is the heading that repeats the page title, else a heading before any paragraph.
    heads = [i for i, (tag, text) in enumerate(blocks) if tag == "head"]
    title_index = next((i for i in heads if title and blocks[i][1].casefold() == title.casefold()), None)
    if title_index is None and heads and heads[0] == 0 and title is None:
        title_index = 0
    for i, (tag, text) in enumerate(blocks):
        if parts:
            pos += 2
        span = Span(pos, pos + len(text))
        if i == title_index:
            title_span = span
        elif tag == "head":
            headings.append(span)
        parts.append(text)
        pos = span.end
    text = "\n\n".join(parts)
    if not text.strip() or (title_span is not None and len(blocks) == 1):
        raise NoTextError(where, "no article text found in the HTML")
    return HtmlArticle(
        text=text,
        headings=tuple(headings),
        title_span=title_span,
        title=title,
        author=meta.get("author"),
        date=meta.get("date"),
        site=meta.get("sitename"),
        url=meta.get("url"),
    )
