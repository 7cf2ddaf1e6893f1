"""From mentions to actors: offices resolved by date, roles learned from the text, coreference inside the
document (surnames, pronouns, descriptions, acronyms), and one actor record per actor.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.actors.recognize import ACRONYM, TITLE_WORDS, Found, Recognizer, appositive_title
from dyad.knowledge.actors import Entity, Knowledge
from dyad.knowledge.names import norm
from dyad.model import Actor, ActorType, Analysis, Mention, Role, Span

_HONORIFICS = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f"}
_WINDOW = 3  # sentences back that a pronoun, a description or a bare institution may reach
_POSSESSIVE = re.compile(r"^\S+?(?:['’]s)\s+")


def slug(name: str) -> str:
    """An ASCII id fragment for a name: ``Zamir Kabulov`` -> ``zamir-kabulov``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"


def middle(value: str | None) -> dt.date | None:
    """The middle day of a TimeML date value (``2025`` -> 2 July 2025), or ``None`` for other values."""
    if not value or not value[:4].isdigit():
        return None
    try:
        year = int(value[:4])
        rest = value[5:]
        if not rest:
            return dt.date(year, 7, 2)
        if rest[0] in "QHW" or rest[:2] in ("SP", "SU", "FA", "WI"):
            return dt.date(year, 7, 2)
        month = int(rest[:2])
        day = int(rest[3:5]) if len(rest) >= 5 and rest[3:5].isdigit() else 15
        return dt.date(year, month, day)
    except ValueError:
        return None


@dataclass
class Cluster:
    """One actor of the document and what is known of it so far."""

    key: str
    name: str
    type: ActorType | None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    surname: str | None = None
    titles: set[str] = field(default_factory=set)
    phrase: str | None = None
    genders: set[str] = field(
        default_factory=set
    )  # "m", "f": from "he"/"she" it took, "Mr."/"Mrs." before it


