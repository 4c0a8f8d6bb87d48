"""Per-article entity table: canonical persons, organisations and places, their aliases, the
roles the article gave them ("NATO Secretary General Mark Rutte"), and resolution of later
mentions by surname, role ("the Pentagon chief") or pronoun ("he", "it").
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bot.extraction import cues
from bot.extraction.docindex import doc_index
from bot.extraction.names import (
    TITLE_WORDS,
    body_kind,
    canonical_country,
    canonical_name,
    canonical_org,
    head_word,
    normalise_name,
    same_person,
)

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")

# Role words -> (class, extra keys). "Pentagon chief" = US defence secretary.
_ROLE_CLASS = {
    "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "spokespeople": "spokesperson",
    "secretary": "minister", "minister": "minister", "chief": "minister", "head": "minister",
    "director": "minister", "boss": "minister", "general": "commander", "gen": "commander",
    "diplomat": "diplomat", "military": "military", "army": "military",
    "colonel": "commander", "captain": "commander", "lieutenant": "commander",
    "sergeant": "commander", "admiral": "commander", "adm": "commander", "col": "commander",
    "capt": "commander", "lt": "commander", "sgt": "commander", "sen": "lawmaker",
    "democrat": "lawmaker", "republican": "lawmaker",
    "president": "president", "leader": "leader", "premier": "leader", "chancellor": "leader",
    "ambassador": "ambassador", "envoy": "ambassador", "commander": "commander",
    "representative": "ambassador", "delegate": "ambassador",
    "lawmaker": "lawmaker", "legislator": "lawmaker", "senator": "lawmaker", "mp": "lawmaker",
    "mep": "lawmaker",
    "rep": "lawmaker", "congressman": "lawmaker", "congresswoman": "lawmaker",
    "chairman": "leader", "chairwoman": "leader", "commander-in-chief": "commander",
    "official": "official", "officials": "official", "analyst": "analyst", "expert": "analyst",
    "adviser": "adviser", "advisor": "adviser", "aide": "adviser",
    "agency": "agency", "service": "agency", "directorate": "agency", "ministry": "ministry",
    "intelligence": "agency",
    "department": "ministry", "office": "office", "alliance": "alliance", "bloc": "alliance",
    "pentagon": "ministry",
}
_ROLE_KEYS = {
    "defence": {"defense"}, "defense": {"defense"}, "pentagon": {"us", "defense"},
    "spy": {"intelligence"}, "intelligence": {"intelligence"}, "foreign": {"foreign"},
    "nato": {"nato"}, "alliance": {"nato"}, "kremlin": {"russia"}, "military": {"military"},
    "press": set(), "deputy": set(), "vice": set(),
}
_IGNORED_ROLE_WORDS = {"the", "a", "an", "of", "'s", "’s", "and", "for", "to", "in", "at", "news"}


_LEGISLATURE = frozenset(["duma", "parliament", "parliamentary", "congress", "senate",
                          "assembly", "rada", "legislature", "bundestag", "knesset"])


_RANKS = {"general": "general", "gen": "general", "admiral": "admiral", "adm": "admiral",
          "colonel": "colonel", "col": "colonel", "captain": "captain", "capt": "captain",
          "lieutenant": "lieutenant", "lt": "lieutenant", "sergeant": "sergeant",
          "sgt": "sergeant"}


def _ranks_in(role: str | None) -> set[str]:
    """The military ranks a title holds ("Gen. X" -> general; not the "General" of "Chief of
    the General Staff")."""
    words = (role or "").split()
    return {_RANKS[w.lower().strip(".")] for k, w in enumerate(words)
            if w.lower().strip(".") in _RANKS and not (
                k + 1 < len(words) and words[k + 1].lower() == "staff")}


def role_keys(words: list[str]) -> tuple[str | None, frozenset[str]]:
    """(class, keys) of a role phrase: "US Defense Secretary" -> ("minister", {us, defense})."""
    return _role_keys(tuple(words))


@lru_cache(maxsize=16384)
def _role_keys(words: tuple[str, ...]) -> tuple[str | None, frozenset[str]]:
    joined = " ".join(words).replace(" - ", "-").split()     # "Commander - in - Chief"
    lowered = [re.sub(r"(?<=\w)['’]s$", "", w.lower().strip(".,")) for w in joined
               if w.strip(".,")]
    text = " ".join(lowered)
    cls = None
    keys: set[str] = set()
    if "press secretary" in text or "press officer" in text:
        cls = "spokesperson"
    elif re.search(r"\bhead of state(?:$|,| and\b)", text):
        cls = "president"       # not "head of the State Duma Committee …"
    elif "prime minister" in text or "prime-minister" in text:
        cls = "leader"          # "the prime minister" is not "the defence minister"
    elif re.search(r"\bcommander[- ]in[- ]chief\b|\bchief of (?:the )?general staff\b", text):
        cls = "commander"       # "Ukraine's commander-in-chief", not a "chief" (minister);
        #                         a chief of the general staff is its top general
    elif re.search(r"\btop (?:[\w.-]+ ){0,2}diplomat\b", text) or "foreign policy chief" in text:
        cls = "minister"        # "the top U.S. diplomat", "Russia's top diplomat"
        keys.add("foreign")
    elif re.search(r"\bsecretary of state\b(?! for)", text):
        cls = "minister"        # the US foreign minister (not "Secretary of State for Defence")
        keys.add("foreign")
    elif "secretary general" in text or "secretary-general" in text:
        cls = "minister"
    elif "chief cabinet secretary" in text or "top government spokes" in text or \
            "chief government spokes" in text:
        cls = "spokesperson"
    person_cls = org_cls = None
    for word in lowered:
        if word in _IGNORED_ROLE_WORDS:
            continue
        if word in _ROLE_CLASS:
            if _ROLE_CLASS[word] in ("agency", "ministry", "alliance", "office", "military"):
                if org_cls in (None, "military"):      # "military intelligence": an agency
                    org_cls = _ROLE_CLASS[word]
            elif not (word in ("general", "gen") and person_cls):
                # "Secretary General"; "Defense Minister Gen Nakatani" (a given name)
                person_cls = _ROLE_CLASS[word]
        if word in _ROLE_KEYS:
            keys |= _ROLE_KEYS[word]
            continue
        country = canonical_country(word)
        if country:
            keys.add(country.lower())
            continue
    for n in range(2, 6):
        # "South Korea", "the Republic of Korea", "the United Kingdom"
        for k in range(len(lowered) - n + 1):
            country = canonical_country(" ".join(lowered[k:k + n]))
            if country:
                keys.add(country.lower())
    for country_words in ("u.s.", "u.s", "us"):
        if country_words in text.split():
            keys.add("united states")
    if re.search(r"\b(?:un|u\.n\.|united nations)\b", text):
        keys.add("un")          # "ambassador to the UN", "envoy at the United Nations"
    if lowered and set(lowered) & _LEGISLATURE and ((cls or person_cls) in (None, "leader") or (
            cls is None and person_cls == "minister" and
            not {"minister", "secretary"} & set(lowered))):
        # ("the head of the State Duma Committee on Defense" too)
        person_cls = "lawmaker"             # "Chairman of the State Duma Committee on Defense"
        cls = None
    if "north korea" in keys and ("south korean" in text or "south korea" in text) and \
            not re.search(r"\bnorth korea", text):
        keys.discard("north korea")
    keys = {"us" if k == "united states" else k for k in keys}
    return cls or person_cls or org_cls, frozenset(keys)


_MILITARY_BODY = re.compile(
    r"\b(?:joint chiefs|general staff|armed forces|army|military|defen[cs]e|command|forces|"
    r"pentagon|navy|air force|marines?|corps)\b", re.IGNORECASE)


def is_military_body(name: str) -> bool:
    """A body that "the military" can stand for (a general staff, a defence ministry, an
    army or command), not its intelligence service."""
    return bool(_MILITARY_BODY.search(name)) and "intelligence" not in name.lower()


def _name_keys(record: EntityRecord) -> frozenset[str]:
    return role_keys(record.name.split() + (record.role or "").split())[1]


_ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "on", "in", "'s", "’s"])


