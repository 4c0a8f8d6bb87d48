"""Full-text search over quotes, denials and articles, on SQLite (FTS5) and PostgreSQL (GIN).

The search structures live outside the models (migration 0002_search): on SQLite, FTS5
external-content tables `fts_quotes(text, sentence)`, `fts_denials(text, sentence)` and
`fts_articles(title, text)` kept in step with their tables by triggers; on PostgreSQL, GIN
expression indexes over `to_tsvector('simple', ...)` of the same columns. Both use plain word
tokens (lower-cased, accents kept, no stemming, no stop words) so the two
databases find the same rows. `include_object` hides them from Alembic's model comparison.

Any user text is safe: the query is reduced to its word tokens (letters and digits; at most
`MAX_TERMS` of at most `MAX_TERM` characters), each quoted as a literal term, and passed as a
bound parameter; text with no word in it finds nothing. Every function returns row ids,
best match first (bm25 on SQLite, ts_rank_cd on PostgreSQL; ties newest first), ranked among
the newest `CANDIDATES` matches so the cost stays bounded when a word is everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

MAX_TERMS = 16
MAX_TERM = 64
CANDIDATES = 2000
_TERM = re.compile(r"[^\W_]+", re.UNICODE)

# name -> (table, columns, PostgreSQL document expression)
INDEXES = {
    "quotes": ("quotes", ("text", "sentence"), "text || ' ' || sentence"),
    "denials": ("denials", ("text", "sentence"), "text || ' ' || sentence"),
    "articles": ("articles", ("title", "text"),
                 "coalesce(title, '') || ' ' || left(text, 200000)"),
}
PREFIX = "fts_"


def pg_vector(name: str) -> str:
    """The indexed expression of one search index, exactly as the migration creates it."""
    return f"to_tsvector('simple'::regconfig, {INDEXES[name][2]})"


def terms(query: str) -> list[str]:
    """The words of a user's text that a search looks for (lower-cased, bounded)."""
    if not isinstance(query, str):
        return []
    found: list[str] = []
    for match in _TERM.finditer(query[:20_000]):
        word = match.group().lower()[:MAX_TERM]
        if word not in found:
            found.append(word)
        if len(found) >= MAX_TERMS:
            break
    return found


def fts5_query(words: list[str], prefix: bool = False, any_word: bool = False) -> str:
    """An FTS5 MATCH string in which every word is a quoted literal (never an operator)."""
    star = "*" if prefix else ""
    joiner = " OR " if any_word else " AND "
    return joiner.join(f'"{w.replace(chr(34), chr(34) * 2)}"{star}' for w in words)


def tsquery(words: list[str], prefix: bool = False, any_word: bool = False) -> str:
    """A to_tsquery string in which every word is a quoted lexeme (never an operator)."""
    star = ":*" if prefix else ""
    joiner = " | " if any_word else " & "
    return joiner.join("'" + w.replace("'", "''").replace("\\", "\\\\") + "'" + star
                       for w in words)


def search(session: Session, name: str, query: str, limit: int, offset: int = 0, *,
           prefix: bool = False, any_word: bool = False) -> list[int]:
    """Ids of `name` rows ("quotes", "denials", "articles") matching every word of `query`
    (any word with `any_word`; words as prefixes with `prefix`), best first."""
    words = terms(query)
    limit = max(0, min(int(limit), CANDIDATES))
    offset = max(0, min(int(offset), CANDIDATES))
    if not words or limit == 0:
        return []
    table = INDEXES[name][0]
    if session.get_bind().dialect.name == "postgresql":
        vector = pg_vector(name)
        statement = text(f"""
            SELECT id FROM (
                SELECT id, {vector} AS v FROM {table}
                WHERE {vector} @@ to_tsquery('simple'::regconfig, :q)
                ORDER BY id DESC LIMIT :candidates
            ) AS newest
            ORDER BY ts_rank_cd(v, to_tsquery('simple'::regconfig, :q)) DESC, id DESC
            LIMIT :limit OFFSET :offset""")
        q = tsquery(words, prefix, any_word)
    else:
        fts = PREFIX + name
        statement = text(f"""
            SELECT rowid FROM {fts}
            WHERE {fts} MATCH :q AND rowid IN (
                SELECT rowid FROM {fts} WHERE {fts} MATCH :q ORDER BY rowid DESC
                LIMIT :candidates)
            ORDER BY rank, rowid DESC
            LIMIT :limit OFFSET :offset""")
        q = fts5_query(words, prefix, any_word)
    statement = statement.bindparams(bindparam("q"), bindparam("candidates"),
                                      bindparam("limit"), bindparam("offset"))
    params = {"q": q, "candidates": CANDIDATES, "limit": limit, "offset": offset}
    with gin_only(session):
        return [row[0] for row in session.execute(statement, params)]


@contextmanager
def gin_only(session: Session) -> Iterator[None]:
    """On PostgreSQL, let the statements inside use the GIN index and nothing else.

    The planner takes to_tsvector for cheap and, for a frequent word, walks the primary key
    backwards computing it row by row (0.3 ms an article); the GIN bitmap is always the better
    plan for these searches. Elsewhere this does nothing.
    """
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    session.execute(text("SET LOCAL enable_seqscan = off"))
    session.execute(text("SET LOCAL enable_indexscan = off"))
    try:
        yield
    finally:
        session.execute(text("SET LOCAL enable_seqscan TO DEFAULT"))
        session.execute(text("SET LOCAL enable_indexscan TO DEFAULT"))


def search_quotes(session: Session, query: str, limit: int, offset: int = 0, *,
                  prefix: bool = False, any_word: bool = False) -> list[int]:
    """Quote ids whose words or sentence hold every word of `query`, best first."""
    return search(session, "quotes", query, limit, offset, prefix=prefix, any_word=any_word)


def search_denials(session: Session, query: str, limit: int, offset: int = 0, *,
                   prefix: bool = False, any_word: bool = False) -> list[int]:
    """Denial ids whose words or sentence hold every word of `query`, best first."""
    return search(session, "denials", query, limit, offset, prefix=prefix, any_word=any_word)


def search_articles(session: Session, query: str, limit: int, offset: int = 0, *,
                    prefix: bool = False, any_word: bool = False) -> list[int]:
    """Article ids (copies included) whose title or text holds every word of `query`."""
    return search(session, "articles", query, limit, offset, prefix=prefix, any_word=any_word)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic filter: the search tables, their shadow tables and indexes are not models."""
    return not (reflected and compare_to is None and name and name.startswith(PREFIX))


# ---- DDL, used by the migration ---------------------------------------------------------


def sqlite_ddl(name: str) -> list[str]:
    table, columns, _ = INDEXES[name]
    fts = PREFIX + name
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', "
        f"tokenize='unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {cols} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def sqlite_drop(name: str) -> list[str]:
    fts = PREFIX + name
    return [f"DROP TRIGGER IF EXISTS {fts}_{t}" for t in ("ai", "ad", "au")] + [
        f"DROP TABLE IF EXISTS {fts}"]


def postgresql_ddl(name: str) -> list[str]:
    table = INDEXES[name][0]
    return [f"CREATE INDEX IF NOT EXISTS {PREFIX}{name} ON {table} USING gin ({pg_vector(name)})"]


def postgresql_drop(name: str) -> list[str]:
    return [f"DROP INDEX IF EXISTS {PREFIX}{name}"]