class Resolver:
    """Turns the mentions of one document into actors."""

    def __init__(self, kb: Knowledge, recognizer: Recognizer, analysis: Analysis) -> None:
        self.kb = kb
        self.recognizer = recognizer
        self.analysis = analysis
        self.doc = analysis.parse
        self.document_date = analysis.document.date
        self.clusters: dict[str, Cluster] = {}
        self.seen: list[tuple[int, str, int]] = []  # (token, cluster key, sentence) of every mention so far
        self.by_token: dict[int, str] = {}
        self.acronyms: dict[str, str] = {}
        starts = [s.span.start for s in analysis.sentences]
        self._starts = starts
        self.context: list[tuple[int, str]] = []

    def sentence_of(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self._starts, self.doc[token_i].idx) - 1)

    # Dates ----------------------------------------------------------------------------------------------
    def date_at(self, token: Any) -> dt.date | None:
        """The date of the clause a token belongs to, else the document date."""
        t = token
        for _ in range(8):
            if t.pos_ in ("VERB", "AUX"):
                dating = self.analysis.dating_of(Span(t.idx, t.idx + len(t.text)))
                if dating is not None and dating.source in ("clause", "sentence"):
                    found = middle(dating.value)
                    if found is not None:
                        return found
                break
            if t.head.i == t.i:
                break
            t = t.head
        return self.document_date

    # Clusters -------------------------------------------------------------------------------------------
    def cluster(
        self,
        key: str,
        name: str,
        type_: ActorType | None,
        country: str | None = None,
        sector: str | None = None,
        wikidata: str | None = None,
    ) -> Cluster:
        found = self.clusters.get(key)
        if found is None:
            found = Cluster(key, name, type_, country, sector, wikidata)
            self.clusters[key] = found
        return found

    def entity_cluster(self, entity: Entity, date: dt.date | None) -> Cluster:
        return self.cluster(
            entity.id,
            entity.name,
            entity.type,
            entity.country,
            self.kb.sector_at(entity, date),
            entity.wikidata,
        )

    def add(self, cluster: Cluster, found: Found) -> None:
        start = self.doc[found.start].idx
        last = self.doc[found.end - 1]
        cluster.mentions.append(Mention(Span(start, last.idx + len(last.text)), found.label))
        self.seen.append((found.start, cluster.key, self.sentence_of(found.start)))
        for i in range(found.start, found.end):
            self.by_token[i] = cluster.key

    def person_cluster(self, person_id: str, date: dt.date | None) -> Cluster:
        entity = self.kb.person(person_id)
        assert entity is not None
        terms = self.kb.terms_of(person_id)
        current = [t for t in terms if date is not None and t.covers(date)]
        chosen = (
            current
            or [t for t in terms if date is None or t.start is None or t.start <= date.isoformat()][-1:]
        )
        lead = chosen[0] if chosen else (terms[-1] if terms else None)
        country = lead.country if lead else entity.country
        cluster = self.cluster(
            person_id,
            entity.name,
            "person",
            country if country in self.kb.countries else None,
            lead.sector if lead else entity.sector,
            entity.wikidata,
        )
        for term in chosen:
            role = Role(
                term.title,
                term.country if term.country in self.kb.countries else None,
                term.sector,
                term.start,
                term.end,
            )
            if role not in cluster.roles:
                cluster.roles.append(role)
            cluster.titles.update(term.title.lower().split())
            cluster.titles.add(term.title.lower())
        cluster.surname = norm(entity.name.split()[-1])
        return cluster

    # The whole document ---------------------------------------------------------------------------------
    def run(self, founds: Sequence[Found], context: Sequence[tuple[int, str]]) -> tuple[Actor, ...]:
        self.context = sorted(context)
        later: list[Found] = []
        for found in founds:
            if found.kind == "appos":
                later.append(found)
                continue
            cluster = self.resolve(found)
            if cluster is not None:
                self.add(cluster, found)
        for found in later:
            key = self.by_token.get(found.extras["person"])
            if key is not None:
                self.add(self.clusters[key], found)
        self._acronyms(founds)
        self._surnames()
        return tuple(self._actor(c) for c in self.clusters.values() if c.mentions)

    def _surnames(self) -> None:
        """A person's surname used alone later ("Kabulov met officials") is a mention even when the
        recogniser missed it."""
        people = {c.surname: c for c in self.clusters.values() if c.type == "person" and c.surname}
        if not people:
            return
        first = {key: min(m.span.start for m in c.mentions) for key, c in self.clusters.items() if c.mentions}
        for token in self.doc:
            cluster = people.get(norm(token.text))
            if (
                cluster is None
                or token.i in self.by_token
                or not token.text[:1].isupper()
                or token.pos_ not in ("PROPN", "NOUN")
            ):
                continue
            if token.idx <= first.get(cluster.key, 0) or not self.analysis.sentence_of(
                Span(token.idx, token.idx + 1)
            ):
                continue
            if (
                token.i > 0
                and self.doc[token.i - 1].pos_ == "PROPN"
                and self.doc[token.i - 1].i not in self.by_token
            ):
                continue  # part of another name
            cluster.mentions.append(Mention(Span(token.idx, token.idx + len(token.text)), "PERSON"))
            self.by_token[token.i] = cluster.key

    def resolve(self, found: Found) -> Cluster | None:
        kind = found.kind
        date = self.date_at(self.doc[found.start])
        if kind == "entity":
            return self.entity_cluster(self.kb.entities[found.key or ""], date)
        if kind == "person":
            cluster = self.person_cluster(found.key or "", date)
            self._learn_role(cluster, found)
            return cluster
        if kind == "office":
            return self._office(found, date)
        if kind == "institution":
            return self._institution(found)
        if kind == "name":
            return self._name(found, date)
        if kind == "org":
            return self._org(found)
        if kind == "pronoun":
            return self._antecedent(found)
        if kind == "description":
            return self._described(found)
        if kind == "back":
            return self._back(found)
        if kind == "generic":
            return self._generic(found)
        return None

    def _office(self, found: Found, date: dt.date | None) -> Cluster | None:
        country = found.country
        holder_key = country
        if found.owner in self.kb.entities and self.kb.entities[found.owner].type in ("igo", "region"):
            holder_key = found.owner
        if found.office and holder_key:
            holders = self.kb.holders(holder_key, found.office, date)
            if not holders and found.office == "head_of_government":
                holders = self.kb.holders(holder_key, "head_of_state", date)  # presidential systems
            word = (found.title or "").lower().split()[-1:] or [""]
            titled = [
                t
                for office in ("head_of_state", "head_of_government")
                for t in self.kb.holders(holder_key, office, date)
                if word[0] in t.title.lower().split()
            ]
            if found.office in ("head_of_state", "head_of_government") and titled:
                holders = (
                    titled  # Iran's "president" heads the government; its head of state is the Supreme Leader
                )
            if holders:
                cluster = self.person_cluster(holders[-1].person_id, date)
                cluster.titles.add((found.title or "").lower())
                return cluster
        owner_name = self.recognizer._owner_name(found.owner, country)
        title = " ".join((found.title or "official").split())
        name = f"{title[:1].upper()}{title[1:]} of {owner_name}" if owner_name else title
        cluster = self.cluster(
            f"{found.owner or country or 'x'}.{slug(title)}", name, "person", country, found.sector
        )
        cluster.titles.update(title.lower().split())
        return cluster

    def _institution(self, found: Found) -> Cluster:
        owner = found.owner or found.country or "x"
        governs = found.label == "METONYM" or found.phrase == "government"
        if owner in self.kb.entities and found.sector == "GOV" and governs:
            # "the Kremlin", "Russian officials", "the Taliban government": the government is the actor.
            return self.entity_cluster(self.kb.entities[owner], self.document_date)
        name = found.name or "institution"
        cluster = self.cluster(
            f"{owner}.{slug(found.phrase or name)}", name, found.type, found.country, found.sector
        )
        cluster.phrase = found.phrase
        return cluster

    def _org(self, found: Found) -> Cluster | None:
        text = found.name or ""
        if text in self.acronyms:
            return self.clusters.get(self.acronyms[text])
        if len(text.split()) == 1:  # the recogniser calls "Lavrov" an organisation
            for _, key, _ in reversed(self.seen):
                if self.clusters[key].surname == norm(text):
                    return self.clusters[key]
        return self.cluster(f"org:{slug(text)}", text, "organization")

    def _name(self, found: Found, date: dt.date | None) -> Cluster:
        name = found.name or ""
        words = name.split()
        surname = norm(words[-1]) if words else ""
        for _, key, _ in reversed(self.seen):
            earlier = self.clusters[key]
            if earlier.type == "person" and (
                earlier.name == name or (len(words) == 1 and earlier.surname == surname)
            ):
                return earlier
        if found.candidates:
            in_office = [
                p for p in found.candidates if date and any(t.covers(date) for t in self.kb.terms_of(p))
            ]
            pick = (
                in_office
                if len(in_office) == 1
                else (list(found.candidates) if len(found.candidates) == 1 else [])
            )
            if pick:
                person = self.kb.person(pick[0])
                if person is not None and (
                    len(words) == 1
                    or norm(person.name) == norm(name)
                    or any(norm(a) == norm(name) for a in person.aliases)
                ):
                    cluster = self.person_cluster(pick[0], date)
                    self._learn_role(cluster, found)
                    return cluster
        cluster = self.cluster(f"per:{slug(name)}", name, "person")
        cluster.surname = surname
        self._learn_role(cluster, found)
        return cluster

    def _recent(self, found: Found, window: int) -> list[tuple[int, Cluster, int]]:
        """The clusters mentioned before ``found`` within ``window`` sentences, nearest first."""
        here = self.sentence_of(found.start)
        return [
            (start, self.clusters[key], where)
            for start, key, where in reversed(self.seen)
            if start < found.start and here - where <= window
        ]

    def _antecedent(self, found: Found) -> Cluster | None:
        """A pronoun's person: a person earlier in the same sentence, else the subject of an earlier sentence,
        else the nearest person."""
        here = self.sentence_of(found.start)
        gender = found.extras.get("gender")
        people = [
            (start, cluster, where)
            for start, cluster, where in self._recent(found, _WINDOW)
            if cluster.type == "person" and self._may_be(cluster, gender)
        ]
        if not people:
            return None
        same = [c for _, c, where in people if where == here]
        if same:
            return same[0]
        subjects = [
            c
            for start, c, _ in people
            if self.doc[start : start + 1].root.dep_ in ("nsubj", "nsubjpass")
            or any(t.dep_ in ("nsubj", "nsubjpass") for t in self.doc[start : start + 4])
        ]
        return subjects[0] if subjects else people[0][1]

    def _may_be(self, cluster: Cluster, gender: str | None) -> bool:
        """Whether a person can be the ``he`` or ``she`` of ``gender``: not one the text marks as the other
        by an honorific: "she" is not the one the text calls Mr., "he" not Mrs., Ms. or Miss. (The pronouns a
        person already took are no evidence: one wrong link would spread.)"""
        if gender not in ("m", "f"):
            return True
        other = "f" if gender == "m" else "m"
        known: set[str] = set()
        for mention in cluster.mentions:
            before = self.analysis.document.text[max(0, mention.span.start - 6) : mention.span.start].split()
            if before and before[-1] in _HONORIFICS:
                known.add(_HONORIFICS[before[-1]])
        # a name two people share ("Mr. Clinton", "Mrs. Clinton") says nothing
        return not (other in known and gender not in known)

    def _described(self, found: Found) -> Cluster | None:
        """ "the envoy", "the minister": the last person with that title."""
        head = (found.head or "").lower()
        for _, cluster, _ in self._recent(found, 2 * _WINDOW):
            if cluster.type == "person" and (
                head in cluster.titles or (found.title or "").lower() in cluster.titles
            ):
                return cluster
        return None

    def _back(self, found: Found) -> Cluster | None:
        """ "the alliance", "the bloc", "the group": the last organisation or group of that kind."""
        wanted = found.extras.get("wants")
        word = found.head or ""
        candidates = [
            c
            for _, c, _ in self._recent(found, 2 * _WINDOW)
            if (wanted == "igo" and c.type == "igo") or (wanted == "group" and c.type == "group")
        ]
        named = [c for c in candidates if word in self._words_of(c.key)]
        best = named or candidates
        return best[0] if best else None

    def _words_of(self, key: str) -> set[str]:
        """The words of an entity's names ("alliance" for NATO, through "North Atlantic Alliance" or its notes)."""
        entity = self.kb.entities.get(key)
        if entity is None:
            return set()
        text = " ".join((entity.name, *entity.aliases, entity.notes or "")).lower()
        words = set(re.findall(r"[a-z]+", text))
        if "treaty" in words or "security" in words or "defence" in words or "defense" in words:
            words.add("alliance")
        return words

    def _generic(self, found: Found) -> Cluster | None:
        """ "the junta", "the rebels", "his government": an institution of the country the text (or the person)
        is about, or the last armed group for rebels."""
        if "possessor" in found.extras:
            possessor = found.extras["possessor"]
            owner = self._antecedent(Found(possessor, possessor + 1, "pronoun", "PRON"))
            country = owner.country if owner is not None else None
            return self._institution_of(found, country) if country in self.kb.countries else None
        if found.sector == "REB":
            for _, cluster, _ in self._recent(found, 2 * _WINDOW):
                if cluster.type == "group" and cluster.sector == "REB":
                    return cluster
        for _, cluster, _ in self._recent(found, _WINDOW):
            if cluster.phrase and cluster.phrase == found.phrase:
                return cluster
        country = self._country_in_context(found.start)
        return self._institution_of(found, country) if country is not None else None

    def _institution_of(self, found: Found, country: str) -> Cluster:
        """The institution ``found`` names, of ``country``; its government is the state itself."""
        template = str(found.extras.get("template") or "{country}")
        name = template.replace("{country}", self.kb.countries[country].name)
        if found.phrase == "government":
            return self.entity_cluster(self.kb.entities[country], self.document_date)
        cluster = self.cluster(
            f"{country}.{slug(found.phrase or name)}", name, found.type, country, found.sector
        )
        cluster.phrase = found.phrase
        return cluster

    def _country_in_context(self, token_i: int) -> str | None:
        """The country the text is about at this point: the one it has named most so far (the latest of
        equals), counting names of places as well as of actors."""
        counts: dict[str, tuple[int, int]] = {}
        for start, code in self.context:
            if start >= token_i:
                break
            seen, _ = counts.get(code, (0, 0))
            counts[code] = (seen + 1, start)
        if not counts:
            return None
        return max(counts, key=lambda code: counts[code])

    # Roles learned from the text ------------------------------------------------------------------------
    def _title_tokens(self, found: Found) -> list[Any]:
        """The words that give a person a role: a title before the name or an apposition next to it."""
        doc = self.doc
        tokens: list[Any] = []
        i = found.start - 1
        while i >= 0 and (
            doc[i].lower_ in TITLE_WORDS
            or (
                doc[i].dep_ == "compound"
                and doc[i].head.i >= found.start
                and doc[i].pos_ in ("PROPN", "ADJ", "NOUN")
            )
        ):
            tokens.insert(0, doc[i])
            i -= 1
        if tokens:
            return tokens
        root = doc[found.start : found.end].root
        head = appositive_title(root)
        if head is not None:
            owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            return [
                t
                for t in head.subtree
                if t.i < found.start
                and t.dep_ not in ("det", "punct")
                and t.i not in owner
                and not (root.left_edge.i <= t.i <= root.right_edge.i)
            ]
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i and child.pos_ in ("NOUN", "PROPN"):
                return [t for t in child.subtree if t.dep_ != "det" and not (t.is_punct and t.text in ",;")]
        return []

    def _learn_role(self, cluster: Cluster, found: Found) -> None:
        tokens = self._title_tokens(found)
        if not tokens or not any(t.lower_ in TITLE_WORDS for t in tokens):
            return  # "his Chinese counterpart, Wang Yi" gives no title
        doc = self.doc
        country = sector = None
        for hit in self.recognizer.gazetteer.find(doc, tokens[0].i, tokens[-1].i + 1):
            if hit.kind in ("entity", "adjective", "capital"):
                key = hit.keys[0]
                entity = self.kb.entities.get(key)
                country = key if hit.kind != "entity" else (entity.country if entity else None)
                break
        owner = self._possessive_owner(tokens[0])
        if owner is not None:
            country = owner
        group = self._group_owner(tokens)
        if group is not None:
            sector = self.kb.sector_at(group, self.date_at(tokens[0]))
            if group.type == "igo" and not any(r.start for r in cluster.roles if r.end is None):
                cluster.country = None  # working for the UN, not for a state
        for t in tokens:
            _, inst, title = self.recognizer.phrase_at(doc, t.i, tokens[-1].i + 1)
            if group is not None:
                break
            if title is not None and sector is None:
                sector = title.sector
            elif inst is not None and (sector is None or inst.type != "person"):
                sector = inst.sector
        text = self._role_text(tokens)
        if cluster.country is None:
            cluster.country = country
        if cluster.sector is None:
            cluster.sector = sector
        cluster.titles.update([text.lower(), *text.lower().split()])
        role = Role(text, country or cluster.country, sector, None, None)
        if not any(
            r.title.lower() in role.title.lower() or role.title.lower() in r.title.lower()
            for r in cluster.roles
        ):
            cluster.roles.append(role)

    def _group_owner(self, tokens: list[Any]) -> Entity | None:
        """An armed or political group, or an intergovernmental body, that a title belongs to ("the Houthis'
        chief negotiator", "head of the UN mission"): the person takes its sector."""
        for hit in self.recognizer.gazetteer.find(self.doc, max(0, tokens[0].i - 3), tokens[-1].i + 1):
            entity = self.kb.entities.get(hit.keys[0]) if hit.kind == "entity" else None
            if entity is not None and entity.type in ("group", "igo"):
                return entity
        return None

    def _possessive_owner(self, first: Any) -> str | None:
        """The country of a possessive owner just before a title ("Russia's [special envoy ...]", "its
        [spokesman]" after "the Iranian foreign ministry")."""
        i = first.i - 1
        if i >= 0 and self.doc[i].lower_ in ("its", "their", "whose"):
            for start, key, _ in reversed(self.seen):
                cluster = self.clusters[key]
                if start < i and cluster.type != "person" and cluster.country:
                    return cluster.country
            return None
        if i >= 1 and self.doc[i].tag_ == "POS":
            for hit in self.recognizer.gazetteer.find(self.doc, max(0, i - 4), i):
                if hit.end == i and hit.kind in ("entity", "capital"):
                    entity = self.kb.entities.get(hit.keys[0])
                    return hit.keys[0] if hit.kind == "capital" else (entity.country if entity else None)
        return None

    def _role_text(self, tokens: list[Any]) -> str:
        """A title as the text gives it, without a leading owner, with "Russia's" inside it as "the"."""
        words: list[str] = []
        for t in tokens:
            if t.tag_ == "POS" and words:
                words[-1] = "the "
                continue
            words.append(t.text + t.whitespace_)
        text = "".join(words).strip().replace("( ", "(").replace(" )", ")")
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"^(the|The)\s+", "", text).strip(" ,")
        if text.count("(") > text.count(")"):
            text += ")"
        return text

    # Acronyms -------------------------------------------------------------------------------------------
    def _acronyms(self, founds: Sequence[Found]) -> None:
        """ "head of Russia's foreign intelligence service (SVR)": the acronym is another name of that
        actor, here and wherever it comes back."""
        doc = self.doc
        for found in founds:
            end = found.end
            if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
                continue
            acronym = doc[end + 1].text
            key = self.by_token.get(found.start)
            if key is None or not ACRONYM.match(acronym):
                continue
            owner = self.clusters[key]
            self.acronyms[acronym] = key
            stray = self.clusters.get(f"org:{slug(acronym)}")
            taken = {m.span.start for c in self.clusters.values() for m in c.mentions if c is not stray}
            for token in doc:
                if (
                    token.text == acronym
                    and token.idx not in taken
                    and self.analysis.sentence_of(Span(token.idx, token.idx + 1))
                ):
                    owner.mentions.append(Mention(Span(token.idx, token.idx + len(token.text)), "ACRONYM"))
            if stray is not None and stray is not owner:
                stray.mentions.clear()

    # Records --------------------------------------------------------------------------------------------
    def _actor(self, cluster: Cluster) -> Actor:
        mentions = tuple(sorted(set(cluster.mentions), key=lambda m: m.span))
        return Actor(
            actor_id=cluster.key,
            name=cluster.name,
            type=cluster.type,
            country=cluster.country,
            sector=cluster.sector,
            roles=tuple(cluster.roles),
            wikidata=cluster.wikidata,
            mentions=mentions,
        )
