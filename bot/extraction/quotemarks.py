"""Finding quoted passages in raw text, in every quotation-mark style, without ever raising.

Pure string scanning (no spaCy): “…” "…" «…» „…“ ‘…’ '…' and ‹…›. Apostrophes (Russia’s,
don’t, troops’) are told apart from single quotation marks by the characters around them.
An opening mark that is never closed ends its quote at the end of the paragraph (news style
for quotes running over paragraphs); a closing mark that was never opened, right after
punctuation ("… as well.’"), closes a quote that starts after the last dash or sentence start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "double", "«": "guillemet", "„": "double", "‹": "guillemet1", "‘": "single",
           "‚": "single"}
# Low opening marks and the raised marks that close them („German“, ‚single‘).
_LOW_CLOSERS = {"„": "“", "‚": "‘"}
_MARKS = "\"'“”„‚«»‹›‘’"
# Where an unclosed quote's words end: before its attribution ("…, Kirby said.", "…, the
# spokesman told reporters", "…, said Kirby").
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:said|says|added|adds|told|wrote|noted|warned|stressed)\s+[\w’'.-]+"
    r"|(?:[\w’'.-]+\s+){1,6}?(?:said|says|added|adds|told|wrote|noted|warned|stressed|"
    r"stated|explained|insisted)\b)")
CLOSERS = {"”": "double", "»": "guillemet", "›": "guillemet1", "’": "single"}
_OPEN_CONTEXT = set(" \t\n([{—–-:;/") | {""}
_CLOSE_CONTEXT = set(" \t\n)]}.,;:!?—–-/") | {""}
_SENTENCE_END = ".!?"


@dataclass(frozen=True)
class QuoteSpan:
    start: int          # first character of the quoted words (after the opening mark)
    end: int            # one past the last quoted character (before the closing mark)
    open_mark: str      # "" when the opening mark was missing
    close_mark: str     # "" when the closing mark was missing
    family: str

    @property
    def balanced(self) -> bool:
        return bool(self.open_mark and self.close_mark)


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _is_apostrophe(text: str, i: int) -> bool:
    before, after = _char(text, i - 1), _char(text, i + 1)
    if before.isalnum() and after.isalnum():
        return True                       # Russia’s, don’t
    return before.isdigit() or (after.isdigit() and not before.isalnum())   # ’90s, 5’


def _classify(text: str, i: int) -> tuple[str, str] | None:
    """('open'|'close'|'either', family) for a quotation mark at i, or None for apostrophes."""
    ch = text[i]
    before, after = _char(text, i - 1), _char(text, i + 1)
    if ch == '"':
        opening = (before in _OPEN_CONTEXT or before in "“‘«") and after not in " \n\t"
        closing = before not in " \n\t" and (after in _CLOSE_CONTEXT or after in "”’»")
        if opening and not closing:
            return "open", "double"
        if closing and not opening:
            return "close", "double"
        return "either", "double"
    if ch == "'":
        if _is_apostrophe(text, i):
            return None
        opening = before in _OPEN_CONTEXT and after.isalnum() or (before in "\"“" and after)
        closing = before not in " \n\t" and after in _CLOSE_CONTEXT
        if opening and not closing:
            return "open", "straight1"
        if closing and not opening:
            return "close", "straight1"
        return None
    if ch == "’":
        if _is_apostrophe(text, i):
            return None
        return "close", "single"
    if ch == "‘":
        if after.isdigit():
            return None
        return "open", "single"
    if ch in OPENERS:
        # „ opens German-style quotes closed by “; « and ‹ close reversed (German) »…« ›…‹
        if ch in "«‹" and before not in " \t\n" and before and after in _CLOSE_CONTEXT:
            return "close", OPENERS[ch]
        return "open", OPENERS[ch]
    if ch in CLOSERS:
        if ch in "»›" and before in _OPEN_CONTEXT and (after.isalnum() or after in "„“\""):
            return "open", CLOSERS[ch]
        if ch == "”" and before in " \n\t" and after not in " \n\t":
            return "open", "double"       # mis-typed opening
        return "close", CLOSERS[ch]
    return None


def _paragraph_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end == -1 else end


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted passages, outermost only, in text order. Never raises."""
    spans: list[QuoteSpan] = []
    for families in (("double", "guillemet", "guillemet1"), ("single", "straight1")):
        spans.extend(_scan(text, families))
    spans = [s for s in spans if s.end > s.start and text[s.start:s.end].strip()]
    spans.sort(key=lambda s: (s.start, -s.end))
    outer: list[QuoteSpan] = []
    for span in spans:
        if any(o.start - 1 <= span.start and span.end <= o.end + 1 for o in outer):
            continue                      # nested quote inside a quote
        if outer and span.start < outer[-1].end:
            continue                      # overlapping: keep the earlier
        outer.append(span)
    return outer


