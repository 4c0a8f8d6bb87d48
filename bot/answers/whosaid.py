"""/whosaid PERSON|TOPIC: a speaker's quotes (found through aliases and misspellings), or the
quotes whose words match a topic; newest first, a page at a time, each cited.
"""

from __future__ import annotations

import re
import threading
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import day_month, quoted
from bot.answers.queries import LineDraft, QuoteRow
from bot.answers.request import Request, topic_words
from bot.answers.troops import denial_drafts
from bot.answers.types import Answer, MoreButton, Section
from bot.extraction import names as _names
from bot.extraction.names import canonical_name, normalise_name, same_entity
from bot.storage.entities import find_entity

# names.same_entity compares actors (alias tables) first; without them every speaker is compared
_actor = getattr(_names, "_actor", None)
GOVERNMENT_OF: dict[str, str] = getattr(_names, "GOVERNMENT_OF", {})

PAGE = 10                   # quotes (and denials) per page
MATCH = 88                  # rapidfuzz WRatio a name must reach to mean a speaker
SUGGEST = 60                # ... to be offered as "did you mean"


def match_speakers(session: Session, name: str) -> list[tuple[int | None, str, set[str]]]:
    """The known speakers a name means: (entity id, display name, their names), best first.

    Exact aliases first (find_entity), then names that are the same entity (transliterations,
    surnames: names.same_entity), then rapidfuzz WRatio over every alias. The names are
    indexed once per speaker list (`_SpeakerIndex`), so only the few speakers a cheap
    C-level pre-filter lets through are compared name by name.
    """
    key = normalise_name(name)
    if not key:
        return []
    index = _speaker_index(queries.speakers(session))
    exact = find_entity(session, name)
    scores: dict[int, float] = {}
    if exact is not None:
        for i in index.by_entity.get(exact.id, ()):
            scores[i] = 101.0
    for i in index.by_normalised.get(key, ()):
        scores.setdefault(i, 100.0)
    for i in sorted(index.same_entity_candidates(name, key)):
        if i not in scores and any(same_entity(name, n) for n in index.entries[i][2]):
            scores[i] = 99.0
    if not scores:                  # nothing at 99 or above: the fuzzy tier decides
        for i in index.similar_candidates(key):
            score = max((_similarity(key, n) for n in index.normalised[i] if n), default=0.0)
            if score >= MATCH:
                scores[i] = score
    if not scores:
        return []
    best = max(scores.values())
    floor = 99.0 if best >= 99.0 else MATCH
    scored = [(score, (index.entries[i][0], index.entries[i][1], set(index.entries[i][2])))
              for i, score in scores.items() if score >= floor]
    scored.sort(key=lambda item: (-item[0], item[1][1]))
    return [item for _, item in scored]


def _name_words(normalised: str) -> set[str]:
    """Every word of a normalised name, with and without its dots (a superset of the words
    names.same_person and `_similarity` compare)."""
    words = normalised.replace("-", " ").split()
    return {w for w in (*words, *(w.strip(".") for w in words)) if w}


