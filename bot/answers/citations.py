"""Citations: the source article of every fact an answer shows.

A fact without an article is never shown: `cite` raises `MissingSourceError` rather than
return a citation that names nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from bot.storage.models import Article


class MissingSourceError(ValueError):
    """A fact reached an answer without the article it came from."""


@dataclass(frozen=True)
class Citation:
    article_id: int
    title: str
    outlet: str | None
    published: date | None
    url: str | None
    source: str                         # the path or URL it was ingested from
    also_in: tuple[str, ...] = ()       # outlets (or titles) of near-copies: "also ran in ..."

    @property
    def file_name(self) -> str | None:
        """The file name, for a citation without a URL."""
        if self.url or self.source.startswith(("http://", "https://")):
            return None
        return PurePath(self.source).name

    @property
    def label(self) -> str:
        """`title — outlet, date`; unknown parts are left out, never invented."""
        parts = [p for p in (self.outlet, self.published.strftime("%-d %b %Y")
                             if self.published else None) if p]
        return f"{self.title} — {', '.join(parts)}" if parts else self.title

    def as_text(self) -> str:
        """Plain text: label, then the link or the file name."""
        where = self.url or self.file_name or self.source
        return self.label if where == self.label else f"{self.label} ({where})"

    def as_mrkdwn(self) -> str:
        """Slack mrkdwn: a link when there is a URL, otherwise the label and the file name."""
        if self.url:
            return f"<{self.url}|{_escape(self.label)}>"
        where = self.file_name or self.source
        if where == self.label:
            return _escape(self.label)
        return f"{_escape(self.label)} ({_escape(where)})"


def cite(article: Article | None, also_in: tuple[str, ...] = ()) -> Citation:
    if article is None or article.id is None:
        raise MissingSourceError("a fact without its source article cannot be shown")
    title = (article.title or "").strip() or PurePath(article.source).name
    return Citation(
        article_id=article.id, title=title, outlet=article.outlet, published=article.published,
        url=article.url, source=article.source, also_in=also_in,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