def acronym(name: str) -> str | None:
    """Initials of a body's name ("Joint Chiefs of Staff" -> "JCS"), ignoring a leading
    country's possessive; None for names under three capitalised words."""
    words = name.replace("’s ", "'s ").split()
    if len(words) > 2 and words[1].endswith("'s") and canonical_country(" ".join(words[:2])):
        words = words[2:]
    elif words and words[0].endswith("'s"):
        words = words[1:]
    caps = [w for w in words if w.lower() not in _ACRONYM_SKIP]
    if len(caps) < 3 or not all(w[:1].isupper() for w in caps):
        return None
    return "".join(w[0] for w in caps)


_FEMALE_WORDS = frozenset(["ms", "mrs", "madam", "madame", "spokeswoman", "chairwoman",
                           "congresswoman", "businesswoman", "woman", "mother", "wife",
                           "daughter", "sister", "queen", "princess", "grandmother", "widow"])
_MALE_WORDS = frozenset(["mr", "spokesman", "chairman", "congressman", "businessman", "man",
                         "father", "husband", "son", "brother", "king", "prince", "grandfather"])
# Given names ending in -a that are men's (Slavic and other short forms).
_MALE_IN_A = frozenset(["nikita", "ilya", "luca", "andrea", "joshua", "kostya", "sasha",
                        "mustafa", "misha", "vanya", "pasha", "yura", "dima", "seryozha",
                        "kolya", "volodya", "akira", "juba", "moshe", "ezra", "isa",
                        "elisha", "garcia", "costa", "silva", "da", "attila", "nikola"])


def gender_of(name: str, role: str | None) -> str | None:
    """"f"/"m" when a title ("Ms", "spokeswoman") or a European given name ending in -a
    ("Natalia", "Maria", "Hanna") says; None otherwise (most names, Korean ones included)."""
    words = {w.lower().strip(".,") for w in (role or "").split() + name.split()[:1]}
    if words & _FEMALE_WORDS:
        return "f"
    if words & _MALE_WORDS:
        return "m"
    parts = name.split()
    first = parts[0].lower() if len(parts) >= 2 else ""
    if len(first) >= 4 and first.endswith("a") and first.isalpha() and \
            first not in _MALE_IN_A and not canonical_country(parts[0]):
        return "f"
    return None


def _surname_key(name: str) -> str:
    return normalise_name(name).replace("-", " ").split()[-1]


_KNOWN_BY_SURNAME: dict[str, list[tuple[str, str]]] = {}
_KNOWN_BY_STEM: dict[str, list[tuple[str, str]]] = {}      # first letters of the surname
for _name, _role in cues.KNOWN_ROLES.items():
    _KNOWN_BY_SURNAME.setdefault(_surname_key(_name), []).append((_name, _role))
    _KNOWN_BY_STEM.setdefault(_surname_key(_name)[:3], []).append((_name, _role))


@lru_cache(maxsize=4096)
def known_role(name: str) -> str | None:
    """The role of a well-known office holder (cues.KNOWN_ROLES), by a full name or a
    transliteration of it; None for a bare surname (two people may share it)."""
    words = normalise_name(name).replace("-", " ").split()
    if len(words) == 1:
        # a bare surname only when one office holder has it ("Zelensky", not "Kim")
        found = [role for known, role in _KNOWN_BY_SURNAME.get(words[0], ())]
        return found[0] if len(found) == 1 and len(words[0]) > 4 else None
    if not words:
        return None
    for known, role in _KNOWN_BY_SURNAME.get(words[-1], ()):
        if same_person(known, name):
            return role
    for known, role in _KNOWN_BY_STEM.get(words[-1][:3], ()):   # a transliterated surname
        if same_person(known, name):
            return role
    return None


@dataclass
class EntityRecord:
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    role_class: str | None = None
    role_keys: frozenset[str] = frozenset()
    mentions: list[tuple[int, int]] = field(default_factory=list)
    age: int | None = None       # "Maks, 34," (for a later "the 34-year-old")
    gender: str | None = None    # "m" / "f" when a title or given name says ("Ms", "Natalia")

    @property
    def first(self) -> int:
        return min((s for s, _ in self.mentions), default=0)