class _SpeakerIndex:
    """The speakers' names prepared for matching: normalised, by word, by actor."""

    def __init__(self, known: list[tuple[int | None, str, list[str]]]):
        self.entries = known
        self.normalised = [[normalise_name(n) for n in names] for _, _, names in known]
        self.by_entity: dict[int, list[int]] = {}
        self.by_normalised: dict[str, list[int]] = {}
        self.by_word: dict[str, set[int]] = {}
        self.by_actor: dict[str, set[int]] = {}
        self.by_government: dict[str, set[int]] = {}      # GOVERNMENT_OF[actor] -> speakers
        self.flat: list[str] = []                          # every normalised name ...
        self.owner: list[int] = []                         # ... and whose it is
        for i, (entity_id, _, names) in enumerate(known):
            if entity_id is not None:
                self.by_entity.setdefault(entity_id, []).append(i)
            for raw, normalised in zip(names, self.normalised[i], strict=True):
                if i not in self.by_normalised.get(normalised, ()):
                    self.by_normalised.setdefault(normalised, []).append(i)
                for word in _name_words(normalised):
                    self.by_word.setdefault(word, set()).add(i)
                if _actor is not None and raw:
                    actor = _actor(raw)
                    self.by_actor.setdefault(actor, set()).add(i)
                    government = GOVERNMENT_OF.get(actor)
                    if government:
                        self.by_government.setdefault(government, set()).add(i)
                self.flat.append(normalised)
                self.owner.append(i)
        self.words = list(self.by_word)

    def _words_like(self, word: str, cutoff: float) -> set[int]:
        found = set(self.by_word.get(word, ()))
        for match, _, _ in process.extract(word, self.words, scorer=fuzz.ratio,
                                           score_cutoff=cutoff, limit=None):
            found |= self.by_word[match]
        return found

    def same_entity_candidates(self, name: str, key: str) -> set[int]:
        """Every speaker one of whose names may be `names.same_entity` with `name` (a
        superset: same actor or its government, a word agreeing, or a close whole name)."""
        if _actor is None:
            return set(range(len(self.entries)))
        found: set[int] = set()
        actor = _actor(name)
        found |= self.by_actor.get(actor, set())
        found |= self.by_government.get(actor, set())
        government = GOVERNMENT_OF.get(actor)
        if government:
            found |= self.by_actor.get(government, set())
        for word in _name_words(key):
            found |= self._words_like(word, 85)
            # an initial agrees with any word of that letter, and the other way round
            if len(word) == 1:
                found |= {i for w, owners in self.by_word.items() if w[0] == word
                          for i in owners}
            else:
                found |= self.by_word.get(word[0], set())
        for _, _, at in process.extract(key, self.flat, scorer=fuzz.ratio, score_cutoff=92,
                                        limit=None):
            found.add(self.owner[at])
        return found

    def similar_candidates(self, key: str) -> set[int]:
        """Every speaker `_similarity` may score at MATCH or above (a superset)."""
        if len(key) < 3:
            return set(self.by_normalised.get(key, ()))
        found: set[int] = set()
        for scorer in (fuzz.WRatio, fuzz.ratio, fuzz.token_sort_ratio):
            for _, _, at in process.extract(key, self.flat, scorer=scorer, score_cutoff=MATCH,
                                            limit=None):
                found.add(self.owner[at])
        typed = key.replace("-", " ").split()
        if len(typed) == 1 and len(typed[0]) >= 4:
            for match, _, _ in process.extract(typed[0], self.words, scorer=fuzz.ratio,
                                               score_cutoff=MATCH, limit=None):
                found |= self.by_word[match]
        return found


_indexes: dict[int, tuple[list, _SpeakerIndex]] = {}
_indexes_lock = threading.Lock()


def _speaker_index(known: list[tuple[int | None, str, list[str]]]) -> _SpeakerIndex:
    """The index of a speaker list (queries.speakers returns the same list object while the
    database has nothing new)."""
    cached = _indexes.get(id(known))
    if cached is not None and cached[0] is known:
        return cached[1]
    index = _SpeakerIndex(known)
    with _indexes_lock:
        while len(_indexes) >= 4:
            _indexes.pop(next(iter(_indexes)))
        _indexes[id(known)] = (known, index)
    return index


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
    index = _speaker_index(queries.speakers(session))
    choices: dict[str, str] = {}
    for (_, display, _), normalised in zip(index.entries, index.normalised, strict=True):
        for n in normalised:
            choices.setdefault(n, display)
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


def _sort_key(quote: QuoteRow) -> tuple:
    when = queries.article_date(quote.article) or date.min
    return (when, quote.article_id, -quote.start)


def _word_patterns(words: list[str]) -> list[re.Pattern]:
    """One pattern a word: the word whole, not inside another ("kim" is not in "kimchi")."""
    return [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in words]


def _word_match(text: str, patterns: list[re.Pattern]) -> bool:
    lowered = text.lower()
    return all(pattern.search(lowered) for pattern in patterns)


def _speaker_of(quote: QuoteRow, names: dict[str, str]) -> str:
    """The speaker's display name (`names` keeps canonical_name of each string once): the
    name as this article spelled it (its citation shows where), as a merged entity may have
    been stored first under another spelling ("Fara Dahlallah" / "Farah Dakhlallah")."""
    if quote.speaker:
        found = names.get(quote.speaker)
        if found is None:
            found = names[quote.speaker] = canonical_name(quote.speaker)
        return found
    return quote.speaker_entity.name if quote.speaker_entity is not None else "Unnamed speaker"


