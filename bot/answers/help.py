"""Usage of each command, with examples; and the answer for an empty database."""

from __future__ import annotations

from bot.answers.request import Request
from bot.answers.types import Answer, Section

USAGE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "troops": (
        "/troops [force] [since 7d|DATE] [chart]",
        "The latest troop estimate of each claimant, how the figures changed, and denials.",
        ("/troops", "/troops since 7d", "/troops russia since 2024-10-20", "/troops chart"),
    ),
    "whosaid": (
        "/whosaid PERSON|TOPIC",
        "What a person said (any spelling: zelenskyy, Dahlallah, the pentagon), or who said "
        "some words.",
        ("/whosaid rutte", "/whosaid Zelensky", "/whosaid fake news"),
    ),
    "summary": (
        "/summary [topic] [since 7d|DATE]",
        "A short summary of the articles, each sentence cited; without a topic, the latest news.",
        ("/summary", "/summary Kursk", "/summary casualties since 7d"),
    ),
    "sources": (
        "/sitrep sources",
        "What the database holds: articles, outlets, dates and counts of facts.",
        ("/sitrep sources",),
    ),
    "help": (
        "/sitrep help",
        "This help. Or mention the bot with a question.",
        ("@sitrep how many North Korean troops are in Russia?", "@sitrep what did Austin say?",
         "@sitrep summarise Kursk"),
    ),
}
INGEST_HINT = "Ingest articles first: `sitrep ingest seeds/` (files, folders or URLs)."


def usage_section(command: str) -> Section:
    usage, what, examples = USAGE[command]
    return Section(f"`{usage}`", notes=(what, "Examples: " + ", ".join(f"`{e}`" for e in
                                                                        examples)))


def help_answer(request: Request | None = None) -> Answer:
    request_text = request.text if request else ""
    problems = tuple(request.problems) if request else ()
    if request and request.help_for in USAGE:
        command = request.help_for
        return Answer(kind="help", title=f"How to use /{command}" if command != "sources"
                      else "How to use /sitrep sources",
                      sections=(usage_section(command),), notes=problems, request=request_text)
    sections = tuple(usage_section(c) for c in USAGE)
    notes = problems + ("Every fact I show cites the article it came from.",)
    return Answer(kind="help", title="sitrep: what you can ask", sections=sections, notes=notes,
                  request=request_text)


def unknown_answer(request: Request) -> Answer:
    notes = (*request.problems, "Try `/troops`, `/whosaid PERSON`, `/summary TOPIC`, "
             "`/sitrep sources` or `/sitrep help`.")
    return Answer(kind="unknown", title="I didn't understand that", notes=notes,
                  sections=tuple(usage_section(c) for c in ("troops", "whosaid", "summary")),
                  request=request.text)


def empty_answer(request: Request) -> Answer:
    return Answer(kind="empty", title="No articles yet",
                  notes=("The database holds no articles, so there is nothing to answer from.",
                         INGEST_HINT),
                  request=request.text)
