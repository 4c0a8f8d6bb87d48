"""Reading what a person typed: a slash command or a plain question, into a `Request`.

Pure functions with no database: the Slack handlers, `sitrep ask` and the console all call
`parse_request`. Malformed text never raises; it becomes a request for help that says what
was not understood. The text parsed is capped at `MAX_TEXT` characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.extraction.names import canonical_country

MAX_TEXT = 500                  # characters of a request that are read at all
MAX_TOPIC = 120                 # characters of a topic or person name

COMMANDS = ("troops", "whosaid", "summary", "sources", "help")
# What `/sitrep <word>` and a bare first word may name.
_ALIASES = {
    "troops": "troops", "troop": "troops", "estimates": "troops", "numbers": "troops",
    "whosaid": "whosaid", "who-said": "whosaid", "quotes": "whosaid", "said": "whosaid",
    "summary": "summary", "summarise": "summary", "summarize": "summary", "latest": "summary",
    "news": "summary",
    "sources": "sources", "status": "sources", "stats": "sources",
    "help": "help", "usage": "help", "?": "help",
}
_MENTION = re.compile(r"<[@#!][^>]{0,80}>")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_RELATIVE = re.compile(r"^(\d{1,4})\s*([dwmy])$", re.I)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\s*([a-z]{3,9})\.?(?:\s*(\d{4}))?$", re.I)
_MONTH_DAY = re.compile(r"^([a-z]{3,9})\.?\s*(\d{1,2})(?:,?\s*(\d{4}))?$", re.I)
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}  # noqa: SIM905
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@dataclass(frozen=True)
class Request:
    """What a person asked for, as the answer builders read it."""

    command: str                    # troops | whosaid | summary | sources | help | unknown | empty
    text: str                       # the request as typed (cleaned and capped): for "more"/"share"
    args: tuple[str, ...] = ()      # the words after the command, options removed
    since: date | None = None
    force: str | None = None        # canonical country whose troops ("North Korea")
    topic: str | None = None        # /whosaid PERSON|TOPIC, /summary TOPIC
    chart: bool = False
    help_for: str | None = None     # "/troops help" -> "troops"
    problems: tuple[str, ...] = ()  # what was not understood ("unknown option --foo")
    question: bool = False          # a plain question (as in a mention), not a slash command
    extra: dict = field(default_factory=dict)


def clean_text(text: object) -> str:
    """The request text, capped, without Slack mention markup, control characters or runs of
    spaces."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[: MAX_TEXT * 4]
    text = _MENTION.sub(" ", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT].rsplit(" ", 1)[0] or text[:MAX_TEXT]
    return text


def parse_since(value: str, today: date | None = None) -> date | None:
    """`7d`, `2w`, `1m`, `2024-10-23`, `23 Oct`, `Oct 23 2024`, `today`, `yesterday` -> a date."""
    today = today or date.today()
    value = value.strip().lower().strip(".,")
    if value in ("today",):
        return today
    if value in ("yesterday",):
        return today - timedelta(days=1)
    if value in ("week", "last-week", "lastweek"):
        return today - timedelta(days=7)
    if match := _RELATIVE.match(value):
        number, unit = int(match.group(1)), match.group(2).lower()
        days = number * {"d": 1, "w": 7, "m": 30, "y": 365}[unit]
        try:
            return today - timedelta(days=min(days, 365 * 100))
        except OverflowError:
            return None
    if match := _ISO.match(value):
        return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := pattern.match(value):
            month = _MONTHS.get(match.group(month_group)[:3].lower())
            if month is None:
                return None
            year = int(match.group(3)) if match.group(3) else today.year
            found = _date(year, month, int(match.group(day_group)))
            if found and not match.group(3) and found > today:
                found = _date(year - 1, month, int(match.group(day_group)))
            return found
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_request(text: object, today: date | None = None) -> Request:
    """Read a slash command ("/troops russia since 7d chart", "/whosaid rutte",
    "/summary Kursk since 2024-10-20", "/sitrep help") or a plain question."""
    cleaned = clean_text(text)
    if not cleaned or not any(ch.isalnum() for ch in cleaned):
        return Request("empty", cleaned, problems=("I could not read a request there.",)
                       if cleaned else ())
    words = cleaned.split(" ")
    first = words[0].lower()
    if first.startswith("/"):
        name = first[1:]
        rest = words[1:]
        if name == "sitrep":
            if not rest:
                return Request("help", cleaned)
            sub = _ALIASES.get(rest[0].lower().lstrip("/"))
            if sub is None:
                return _question(cleaned, " ".join(rest), today)
            return _command(sub, rest[1:], cleaned, today)
        command = _ALIASES.get(name)
        if command is None:
            return Request("unknown", cleaned, args=tuple(rest),
                           problems=(f"I don't know the command /{name[:40]}.",))
        return _command(command, rest, cleaned, today)
    command = _ALIASES.get(first.rstrip("?:,!"))
    if command in ("troops", "whosaid", "sources", "help") and (
            first.rstrip("?:,!") in COMMANDS or len(words) == 1):
        return _command(command, words[1:], cleaned, today)
    return _question(cleaned, cleaned, today)