def _quote_line(quote: QuoteRow, speaker: str) -> LineDraft:
    when = queries.article_date(quote.article)
    said = "said" if quote.kind == "direct" else "said (reported)"
    return LineDraft(f"{speaker} {said}: {quoted(quote.text)}", [quote.article_id], when)


def _unique_quotes(quotes: list[QuoteRow]) -> list[tuple[QuoteRow, str]]:
    """Each (speaker, kind, words, article) once, in the given order, with its speaker's
    display name: the lines `_quote_line` would make, without making the ones not shown."""
    names: dict[str, str] = {}
    seen: set[tuple] = set()
    result = []
    for quote in quotes:
        speaker = _speaker_of(quote, names)
        key = (speaker, quote.kind == "direct", quoted(quote.text), quote.article_id)
        if key not in seen:
            seen.add(key)
            result.append((quote, speaker))
    return result


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
        capped = _capped(quotes, denials)
        about = topic_words(request.extra.get("about"))
        if about:
            patterns = _word_patterns(about)
            quotes = [q for q in quotes if _word_match(q.text, patterns)]
            denials = [d for d in denials if _word_match(f"{d.text} {d.sentence}", patterns)]
        who = " / ".join(m[1] for m in matched[:3])
        title = f"Who said: {who}"
        if quotes or denials:
            note = None
            if normalise_name(asked) not in {normalise_name(n) for m in matched for n in m[2]}:
                note = f"Showing {who} for “{asked}”."
            return _page(session, request, title, quotes, denials, offset, note, capped)
        # a known name with nothing left after the filters: fall through to the topic search
    words = topic_words(asked) or [w.lower() for w in asked.split()[:8] if w.strip()]
    patterns = _word_patterns(words)
    quotes = queries.quotes_with_words(session, words, since=request.since)
    denials = queries.denials_with_words(session, words, since=request.since)
    capped = _capped(quotes, denials)
    quotes = [q for q in quotes if _word_match(q.text, patterns)]
    denials = [d for d in denials if _word_match(f"{d.text} {d.sentence}", patterns)]
    if quotes or denials:
        return _page(session, request, f"Who said “{asked}”", quotes, denials, offset, None,
                     capped)
    return _nothing(session, request, asked)


def _capped(quotes: list, denials: list) -> bool:
    """True when a read stopped at its limit: older matches were not counted."""
    return len(quotes) >= queries.MAX_ROWS or len(denials) >= queries.MAX_ROWS


def _page(session: Session, request: Request, title: str, quotes: list[QuoteRow],
          denials: list, offset: int, note: str | None, capped: bool = False) -> Answer:
    quotes = sorted(quotes, key=_sort_key, reverse=True)
    quote_lines = _unique_quotes(quotes)        # only the page's lines are made and cited
    denial_list = denial_drafts(denials)
    total = len(quote_lines) + len(denial_list)
    drafts: list[tuple[str, LineDraft]] = [
        ("quote", _quote_line(quote, speaker))
        for quote, speaker in quote_lines[offset:offset + PAGE]]
    start = max(0, offset - len(quote_lines))
    drafts += [("denial", line)
               for line in denial_list[start:start + PAGE - len(drafts)]]
    page = list(zip((kind for kind, _ in drafts),
                    queries.cited_lines(session, [line for _, line in drafts]), strict=True))
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
        counted = [f"{n:,} {word}{'s' if n != 1 else ''}"
                   for n, word in ((len(quote_lines), "quote"), (len(denial_list), "denial")) if n]
        notes.append(" and ".join(counted) + (f"; showing {offset + 1}–{shown_to}."
                                              if total > len(page) or offset else "."))
        if capped:
            notes.append(f"Counted among the newest {queries.MAX_ROWS:,} stored quotes and "
                         f"{queries.MAX_ROWS:,} denials only: there are older ones; add "
                         "`since DATE` or more words to narrow the question.")
    if not page:
        notes.append("No more quotes.")
    more = MoreButton(request.text, shown_to) if shown_to < total else None
    if request.since:
        title += f" since {day_month(request.since, True)}"
    return Answer(kind="whosaid", title=title, sections=tuple(sections), notes=tuple(notes),
                  more=more, request=request.text,
                  extra={"offset": offset, "total": total, "topic": request.topic})


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
