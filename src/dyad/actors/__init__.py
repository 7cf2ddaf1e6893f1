"""Stage ``actors``: who the document is about.

For now actors are the parser's named entities (people, organisations, geopolitical entities,
nationalities), grouped by name within the document and not yet resolved to shipped knowledge: ``type``
is known only for people and organisations, and ``country``, ``sector`` and ``roles`` are empty. The
actors issue adds resolution, roles and coreference.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from dyad.model import Actor, ActorType, Analysis, Mention, Span
from dyad.options import Options
from dyad.stage import Stage

_LABELS: dict[str, ActorType | None] = {"PERSON": "person", "ORG": "organization", "GPE": None, "NORP": None}
_LEADING = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def slug(name: str) -> str:
    """An ASCII id fragment for a name: ``Zamir Kabulov`` -> ``zamir-kabulov``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def trim(text: str, span: Span) -> Span:
    """A mention span without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    surface = text[start:end]
    if m := _LEADING.match(surface):
        start += m.end()
    if m := _POSSESSIVE.search(text[start:end]):
        end -= len(m.group(0))
    return Span(start, max(start, end))


@Stage.define("actors", requires={"parse", "sentences"}, assigns={"mentions", "actors"})
def STAGE(analysis: Analysis, options: Options) -> Analysis:
    text = analysis.document.text
    groups: dict[str, list[Mention]] = {}
    for ent in analysis.parse.ents:
        if ent.label_ not in _LABELS:
            continue
        span = trim(text, Span(ent.start_char, ent.end_char))
        if not len(span) or analysis.sentence_of(span) is None:
            continue
        key = " ".join(text[span.start : span.end].split()).casefold()
        groups.setdefault(key, []).append(Mention(span, ent.label_))
    actors = []
    for key, mentions in groups.items():
        forms = [" ".join(text[m.span.start : m.span.end].split()) for m in mentions]
        name = max(set(forms), key=lambda form: (forms.count(form), form[:1].isupper(), len(form)))
        labels = [m.label for m in mentions]
        label = max(_LABELS, key=lambda lab: (labels.count(lab), lab == labels[0]))  # the commonest label
        actors.append(
            Actor(actor_id=f"ent:{slug(key)}", name=name, type=_LABELS[label], mentions=tuple(mentions))
        )
    mentions_all = tuple(sorted((m for a in actors for m in a.mentions), key=lambda m: m.span))
    return replace(analysis, mentions=mentions_all, actors=tuple(actors))
