"""Plain text of an answer, for the console and `sitrep ask`: each fact, then its source."""

from __future__ import annotations

from bot.answers.citations import Citation, MissingSourceError
from bot.answers.types import Answer, FactLine

MAX_ALSO = 5                # extra citations shown under one line


def check_citations(answer: Answer) -> None:
    """Refuse an answer with a fact line that names no source."""
    for line in answer.fact_lines():
        if not isinstance(getattr(line, "citation", None), Citation):
            raise MissingSourceError(f"fact without a source: {str(line.text)[:80]!r}")
        if any(not isinstance(c, Citation) for c in getattr(line, "also_cited", ())):
            raise MissingSourceError(f"fact with a missing source: {str(line.text)[:80]!r}")


def citation_text(citation: Citation) -> str:
    text = citation.as_text()
    if citation.also_in:
        text += "; also ran in " + ", ".join(citation.also_in)
    return text


def line_citations(line: FactLine) -> list[Citation]:
    citations = list(line.citations) if hasattr(line, "citations") else [line.citation]
    return citations[: 1 + MAX_ALSO]


def render_text(answer: Answer) -> str:
    check_citations(answer)
    out: list[str] = [answer.title, "=" * min(len(answer.title), 72)]
    for note in answer.notes:
        out.append(note)
    for section in answer.sections:
        out.append("")
        if section.heading:
            out.append(section.heading)
            out.append("-" * min(len(section.heading), 72))
        for line in section.lines:
            out.append(f"• {line.text}")
            citations = line_citations(line)
            for index, citation in enumerate(citations):
                lead = "source:" if index == 0 else "   and:"
                out.append(f"    {lead} {citation_text(citation)}")
            hidden = len(line.citations) - len(citations) if hasattr(line, "citations") else 0
            if hidden > 0:
                out.append(f"    and {hidden} more source{'s' if hidden != 1 else ''}")
        for note in section.notes:
            out.append(f"  {note}")
    if answer.more is not None:
        out.append("")
        out.append(f"More: type `more` in the console, or ask again: "
                   f"sitrep ask --offset {answer.more.offset} \"{answer.more.request}\"")
    return "\n".join(out).rstrip() + "\n"
