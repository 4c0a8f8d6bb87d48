"""The facts the extraction core returns: small frozen dataclasses, no Slack, no database.

Character offsets (`start`, `end`) are into the article text exactly as it was passed to the
extractor, so storage can keep the span each fact came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

QUALIFIERS = ("about", "at least", "up to", "more than", "fewer than", "exact", "range", "vague")
STATUSES = (
    "deployed", "training", "planned", "combat", "casualties", "killed", "wounded", "captured",
    "other",
)
QUOTE_KINDS = ("direct", "reported")


@dataclass(frozen=True)
class Estimate:
    """One numeric claim about a force's troops."""

    count: int                      # the headline figure (for a range, its upper bound)
    low: int | None
    high: int | None
    qualifier: str                  # one of QUALIFIERS
    status: str                     # one of STATUSES
    force: str                      # whose troops, canonical ("North Korea")
    location: str | None
    claimed_by: str | None          # canonical claimant
    stated_on: date | None
    sentence: str
    start: int                      # span of the figure in the article text
    end: int
    composition: str | None = None  # "2 units x up to 6,000" when the figure was composed

    def to_json(self) -> dict:
        data = asdict(self)
        data["stated_on"] = self.stated_on.isoformat() if self.stated_on else None
        return data


@dataclass(frozen=True)
class Denial:
    """A denial or dismissal of reports ("North Korea denies sending ...", "fake news")."""

    denied_by: str | None           # canonical name of who denies or dismisses
    force: str                      # whose troops the denied reports are about
    kind: str                       # "denial" | "dismissal"
    text: str                       # the words of the denial ("fake news", the clause)
    stated_on: date | None
    sentence: str
    start: int
    end: int

    def to_json(self) -> dict:
        data = asdict(self)
        data["stated_on"] = self.stated_on.isoformat() if self.stated_on else None
        return data


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker."""

    speaker: str | None             # canonical name, None when nobody can be named
    text: str                       # the quoted words, without quotation marks
    kind: str                       # "direct" | "reported"
    sentence: str
    start: int                      # span of `text` in the article text
    end: int
    speaker_label: str | None = None   # PERSON, ORG, GPE, NORP ... of the speaker

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Entity:
    """A canonical person, organisation or place with the other names the article used."""

    name: str
    label: str                      # PERSON, ORG, GPE, NORP, LOC
    aliases: tuple[str, ...] = ()
    role: str | None = None         # "NATO Secretary General"
    mentions: tuple[tuple[int, int], ...] = ()   # character spans

    def to_json(self) -> dict:
        return {"name": self.name, "label": self.label, "aliases": list(self.aliases),
                "role": self.role}


@dataclass(frozen=True)
class ArticleFacts:
    estimates: tuple[Estimate, ...] = ()
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    denials: tuple[Denial, ...] = ()
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "estimates": [e.to_json() for e in self.estimates],
            "quotes": [q.to_json() for q in self.quotes],
            "entities": [e.to_json() for e in self.entities],
            "denials": [d.to_json() for d in self.denials],
        }