class EntityTable:
    """The entities of one article and how to resolve a mention to one of them."""

    def __init__(self) -> None:
        self.records: list[EntityRecord] = []
        # (char position, order, salient, record) of every mention, sorted, for recency;
        # salient = the mention was a clause subject or a quote's speaker
        self.events: list[tuple[int, int, bool, EntityRecord]] = []
        self._by_key: dict[tuple[str, str], EntityRecord] = {}
        self._mention_starts: list[tuple[int, int, EntityRecord]] = []

    def note(self, pos: int, record: EntityRecord, salient: bool = False) -> None:
        """Record a mention (or a resolution) of `record` at character `pos`."""
        insort(self.events, (pos, len(self.events), salient, record), key=lambda e: e[:2])

    def record_at(self, pos: int, labels) -> EntityRecord | None:
        """The record with a mention covering character `pos`."""
        spans = self._mention_starts
        i = bisect_left(spans, (pos + 1,)) - 1
        while i >= 0 and spans[i][0] > pos - 200:
            s, e, record = spans[i]
            if s <= pos < e and record.label in labels:
                return record
            i -= 1
        return None

    # ---- building -------------------------------------------------------------------------
    def add(self, name: str, label: str, start: int, end: int, role: str | None = None,
            salient: bool = False) -> EntityRecord | None:
        name = name.strip()
        if not name or not any(ch.isalpha() for ch in name):
            return None
        if label == "PERSON" and canonical_country(name):
            label, name = "GPE", canonical_country(name)    # NER's "United States" PERSON
        record = self.find(name, label, start, role)
        if record is None:
            canon = canonical_name(name, label)
            record = EntityRecord(name=canon, label=label)
            self.records.append(record)
            if label != "PERSON":
                self._by_key.setdefault(canon.lower(), record)
        elif label == "PERSON" and len(name.split()) > len(record.name.split()):
            record.aliases.add(record.name)
            record.name = canonical_name(name, label)
        if label == "ORG":
            for abbr in (acronym(name), acronym(record.name)):
                if abbr:
                    self._by_key.setdefault(abbr.lower(), record)
        if name != record.name:
            record.aliases.add(canonical_name(name, label) if label != "PERSON" else name)
        record.aliases.discard(record.name)
        record.mentions.append((start, end))
        insort(self._mention_starts, (start, end, record), key=lambda m: m[:2])
        self.note(start, record, salient)
        if role:
            self.set_role(record, role)
        if label == "PERSON" and record.gender is None:
            record.gender = gender_of(name, role)
        if label == "PERSON":
            known = known_role(record.name)
            if known and record.role_class is None:
                # an office holder the article names without a title ("Zelensky said …
                # the Ukrainian president added"); a title the article gives wins
                self.set_role(record, known)
                record.role = None
            elif known:
                # "Its chief, Kyrylo Budanov": the office's country and field come along
                record.role_keys = record.role_keys | role_keys(known.split())[1]
        return record

    def rename(self, record: EntityRecord, name: str) -> None:
        """Give a record a fuller name ("Joint Chiefs of Staff" -> "South Korea's Joint Chiefs
        of Staff" once the article shows whose); the old name stays an alias."""
        if name == record.name:
            return
        record.aliases.add(record.name)
        record.name = name
        record.aliases.discard(name)
        if record.label != "PERSON":
            self._by_key.setdefault(canonical_name(name, record.label).lower(), record)

    def set_role(self, record: EntityRecord, role: str) -> None:
        cls, keys = role_keys(role.split())
        if cls is None:
            return
        if record.role is None or len(role) > len(record.role):
            record.role = role
        record.role_class = record.role_class or cls
        record.role_keys = record.role_keys | keys

    def find(self, name: str, label: str, before: int | None = None, role: str | None = None
             ) -> EntityRecord | None:
        """The record `name` names. A bare surname two people share ("Kim" after "Kim Jong Un"
        and "Defence Minister Kim Yong-hyun") is the one whose role the title before it
        (`role`) fits ("Chairwoman Kim"), else the one mentioned last before `before`."""
        if label != "PERSON":
            return self._by_key.get(canonical_name(name, label).lower())
        found = [record for record in self.records
                 if record.label == "PERSON" and (same_person(record.name, name) or any(
                     same_person(a, name) for a in record.aliases if len(a.split()) > 1))]
        if len(found) > 1 and role and len(name.split()) == 1:
            # the title the article gave them ("Subcommittee Chairwoman Young Kim" … later
            # "Subcommittee Chairwoman Kim"), else the same class of role
            words = {w.lower() for w in role.split()} - _IGNORED_ROLE_WORDS

            def shared(r: EntityRecord) -> int:
                return len(words & {w.lower() for w in (r.role or "").split()})
            best = max(shared(r) for r in found)
            if best:
                found = [r for r in found if shared(r) == best]
            else:
                cls = role_keys(role.split())[0]
                found = [r for r in found if cls is not None and r.role_class == cls] or found
        if len(found) > 1 and before is not None and len(name.split()) == 1:
            def last(record: EntityRecord) -> int:
                return max((s for s, _ in record.mentions if s < before), default=-1)
            return max(found, key=last)
        return found[0] if found else None

    # ---- resolving --------------------------------------------------------------------------
    def latest(self, before: int, predicate, salient_from: int | None = None, skip=None
               ) -> EntityRecord | None:
        """The most recent record before `before` that satisfies `predicate`; with
        `salient_from`, a salient mention (subject, speaker) at or after that position wins
        over a more recent non-salient one ("Zelensky suggested ... to Kim if he ... He added")."""
        events = self.events
        i = bisect_left(events, (before,), key=lambda e: e[:1]) - 1
        fallback = None
        while i >= 0:
            pos, _, salient, record = events[i]
            i -= 1
            if not predicate(record) or skip is not None and skip(pos):
                continue
            if salient_from is None:
                return record
            if fallback is None:
                fallback = record
            if pos < salient_from:
                return fallback
            if salient:
                return record
        return fallback

    def latest_within(self, before: int, start: int, predicate) -> EntityRecord | None:
        """The most recent record mentioned in [start, before) that satisfies `predicate`."""
        events = self.events
        i = bisect_left(events, (before,), key=lambda e: e[:1]) - 1
        while i >= 0 and events[i][0] >= start:
            if predicate(events[i][3]):
                return events[i][3]
            i -= 1
        return None

    def ahead(self, after: int, until: int, predicate) -> EntityRecord | None:
        """The first record mentioned in (after, until) that satisfies `predicate`."""
        events = self.events
        i = bisect_left(events, (after + 1,), key=lambda e: e[:1])
        while i < len(events) and events[i][0] < until:
            record = events[i][3]
            if predicate(record):
                return record
            i += 1
        return None

    def by_role(self, words: list[str], before: int) -> EntityRecord | None:
        cls, keys = role_keys(words)
        if cls is None:
            return None
        if any(w.lower() == "former" or w.lower().startswith("ex-") for w in words):
            # "the former think-tank chief": someone the article gave a past role, or none,
            # never a current office holder
            def was(record: EntityRecord) -> bool:
                role = (record.role or "").lower()
                return record.label == "PERSON" and (
                    any(m in role for m in ("former", "ex-", "previous", "retired")) or
                    record.role_class is None)
            return self.latest(before, was)

        def fits(record: EntityRecord, strict: bool = False) -> bool:
            if cls == "military":
                # "the military" after "South Korea's Joint Chiefs of Staff said"
                return record.label == "ORG" and is_military_body(record.name) and \
                    {k for k in keys if k != "military"} <= _name_keys(record)
            if cls == "diplomat":
                # "the diplomat": a foreign minister, ambassador or foreign-ministry spokesperson
                return record.label == "PERSON" and (
                    record.role_class in ("ambassador", "diplomat") or
                    "foreign" in record.role_keys and
                    record.role_class in ("minister", "spokesperson")) and \
                    keys <= record.role_keys
            if cls in ("agency", "ministry", "alliance") and record.label == "ORG":
                rc, rk = role_keys(record.name.split() + (record.role or "").split())
                if cls == "alliance":
                    return "nato" in rk or rc == "alliance"
                return (rc == cls if strict else rc in (cls, "agency", "ministry")) and \
                    keys <= rk
            return record.role_class == cls and keys <= record.role_keys

        # "the Ministry" is the ministry named before, not an agency named since
        found = self.latest(before, lambda r: fits(r, strict=True), ) if cls in (
            "agency", "ministry") else None
        rank = next((_RANKS[w.lower().strip(".")] for w in words
                     if w.lower().strip(".") in _RANKS), None)
        if found is None and rank:
            # "the admiral" is the one titled "Adm.", not the general named since
            found = self.latest(before, lambda r: fits(r) and rank in _ranks_in(r.role))
        found = found or self.latest(before, fits)
        if found is None and cls == "commander" and any(
                w.lower().strip(".") in ("general", "gen") for w in words):
            # "the general": a commander, else an officer the article titled by office
            # ("the head of military intelligence, Kyrylo Budanov … the general said")
            found = self.latest(before, lambda r: r.role_class == "minister" and (
                keys <= r.role_keys) and bool(r.role_keys & {"military", "intelligence",
                                                              "defense"}))
        if found is not None or cls in ("agency", "ministry", "alliance", "office", "military",
                                        "diplomat"):
            return found
        # "the Ukrainian president" for "President Volodymyr Zelensky": same role, and the
        # record's own keys do not name another country
        countries = {k for k in keys if canonical_country(k)}

        def loosely(record: EntityRecord) -> bool:
            if record.role_class != cls:
                return False
            theirs = {k for k in record.role_keys if canonical_country(k)}
            fields, their_fields = keys - countries, record.role_keys - theirs
            if fields and their_fields and not fields & their_fields:
                return False    # "the head of X's intelligence" is not NATO's chief
            return not theirs or not countries or bool(theirs & countries)

        return self.latest(before, loosely)

    def to_entities(self):
        from bot.extraction.types import Entity
        out = []
        for record in self.records:
            if not record.mentions:
                continue
            out.append(Entity(
                name=record.name, label=record.label,
                aliases=tuple(sorted(a for a in record.aliases if a != record.name)),
                role=record.role, mentions=tuple(sorted(record.mentions))))
        return tuple(out)