def _command(command: str, words: list[str], text: str, today: date | None) -> Request:
    args: list[str] = []
    problems: list[str] = []
    since: date | None = None
    chart = False
    help_for = None
    index = 0
    while index < len(words):
        word = words[index]
        lowered = word.lower()
        bare = lowered.lstrip("-")
        if bare in ("since", "from", "after") and (lowered.startswith("-") or command != "whosaid"
                                                  or index + 1 < len(words)
                                                  and parse_since(words[index + 1], today)):
            if index + 1 >= len(words):
                problems.append("`since` needs a date: `since 7d` or `since 2024-10-23`.")
                index += 1
                continue
            value, used = _since_value(words, index + 1, today)
            if value is None:
                problems.append(f"I could not read the date {words[index + 1][:40]!r}: "
                                "try `since 7d` or `since 2024-10-23`.")
                index += 1 + max(used, 1)
                continue
            since = value
            index += 1 + used
            continue
        if lowered.startswith("--since="):
            since = parse_since(lowered.split("=", 1)[1], today)
            if since is None:
                problems.append(f"I could not read the date in {word[:40]!r}.")
            index += 1
            continue
        if bare in ("help", "usage", "h", "?") and (lowered.startswith("-") or not args):
            help_for = command
            index += 1
            continue
        if bare == "chart" and command == "troops":
            chart = True
            index += 1
            continue
        if lowered.startswith("-") and len(lowered) > 1:
            problems.append(f"I don't know the option {word[:40]}.")
            index += 1
            continue
        args.append(word)
        index += 1
    topic = _topic(" ".join(args)) or None
    force = None
    if command == "troops" and args:
        force = canonical_country(" ".join(args)) or _force_in(args)
        if force is None:
            problems.append(f"I don't know the force {' '.join(args)[:60]!r}: try "
                            "`/troops`, `/troops russia` or `/troops north korea`.")
    if command in ("sources", "help"):
        topic = None
    if help_for or problems:
        return Request("help", text, args=tuple(args), since=since, force=force, topic=topic,
                       chart=chart, help_for=command if command != "help" else None,
                       problems=tuple(problems))
    if command == "whosaid" and not topic:
        return Request("help", text, help_for="whosaid",
                       problems=("Whose words? Try `/whosaid rutte` or `/whosaid fake news`.",))
    return Request(command, text, args=tuple(args), since=since, force=force, topic=topic,
                   chart=chart)


def _since_value(words: list[str], start: int, today: date | None) -> tuple[date | None, int]:
    """The date starting at words[start], reading up to three words ("23 Oct 2024")."""
    for used in (3, 2, 1):
        if start + used > len(words):
            continue
        value = parse_since(" ".join(words[start:start + used]), today)
        if value is not None:
            return value, used
    return None, 1


def _force_in(words: list[str]) -> str | None:
    lowered = [w.lower().strip(".,?!") for w in words]
    for size in (3, 2, 1):
        for i in range(len(lowered) - size + 1):
            found = canonical_country(" ".join(lowered[i:i + size]))
            if found:
                return found
    return None


def _topic(text: str) -> str:
    text = text.strip().strip("\"'“”‘’`").strip()
    return text[:MAX_TOPIC].strip()


# ---- plain questions -------------------------------------------------------------------------

_TROOPS_Q = re.compile(
    r"\b(how many|number of|estimates?|figures?|troops?|soldiers?|servicemen|personnel|"
    r"deployed|forces)\b", re.I)
