"""/summary [topic]: an extractive summary, every sentence cited.

Sentences come from the stored article text, split by a small regex splitter (no spaCy in the
answer path). With a topic, sentences are scored for the topic's words and for carrying a
stored fact (estimate, quote, denial); near-repeats across outlets are dropped with a
token-set similarity threshold. Without a topic: the lead of the latest articles.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from bot.answers import queries
from bot.answers.format import clip, day_month
from bot.answers.request import Request, topic_words
from bot.answers.types import Answer, FactLine, Section
from bot.storage.models import Article

MAX_SENTENCES = 7
REPEAT = 80                 # rapidfuzz token_set_ratio at which two sentences say the same
PER_ARTICLE = 2             # sentences from one article, at most
MAX_CHARS = 200_000         # characters of one article read for sentences

_ABBREVIATIONS = frozenset(str.split("""
mr mrs ms dr gen lt col maj sgt adm sen rep gov st no vs etc jan feb mar apr jun jul aug sep
sept oct nov dec inc ltd co corp dept jr sr prof u.s u.k u.n e.g i.e approx
"""))
_BOUNDARY = re.compile(r"(?<=[.!?…])(?P<close>[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[•\-–*·]|\d+[.)])\s+")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def split_sentences(text: str) -> list[str]:
    """Sentences of an article: paragraphs first, then at ., ! or ? before a capital,
    except after a known abbreviation or an initial ("U.S.", "Gen.", "J.")."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\s*[•\-–*·]\s)|\n", text[:MAX_CHARS]):
        paragraph = _BULLET.sub("", paragraph).strip()
        if not paragraph:
            continue
        start = 0
        for match in _BOUNDARY.finditer(paragraph):
            before = paragraph[start:match.start()].rstrip("\"'”’)]")
            last = before.rsplit(None, 1)[-1] if before.split() else ""
            token = last.lower().rstrip(".")
            if token in _ABBREVIATIONS or re.fullmatch(r"[A-Za-z]", token) or \
                    re.fullmatch(r"(?:[a-z]\.)+[a-z]?", token):
                continue
            sentences.append(paragraph[start:match.end("close")].strip())
            start = match.end()
        sentences.append(paragraph[start:].strip())
    return [s for s in (" ".join(s.split()) for s in sentences) if s]


def _readable(sentence: str) -> bool:
    words = _WORDS.findall(sentence)
    if len(words) < 6 or len(sentence) > 700:
        return False
    if not re.search(r"[.!?…\"”’)]$", sentence):
        return False
    lowered = sentence.lower()
    return not any(junk in lowered for junk in (
        "leave a reply", "leave a comment", "your email address", "share this article",
        "required fields", "sign up", "subscribe", "cookie", "all rights reserved",
        "related articles", "see also", "read more"))


@dataclass
class _Candidate:
    sentence: str
    article: Article
    score: float
    position: int


def summary_answer(session: Session, request: Request, *, today: date | None = None) -> Answer:
    words = topic_words(request.topic)
    since = request.since
    if words:
        articles = queries.articles_with_words(session, words, since=since)
        title = f"Summary: {request.topic}"
    else:
        articles = queries.latest_articles(session, since=since, limit=MAX_SENTENCES + 1)
        title = "The latest news"
    if since:
        title += f" since {day_month(since, True)}"
    facts = queries.fact_sentences(session, [a.id for a in articles])
    candidates: list[_Candidate] = []
    for rank, article in enumerate(articles):
        candidates.extend(_score_article(article, words, facts.get(article.id, {}), rank))
    chosen = _pick(candidates, words)
    if not chosen:
        notes = [f"Nothing stored mentions {request.topic}" if words else "No articles stored"]
        notes[0] += f" since {day_month(since, True)}." if since else "."
        if words:
            notes.append("Try another word, a person (`/whosaid rutte`) or `/summary` for the "
                         "latest news.")
        return Answer(kind="summary", title=title, notes=tuple(notes), request=request.text,
                      extra={"topic": request.topic})
    chosen.sort(key=lambda c: (queries.article_sort_key(c.article), -c.position), reverse=True)
    lines = tuple(
        FactLine(text=clip(c.sentence, 600), citation=queries.citation(c.article),
                 when=queries.article_date(c.article))
        for c in chosen)
    n_articles = len({c.article.id for c in chosen})
    note = (f"{len(chosen)} sentence{'s' if len(chosen) != 1 else ''} from {n_articles} "
            f"article{'s' if n_articles != 1 else ''}, newest first.")
    return Answer(kind="summary", title=title, sections=(Section(None, lines, notes=(note,)),),
                  request=request.text, extra={"topic": request.topic})


