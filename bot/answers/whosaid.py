"""/whosaid PERSON|TOPIC: a speaker's quotes (found through aliases and misspellings), or the
quotes whose words match a topic; newest first, a page at a time, each cited.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import day_month, quoted
from bot.answers.request import Request, topic_words
from bot.answers.troops import denial_lines
from bot.answers.types import Answer, FactLine, MoreButton, Section
from bot.extraction.names import canonical_name, normalise_name, same_entity
from bot.storage.entities import find_entity
from bot.storage.models import Quote

PAGE = 10                   # quotes (and denials) per page
MATCH = 88                  # rapidfuzz WRatio a name must reach to mean a speaker
SUGGEST = 60                # ... to be offered as "did you mean"


def match_speakers(session: Session, name: str) -> list[tuple[int | None, str, set[str]]]:
    """The known speakers a name means: (entity id, display name, their names), best first.

    Exact aliases first (find_entity), then names that are the same entity (transliterations,
    surnames: names.same_entity), then rapidfuzz WRatio over every alias.
    """
    key = normalise_name(name)
    if not key:
        return []
    known = queries.speakers(session)
    scored: list[tuple[float, tuple[int | None, str, set[str]]]] = []
    exact = find_entity(session, name)
    for entity_id, display, names in known:
        normalised = [normalise_name(n) for n in names]
        if exact is not None and entity_id == exact.id:
            score = 101.0
        elif key in normalised:
            score = 100.0
        elif any(same_entity(name, n) for n in names):
            score = 99.0
        else:
            score = max((_similarity(key, n) for n in normalised if n), default=0.0)
        if score >= MATCH:
            scored.append((score, (entity_id, display, set(names))))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    floor = 99.0 if best >= 99.0 else MATCH
    scored = [item for item in scored if item[0] >= floor]
    scored.sort(key=lambda item: (-item[0], item[1][1]))
    return [item for _, item in scored]


def _similarity(key: str, name: str) -> float:
    """How well a typed name fits a stored one: whole-name WRatio, or a close surname.

    Partial matching is only allowed one way: a typed "rutte" may be part of "mark rutte",
    but a typed "ruttenberg" is not "rutte" with junk around it.
    """
    if len(key) < 3:
        return 100.0 if key == name else 0.0
    if len(key) > len(name):
        return max(fuzz.ratio(key, name), fuzz.token_sort_ratio(key, name))
    whole = fuzz.WRatio(key, name)
    words = name.replace("-", " ").split()
    typed = key.replace("-", " ").split()
    word_score = 0.0
    if len(typed) == 1 and len(typed[0]) >= 4:
        word_score = max((fuzz.ratio(typed[0], w) for w in words if len(w) >= 4), default=0.0)
    # WRatio's partial matching is generous to short strings: demand the lengths be close too
    if len(key) * 2 < len(name):
        whole = min(whole, fuzz.ratio(key, name))
    return max(whole, word_score)


def suggestions(session: Session, name: str, limit: int = 3) -> list[str]:
    """Known speakers whose names look like `name`, for "Did you mean …?"."""
    known = queries.speakers(session)
    choices: dict[str, str] = {}
    for _, display, names in known:
        for n in names:
            choices.setdefault(normalise_name(n), display)
    if not choices:
        return []
    found = process.extract(normalise_name(name), list(choices), scorer=fuzz.WRatio,
                            limit=limit * 4, score_cutoff=SUGGEST)
    result: list[str] = []
    for choice, _score, _ in found:
        display = choices[choice]
        if display not in result:
            result.append(display)
    return result[:limit]


def _sort_key(quote: Quote) -> tuple:
    when = queries.article_date(quote.article) or date.min
    return (when, quote.article_id, -quote.start)


def _word_match(text: str, words: list[str]) -> bool:
    lowered = text.lower()
    return all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", lowered) for w in words)


def _quote_line(quote: Quote) -> FactLine:
    # the name as this article spelled it (its citation shows where): a merged entity may
    # have been stored first under another spelling ("Fara Dahlallah" / "Farah Dakhlallah")
    speaker = (canonical_name(quote.speaker) if quote.speaker
               else quote.speaker_entity.name if quote.speaker_entity is not None
               else "Unnamed speaker")
    when = queries.article_date(quote.article)
    said = "said" if quote.kind == "direct" else "said (reported)"
    return FactLine(text=f"{speaker} {said}: {quoted(quote.text)}",
                    citation=queries.citation(quote.article), when=when)


def whosaid_answer(session: Session, request: Request, *, offset: int = 0,
                   today: date | None = None) -> Answer:
    asked = (request.topic or "").strip()
    offset = max(0, offset)
    matched = match_speakers(session, asked) if asked else []
    if matched:
        entity_ids = {m[0] for m in matched if m[0] is not None}
        names = set().union(*(m[2] for m in matched))
        quotes = queries.quotes_by_speakers(session, entity_ids, names, since=request.since)
        denials = queries.denials_by(session, {n for n in names}, since=request.since)
        about = topic_words(request.extra.get("about"))
        if about:
            quotes = [q for q in quotes if _word_match(q.text, about)]
            denials = [d for d in denials if _word_match(f"{d.text} {d.sentence}", about)]
        who = " / ".join(m[1] for m in matched[:3])
        title = f"Who said: {who}"
        if quotes or denials:
            note = None
            if normalise_name(asked) not in {normalise_name(n) for m in matched for n in m[2]}:
                note = f"Showing {who} for “{asked}”."
            return _page(request, title, quotes, denials, offset, note)
        # a known name with nothing left after the filters: fall through to the topic search
    words = topic_words(asked) or [w.lower() for w in asked.split()[:8] if w.strip()]
    quotes = [q for q in queries.quotes_with_words(session, words, since=request.since)
              if _word_match(q.text, words)]
    denials = [d for d in queries.denials_with_words(session, words, since=request.since)
               if _word_match(f"{d.text} {d.sentence}", words)]
    if quotes or denials:
        return _page(request, f"Who said “{asked}”", quotes, denials, offset, None)
    return _nothing(session, request, asked)


def _page(request: Request, title: str, quotes: list[Quote], denials: list, offset: int,
          note: str | None) -> Answer:
    quotes = sorted(quotes, key=_sort_key, reverse=True)
    quote_lines = _unique(_quote_line(q) for q in quotes)
    denial_list = denial_lines(denials)
    items: list[tuple[str, FactLine]] = ([("quote", line) for line in quote_lines]
                                         + [("denial", line) for line in denial_list])
    total = len(items)
    page = items[offset:offset + PAGE]
    sections = []
    quote_page = tuple(line for kind, line in page if kind == "quote")
    denial_page = tuple(line for kind, line in page if kind == "denial")
    if quote_page:
        sections.append(Section("Quotes", quote_page))
    if denial_page:
        sections.append(Section("Denials and dismissals", denial_page))
    notes = [note] if note else []
    shown_to = offset + len(page)
    if total:
        counted = [f"{n} {word}{'s' if n != 1 else ''}"
                   for n, word in ((len(quote_lines), "quote"), (len(denial_list), "denial")) if n]
        notes.append(" and ".join(counted) + (f"; showing {offset + 1}–{shown_to}."
                                              if total > len(page) or offset else "."))
    if not page:
        notes.append("No more quotes.")
    more = MoreButton(request.text, shown_to) if shown_to < total else None
    if request.since:
        title += f" since {day_month(request.since, True)}"
    return Answer(kind="whosaid", title=title, sections=tuple(sections), notes=tuple(notes),
                  more=more, request=request.text,
                  extra={"offset": offset, "total": total, "topic": request.topic})


def _unique(lines) -> list[FactLine]:
    seen: set[tuple] = set()
    result = []
    for line in lines:
        key = (line.text, line.citation.article_id)
        if key not in seen:
            seen.add(key)
            result.append(line)
    return result


def _nothing(session: Session, request: Request, asked: str) -> Answer:
    notes = []
    if queries.counts(session)["quotes"] == 0:
        notes.append(f"No quotes from {asked} — no quotes are stored yet.")
        notes.append("Quotes are extracted when articles are ingested (`sitrep ingest PATH`).")
    else:
        notes.append(f"No quotes from {asked}, and none that mention it"
                     + (f" since {day_month(request.since, True)}." if request.since else "."))
        did_you_mean = suggestions(session, asked)
        if did_you_mean:
            notes.append("Did you mean " + ", ".join(did_you_mean[:-1])
                         + (" or " if len(did_you_mean) > 1 else "") + did_you_mean[-1] + "?")
        else:
            notes.append("Try a surname (`/whosaid rutte`) or words of the quote "
                         "(`/whosaid fake news`).")
    return Answer(kind="whosaid", title=f"Who said: {asked}", notes=tuple(notes),
                  request=request.text, extra={"offset": 0, "total": 0, "topic": asked})