_SAID_Q = [
    re.compile(r"\bwhat (?:did|does|has|have) (?P<who>.+?) (?:say|said|tell|told|claim|claimed)"
               r"(?: about (?P<about>.+))?$", re.I),
    re.compile(r"\bwhat (?:is|was|are) (?P<who>.+?) saying\b", re.I),
    re.compile(r"\b(?:quotes?|statements?|words|remarks) (?:from|by|of) (?P<who>.+)$", re.I),
    re.compile(r"\bwho said (?P<topic>.+)$", re.I),
    re.compile(r"\bwho (?:called|denied|dismissed|claimed|warned) (?P<topic>.+)$", re.I),
    re.compile(r"^(?:whosaid|who said) (?P<topic>.+)$", re.I),
]
_SUMMARY_Q = re.compile(
    r"^(?:please\s+)?(?:summari[sz]e|summary of|sum up|brief me on|catch me up on|"
    r"what(?:'s| is|’s) (?:new|the latest|happening)(?: (?:on|about|in|with))?|"
    r"latest(?: news)?(?: on| about| in)?|news(?: on| about)?|"
    r"what(?:'s| is|’s) going on(?: (?:in|with|on))?|tell me about|what happened(?: in| to| at)?)"
    r"\b\s*(?P<topic>.*)$", re.I)
_SOURCES_Q = re.compile(r"\b(sources|what do you (?:know|have)|how many articles|"
                        r"what(?:'s| is) in the database)\b", re.I)
_HELP_Q = re.compile(r"^(?:help|usage|commands|what can you do|how do i use|hi|hello|hey)\b",
                     re.I)
STOPWORDS = frozenset(str.split("""
a an the of in on at to for from by with about and or is are was were be been being do does
did has have had what whats what's who whom which when where why how many much any some
this that these those it its it's there their they them i me my we our you your he she his her
please tell give show latest news new recent recently say said saying says now today so far
currently current just ever more most up into over than then sitrep bot can could would should
will shall may might let lets know anything something
"""))


def _question(text: str, body: str, today: date | None) -> Request:
    body = body.strip()
    stripped = body.rstrip("?!. ").strip()
    since = None
    since_match = re.search(r"\b(?:since|in the last|over the last|past)\s+(.{1,20})$", stripped,
                            re.I)
    if since_match:
        value = _since_from_phrase(since_match.group(1), today)
        if value is not None:
            since = value
            stripped = stripped[: since_match.start()].strip()
    if _HELP_Q.match(stripped):
        return Request("help", text, question=True)
    for pattern in _SAID_Q:
        match = pattern.search(stripped)
        if match:
            groups = match.groupdict()
            who = groups.get("who")
            topic = _topic(who or groups.get("topic") or "")
            if topic:
                extra = {"about": _topic(groups["about"])} if groups.get("about") else {}
                return Request("whosaid", text, args=tuple(topic.split()), since=since,
                               topic=topic, question=True,
                               extra={"person": bool(who), **extra})
    match = _SUMMARY_Q.match(stripped)
    if match:
        return Request("summary", text, since=since, topic=_topic_words(match.group("topic")),
                       question=True)
    if _SOURCES_Q.search(stripped) and not _TROOPS_Q.search(stripped.replace("articles", "")):
        return Request("sources", text, question=True)
    if _TROOPS_Q.search(stripped):
        force = _force_in(stripped.split())
        return Request("troops", text, since=since, force=force, question=True,
                       chart=bool(re.search(r"\b(chart|graph|plot)\b", stripped, re.I)))
    topic = _topic_words(stripped)
    if topic:
        return Request("summary", text, since=since, topic=topic, question=True)
    return Request("help", text, question=True,
                   problems=("I could not tell what you were asking.",))


def _since_from_phrase(phrase: str, today: date | None) -> date | None:
    phrase = phrase.strip().lower()
    match = re.match(r"^(\d{1,3}|a|one|two|three|four)\s+(day|week|month)s?$", phrase)
    if match:
        number = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get(match.group(1))
        number = number or int(match.group(1))
        return parse_since(f"{number}{match.group(2)[0]}", today)
    if phrase in ("week", "month", "day"):
        return parse_since(f"1{phrase[0]}", today)
    return parse_since(phrase, today)


def topic_words(text: str | None) -> list[str]:
    """The content words of a topic, lower case, without stop words (at most 8)."""
    if not text:
        return []
    words = []
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if len(word) < 2 or word in STOPWORDS or word in words:
            continue
        words.append(word)
    return words[:8]


def _topic_words(text: str | None) -> str | None:
    words = topic_words(text)
    if not words:
        return None
    # keep the person's own spelling and order where possible
    kept = [w for w in _WORD.findall(text or "") if w.lower().strip("'’-") in words]
    return _topic(" ".join(kept)) or None