def _score_article(article: Article, words: list[str], facts: dict[str, set[str]],
                   rank: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    lowered_text, split = _readable_sentences(article)
    if words and not any(_has_word(lowered_text, w) for w in words):
        return found                # the words are only in the title: no sentence has them
    fact_text = {kind: [" ".join(s.split()) for s in sentences if s]
                 for kind, sentences in facts.items()}
    for position, (sentence, lowered) in enumerate(split):
        if sentence is None:
            continue
        hits = sum(1 for w in words if _has_word(lowered, w))
        if words and not hits:
            continue
        score = 3.0 * hits + (2.0 if words and hits == len(words) else 0.0)
        for kind, bonus in (("estimate", 3.0), ("denial", 3.0), ("quote", 2.0)):
            if any(fact and (fact in sentence or sentence in fact) for fact in
                   fact_text.get(kind, ())):
                score += bonus
        if _TROOPS.search(lowered):
            score += 1.0
        score += max(0.0, 1.5 - 0.3 * position)    # leads carry the news
        score -= 0.15 * rank                        # newer articles first
        found.append(_Candidate(sentence, article, score, position))
    return found


_SENTENCES_KEPT = 3000      # articles whose split sentences are kept (about 15 MB)
_Split = tuple[str, list[tuple[str | None, str]]]
_sentences: OrderedDict[tuple, _Split] = OrderedDict()
_sentences_lock = threading.Lock()


def _readable_sentences(article: Article) -> _Split:
    """The article's lower-cased text, and (sentence, lower-cased) of each of its sentences in
    order ((None, "") for one that is not `_readable`). Kept for the most recently used
    articles: an article's text does not change, and the newest articles are in most topics'
    summaries."""
    text = article.text
    key = (article.id, len(text), hash(text))
    with _sentences_lock:
        found = _sentences.get(key)
        if found is not None:
            _sentences.move_to_end(key)
            return found
    found = (text[:MAX_CHARS].lower(),
             [(sentence, sentence.lower()) if _readable(sentence) else (None, "")
              for sentence in split_sentences(text)])
    with _sentences_lock:
        _sentences[key] = found
        while len(_sentences) > _SENTENCES_KEPT:
            _sentences.popitem(last=False)
    return found


_TROOPS = re.compile(r"\d[\d,.]*\s*(?:troops|soldiers|personnel|servicemen|military)")


def _has_word(lowered: str, word: str) -> bool:
    """`word` starts a word somewhere in `lowered` (both lower case): "kursk" is in "kursk's"
    and "the kursk region", not in "nkursk". str.find, not a regex: this runs for every
    sentence of up to 200 articles an answer."""
    at = lowered.find(word)
    while at != -1:
        if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] == "_"):
            return True
        at = lowered.find(word, at + 1)
    return False


def _pick(candidates: list[_Candidate], words: list[str]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    per_article: dict[int, int] = {}
    limit = PER_ARTICLE if words else 1
    for candidate in sorted(candidates, key=lambda c: c.score, reverse=True):
        if per_article.get(candidate.article.id, 0) >= limit:
            continue
        if any(fuzz.token_set_ratio(candidate.sentence, c.sentence) >= REPEAT for c in chosen):
            continue
        chosen.append(candidate)
        per_article[candidate.article.id] = per_article.get(candidate.article.id, 0) + 1
        if len(chosen) >= MAX_SENTENCES:
            break
    if not words and len(chosen) < min(MAX_SENTENCES, 4):
        # few articles: a second sentence from each
        for candidate in sorted(candidates, key=lambda c: c.score, reverse=True):
            if candidate in chosen or per_article.get(candidate.article.id, 0) >= PER_ARTICLE:
                continue
            if any(fuzz.token_set_ratio(candidate.sentence, c.sentence) >= REPEAT
                   for c in chosen):
                continue
            chosen.append(candidate)
            per_article[candidate.article.id] = per_article.get(candidate.article.id, 0) + 1
            if len(chosen) >= min(MAX_SENTENCES, 4):
                break
    return chosen
