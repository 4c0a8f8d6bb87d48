"""Reading inputs: front matter, encodings, HTML, bad files (no database involved)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.sources import SourceError, iter_inputs, parse_front_matter, read_source

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLE = "Seoul's spy agency said about 3,000 North Korean troops were in Russia."


def test_sources_front_matter_sets_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "title: Troops in Russia\noutlet: Example Wire\ndate: 2024-10-23\n"
        "url: https://example.org/a\n\n" + ARTICLE, encoding="utf-8")
    doc = read_source(str(path))
    assert (doc.title, doc.outlet, doc.published, doc.url) == (
        "Troops in Russia", "Example Wire", date(2024, 10, 23), "https://example.org/a")
    assert doc.text == ARTICLE


def test_sources_text_without_front_matter_keeps_first_line_as_title(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("Headline here\n\nTitle: not front matter because the first line is prose\n",
                    encoding="utf-8")
    doc = read_source(str(path))
    assert doc.title == "Headline here"
    assert "Title: not front matter" in doc.text


def test_sources_front_matter_needs_only_known_keys():
    meta, body = parse_front_matter("title: A\nauthor: B\n\nbody")
    assert meta == {} and body.startswith("title: A")


def test_sources_manifest_sets_metadata_for_seeds():
    doc = read_source(str(SEEDS / "000_ae239e62def7e7f4.txt"))
    assert doc.title.startswith("NATO considers two ways")
    assert doc.outlet.startswith("Ukrainska Pravda")
    assert doc.published == date(2024, 10, 25)
    undated = read_source(str(SEEDS / "002_b4ac82b43a11b72f.txt"))
    assert undated.published is None and undated.outlet is None


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_sources_decodes_other_encodings(tmp_path, encoding):
    text = "Le ministère a déclaré qu'environ 3 000 soldats nord-coréens étaient là. Señor Müller."
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert read_source(str(path)).text == text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\t\n  ", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_sources_refuses_bad_files_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=reason):
        read_source(str(path))


def test_sources_refuses_missing_path():
    with pytest.raises(SourceError, match="no such file"):
        read_source("/nonexistent/article.txt")


def test_sources_size_limit_is_configurable(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(SourceError, match="over the 1,000-byte limit"):
        read_source(str(path), max_bytes=1000)
    assert read_source(str(path), max_bytes=10_000).text.startswith("word")


def test_sources_html_becomes_text_with_title(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Pyongyang sends troops</title></head><body>"
        "<nav>Home | World</nav><article><h1>Pyongyang sends troops</h1>"
        f"<p>{ARTICLE}</p><p>The Pentagon said on Monday that around 10,000 soldiers had been "
        "sent to eastern Russia for training, officials told reporters in Washington.</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    doc = read_source(str(path))
    assert "about 3,000 North Korean troops" in doc.text
    assert "Copyright" not in doc.text
    assert doc.title == "Pyongyang sends troops"


def test_sources_folders_expand_recursively_to_article_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "skip.png", "manifest.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path) + "/", "") for p in iter_inputs([str(tmp_path)])]
    assert found == ["a.md", "b.txt", "sub/c.html"]
