"""render_text: each fact line followed by its citation; refuses a fact without one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.citations import Citation, MissingSourceError
from bot.answers.types import Answer, FactLine, MoreButton, Section
from bot.render.text import render_text


def citation(n: int, url: bool = True, also_in=()) -> Citation:
    return Citation(article_id=n, title=f"Article {n}", outlet="Reuters",
                    published=date(2024, 10, 24), url=f"https://r.example/{n}" if url else None,
                    source=f"https://r.example/{n}" if url else f"/in/file-{n}.txt",
                    also_in=also_in)


def test_render_text_fact_then_its_source():
    answer = Answer(kind="troops", title="Troop estimates: North Korea", notes=("Top note.",),
                    sections=(Section("Latest", (
                        FactLine("White House: about 3,000", citation(1, also_in=("AP",))),
                        FactLine("Blog: thousands", citation(2, url=False),
                                 also_cited=(citation(3),)),
                    ), notes=("Range: 3,000–12,000.",)),),
                    more=MoreButton("/troops", 2), request="/troops")
    lines = render_text(answer).splitlines()
    assert lines[0] == "Troop estimates: North Korea"
    assert "Top note." in lines
    at = lines.index("• White House: about 3,000")
    assert lines[at + 1] == ("    source: Article 1 — Reuters, 24 Oct 2024 (https://r.example/1); "
                             "also ran in AP")
    at = lines.index("• Blog: thousands")
    assert lines[at + 1] == "    source: Article 2 — Reuters, 24 Oct 2024 (file-2.txt)"
    assert lines[at + 2].strip().startswith("and: Article 3")
    assert "  Range: 3,000–12,000." in lines
    assert any("--offset 2" in line for line in lines)


def test_render_text_refuses_a_fact_without_source():
    line = FactLine("x", citation(1))
    object.__setattr__(line, "citation", "not a citation")
    with pytest.raises(MissingSourceError):
        render_text(Answer(kind="troops", title="T", sections=(Section(None, (line,)),)))
