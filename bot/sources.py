"""Reading articles from files, folders and URLs into plain text with metadata.

Knows nothing of the database: `read_source` turns one input into a `SourceDocument`
or raises `SourceError` with a one-line reason a person can act on.
"""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "manifest.json"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
FRONT_MATTER_KEYS = ("title", "outlet", "date", "url")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_FRONT_MATTER_LINE = re.compile(r"^(title|outlet|date|url)\s*:\s*(.*)$", re.IGNORECASE)


class SourceError(Exception):
    """An input that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True)
class SourceDocument:
    source: str                 # the path or URL as given
    text: str                   # article body, normalised (NFC, \n line ends)
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def iter_inputs(values: list[str]) -> Iterator[str]:
    """Expand folders (recursively, sorted) into their article files; keep files and URLs."""
    for value in values:
        path = Path(value)
        if not is_url(value) and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES:
                    yield str(child)
        else:
            yield value


def read_source(value: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 20.0
                ) -> SourceDocument:
    """Read one file or URL. Raises SourceError with a clear reason."""
    if is_url(value):
        return _read_url(value, max_bytes, timeout)
    return _read_file(Path(value), max_bytes)


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\x00", "")
    return text.strip()


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `title:`/`outlet:`/`date:`/`url:` lines at the top (ended by a blank line)."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[index + 1:])
            return {}, text
        match = _FRONT_MATTER_LINE.match(line.strip())
        if not match:
            return {}, text
        meta[match.group(1).lower()] = match.group(2).strip()
    return ({}, text) if not meta else (meta, "")


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise SourceError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{name}: broken UTF-16 text") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise SourceError(f"{name}: binary file, not text")
    matches = list(from_bytes(data))
    if not matches:
        raise SourceError(f"{name}: cannot tell the text encoding")
    best = matches[0]
    # Ties are common on short texts (cp1250 vs cp1252): prefer the Western encodings that
    # English-language news most often comes in.
    for match in matches:
        if (match.encoding in _WESTERN and match.chaos <= best.chaos
                and match.coherence >= best.coherence):
            return str(match)
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) * 0.05


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if not extracted:
        return "", {}
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    meta = {
        "title": data.get("title") or "",
        "outlet": data.get("sitename") or "",
        "date": data.get("date") or "",
        "url": data.get("url") or "",
    }
    return data.get("text") or "", {k: v for k, v in meta.items() if v}


def _document(source: str, raw_text: str, is_html: bool, manifest: dict | None = None
              ) -> SourceDocument:
    if is_html:
        body, meta = _html_to_text(raw_text)
    else:
        meta, body = parse_front_matter(normalise_text(raw_text))
    body = normalise_text(body)
    if not body:
        raise SourceError(f"{source}: no article text (empty or whitespace only)")
    meta = {**(manifest or {}), **{k: v for k, v in meta.items() if v}}
    return SourceDocument(
        source=source,
        text=body,
        title=(meta.get("title") or _first_line_title(body)),
        outlet=meta.get("outlet") or None,
        published=parse_date(meta.get("date") or meta.get("published")),
        url=meta.get("url") or None,
    )


def _first_line_title(body: str) -> str | None:
    for line in body.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= 200 else line[:197].rstrip() + "…"
    return None


def _manifest_entry(path: Path) -> dict | None:
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"{manifest}: unreadable manifest ({exc})") from exc
    entry = entries.get(path.name) if isinstance(entries, dict) else None
    return {k: str(v) for k, v in entry.items() if v is not None} if entry else None


def _read_file(path: Path, max_bytes: int) -> SourceDocument:
    name = str(path)
    if not path.exists():
        raise SourceError(f"{name}: no such file or folder")
    if not path.is_file():
        raise SourceError(f"{name}: not a file")
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise SourceError(f"{name}: unsupported file type (use .txt, .md or .html)")
    size = path.stat().st_size
    if size > max_bytes:
        raise SourceError(
            f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit (raise MAX_ARTICLE_BYTES)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror})") from exc
    text = _decode(data, name)
    return _document(name, text, path.suffix.lower() in (".html", ".htm"), _manifest_entry(path))


def _read_url(url: str, max_bytes: int, timeout: float) -> SourceDocument:
    request = urllib.request.Request(url, headers={"User-Agent": "sitrep/0.1 (+news reader)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in ("text/html", "text/plain", "application/xhtml+xml",
                                    "text/markdown"):
                raise SourceError(f"{url}: not an article ({content_type})")
            data = response.read(max_bytes + 1)
            charset = response.headers.get_content_charset()
    except SourceError:
        raise
    except urllib.error.HTTPError as exc:
        raise SourceError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise SourceError(f"{url}: unreachable ({reason})") from exc
    if len(data) > max_bytes:
        raise SourceError(f"{url}: over the {max_bytes:,}-byte limit (raise MAX_ARTICLE_BYTES)")
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = _decode(data, url)
    else:
        text = _decode(data, url)
    document = _document(url, text, content_type != "text/plain" and content_type != "text/markdown")
    return document if document.url else replace(document, url=url)
