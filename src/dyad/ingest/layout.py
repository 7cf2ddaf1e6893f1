"""The layout of a plain text: title, byline, dateline, headings, boilerplate and body paragraphs.

Nothing is cut out of the text. Each line is classified and the result is a list of regions over the
original offsets; only ``body`` regions are analysed. Bylines and datelines become metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.model import Region, RegionKind, Span

# Lines of comment forms, share and follow bars, newsletters and cookie notices. Matched against a whole
# line, case-insensitively, after trimming.
_BOILERPLATE_LINES = [
    r"leave an? (reply|comment|response)( to \S.*)?",
    r"(post|add|write|submit) (a|your) comment",
    r"(post|submit) comment",
    r"your email address will not be published\.?.*",
    r"required fields are marked \*?",
    r"(name|e-?mail|website|comment|message)( \(required\))? ?\*?:?",
    r"save my name, e-?mail,? and website .*",
    r"notify me of (new |follow-up )?(comments|posts|replies).*",
    r"cancel reply",
    r"you must be logged in to post a comment\.?",
    r"this site uses akismet.*",
    r"\d+ (comments?|responses?|replies)",
    r"comments?( \(\d+\))?:?",
    r"reply",
    r"share( this( article| story| post| page)?)?( on [\w ]+)?:?",
    r"((share|tweet|e-?mail|print|pin it|whatsapp|facebook|twitter|x|linkedin|telegram|reddit|copy link)"
    r"[\s|/·•,]*){1,12}",
    r"click to (share|print|e-?mail)\b.*",
    r"follow (us|me)\b.{0,80}",
    r"like this:?|like loading\.*",
    r"(subscribe|sign up|register|join)\b.{0,60}"
    r"\b(newsletter|updates|inbox|mailing list|briefing|free)\b.{0,60}",
    r"(subscribe|sign up)( now| today| here)?[.!]?",
    r"get (our|the) \w+ newsletter.*",
    r".{0,100}\b(in|to|straight to) your inbox\b.{0,80}",
    r"accept( all)?( cookies)?|reject( all)?( cookies)?|manage (cookie )?(preferences|settings)",
    r"advertisement|sponsored( content)?|skip to (main )?content",
    r"read more:?.{0,120}|read next:?.{0,120}",
    r"all rights reserved\.?|.{0,80}\ball rights reserved\b.{0,40}",
    r"(©|\(c\)|copyright)\s*\d{4}.{0,100}",
    r"(related|recommended|more)( articles| stories| posts| reading| content| from \w+)?:?",
    r"you (may|might) also like:?",
    r"(tags?|topics?|filed under):.{0,200}",
]
_BOILERPLATE = re.compile(r"(?:" + "|".join(_BOILERPLATE_LINES) + r")", re.IGNORECASE)
# Lines after which the rest of the text is a comment section or a list of other articles.
_TRAILER = re.compile(
    r"(leave an? (reply|comment|response)|(post|add|write) a comment|\d+ (comments?|responses?)"
    r"|comments?( \(\d+\))?|(related|recommended)( articles| stories| posts| reading| content)?"
    r"|more from \w+|you (may|might) also like|read next):?",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(
    r"\b(use[sd]?|accept|consent|policy|settings|preferences|experience|browsing|website|site|personali[sz]e)\b",
    re.IGNORECASE,
)

_NAME = r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|da|van|von|al|el|bin|ibn|le|la|di))*"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_NAME})*"
# The lead word is matched in any case; the names must be capitalised.
_BYLINE = re.compile(
    rf"^(?i:by|written by|words by|reporting by|text by)[:\s]+(?P<names>{_NAMES})"
    r"(?P<rest>(?:\s*[,|·•—–-].*)?)$"
)
_AUTHOR = re.compile(
    rf"^(?:author|authors)\s*:\s*(?P<names>{_NAME}(?:(?:\s*,\s*|\s+and\s+){_NAME})*)(?P<rest>.*)$"
)
_CREDIT = re.compile(r"^[\(\[]?(?:reporting|editing|additional reporting|writing) by\b.*$", re.IGNORECASE)

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{2}:?\d{2})?)?"
# Each form names its groups with its own number, as a pattern may not repeat a group name.
_DATE_FORMS = [
    rf"(?:{_WEEKDAY})?(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH_NAMES})\.?,?\s+(?P<year1>\d{{4}})",
    rf"(?:{_WEEKDAY})?(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{{4}})",
    r"(?P<year3>\d{4})-(?P<mnum>\d{2})-(?P<day3>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",
]
_DATELINE = re.compile(
    r"^(?P<label>(?:first\s+)?(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>" + "|".join(f"(?:{f})" for f in _DATE_FORMS) + r")" + _TIME + r"\.?$",
    re.IGNORECASE,
)
# A wire-style opening: "HAVANA, 7 February 2024 — Colombia's government ...".
_LEAD_DATELINE = re.compile(
    r"^[A-Z][A-Z .’'-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?(?:\s*\([^)]{1,40}\))?,?\s+"
    r"(?P<date>" + "|".join(f"(?:{f})" for f in _DATE_FORMS) + r")\s*[—–-]+\s"
)
_TURN = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}: \S")
_TERMINAL = tuple('.,;:!"”’»)]…')
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")


@dataclass(frozen=True)
class Layout:
    """What layout analysis finds in a text."""

    regions: tuple[Region, ...]
    title: str | None = None
    author: str | None = None
    date: dt.date | None = None


@dataclass
class _Line:
    start: int
    end: int  # end of the content, line break excluded
    text: str  # the trimmed content
    para: int  # paragraph number; blank lines belong to none (-1)
    kind: RegionKind = "body"


def parse_date_line(text: str) -> tuple[dt.date | None, str | None]:
    """The date of a dateline such as ``Published 14 March 2025`` and its label, or ``(None, None)``."""
    m = _DATELINE.match(text.strip())
    if not m:
        return None, None
    groups = {k: v for k, v in m.groupdict().items() if v}
    day = next((int(v) for k, v in groups.items() if k.startswith("day")), None)
    year = next((int(v) for k, v in groups.items() if k.startswith("year")), None)
    month_name = next((v for k, v in groups.items() if k.startswith("month")), None)
    month = _MONTHS[month_name.lower()] if month_name else int(groups.get("mnum", "0"))
    if day is None or year is None:
        return None, None
    try:
        label = re.sub(r"[^a-z ]", "", (groups.get("label") or "").lower()).strip()
        return dt.date(year, month, day), label or None
    except ValueError:
        return None, None


_NOT_NAMES = (
    frozenset(_MONTHS)
    | {f"{d}day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}
    | {"the", "then", "now", "early", "late", "mid", "end"}
)


def _plausible_byline(m: re.Match[str]) -> bool:
    """A byline names people, and what follows the names is short (a role, a place, a date)."""
    first = m.group("names").split()[0].lower().rstrip(".,")
    tail = m.group("rest").strip(" ,|·•—–-")
    return first not in _NOT_NAMES and len(tail.split()) <= 6 and not tail.endswith(".")


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    para, pos, blank_before = -1, 0, True
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            if blank_before:
                para += 1
            lead = len(content) - len(content.lstrip())
            lines.append(_Line(pos + lead, pos + lead + len(stripped), stripped, para))
            blank_before = False
        else:
            blank_before = True
        pos += len(raw)
    return lines


def _paragraphs(lines: Sequence[_Line]) -> list[list[_Line]]:
    paras: list[list[_Line]] = []
    for line in lines:
        if not paras or paras[-1][0].para != line.para:
            paras.append([])
        paras[-1].append(line)
    return paras


def _looks_like_heading(line: _Line) -> bool:
    words = line.text.split()
    if _MARKDOWN_HEADING.match(line.text):
        return True
    if _TURN.match(line.text):
        return False  # a transcript's turn: "SMITH: Will you run again?"
    return (
        0 < len(words) <= 10
        and (line.text[0].isupper() or line.text[0].isdigit())
        and not line.text.endswith(_TERMINAL)
        and not any(c in line.text for c in '“”"«»')
    )


def _is_boilerplate(line: _Line) -> bool:
    if _BOILERPLATE.fullmatch(line.text):
        return True
    # A cookie notice is short and speaks of the site; a body sentence about cookies is not boilerplate.
    return bool(
        _COOKIE.search(line.text) and _COOKIE_NOTICE.search(line.text) and len(line.text.split()) <= 45
    )


def analyze(text: str, headings: Iterable[Span] = (), allow_title: bool = True) -> Layout:
    """Classify the lines of ``text`` and return its regions and the metadata they give.

    ``headings`` are spans known to be headings (from HTML markup). ``allow_title`` lets the first line
    be taken as the title when it looks like one.
    """
    lines = _split_lines(text)
    known = list(headings)
    for line in lines:
        if any(h.overlaps(Span(line.start, line.end)) for h in known):
            line.kind = "heading"
        elif _is_boilerplate(line):
            line.kind = "boilerplate"

    # A comment section or a list of other stories runs to the end of the text.
    half = len(text) // 2
    for i, line in enumerate(lines):
        if line.start >= half and _TRAILER.fullmatch(line.text):
            for rest in lines[i:]:
                rest.kind = "boilerplate"
            break

    # A paragraph that is mostly boilerplate lines (a share bar, a newsletter box) is boilerplate.
    for para in _paragraphs(lines):
        flagged = sum(line.kind == "boilerplate" for line in para)
        if flagged >= 2 and flagged * 2 > len(para):
            for line in para:
                line.kind = "boilerplate" if line.kind == "body" else line.kind

    paras = _paragraphs(lines)
    title = author = None
    date: dt.date | None = None
    top = [p for p in paras if any(line.kind == "body" for line in p)][:5]
    if allow_title and len(paras) > 1 and top and top[0] is paras[0]:
        first = paras[0]
        if (
            len(first) == 1
            and len(first[0].text.split()) <= 25
            and not first[0].text.endswith((".", ",", ";"))
        ):
            first[0].kind = "title"
            title = first[0].text.lstrip("# ").strip()
    for para in top:
        for line in para:
            if line.kind != "body" or len(line.text.split()) > 16:
                continue
            m = _BYLINE.match(line.text) or _AUTHOR.match(line.text)
            if m and author is None and _plausible_byline(m):
                line.kind = "byline"
                author = re.sub(r"\s+", " ", m.group("names")).strip()
                tail = m.group("rest").strip(" ,|·•—–-")
                found, _ = parse_date_line(tail) if tail else (None, None)
                date = date or found
                continue
            found, label = parse_date_line(line.text)
            if found:
                line.kind = "dateline"
                if date is None or label in ("published", "posted", "first published"):
                    date = found
    for line in lines:
        if line.kind == "body" and _CREDIT.match(line.text):
            line.kind = "byline"
    if date is None:
        first_body = next((line for line in lines if line.kind == "body"), None)
        if first_body is not None and (m := _LEAD_DATELINE.match(first_body.text)):
            date, _ = parse_date_line(m.group("date"))

    # Headings: a short line standing alone between paragraphs, followed by body text.
    paras = _paragraphs(lines)
    for i, para in enumerate(paras):
        if len(para) != 1 or para[0].kind != "body" or i + 1 >= len(paras):
            continue
        following = [line for p in paras[i + 1 :] for line in p if line.kind == "body"]
        if (
            following
            and _looks_like_heading(para[0])
            and len(" ".join(x.text for x in following).split()) >= 12
        ):
            para[0].kind = "heading"

    return Layout(_regions(lines), title, author, date)


def plain_layout(text: str) -> Layout:
    """Every paragraph of ``text`` is body text."""
    return Layout(_regions(_split_lines(text)))


def _regions(lines: Sequence[_Line]) -> tuple[Region, ...]:
    """One region per run of lines of the same kind inside a paragraph."""
    regions: list[Region] = []
    prev: _Line | None = None
    for line in lines:
        if prev is not None and prev.kind == line.kind and prev.para == line.para:
            last = regions[-1]
            regions[-1] = Region(Span(last.span.start, line.end), last.kind)
        else:
            regions.append(Region(Span(line.start, line.end), line.kind))
        prev = line
    return tuple(regions)