# ---- spaCy component --------------------------------------------------------------------------

def title_before(ent: Span) -> list[Token]:
    """Title words right before a name in the same noun phrase ("US Defense Secretary")."""
    doc = ent.doc
    tokens: list[Token] = []
    i = ent.start - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_space or tok.text in (",", "(", ")", "“", '"', "‘", "'", ":"):
            break
        if tok.pos_ in ("DET", "ADP", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "PUNCT"):
            if tok.lower_ in ("of",) and tokens:
                tokens.insert(0, tok)
                i -= 1
                continue
            break
        # a token that belongs to an earlier phrase ends the title
        if tok.head.i < ent.start and tok.head.i != i and tok.dep_ not in ("compound", "amod") \
                and tok.ent_type_ not in ("ORG", "NORP", "GPE") \
                and tok.lower_ not in cues.ROLE_NOUNS:
            break
        tokens.insert(0, tok)
        i -= 1
    while tokens and tokens[0].lower_ == "of":
        tokens.pop(0)
    if not any(t.lower_ in cues.ROLE_NOUNS or t.lower_.rstrip(".") in _ROLE_CLASS
               for t in tokens):
        return []
    return tokens


_TITLE_LINKS = frozenset(["of", "for", "on", "the", "and", "-", "in", "'s", "’s"])


def title_run_before(ent: Span) -> list[Token]:
    """A capitalised title run before a name that the parse splits up: "Chairman of the State
    Duma Committee on Defense Andrey Kartapolov", "Minister for Foreign Affairs of Ukraine
    Andrii Sybiha", and after a comma: "the Commander-in-Chief of the Armed Forces of
    Ukraine, Oleksandr Syrskyi"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text == "," and (ent.end >= len(doc) or doc[ent.end].is_punct):
        i -= 1
    run: list[Token] = []
    while i >= 0 and ent.start - i <= 14:
        tok = doc[i]
        if tok.is_space or tok.is_sent_end and tok.is_punct:
            break
        if tok.text[:1].isupper() and tok.is_alpha or tok.lower_ in _TITLE_LINKS and run:
            run.insert(0, tok)
            i -= 1
            continue
        break
    while run and (run[0].lower_ in _TITLE_LINKS or run[0].lower_ == "meanwhile"):
        run.pop(0)
    if not any(t.lower_ in cues.ROLE_NOUNS or t.lower_ in _ROLE_CLASS for t in run):
        return []
    return run


def appos_role(ent: Span) -> list[Token]:
    """Role from an apposition: "Ruben Brekelmans, Dutch Defence Minister," or the reverse."""
    root = ent.root
    for child in root.children:
        if child.dep_ in ("nmod", "appos", "npadvmod") and child.i < ent.start and \
                ent.doc[ent.start - 1].text == "," and (
                child.lower_ in cues.ROLE_NOUNS or child.lower_ in _ROLE_CLASS):
            # "Poland's commander-in-chief, Wieslaw Kukula," parsed as a modifier of the name
            return [t for t in child.subtree if not t.is_punct or t.text == "-"
                    if t.pos_ != "DET"][:12]
        if child.dep_ == "appos" and child.i >= ent.end:
            words = [t for t in child.subtree if t.dep_ not in ("punct",) and not t.is_space]
            if child.lower_ in cues.ROLE_NOUNS or child.lower_ in _ROLE_CLASS:
                return [t for t in words if t.dep_ not in ("relcl",)][:12]
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        for _ in range(4):
            # "the deputy head of Ukraine's Main Intelligence Directorate, Vadym Skibitskyi":
            # the name hangs on the body; the role is the noun the body completes ("The
            # head of the State Duma Committee on Defense, Andrei Kartapolov")
            if head.lower_ in cues.ROLE_NOUNS or head.lower_ in _ROLE_CLASS and \
                    _ROLE_CLASS[head.lower_] not in ("agency", "ministry", "office"):
                break
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and \
                    head.head.lower_ in ("of", "on", "for", "to"):
                head = head.head.head
            else:
                break
        if head.lower_ in cues.ROLE_NOUNS or head.lower_ in _ROLE_CLASS:
            return [t for t in head.subtree if t.i < ent.start and t.dep_ != "punct"
                    and not t.is_space and t.pos_ != "DET"][:12]
    return []


# A capitalised word of letters, any script's ("Vaikšnoras", "Šakalienė"), apostrophes and
# hyphens
_NAME_SHAPE = re.compile(r"^(?=[^\W\d_a-z])[^\W\d_](?:[^\W\d_]|[’'\-])+$")


def looks_like_person(tokens: list[Token]) -> bool:
    words = [t.text for t in tokens]
    if not 2 <= len(words) <= 4:
        return False
    if any(not _NAME_SHAPE.match(w) or not w[0].isupper() for w in words):
        return False
    if any(w.lower() in TITLE_WORDS or w.lower() in cues.SPEAKER_NOUNS for w in words):
        return False
    if words[-1].lower() in cues.ROLE_NOUNS and words[-1].lower() != "king":
        return False        # "the Korea Chair": a title, not a surname
    if any(w.lower() in _NOT_PERSON_WORDS for w in words):
        return False        # "Coordination Headquarters"
    return not any(canonical_country(w) or canonical_org(w) for w in words)


_NOT_PERSON_WORDS = frozenset(["division", "corps", "nations", "union", "council", "agency", "service", "ministry", "army", "brigade", "regiment", "unit", "institute", "university", "committee", "commission", "command", "forces", "force", "government", "party", "news", "journal", "times", "post", "herald", "tribune", "gazette", "daily", "telegraph", "guardian", "independent", "press", "street", "review", "weekly", "channel", "radio", "television", "tv", "subcommittee", "center", "centre", "foundation", "bureau", "department", "office", "headquarters", "staff", "ministry", "directorate"])


def _plausible_person(ent: Span) -> bool:
    words = [t.lower_ for t in ent]
    if any(w in _NOT_PERSON_WORDS for w in words):
        return False
    if canonical_country(ent.text) or canonical_org(ent.text):
        return False
    if len(ent) == 1 and ent.text.isupper() and ent.text.isalpha() and len(ent.text) <= 5:
        return False        # an acronym ("JCS spokesperson Col. Lee"), not a name
    return any(t.text[:1].isupper() for t in ent)


# Names NER misses or splits. A surname and a hyphenated given name ("Go Myong-hyun", "Park
# Sun-won"; NER may keep only "Myong-hyun"), and a call sign or nickname a source goes by
# ("goes by the call sign Fox", "who gave only his call sign, Kit,", "identified only by his
# surname Voronov").
_HYPHEN_NAME = re.compile(r"\b[A-Z][a-z]{1,5} [A-Z][a-z]+-[a-z]{2,}\b")
_CALL_SIGN = re.compile(
    r"\b(?:(?:call ?sign|callsign|nom de guerre|nickname|code name|codename|first name|"
    r"given name|surname|last name)s?,?\s+(?:of\s+)?"
    r"(?:the\s+)?[“\"‘']?|(?:known|identified) (?:only )?(?:as|by) [“\"‘']|"
    r"(?:gave|gives|give|giving) (?:only )?(?:his|her|their) (?:first )?name (?:only )?as "
    r"[“\"‘']?)"
    r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")       # ("known as “Tikhiy”": quoted only)
_NOT_SURNAME = frozenset(["The", "A", "An", "In", "On", "At", "By", "Of", "For", "As", "If",
                          "But", "And", "Mr", "Ms", "Mrs", "Dr", "Gen", "Col", "Sgt", "Lt"])


# Letters written after a name for a seat or a degree ("Emily Thornberry MP", "John Doe KC")
POST_NOMINALS = frozenset(["MP", "MEP", "MSP", "MLA", "MS", "TD", "QC", "KC", "PhD"])
_POST_NOMINAL_ALTERNATIVES = "|".join(re.escape(w) for w in sorted(POST_NOMINALS))
_POST_NOMINAL_NAME = re.compile(
    r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+ ){1,2}[A-Z][\w’'\-]+)( (?:" + _POST_NOMINAL_ALTERNATIVES +
    r"))(?![\w’'\-]| [A-Z])")


def _extra_person_spans(doc: Doc) -> list[Span]:
    text = doc_index(doc).text
    spans = []
    for match in _POST_NOMINAL_NAME.finditer(text):
        # "Emily Thornberry MP, Chair of the Committee, said": the parser hangs the name on
        # the letters after it and NER may miss it; the span keeps the letters, the parse's
        # head of the name (`name_text` leaves them out)
        span = doc.char_span(match.start(1), match.end(2), alignment_mode="contract")
        if span is not None and span[0].text not in _NOT_SURNAME and \
                looks_like_person(list(span)[:-1]) and span[0].ent_iob_ != "I" and \
                not any(t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") for t in span):
            # (a name NER took for a body is a person's, with the letters after it)
            spans.append(span)
    for match in _HYPHEN_NAME.finditer(text):
        if match.group(0).split()[0] in _NOT_SURNAME:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and not any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in span):
            spans.append(span)
    for match in _CALL_SIGN.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is not None and not canonical_country(span.text):
            spans.append(span)
    for match in _AGED_NAME.finditer(text):
        # "Maks, 34, and Vitalii, 47, fly drones": a name with an age is a person, whatever
        # NER made of it
        if match.group(1).split()[0] in _NOT_SURNAME or canonical_country(match.group(1)) or \
                canonical_org(match.group(1)):
            continue
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if span is not None and not any(t.ent_type_ in (("NORP", "LOC", "DATE", "FAC") if
                                                        _apposed_to_person(span) or
                                                        _aged_subject(span) else
                                                        ("GPE", "NORP", "LOC", "DATE", "FAC"))
                                        or t.lower_ in _NOT_PERSON_WORDS for t in span):
            spans.append(span)
    return spans


def _aged_subject(span: Span) -> bool:
    """"In a flat in Sumy, Olena, 29, is sorting her husband's things": a first name with an
    age that is its clause's subject is a person, whatever place NER took it for."""
    doc = span.doc
    k = span.end + 3        # past ", 29,"
    return len(span) == 1 and k < len(doc) and doc[k].pos_ in ("VERB", "AUX") and \
        doc[k].tag_ in ("VBZ", "VBD", "VBP", "MD")


