"""The digest as Slack messages: pure functions, no Slack, no database.

`render_digest` returns one payload (`text` + `blocks`) per message. The first goes to the
channel, the others continue in its thread. Each message stays inside Block Kit's limits:
at most `MAX_BLOCKS` blocks (Slack allows 50) and `MAX_SECTION_CHARS` characters of
section text (Slack allows 3000); a fact line is never split across two blocks.
"""

from __future__ import annotations

from datetime import date

from bot.answers.types import Answer, FactLine

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_FALLBACK_CHARS = 3000


def render_digest(answer: Answer, period: date | None = None) -> list[dict]:
    """The messages of a digest, first one for the channel, the rest for its thread."""
    title = answer.title + (f" — {period:%a %-d %b %Y}" if period else "")
    if not answer.sections:
        note = answer.notes[0] if answer.notes else "Nothing new since the last digest."
        line = f"*{_escape(answer.title)}*: {_escape(note)}"
        return [{"text": f"{answer.title}: {note}",
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": line}}]}]

    pages: list[list[dict]] = [[
        {"type": "header", "text": {"type": "plain_text", "text": _clip(title, MAX_HEADER_CHARS),
                                    "emoji": True}},
        *[{"type": "context", "elements": [{"type": "mrkdwn", "text": _escape(note)}]}
          for note in answer.notes],
    ]]
    texts: list[list[str]] = [[title, *answer.notes]]

    def room(blocks_needed: int) -> None:
        limit = MAX_BLOCKS - (1 if len(pages) > 1 else 0)   # "continued (n/N)" goes on top
        if len(pages[-1]) + blocks_needed > limit:
            pages.append([])
            texts.append([])

    for section in answer.sections:
        pairs = [(_mrkdwn_line(line), _text_line(line)) for line in section.lines]
        pairs += [(_escape(note), note) for note in section.notes]
        for index, chunk in enumerate(_chunks(pairs)):
            if index == 0:
                room(2)                      # a divider and the first block of the section
                if pages[-1] and pages[-1][-1]["type"] == "section":
                    pages[-1].append({"type": "divider"})
                label = f"*{_escape(section.heading)}*\n" if section.heading else ""
            else:
                room(1)
                label = f"*{_escape(section.heading)} (continued)*\n" if section.heading else ""
            pages[-1].append({"type": "section", "text": {
                "type": "mrkdwn", "text": label + "\n".join(m for m, _ in chunk)}})
            if label:
                texts[-1].append(label.strip().strip("*"))
            texts[-1].extend(t for _, t in chunk)

    total = len(pages)
    messages = []
    for number, (blocks, lines) in enumerate(zip(pages, texts, strict=True), start=1):
        if total > 1 and number > 1:
            blocks = [{"type": "context", "elements": [{"type": "mrkdwn",
                       "text": f"{_escape(title)} — continued ({number}/{total})"}]}, *blocks]
        fallback = "\n".join(line for line in lines if line)
        if total > 1 and number == 1:
            fallback = f"{title} (continued in the thread)\n{fallback}"
        messages.append({"text": _clip(fallback, MAX_FALLBACK_CHARS), "blocks": blocks})
    return messages


def render_digest_text(answer: Answer, period: date | None = None) -> str:
    """The digest as plain text (for the CLI's output and logs)."""
    title = answer.title + (f" — {period:%a %-d %b %Y}" if period else "")
    out = [title, *answer.notes]
    for section in answer.sections:
        out.append("")
        if section.heading:
            out.append(section.heading)
        out.extend(_text_line(line) for line in section.lines)
        out.extend(section.notes)
    return "\n".join(out)


def _mrkdwn_line(line: FactLine) -> str:
    citation = line.citation
    also = f" (also ran in {_escape(', '.join(citation.also_in))})" if citation.also_in else ""
    if line.text == citation.title:          # an article line: the citation is the line
        return _clip(f"• {citation.as_mrkdwn()}{also}", MAX_SECTION_CHARS - 200)
    return _clip(f"• {_escape(line.text)} — {citation.as_mrkdwn()}{also}",
                 MAX_SECTION_CHARS - 200)


def _text_line(line: FactLine) -> str:
    citation = line.citation
    also = f" (also ran in {', '.join(citation.also_in)})" if citation.also_in else ""
    if line.text == citation.title:
        return f"- {citation.as_text()}{also}"
    return f"- {line.text} — {citation.as_text()}{also}"


def _chunks(pairs: list[tuple[str, str]], limit: int = MAX_SECTION_CHARS - 200) -> list[list]:
    """Group (mrkdwn, text) lines so each group's mrkdwn, joined by newlines, stays within
    `limit` characters; a line is never split."""
    chunks: list[list] = []
    size = 0
    for pair in pairs:
        if chunks and size + 1 + len(pair[0]) <= limit:
            chunks[-1].append(pair)
            size += 1 + len(pair[0])
        else:
            chunks.append([pair])
            size = len(pair[0])
    return chunks


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
