"""Block Kit for an answer: pure functions that return the message dict, tested without Slack.

Slack's limits are kept here: at most 50 blocks, header text <= 150 characters, section text
<= 3000, message text <= 40,000. A long answer is cut and ends with a "more" button
(action_id ``sitrep_more``, value JSON of the MoreButton); an ephemeral answer has a
"Share in channel" button (action_id ``sitrep_share``, value the request text).
"""

from __future__ import annotations

import json

from bot.answers.citations import Citation
from bot.answers.types import Answer, FactLine, MoreButton
from bot.render.text import MAX_ALSO, check_citations, render_text

MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_SECTION = 3000
MAX_CONTEXT = 3000
MAX_MESSAGE_TEXT = 40_000
MAX_BUTTON_VALUE = 2000
MORE_ACTION = "sitrep_more"
SHARE_ACTION = "sitrep_share"
ROOMY_FACTS = 15            # up to this many facts: a section and a context block per fact


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def citation_mrkdwn(citation: Citation) -> str:
    text = citation.as_mrkdwn()
    if citation.also_in:
        text += " · also ran in " + escape(", ".join(citation.also_in))
    return text


def line_citations_mrkdwn(line: FactLine) -> str:
    citations = list(getattr(line, "citations", (line.citation,)))
    shown = citations[: 1 + MAX_ALSO]
    text = " · ".join(citation_mrkdwn(c) for c in shown)
    if len(citations) > len(shown):
        text += f" · and {len(citations) - len(shown)} more"
    return text


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text, MAX_SECTION)}}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn",
                                             "text": _clip(text, MAX_CONTEXT)}]}


def _chunks(parts: list[str], limit: int = MAX_SECTION) -> list[str]:
    """Join parts with newlines into texts of at most `limit` characters."""
    chunks: list[str] = []
    current = ""
    for part in parts:
        part = _clip(part, limit)
        candidate = f"{current}\n{part}" if current else part
        if len(candidate) > limit:
            chunks.append(current)
            current = part
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def _header(title: str) -> dict:
    title = " ".join(title.split()) or "sitrep"
    return {"type": "header", "text": {"type": "plain_text", "text": _clip(title, MAX_HEADER),
                                       "emoji": True}}


def _fact_blocks(line: FactLine) -> list[dict]:
    return [_section(f"• {escape(line.text)}"), _context(line_citations_mrkdwn(line))]


def _packed_text(line: FactLine) -> str:
    """A fact and its sources in one piece of text; the fact is cut, never its source."""
    sources = _clip(line_citations_mrkdwn(line), MAX_SECTION // 2)
    fact = _clip(escape(line.text), MAX_SECTION - len(sources) - 20)
    return f"• {fact}\n      _{sources}_"


def _body(answer: Answer, roomy: bool) -> list[tuple[dict, int]]:
    """The answer's blocks after the header, each with the number of fact lines it ends."""
    body: list[tuple[dict, int]] = []
    if answer.notes:
        for chunk in _chunks([escape(n) for n in answer.notes]):
            body.append((_section(chunk), 0))
    for section in answer.sections:
        if section.heading:
            body.append((_section(f"*{escape(section.heading)}*"), 0))
        if roomy:
            for line in section.lines:
                blocks = _fact_blocks(line)
                body.append((blocks[0], 0))
                body.append((blocks[1], 1))
        else:
            pending: list[FactLine] = []
            text = ""
            for line in section.lines:
                part = _clip(_packed_text(line), MAX_SECTION)
                if text and len(text) + 1 + len(part) > MAX_SECTION:
                    body.append((_section(text), len(pending)))
                    pending, text = [], ""
                text = f"{text}\n{part}" if text else part
                pending.append(line)
            if text:
                body.append((_section(text), len(pending)))
        if section.notes:
            body.append((_context(" · ".join(escape(n) for n in section.notes)), 0))
    return body


def build_message(answer: Answer, *, ephemeral: bool = True) -> dict:
    """The Slack message for an answer: {"text": fallback, "blocks": [...]} within limits."""
    check_citations(answer)
    facts = answer.fact_lines()
    roomy = len(facts) <= ROOMY_FACTS
    body = _body(answer, roomy)
    budget = MAX_BLOCKS - 2          # the header, and one actions block at the end
    if roomy and len(body) > budget:
        body = _body(answer, False)
    more = answer.more
    blocks = [_header(answer.title)]
    if len(body) > budget:
        kept: list[dict] = []
        shown = 0
        for block, ends in body[: budget - 1]:
            kept.append(block)
            shown += ends
        base = int(answer.extra.get("offset", 0) or 0)
        kept.append(_context(f"Showing {shown} of {len(facts)} facts: press *More* for the "
                             "rest."))
        more = MoreButton(answer.request, base + shown)
        blocks.extend(kept)
    else:
        blocks.extend(block for block, _ in body)
    actions = _actions(answer, more, ephemeral)
    if actions:
        blocks.append(actions)
    return {"text": fallback_text(answer), "blocks": blocks}


def _actions(answer: Answer, more: MoreButton | None, ephemeral: bool) -> dict | None:
    elements = []
    if more is not None:
        value = json.dumps({"request": more.request, "offset": more.offset}, ensure_ascii=False)
        if len(value) <= MAX_BUTTON_VALUE:
            elements.append({"type": "button", "action_id": MORE_ACTION,
                             "text": {"type": "plain_text", "text": "More"}, "value": value})
    if ephemeral and answer.request:
        elements.append({"type": "button", "action_id": SHARE_ACTION, "style": "primary",
                         "text": {"type": "plain_text", "text": "Share in channel"},
                         "value": answer.request[:MAX_BUTTON_VALUE]})
    if not elements:
        return None
    return {"type": "actions", "block_id": "sitrep_actions", "elements": elements}


def fallback_text(answer: Answer) -> str:
    """The message's plain text (notifications, clients without blocks), within 40,000."""
    text = render_text(answer)
    if len(text) > MAX_MESSAGE_TEXT:
        text = text[: MAX_MESSAGE_TEXT - 20].rsplit("\n", 1)[0] + "\n… (cut)"
    return text


def build_help_blocks(command: str | None = None, *, ephemeral: bool = True) -> dict:
    """The help message (all commands, or one)."""
    from bot.answers.help import help_answer
    from bot.answers.request import Request

    request = Request("help", f"/{command} help" if command else "/sitrep help",
                      help_for=command)
    return build_message(help_answer(request), ephemeral=ephemeral)


def build_error_message(text: str = "Something went wrong answering that; please try again."
                        ) -> dict:
    """A short message for a failure the handlers caught (no facts, nothing to cite)."""
    return {"text": text, "blocks": [_section(escape(text))]}