def _apposed_to_person(span: Span) -> bool:
    """"A farmer near the border, Mykola, 58, said": a name with an age set off after a
    person noun's phrase is that person, whatever place NER took the name for."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or span.root.dep_ != "appos":
        return False
    head = span.root.head
    for _ in range(3):
        if head.pos_ == "NOUN" and (head.lemma_ in cues.GROUP_SPEAKERS | cues.SPEAKER_NOUNS or
                                    head.dep_ in ("nsubj", "nsubjpass") and any(
                                        c.dep_ == "det" and c.lower_ in ("a", "an")
                                        for c in head.children)):
            return True
        if head.head is head:
            break
        head = head.head
    return False


# A name and an age set off by commas: "Maks, 34, and Vitalii, 47," / "Ri, 26, told".
_AGED_NAME = re.compile(r"(?<![\w’'])([A-Z][a-z][\w’'\-]*(?: [A-Z][a-z][\w’'\-]*)?), "
                        r"(\d{2}),")


def age_after(span: Span) -> int | None:
    """The age written after a name: "Maks, 34," -> 34."""
    doc = span.doc
    k = span.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and \
            doc[k + 1].text.isdigit() and doc[k + 2].text in (",", ")") and \
            12 <= int(doc[k + 1].text) <= 99:
        return int(doc[k + 1].text)
    return None


def call_sign_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _CALL_SIGN.finditer(doc_index(doc).text)]


def person_ents(doc: Doc):
    """PERSON entities, plus names NER mislabelled inside a longer ORG span (title + name),
    split at a hyphen, or missed (call signs)."""
    extra = _extra_person_spans(doc)
    covered = {i for span in extra for i in range(span.start, span.end)}
    yield from extra
    for ent in doc.ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "PERSON":
            if _plausible_person(ent):
                yield _with_given_name(ent)
        elif ent.label_ in ("ORG", "GPE", "LOC", "FAC") and _person_apposed(ent):
            yield ent
        elif ent.label_ in ("ORG", "NORP", "GPE") and len(ent) >= 3:
            tail = [t for t in ent if t.dep_ in ("compound", "appos", "nsubj") or t == ent.root]
            last2 = list(ent[-2:])
            if looks_like_person(last2) and (
                    ent.root in last2 and tail and
                    not any(t.lower_ in _NOT_PERSON_WORDS for t in ent) or
                    last2[0].head.i == last2[1].i and
                    _body_before_name(doc[ent.start:ent.end - 2])):
                yield doc[ent.end - 2:ent.end]


def _person_apposed(ent: Span) -> bool:
    """"says Olena, a 41-year-old military nurse,", "Serhiy, 29, a drone operator with a
    brigade, lies …": a one- or two-word name set off by a comma before an apposition headed
    by a noun for a person is that person's, whatever NER took it for."""
    if len(ent) > 2 or not all(t.is_title and t.is_alpha for t in ent) or \
            canonical_country(ent.text) or canonical_org(ent.text) or \
            any(t.lower_ in _NOT_PERSON_WORDS for t in ent):
        return False
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    return any(c.dep_ == "appos" and c.i > ent.end and c.pos_ == "NOUN" and c.tag_ == "NN"
               and (c.lemma_ in cues.GROUP_SPEAKERS or c.lemma_ in cues.MILITARY_TRADES)
               and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
               for c in ent.root.children)


def _with_given_name(ent: Span) -> Span:
    """A name whose given name NER left at the end of the body before it ("[the Main
    Directorate of Intelligence Taras] [Hlushko]"): the whole name, when the words before
    the given name are a whole body's name."""
    doc = ent.doc
    k = ent.start - 1
    if k < 2 or len(ent) > 2 or doc[k].ent_type_ not in ("ORG", "NORP", "GPE") or \
            doc[k].ent_iob_ != "I" or doc[k].head.i not in range(ent.start, ent.end) or \
            not looks_like_person([doc[k], *ent]):
        return ent
    start = k
    while start > 0 and doc[start - 1].ent_iob_ == "I":
        start -= 1
    if start > 0 and doc[start - 1].ent_iob_ == "B":
        start -= 1
    if not _body_before_name(doc[start:k]):
        return ent
    return doc[k:ent.end]


