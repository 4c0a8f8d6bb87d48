"""What an answer builder returns: plain data, every fact line with its citation.

Renderers (Block Kit for Slack, plain text for the console and `sitrep ask`) turn an
`Answer` into a message; they refuse a `FactLine` whose citation is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.answers.citations import Citation, MissingSourceError


@dataclass(frozen=True)
class FactLine:
    """One fact as a person reads it, and the article it came from."""

    text: str                       # the fact in plain words, without the citation
    citation: Citation
    when: date | None = None        # when it was stated (or published), for ordering
    also_cited: tuple[Citation, ...] = ()   # other articles behind the same line (a history)

    def __post_init__(self) -> None:
        if not isinstance(self.citation, Citation):
            raise MissingSourceError(f"fact without a source: {self.text[:80]!r}")
        if any(not isinstance(extra, Citation) for extra in self.also_cited):
            raise MissingSourceError(f"fact with a missing source: {self.text[:80]!r}")

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every article behind the line, its own citation first, each once."""
        seen: list[Citation] = []
        for item in (self.citation, *self.also_cited):
            if all(item.article_id != other.article_id for other in seen):
                seen.append(item)
        return tuple(seen)


@dataclass(frozen=True)
class Section:
    heading: str | None
    lines: tuple[FactLine, ...] = ()
    notes: tuple[str, ...] = ()     # lines that are not facts (a summary of the lines above)


@dataclass(frozen=True)
class MoreButton:
    """What the "more" button asks for: the same request from `offset` on."""

    request: str                    # the command text as typed, e.g. "/whosaid rutte"
    offset: int


@dataclass(frozen=True)
class Answer:
    kind: str                       # troops | whosaid | summary | sources | help | unknown | empty | error
    title: str
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()     # top-level guidance: "Did you mean …?", how to ingest
    more: MoreButton | None = None
    request: str = ""               # the request this answers (for "Share in channel")
    extra: dict = field(default_factory=dict)

    def fact_lines(self) -> list[FactLine]:
        return [line for section in self.sections for line in section.lines]