def _scan(text: str, families: tuple[str, ...]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_mark = ""
    open_family = ""
    last_end = 0
    for i, ch in enumerate(text):
        if ch == "\n" and open_at is not None:
            # unclosed at paragraph end: the quote runs to the end of the paragraph, or to
            # its attribution ("“North Korean units are …, Kirby said.")
            if i - open_at > 1:
                spans.append(QuoteSpan(open_at + 1, _unclosed_end(text, open_at + 1, i),
                                       open_mark, "", open_family))
            last_end = i
            open_at = None
            continue
        if ch not in _MARKS:
            continue
        kind = _classify(text, i)
        if kind is None:
            continue
        role, family = kind
        if family not in families:
            continue
        if open_at is None:
            if role in ("open", "either"):
                open_at, open_mark, open_family = i, ch, family
            elif role == "close" and _char(text, i - 1) in ".,!?" :
                start = _orphan_start(text, last_end, i)
                if start is not None:
                    spans.append(QuoteSpan(start, i, "", ch, family))
                    last_end = i + 1
            continue
        # a quote is open
        if _LOW_CLOSERS.get(open_mark) == ch:
            spans.append(QuoteSpan(open_at + 1, i, open_mark, ch, open_family))
            last_end = i + 1
            open_at = None
            continue
        if role == "open" and family == open_family and ch in "“«‹‘" and i - open_at > 1:
            # a new opener before the old one closed: the old one ends before it
            spans.append(QuoteSpan(open_at + 1, i, open_mark, "", open_family))
            open_at, open_mark = i, ch
            continue
        if role in ("close", "either") and _matches(open_mark, ch, open_family, family):
            if open_family == "single" and _char(text, i - 1) == "s" and _char(text, i + 1) == " " \
                    and _char(text, i + 2).islower() and "’" in text[i + 1:_paragraph_end(text, i)]:
                continue                  # troops’ arrival: plural possessive, quote closes later
            spans.append(QuoteSpan(open_at + 1, i, open_mark, ch, open_family))
            last_end = i + 1
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        spans.append(QuoteSpan(open_at + 1, _unclosed_end(text, open_at + 1, len(text)),
                               open_mark, "", open_family))
    return spans


def _unclosed_end(text: str, start: int, end: int) -> int:
    """The end of an unclosed quote's words: before an attribution that closes a sentence
    inside it, else the paragraph end."""
    match = _ATTRIBUTION.search(text, start, end)
    if match is None or match.start() - start < 12:
        return end
    tail = text[match.end():end]
    stop = re.search(r"[.!?]", tail)
    if stop is None or not re.fullmatch(r"[^.!?\n]{0,60}", tail[:stop.start()]):
        return end
    if _FIRST_PERSON.search(text[match.start():match.end() + stop.start()]):
        return end      # "“When we arrived, the officers told us we would …": still the quote
    return match.start()


# First- and second-person words: the speaker's own sentence, never a writer's attribution.
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|us|me|my|our|you)\b")


def _matches(open_mark: str, close: str, open_family: str, family: str) -> bool:
    if open_family == family:
        return True
    return (open_mark, close) in {("„", "“"), ("“", '"'), ('"', "”"), ("‘", "'"), ("'", "’")}


def _orphan_start(text: str, last_end: int, close: int) -> int | None:
    """Where a quote closed without an opening mark begins: after the last dash or sentence."""
    para_start = text.rfind("\n", 0, close) + 1
    floor = max(last_end, para_start)
    window = text[floor:close]
    for dash in (" – ", " — ", " - "):
        at = window.rfind(dash)
        if at != -1:
            return floor + at + len(dash)
    # start of the sentence: after the last ". " before the closing mark
    inner = window.rstrip(".,!? ")
    cut = max(inner.rfind(". "), inner.rfind("! "), inner.rfind("? "))
    start = floor + cut + 2 if cut != -1 else floor
    while start < close and text[start] in " \t":
        start += 1
    return start if close - start > 1 else None