def _body_before_name(body: Span) -> bool:
    """Whether the words NER put before a name in one ORG span are a whole body's name, so
    the name is a person's title ("[Representative of] the Main Directorate of Intelligence
    Andriy Yusov", "the State Duma Defence Committee Andrei Kartapolov"): a body the alias
    tables know, or one ending in a body's head word; not "the Institute for National
    [Security Strategy]"."""
    words = [t for t in body if t.pos_ != "DET"]
    while len(words) > 2 and (words[-1].lower_.strip(".") in TITLE_WORDS or
                              words[-1].lower_.strip(".") in _RANKS):
        words.pop()         # "the Lithuanian Armed Forces [General]": a rank after the body
        body = body.doc[body.start:words[-1].i + 1]
    if len(words) < 2:
        return False
    return bool(canonical_org(body.text)) or words[-1].lower_ in _NOT_PERSON_WORDS


# the last word of a state's formal name, which NER sometimes starts a person's name with
_STATE_TAIL_WORDS = frozenset(["federation", "republic", "kingdom", "states", "emirates",
                               "union", "ministry", "affairs", "defence", "defense"])
_INITIAL = re.compile(r"^[A-Z]\.$")
_GIVEN_NAME = re.compile(r"^[A-Z][a-z]+$")


def clean_person(ent: Span) -> tuple[Span, list[Token]]:
    """Strip titles NER kept inside a PERSON span; return (name span, title tokens)."""
    start = ent.start
    titles: list[Token] = []
    while start < ent.end - 1 and (ent.doc[start].lower_.strip(".") in TITLE_WORDS
                                   or ent.doc[start].lower_ in cues.ROLE_NOUNS):
        titles.append(ent.doc[start])
        start += 1
    while start < ent.end - 2 and ent.doc[start].lower_ in _STATE_TAIL_WORDS:
        start += 1      # "of the Russian [Federation Andrei Rudenko]": the state's last word
    doc = ent.doc
    if start == ent.start and start > 0 and _INITIAL.match(doc[start].text) and \
            _GIVEN_NAME.match(doc[start - 1].text) and not doc[start - 1].ent_type_ and \
            doc[start - 1].lower_.strip(".") not in TITLE_WORDS:
        start -= 1      # "Antony [J. Blinken]": NER left the given name before an initial
    end = ent.end
    while end > start + 1 and ent.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    if end == ent.end and end < len(doc) and doc[end].pos_ == "PROPN" and \
            doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].ent_type_ and \
            doc[end - 1].head.i == end and doc[end - 1].dep_ in ("compound", "flat"):
        end += 1        # "Choe Son" + "Hui": NER stopped one word short of the name's head
    return doc[start:end], titles


def name_text(span: Span) -> str:
    """A person's name without the letters written after it ("Catherine West MP")."""
    end = span.end
    while end > span.start + 2 and span.doc[end - 1].text in POST_NOMINALS:
        end -= 1
    return span.doc[span.start:end].text


_SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])


def is_subject(tok: Token) -> bool:
    """Whether a name is (part of) a clause subject or a passive agent: "President X said",
    "Its chief, X, told", "was reported by X"."""
    for _ in range(3):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            return True
        if tok.dep_ in ("compound", "appos", "flat") and tok.head is not tok:
            tok = tok.head
            continue
        return False
    return False


# Prepositions of place: a one-word "name" only ever written after them is a town NER took
# for a person ("a medic from Sumy", "the base in Blagoveshchensk").
_PLACE_PREPS = frozenset(["in", "near", "at", "outside", "around", "from", "into", "toward",
                          "towards", "across", "through", "via", "inside"])


_PLACE_NOUNS = frozenset(["port", "city", "town", "village", "region", "province", "district",
                          "oblast", "area", "outskirts", "county", "settlement"])


def _places_as_persons(doc: Doc, persons: list[Span]) -> set[str]:
    """One-word PERSON entities every capitalised mention of which is the object of a
    preposition of place, and which no longer name or known office holder shares."""
    single = {ent.text.lower() for ent in persons if len(ent) == 1 and ent.label_ == "PERSON"}
    if not single:
        return set()
    longer = {w.lower() for ent in persons if len(ent) > 1 for w in ent.text.split()}
    seen: dict[str, bool] = {}
    for i in doc_index(doc).with_lower(frozenset(single - longer)):
        tok = word = doc[i]
        if not tok.text[:1].isupper():
            continue
        while tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head          # "the ports of Chongjin, Hamhung and Musudan"
        prep = tok.head
        placed = tok.dep_ == "pobj" and (prep.lower_ in _PLACE_PREPS or prep.lower_ == "of" and
                                         prep.head.lemma_ in _PLACE_NOUNS)
        seen[word.lower_] = seen.get(word.lower_, True) and placed
    return {w for w, placed in seen.items() if placed and known_role(w) is None}


def _group_tags(doc: Doc) -> set[int]:
    """Tokens of a member's group-and-country tag after a name: "Anna Berg (Greens, SE)
    said" (a party or group, then a two-letter country code, in brackets)."""
    out: set[int] = set()
    for i in doc_index(doc).with_lower(frozenset(["("])):
        if i == 0 or doc[i - 1].pos_ != "PROPN":
            continue
        close = next((k for k in range(i + 2, min(i + 8, len(doc))) if doc[k].text == ")"), None)
        if close is None or doc[close - 2].text != "," or not (
                len(doc[close - 1].text) == 2 and doc[close - 1].text.isupper()):
            continue
        out.update(range(i + 1, close))
    return out


