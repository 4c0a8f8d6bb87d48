"""Ingest through the real extractor into real SQLite and PostgreSQL databases."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.ingest import COPY, DUPLICATE, FAILED, STORED, Ingestor
from bot.sources import iter_inputs
from bot.storage.models import Article, EntityAlias, EntityMention, Estimate, Quote

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
WIRE = (
    "title: Pyongyang's troops reach Kursk\noutlet: Example Wire\ndate: 2024-11-04\n\n"
    "SEOUL (Example Wire) - South Korea's National Intelligence Service said on Monday that about "
    "11,000 North Korean soldiers were now in Russia, many of them in the Kursk region. "
    "The agency told lawmakers that the troops had received training in the Russian Far East "
    "before moving west. Ukrainian President Volodymyr Zelenskiy said Kyiv's forces had already "
    "clashed with North Korean units. The Kremlin declined to comment on the figures on Monday, "
    "and Pyongyang has denied sending any troops at all to fight in the war against Ukraine.\n"
)


def _count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def _ingest(sessions, extractor, *inputs, **kwargs):
    ingestor = Ingestor(sessions, extractor, **kwargs)
    return list(ingestor.ingest(iter_inputs([str(i) for i in inputs])))


@pytest.mark.slow
def test_ingest_seeds_then_again_reports_duplicates(sessions, extractor):
    first = _ingest(sessions, extractor, SEEDS)
    assert [r.status for r in first] == [STORED] * 5
    second = _ingest(sessions, extractor, SEEDS)
    assert [r.status for r in second] == [DUPLICATE] * 5
    assert all(r.original_id for r in second)
    assert _count(sessions, Article) == 5
    with sessions() as session:
        seed = session.scalars(select(Article).where(Article.source.like("%000_ae239e62%"))).one()
        assert seed.outlet.startswith("Ukrainska Pravda") and seed.published.isoformat() == \
            "2024-10-25"
        assert seed.title.startswith("NATO considers two ways")
        mention = session.scalars(select(EntityMention).where(
            EntityMention.article_id == seed.id)).first()
        assert mention is not None
        assert seed.text[mention.start:mention.end] != ""


def test_ingest_same_text_with_other_spacing_is_a_duplicate(sessions, extractor, tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WIRE.replace(". ", ".  ").replace("\n\n", "\n\n\n"),
                                    encoding="utf-8")
    results = _ingest(sessions, extractor, tmp_path)
    assert [r.status for r in results] == [STORED, DUPLICATE]


def test_ingest_near_copy_is_stored_as_a_copy_without_facts(sessions, extractor, tmp_path):
    (tmp_path / "original.txt").write_text(WIRE, encoding="utf-8")
    _ingest(sessions, extractor, tmp_path / "original.txt")
    syndicated = WIRE.replace("outlet: Example Wire", "outlet: Daily Reprint").replace(
        "SEOUL (Example Wire) - ", "SEOUL - ") + "\nThis story first ran on Example Wire.\n"
    (tmp_path / "copy.txt").write_text(syndicated, encoding="utf-8")
    [result] = _ingest(sessions, extractor, tmp_path / "copy.txt")
    assert result.status == COPY
    with sessions() as session:
        copy = session.get(Article, result.article_id)
        assert copy.copy_of_id == result.original_id
        assert copy.outlet == "Daily Reprint"
        assert copy.mentions == [] and copy.quotes == [] and copy.estimates == []
        original = session.get(Article, result.original_id)
        assert [c.id for c in original.copies] == [copy.id]


def test_ingest_near_copies_in_one_batch(sessions, extractor, tmp_path):
    (tmp_path / "1.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "2.txt").write_text(WIRE + "\nReporting by A. Writer.\n", encoding="utf-8")
    results = _ingest(sessions, extractor, tmp_path)
    assert [r.status for r in results] == [STORED, COPY]
    assert results[1].original_id == results[0].article_id


def test_ingest_copies_and_duplicates_across_batches(sessions, extractor, tmp_path):
    # batches of 2: the next batch is planned while the previous one is still being stored
    other = WIRE.replace("11,000", "12,000").replace("Monday", "Tuesday").replace(
        "Kursk region", "Kursk area").replace("Far East", "east").replace("clashed", "fought")
    other = other.split("\n\n", 1)[0] + "\n\nNATO Secretary General Mark Rutte said the " \
        "deployment of 3,000 more North Korean troops was a dangerous escalation of the war."
    files = {"1.txt": WIRE, "2.txt": other, "3.txt": WIRE + "\nReporting by A. Writer.\n",
             "4.txt": other, "5.txt": WIRE + "\nEdited by B. Editor.\n", "6.txt": WIRE}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    results = _ingest(sessions, extractor, tmp_path, batch_size=2)
    assert [r.status for r in results] == [STORED, STORED, COPY, DUPLICATE, COPY, DUPLICATE]
    assert results[2].original_id == results[4].original_id == results[0].article_id
    assert _count(sessions, Article) == 4


def test_ingest_different_article_is_not_a_copy(sessions, extractor, tmp_path):
    (tmp_path / "1.txt").write_text(WIRE, encoding="utf-8")
    other = WIRE.split("\n\n", 1)[0] + "\n\nNATO Secretary General Mark Rutte said on Monday that "\
        "the deployment of North Korean troops marked a dangerous expansion of the war. Allies "\
        "would discuss the matter with partners from the Indo-Pacific region, he told reporters."
    (tmp_path / "2.txt").write_text(other, encoding="utf-8")
    assert [r.status for r in _ingest(sessions, extractor, tmp_path)] == [STORED, STORED]


def test_ingest_entities_merge_across_articles(sessions, extractor, tmp_path):
    (tmp_path / "1.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "2.txt").write_text(
        "Ukrainian President Volodymyr Zelenskyy said on Tuesday that his army had fought "
        "North Korean units near Kursk, and Zelenskyy asked allies for long-range weapons.",
        encoding="utf-8")
    _ingest(sessions, extractor, tmp_path)
    with sessions() as session:
        ids = set(session.scalars(select(EntityAlias.entity_id).where(
            EntityAlias.normalized.in_(["volodymyr zelenskiy", "volodymyr zelenskyy"]))))
    assert len(ids) == 1


def test_ingest_folder_mixing_good_and_bad_files_stores_the_good(sessions, extractor, tmp_path):
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n \n", encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes(
        "Le ministère a confirmé la présence de soldats nord-coréens en Russie.".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * 5000)
    results = {Path(r.source).name: r for r in
               _ingest(sessions, extractor, tmp_path, max_bytes=20_000)}
    assert results["good.txt"].status == STORED
    assert results["latin1.txt"].status == STORED
    for bad, reason in [("empty.txt", "empty"), ("blank.md", "empty"), ("image.html", "binary"),
                        ("big.txt", "limit")]:
        assert results[bad].status == FAILED and reason in results[bad].message
    assert _count(sessions, Article) == 2
    with sessions() as session:
        latin = session.scalars(select(Article).where(Article.source.like("%latin1%"))).one()
        assert "ministère" in latin.text


def test_ingest_missing_path_fails_alone(sessions, extractor, tmp_path):
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    results = _ingest(sessions, extractor, tmp_path / "missing.txt", tmp_path / "good.txt")
    assert [r.status for r in results] == [FAILED, STORED]
    assert "no such file" in results[0].message


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/article":
            body = (b"<html><head><title>Troops in Kursk</title></head><body><article>"
                    b"<h1>Troops in Kursk</h1><p>" + WIRE.split("\n\n", 1)[1].encode() +
                    b"</p></article></body></html>")
            content_type = "text/html; charset=utf-8"
        elif self.path == "/image":
            body, content_type = b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def web():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_ingest_urls(sessions, extractor, web):
    closed = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    dead_url = f"http://127.0.0.1:{closed.server_address[1]}/article"
    closed.server_close()
    results = _ingest(sessions, extractor, f"{web}/article", f"{web}/image", f"{web}/missing",
                      dead_url)
    assert [r.status for r in results] == [STORED, FAILED, FAILED, FAILED]
    assert "not an article (image/png)" in results[1].message
    assert "HTTP 404" in results[2].message
    assert "unreachable" in results[3].message
    with sessions() as session:
        article = session.get(Article, results[0].article_id)
        assert article.url == f"{web}/article" and article.title == "Troops in Kursk"
        assert "11,000 North Korean soldiers" in article.text


def test_ingest_20_mb_file_is_refused_by_the_default_limit(sessions, extractor, tmp_path):
    from bot.settings import Settings

    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        line = b"North Korean troops were reported near Kursk on Monday, officials said.\n"
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    limit = Settings(_env_file=None).max_article_bytes
    [result] = _ingest(sessions, extractor, big, max_bytes=limit)
    assert result.status == FAILED
    assert f"over the {limit:,}-byte limit (raise MAX_ARTICLE_BYTES)" in result.message
    assert _count(sessions, Article) == 0


def test_ingest_stopped_early_keeps_what_it_reported(sessions, extractor, tmp_path):
    # a caller that stops reading (a closed generator) keeps what was reported: the first
    # batch, committed before its first result; the next run stores the rest and knows those
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(
            WIRE.replace("11,000", f"{11 + i},000") + f"\nStory {i}: " +
            " ".join(f"word{i}x{j}" for j in range(40)) + "\n", encoding="utf-8")
    results = Ingestor(sessions, extractor, batch_size=2).ingest(
        iter_inputs([str(tmp_path)]))
    first = next(results)
    results.close()
    assert first.status == STORED
    assert _count(sessions, Article) == 2
    again = _ingest(sessions, extractor, tmp_path, batch_size=2)
    assert [r.status for r in again] == [DUPLICATE] * 2 + [STORED] * 3
    assert again[0].original_id == first.article_id
    with sessions() as session:
        figures = sorted(session.scalars(select(Estimate.count)).all())
    assert figures == [11_000, 12_000, 13_000, 14_000, 15_000]


def _refuse_titles(sessions, title: str) -> None:
    """A trigger in the database itself refuses articles with this title (a real write error)."""
    with sessions.begin() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE INSERT ON articles "
                f"WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        else:
            connection.exec_driver_sql(
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.title = '{title}' THEN RAISE EXCEPTION 'refused'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql")
            connection.exec_driver_sql("CREATE TRIGGER refuse BEFORE INSERT ON articles "
                                       "FOR EACH ROW EXECUTE FUNCTION refuse()")


def test_ingest_write_error_fails_that_article_alone(sessions, extractor, tmp_path):
    # a batch is one transaction; when it fails, the batch is stored again one article at a
    # time, so only the article the database refuses fails and the rest of the batch is kept
    for i in range(4):
        title = "Refused" if i == 1 else f"Report {i}"
        (tmp_path / f"{i}.txt").write_text(
            WIRE.replace("title: Pyongyang's troops reach Kursk", f"title: {title}")
            .replace("11,000", f"{11 + i},000") + f"\nStory {i}: "
            + " ".join(f"word{i}x{j}" for j in range(40)) + "\n", encoding="utf-8")
    (tmp_path / "4.txt").write_text(WIRE + "\nReporting by A. Writer.\n", encoding="utf-8")
    _refuse_titles(sessions, "Refused")
    results = _ingest(sessions, extractor, tmp_path, batch_size=8)
    assert [r.status for r in results] == [STORED, FAILED, STORED, STORED, COPY]
    assert "database error" in results[1].message and "refused" in results[1].message
    assert results[4].original_id == results[0].article_id
    with sessions() as session:
        titles = sorted(session.scalars(select(Article.title)).all())
        figures = sorted(session.scalars(select(Estimate.count)).all())
        quote_articles = set(session.scalars(select(Quote.article_id)).all())
    assert titles == ["Pyongyang's troops reach Kursk", "Report 0", "Report 2", "Report 3"]
    assert figures == [11_000, 13_000, 14_000]
    assert quote_articles <= {r.article_id for r in results if r.status == STORED}
