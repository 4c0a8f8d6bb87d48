"""Who publishes an article, when that is an official body rather than a newsroom.

A ministry's statement, an embassy's press release or a brigade's post makes its own claims:
a figure it states with no other source is the publisher's ("North Korean forces have suffered
over 4,000 casualties" in a defence ministry's release is the ministry's estimate). A newspaper's
unsourced figure is the writer's, and has no claimant. The extractor is told the outlet (the
front matter's `outlet:` or the page's site name); this module decides which kind it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.extraction.names import body_kind, canonical_country, canonical_name, canonical_org

# Words that make an outlet a newsroom, a broadcaster, a pool or a commentator: its own
# unsourced figures are the writer's, whoever owns it ("Kremlin press pool", "UN Meetings
# Coverage", "Radio Free Asia", "RUSI Commentary", "War on the Rocks podcast").
_NEWSROOM = re.compile(
    r"\b(?:news|times|daily|journal|gazette|herald|tribune|telegraph|guardian|"
    r"independent|pravda|radio|tv|television|broadcast\w*|channel|press pool|pool|coverage|"
    r"watch|agency|wire|magazine|review|podcast|commentary|analysis|opinion|blog|"
    r"newsletter|service|monitor|insider|interpreter|economist|atlantic|institute|"
    r"center|centre|council on|foundation|university|fact-?check\w*)\b", re.I)
# "Kyiv Post", "The Washington Post" (a "Telegram post" is a body's own post).
_NEWSPAPER_POST = re.compile(r"\bPost\b")
# Words that make a name an official body of a state or an alliance.
_OFFICIAL = re.compile(
    r"\b(?:ministry|ministère|department|office|embassy|consulate|mission|delegation|"
    r"parliament|senate|congress|assembly|committee|commission|government|presidency|"
    r"president|cabinet|kremlin|white house|general staff|armed forces|intelligence|"
    r"brigade|regiment|battalion|corps|command|forces|headquarters|secretariat|"
    r"directorate|agency for|security service|border guard|nato)\b", re.I)
# What a label adds around the body's name: "(press release)", "— statement", "Facebook post",
# "(English translation)", "official website".
_LABEL = re.compile(
    r"\b(?:press|news|media)\s+releases?\b|\bstatements?\b|\bpress service\b|"
    r"\b(?:official\s+)?(?:website|site|facebook|telegram|x|twitter)(?:\s+(?:post|channel|"
    r"page|account))?\b|\bposts?\b|\b(?:english\s+)?translation\b|\btranscripts?\b|"
    r"\bbriefing\b|\bupdate\b|\bofficial\b", re.I)
_PARTS = re.compile(r"\s+[—–-]\s+|\s*[()]\s*|\s*/\s*|\s*:\s+")


def _clean(part: str) -> str:
    part = _LABEL.sub(" ", part)
    return re.sub(r"\s+", " ", part).strip(" ,.;:'\"")


@lru_cache(maxsize=4096)
def publisher_body(outlet: str | None) -> str | None:
    """The official body that publishes under `outlet`, canonically named, or None for a
    newsroom, a think tank or anything unclear ("GOV.UK — Ministry of Defence" -> the UK's
    Ministry of Defence; "Defence Intelligence of Ukraine (HUR)" -> Ukraine's Main Directorate
    of Intelligence; "Reuters", "Kremlin press pool" -> None)."""
    if not outlet or not outlet.strip():
        return None
    if _NEWSROOM.search(outlet) or _NEWSPAPER_POST.search(outlet):
        return None
    parts = [_clean(p) for p in _PARTS.split(outlet)]
    # an official part only (a news agency the alias table knows is no issuer); the last one
    # first, as labels go from the portal to the body ("UK Parliament – Foreign Affairs
    # Committee", "GOV.UK (Foreign, Commonwealth & Development Office press release)")
    official = [p for p in parts if p and (_OFFICIAL.search(p) or body_kind(p) is not None)]
    for part in reversed(official):
        return canonical_org(part) or _with_state(canonical_name(part, "ORG"), outlet)
    return None


def _with_state(body: str, outlet: str) -> str:
    """"Ministry of Defence" under "GOV.UK — …" is the UK's: a state named elsewhere in the
    outlet's label ("GOV.UK", "Republic of Korea") names the body's owner."""
    named = re.match(r"^(.+),\s+(.+)$", body)     # "Ministry of National Defense, Republic of Korea"
    words = body.split()
    if not named and any(canonical_country(" ".join(words[i:i + n])) for n in (1, 2, 3)
                         for i in range(len(words))):
        return body                                 # "Embassy of Ukraine in …": named already
    if named and canonical_country(named.group(2)):
        country, body = canonical_country(named.group(2)), named.group(1)
        return canonical_org(f"{country} {body}") or f"{country}'s {body}"
    if body_kind(body) is None:
        return body                                 # a body with a name of its own
    words = re.findall(r"[\w.]+", outlet)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            country = canonical_country(phrase) or canonical_country(phrase.replace("GOV.", ""))
            if country:
                return canonical_org(f"{country} {body}") or f"{country}'s {body}"
    return body