def build_table(doc: Doc) -> EntityTable:
    table = EntityTable()
    tags = _group_tags(doc)
    persons = sorted((ent for ent in person_ents(doc) if ent.start not in tags),
                     key=lambda s: s.start)
    places = _places_as_persons(doc, persons)
    person_token_ids: set[int] = set()
    for ent in persons:
        if len(ent) == 1 and ent.label_ == "PERSON" and ent.text.lower() in places:
            continue
        span, inner_titles = clean_person(ent)
        if not span.text.strip() or not any(ch.isupper() for ch in span.text):
            continue
        title = title_before(span)
        role_tokens = inner_titles + title if not title else title + inner_titles
        if not role_tokens:
            role_tokens = appos_role(span) or title_run_before(span)
        role = " ".join(t.text for t in role_tokens) or None
        record = table.add(name_text(span), "PERSON", span.start_char, span.end_char, role,
                           salient=is_subject(span.root))
        age = age_after(span)
        if record is not None and age is not None:
            record.age = age
        person_token_ids.update(range(span.start, span.end))
    _add_titled_names(doc, table, person_token_ids)
    _add_bare_surnames(doc, table, person_token_ids)
    for ent in doc.ents:
        if ent.label_ not in LABELS or ent.label_ == "PERSON" or ent.start in tags:
            continue
        if any(i in person_token_ids for i in range(ent.start, ent.end)):
            continue
        label = ent.label_
        text = ent.text
        if label == "NORP":
            country = canonical_country(text)
            if country is None:
                # news agencies and bodies NER calls NORP ("Yonhap")
                if ent.root.pos_ == "PROPN" and len(ent) == 1 and \
                        ent.root.lower_ not in cues.SPEAKER_NOUNS:      # not "Democrat"
                    label = "ORG"
                else:
                    continue
            else:
                label = "GPE"
                text = country
        if label == "ORG" and canonical_country(text) and not canonical_org(text):
            label = "GPE"
        if label == "ORG":
            text = _with_owner(ent) or text
            if text.count("(") > text.count(")"):
                text = text[:text.rfind("(")].strip()   # "Special Operations Forces (SSO"
            tail = _title_tail(ent)
            if tail > ent.end:
                # "Coordination Headquarters" + "for the Treatment of Prisoners of War"
                text = text + doc[ent.end - 1:tail].text[len(doc[ent.end - 1].text):]
            if ent[-1].lower_ in ("of", "for") and ent.end < len(doc) and \
                    doc[ent.end].ent_type_ == "GPE":
                # "Ministry of Foreign Affairs of" + "Ukraine": NER cut the body's country off
                tail = ent.end
                while tail < len(doc) and doc[tail].ent_type_ == "GPE" and \
                        (tail == ent.end or doc[tail].ent_iob_ == "I"):
                    tail += 1
                text = canonical_name(doc[ent.start:tail].text, "ORG")
        if label in ("ORG", "GPE") and len(ent) <= 3 and not canonical_country(text) and \
                not canonical_org(text):
            known = table.find(text, "PERSON") is not None or known_role(text) is not None
            if known and (len(ent) == 1 or looks_like_person(list(ent))) or \
                    len(ent) > 1 and looks_like_person(list(ent)) and \
                    (appos_role(ent) or title_run_before(ent) or ent.end + 1 in tags):
                # "Zelenskiy" tagged ORG after "Volodymyr Zelenskiy"; "Oleksandr Syrskyi"
                # tagged ORG before "Syrskyi"
                role = appos_role(ent) or title_run_before(ent)
                table.add(text, "PERSON", ent.start_char, ent.end_char,
                          " ".join(t.text for t in role) or None, salient=is_subject(ent.root))
                person_token_ids.update(range(ent.start, ent.end))
                continue
        if label == "ORG" and len(ent) == 1 and ent.root.lower_ in _BODY_WORDS and \
                ent.start > 0 and doc[ent.start - 1].lower_ == "the":
            # "the Department" after "the Department of Defense": that body
            earlier = table.latest(ent.start_char, _named_with(ent.root.lower_,
                                                              doc_index(doc).text))
            if earlier is not None:
                text = earlier.name
        if label == "ORG" and text == ent.text and len(ent) > 2 and \
                ent[0].pos_ in ("ADV", "CCONJ", "SCONJ") and ent[1].pos_ == "DET":
            text = ent[2:].text         # "Later the Operational Command": NER took the adverb
        if label == "ORG" and len(text.split()) >= 2:
            text = _full_form(table, text, ent.start_char)
        record = table.add(text, label, ent.start_char, ent.end_char,
                           salient=is_subject(ent.root))
        # "South Korea's Joint Chiefs of Staff (JCS)": the bracketed short form is an alias
        after = doc[ent.end:ent.end + 3]
        if record is not None and label == "ORG" and len(after) == 3 and \
                after[0].text == "(" and after[2].text == ")" and after[1].text.isupper():
            table._by_key.setdefault(after[1].text.lower(), record)
    _add_unnamed_roles(doc, table, person_token_ids)
    return table


def _full_form(table: EntityTable, text: str, before: int) -> str:
    """A short form of a body the article named in full before, ending in the same head word
    ("the Operational Command" after "the Polish Armed Forces' Operational Command", "the
    Border Guard Service" after "the State Border Guard Service of Ukraine"): the full name.
    Names the alias tables know, and bodies named by kind ("the General Staff"), keep theirs;
    "the National Assembly" is not "the National Assembly's defence committee"."""
    short = re.sub(r"^(?:the|The)\s+", "", text)
    if canonical_org(short) or body_kind(short) or len(short.split()) < 2:
        return text
    key = f" {short.lower()} "
    head = head_word(short)
    for r in reversed(table.records):       # each body once, not every mention
        if r.label == "ORG" and len(r.name) > len(short) and r.first < before and \
                head_word(r.name) == head and key in " {} ".format(
                    r.name.lower().replace("’", "'").replace("'s ", " ").replace("' ", " ")):
            return r.name
    return text


def _add_titled_names(doc: Doc, table: EntityTable, named: set[int]) -> None:
    """Names NER missed in apposition to a role: "North Korea's foreign minister, Choe Son
    Hui, met …" (the role noun's appositive is a run of capitalised words)."""
    for i in doc_index(doc).with_lower(frozenset(cues.ROLE_NOUNS | set(_ROLE_CLASS))):
        role = doc[i]
        for child in role.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i in named or \
                    child.ent_type_:
                continue
            words = [t for t in child.subtree if t.i <= child.i and t.dep_ in (
                "compound", "flat", "appos") or t.i == child.i]
            words = [t for t in words if t.i >= child.i - 3]
            if not looks_like_person(words) or any(t.i in named or t.ent_type_ for t in words):
                continue
            title = [t for t in role.subtree if t.i <= role.i and not t.is_punct and
                     t.pos_ != "DET"]
            span = doc[words[0].i:words[-1].i + 1]
            table.add(span.text, "PERSON", span.start_char, span.end_char,
                      " ".join(t.text for t in title) or None, salient=is_subject(role))
            named.update(range(span.start, span.end))


def _title_tail(ent: Span) -> int:
    """Where a body's name NER cut short really ends: "Coordination Headquarters" + "for the
    Treatment of Prisoners of War" (a preposition, then capitalised words linked by "of",
    "and", "the"). Returns ent.end when there is no such tail."""
    doc = ent.doc
    k = ent.end
    if k + 1 >= len(doc) or doc[k].lower_ not in ("for", "of", "on") or \
            not ent.root.text[:1].isupper():
        return ent.end
    k += 1
    if doc[k].lower_ == "the":
        k += 1
    end = ent.end
    while k < len(doc) and (doc[k].is_title and doc[k].is_alpha and doc[k].pos_ in (
            "PROPN", "NOUN") or doc[k].lower_ in ("of", "and", "the") and end > ent.end):
        k += 1
        if doc[k - 1].is_title:
            end = k
    if end - ent.end < 2 or any(t.ent_type_ in ("GPE", "DATE") for t in doc[ent.end:end]):
        return ent.end      # ("the Ministry of Defence of Ukraine" has its own rule)
    return end


def _named_with(word: str, text: str):
    """A predicate: an ORG record mentioned with `word` in a longer name."""
    def named(record: EntityRecord) -> bool:
        return record.label == "ORG" and any(
            word in text[a:b].lower().split() and text[a:b].lower() != word
            for a, b in record.mentions)
    return named


# A body's head word, which alone ("the Department") stands for the body named before.
_BODY_WORDS = frozenset(["department", "ministry", "agency", "committee", "service", "office",
                         "commission", "council", "directorate", "command", "administration"])
_NOT_NAME_ENTS = frozenset(["GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
                            "QUANTITY", "MONEY", "PERCENT", "PERSON"])


def _add_bare_surnames(doc: Doc, table: EntityTable, named: set[int]) -> None:
    """Later mentions NER did not tag of a person the article named in full ("Go said", "Fox
    shrugs"): a capitalised word equal to the surname (or the first word of a hyphenated
    given-name name), used as a name or as a subject."""
    keys: dict[str, EntityRecord] = {}
    for record in table.records:
        if record.label != "PERSON":
            continue
        words = record.name.split()
        keys.setdefault(words[-1].lower(), record)
        if len(words) == 2 and "-" in words[1]:
            keys.setdefault(words[0].lower(), record)
    if not keys:
        return
    for i in doc_index(doc).with_lower(frozenset(keys)):
        tok = doc[i]
        if i in named or not tok.text[:1].isupper():
            continue
        if tok.ent_type_ and (tok.ent_type_ in _NOT_NAME_ENTS or i + 1 < len(doc) and
                              doc[i + 1].ent_iob_ == "I" and not (
                                  tok.dep_ in ("nsubj", "nsubjpass") and
                                  tok.head.i == i + 1 and tok.head.pos_ == "VERB")):
            continue        # a name NER took for one word of something ("Vitalii" PRODUCT);
            # not when the next word is its verb ("[Park told KBS]" WORK_OF_ART)
        if tok.pos_ != "PROPN" and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        record = keys[tok.lower_]
        table.add(record.name, "PERSON", tok.idx, tok.idx + len(tok.text),
                  salient=is_subject(tok))
        named.add(i)


_MEDIA_WORDS = frozenset(["shimbun", "ilbo", "times", "post", "journal", "herald", "news",
                          "daily", "tribune", "gazette", "telegraph", "guardian", "pravda",
                          "izvestia", "kommersant", "novosti", "tv", "television", "radio",
                          "broadcasting", "press", "magazine", "newspaper"])


def _with_owner(ent: Span) -> str | None:
    """The canonical body when NER left its country outside: "South Korea's" + "Joint Chiefs
    of Staff" -> "South Korea's Joint Chiefs of Staff"."""
    doc = ent.doc
    i = ent.start
    if i < 2 or doc[i - 1].lower_ not in ("'s", "’s"):
        return None
    if any(t.lower_ in _MEDIA_WORDS for t in ent):
        return None         # "Japan's Yomiuri Shimbun" is the Yomiuri Shimbun
    j = i - 2
    while j > 0 and doc[j].ent_iob_ == "I" and doc[j - 1].ent_type_ == doc[j].ent_type_:
        j -= 1
    owner = doc[j:i - 1]
    if not canonical_country(owner.text) and i - 3 >= 0 and doc[i - 3].pos_ == "PROPN" and \
            canonical_country(doc[i - 3:i - 1].text):
        owner = doc[i - 3:i - 1]        # "South Korea's": NER tagged neither word
        j = i - 3
    if canonical_country(owner.text):
        return canonical_org(doc[j:ent.end].text) or (
            f"{owner.text}'s {ent.text}" if ent[0].lower_ != "the" else None)
    if all(t.ent_type_ == "GPE" for t in owner) and ent[0].lower_ != "the":
        return f"{owner.text}'s {ent.text}"     # "Lithuania's State Security Department"
    return None


_PERSON_ROLE_HEADS = frozenset(["spokesperson", "spokesman", "spokeswoman", "official", "minister", "secretary", "chief", "envoy", "ambassador", "commander", "adviser", "advisor", "aide", "diplomat", "lawmaker", "officer"])


_BLOC_WORDS = frozenset(["western", "european", "allied", "nato", "eu", "un", "g7", "asian",
                         "foreign"])


# Who speaks for a country at a meeting ("the representative of Chile", "the speaker for
# Japan", "Poland's representative"): named by nothing else, whatever the verb.
_DELEGATE_HEADS = frozenset(["representative", "delegate", "envoy", "ambassador", "speaker"])


def _add_delegates(doc: Doc, table: EntityTable, named: set[int]) -> None:
    """Unnamed delegates into the table, so a later "he"/"she" finds the one who spoke last
    ("The representative of Belarus rejected … He said …")."""
    for i in doc_index(doc).with_lower(_DELEGATE_HEADS):
        tok = doc[i]
        if tok.dep_ == "compound" or tok.i in named or not any(
                c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" for c in tok.children):
            continue
        end = None
        for c in tok.children:
            if c.dep_ == "prep" and c.i == tok.i + 1 and (
                    c.lower_ == "for" or c.lower_ == "of" and tok.lower_ != "speaker"):
                objs = [g for g in c.children if g.dep_ == "pobj" and
                        canonical_country(doc[g.left_edge.i:g.right_edge.i + 1].text)]
                if objs:        # ("the Democratic People's Republic of Korea")
                    end = objs[0].right_edge.i + 1
            elif c.dep_ == "poss" and c.i == tok.i - 2 and tok.lower_ != "speaker" and \
                    canonical_country(c.text):
                start = c.left_edge.i
        if end is not None:
            name = doc[tok.i:end].text
        elif any(c.dep_ == "poss" and c.i == tok.i - 2 and canonical_country(c.text)
                 for c in tok.children) and tok.lower_ != "speaker":
            name = doc[start:tok.i + 1].text
        else:
            continue
        record = table.add(canonical_name(name), "PERSON", tok.idx, tok.idx + len(tok.text),
                           salient=is_subject(tok))
        if record is not None:
            table.set_role(record, name)


def _add_apposed_ones(doc: Doc, table: EntityTable) -> None:
    """"One of them, a 22-year-old scout, spoke first": a person the apposition describes,
    into the table whatever the verb, so a later "he" finds them (named as the resolver
    names them: the noun and its describing words, no age)."""
    for i in doc_index(doc).with_lower(frozenset(["one"])):
        tok = doc[i]
        if not any(c.lower_ == "of" and any(g.lower_ in ("them", "those") for g in c.children)
                   for c in tok.children):
            continue
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                      and c.tag_ == "NN"), None)
        if appos is None:
            continue
        mods = [t for t in appos.children if t.i < appos.i and
                t.dep_ in ("amod", "compound", "nmod") and t.pos_ != "NUM" and
                not t.like_num and t.lower_ not in ("old", "year-old", "other", "first") and
                not t.lower_.endswith("-year-old")]
        name = " ".join([t.text for t in mods] + [appos.lemma_])
        table.add(name, "PERSON", appos.idx, appos.idx + len(appos.text),
                  salient=is_subject(tok))


def _add_unnamed_roles(doc: Doc, table: EntityTable, named: set[int]) -> None:
    """"a US government spokesperson", "a senior US official": unnamed people the article
    introduces; later "the spokesperson" or "he" resolves to them."""
    _add_delegates(doc, table, named)
    _add_apposed_ones(doc, table)
    for i in doc_index(doc).with_lower(_PERSON_ROLE_HEADS):
        tok = doc[i]
        if tok.dep_ == "compound":
            continue
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ not in ("a", "an"):
            continue
        if any(t.i in named for t in tok.subtree if t.i <= tok.i) or any(
                c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
            continue        # (a name later in the phrase is someone else's: "a US official,
            #                 speaking to Euractiv …")
        words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det" and not t.is_punct]
        # "a Western diplomat in Seoul", "an official from Lithuania"
        place = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "from")
                 and c.i == tok.i + 1 for g in c.children
                 if g.dep_ == "pobj" and g.ent_type_ == "GPE" and g.i == c.i + 1]
        if not any(canonical_country(t.text) or t.ent_type_ in ("ORG", "NORP", "GPE")
                   or t.lower_ in _BLOC_WORDS for t in words) and not place:
            continue
        if place:
            words = words + [doc[tok.i + 1], place[0]]
        name = " ".join(t.text for t in words)
        record = EntityRecord(name=canonical_name(name), label="PERSON")
        table.records.append(record)
        record.mentions.append((tok.idx, tok.idx + len(tok.text)))
        table.note(tok.idx, record, is_subject(tok))
        table.set_role(record, name)


if not Doc.has_extension("sitrep_entities"):
    Doc.set_extension("sitrep_entities", default=None)
if not Doc.has_extension("sitrep_published"):
    Doc.set_extension("sitrep_published", default=None)
if not Doc.has_extension("sitrep_outlet"):
    Doc.set_extension("sitrep_outlet", default=None)


@Language.component("sitrep_entities")
def sitrep_entities(doc: Doc) -> Doc:
    """Build the article's entity table (Doc._.sitrep_entities)."""
    doc._.sitrep_entities = build_table(doc)
    return doc
