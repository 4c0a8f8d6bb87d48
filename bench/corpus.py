"""A seeded generator of realistic news articles about foreign troops in the war, with the
facts each one states (so the same corpus can be ingested through spaCy or bulk-loaded).

Article `i` depends only on (seed, i): any prefix of a corpus is the same corpus, articles can
be made in any order, and a near-copy regenerates its original to copy it. Texts look like the
seeds: a headline, a byline, a lead with a troop figure and its claimant, direct quotes and
reported speech from named speakers (some well known, most minor officials), denials, context
paragraphs, background bullets; about 300-550 words. About 7% are near-copies (syndicated
re-runs: another outlet, one sentence changed) of a recent article.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

START = date(2024, 10, 1)
DAYS = 270                       # published dates run over about nine months
COPY_SHARE = 0.07



def _names(words: str) -> list[str]:
    return words.split()


OUTLETS = [
    "Reuters", "Associated Press", "BBC News", "Yonhap", "The Kyiv Independent",
    "Ukrainska Pravda", "The Guardian", "CNN", "Al Jazeera", "The Korea Herald",
    "NK News", "Deutsche Welle", "France 24", "Politico Europe", "The Moscow Times",
    "Radio Free Europe", "The New York Times", "The Washington Post", "Financial Times",
    "Bloomberg", "Nikkei Asia", "The Japan Times", "Euronews", "Meduza", "Kyiv Post",
    "Korea JoongAng Daily", "The Telegraph", "Le Monde", "Der Spiegel", "ABC News",
    "Sky News", "NHK World", "The Independent", "Novaya Gazeta Europe", "Defense News",
    "Breaking Defense", "War on the Rocks", "The Diplomat", "Foreign Policy", "European Pravda",
]

# well-known speakers: (canonical name, label, aliases, role, weight)
NOTABLES = [
    ("Mark Rutte", "PERSON", ("Rutte",), "NATO Secretary General", 6),
    ("Volodymyr Zelenskyy", "PERSON", ("Zelenskyy", "Zelensky", "Volodymyr Zelensky"),
     "Ukrainian President", 8),
    ("Lloyd Austin", "PERSON", ("Austin",), "US Defense Secretary", 5),
    ("Kyrylo Budanov", "PERSON", ("Budanov",), "head of Ukraine's military intelligence", 4),
    ("John Kirby", "PERSON", ("Kirby",), "White House national security spokesman", 4),
    ("Dmitry Peskov", "PERSON", ("Peskov",), "Kremlin spokesman", 4),
    ("Sabrina Singh", "PERSON", ("Singh",), "Pentagon deputy press secretary", 3),
    ("Yoon Suk Yeol", "PERSON", ("Yoon",), "South Korean President", 3),
    ("Antony Blinken", "PERSON", ("Blinken",), "US Secretary of State", 3),
    ("Andrii Sybiha", "PERSON", ("Sybiha",), "Ukrainian Foreign Minister", 2),
    ("Kim Yong Hyun", "PERSON", ("Kim Yong-hyun",), "South Korean Defence Minister", 2),
    ("Ruben Brekelmans", "PERSON", ("Brekelmans",), "Dutch Defence Minister", 2),
    ("Rustem Umerov", "PERSON", ("Umerov",), "Ukrainian Defence Minister", 2),
    ("Maria Zakharova", "PERSON", ("Zakharova",), "Russian Foreign Ministry spokeswoman", 2),
    ("Kim Yo Jong", "PERSON", ("Kim Yo-jong",), "senior North Korean official", 1),
    ("Vasily Nebenzya", "PERSON", ("Nebenzya",), "Russian UN ambassador", 1),
    ("Pat Ryder", "PERSON", ("Ryder",), "Pentagon press secretary", 2),
    ("Lee Seong-kweun", "PERSON", ("Lee",), "South Korean lawmaker", 2),
    ("Oleksandr Syrskyi", "PERSON", ("Syrskyi",), "commander-in-chief of Ukraine's army", 2),
    ("Jake Sullivan", "PERSON", ("Sullivan",), "US national security adviser", 2),
]

CLAIMANTS = [  # (canonical, label, aliases, weight) for troop figures
    ("South Korea's National Intelligence Service", "ORG",
     ("National Intelligence Service", "NIS", "South Korea's spy agency"), 10),
    ("Pentagon", "ORG", ("US Department of Defense", "Department of Defense"), 8),
    ("Ukraine's Main Directorate of Intelligence", "ORG",
     ("Ukraine's military intelligence", "HUR", "GUR"), 7),
    ("White House", "ORG", ("the White House",), 5),
    ("NATO", "ORG", ("the alliance",), 5),
    ("South Korea's Ministry of National Defense", "ORG",
     ("South Korea's defence ministry",), 4),
    ("UK Ministry of Defence", "ORG", ("British defence ministry",), 3),
    ("Institute for the Study of War", "ORG", ("ISW",), 3),
    ("Volodymyr Zelenskyy", "PERSON", ("Zelenskyy", "Zelensky"), 5),
    ("Lloyd Austin", "PERSON", ("Austin",), 3),
    ("Mark Rutte", "PERSON", ("Rutte",), 3),
    ("Kyrylo Budanov", "PERSON", ("Budanov",), 3),
    ("John Kirby", "PERSON", ("Kirby",), 2),
]

FIRST_NAMES = _names("""Anna Boris Chen Dae-ho Elena Farid Greta Hyun-woo Ivan Jana Kateryna Lukas
Min-jun Natalia Oleh Petra Quentin Roman Seo-yeon Taras Ulla Viktor Wiktoria Xavier Yulia
Zoran Andriy Bohdan Carmen Dmytro Eun-ji Fiona Gabriel Hanna Iryna Jae-sung Kostiantyn Lena
Marek Nadia Olga Pavlo Rasa Serhiy Tomas Uliana Vadym Walter Yevhen Zofia Arman Bea Cyril
Daria Emil Freya Grigor Helga Ilya Jonas Karin Leo Mykola Nora""")
LAST_NAMES = _names("""Kovalenko Park Schmidt Novak Horvath Lindqvist Petrenko Moreau Rossi Tanaka
Bondarenko Choi Weber Dubois Kowalski Jensen Shevchenko Yamamoto Fischer Lambert Nowak Berg
Tkachenko Kang Wagner Laurent Wozniak Nilsson Melnyk Suzuki Becker Girard Zielinski Olsen
Kravchenko Yoon Hoffmann Bernard Lewandowski Hansen Oliynyk Watanabe Koch Fontaine Kaminski
Eriksen Polishchuk Han Richter Mercier Dabrowski Larsen Marchenko Ito Klein Rousseau Sikora
Holm Savchenko Jung Wolf Leclerc Mazur Strand Boyko Kobayashi Neumann Faure Krawczyk Dahl
Lysenko Lim Schwarz Blanc Grabowski Aalto""")
MINOR_ROLES = [
    "a spokesperson for {org}", "a senior official at {org}", "an analyst at {org}",
    "a researcher at {org}", "a former officer who now advises {org}",
    "a military expert at {org}", "deputy head of {org}", "a lawmaker on {org}",
]
MINOR_ORGS = [
    "the Korea Institute for National Unification", "the Royal United Services Institute",
    "the Center for Strategic and International Studies", "the Carnegie Endowment",
    "the Asan Institute for Policy Studies", "Ukraine's General Staff",
    "the Kyiv School of Economics", "the Stimson Center", "the RAND Corporation",
    "the International Institute for Strategic Studies", "the European Council on Foreign Relations",
    "the parliamentary intelligence committee", "the Sejong Institute", "Chatham House",
    "the Atlantic Council", "the Korea Institute for Defense Analyses",
]

FORCES = ["North Korea"] * 8 + ["Iran", "Belarus"]
FORCE_ADJ = {"North Korea": "North Korean", "Iran": "Iranian", "Belarus": "Belarusian"}
LOCATIONS = ["Russia", "Kursk", "the Kursk region", "Vladivostok", "Ussuriysk", "Khabarovsk",
             "Blagoveshchensk", "Donetsk", "the Far East", "Bryansk", "Belgorod", "Pokrovsk",
             "Zaporizhzhia", "Kharkiv", "the front line", "eastern Russia", "Rostov"]
LOCATION_CANON = {"the Kursk region": "Kursk", "the Far East": "Russia",
                  "eastern Russia": "Russia", "the front line": None}
STATUSES = [  # (status, verb phrase, weight)
    ("deployed", "have been deployed to", 10), ("deployed", "are now stationed in", 4),
    ("training", "are undergoing training in", 6), ("training", "are training at bases in", 3),
    ("combat", "are fighting alongside Russian forces in", 4),
    ("killed", "have been killed in", 3), ("wounded", "have been wounded in", 2),
    ("casualties", "have become casualties in", 2), ("captured", "have been captured in", 1),
    ("planned", "are expected to be sent to", 3),
]
QUALIFIERS = [  # (qualifier, words before the figure, weight)
    ("about", "about", 6), ("about", "around", 4), ("about", "roughly", 2),
    ("at least", "at least", 4), ("up to", "up to", 4), ("more than", "more than", 4),
    ("exact", "", 4), ("range", None, 3),
]
FIGURES = [500, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 10_000,
           11_000, 12_000, 15_000, 20_000, 25_000, 30_000, 50_000, 100_000]

QUOTES = [
    "We have seen clear evidence that these troops are being prepared for combat",
    "This is a dangerous escalation and a sign of Russia's growing desperation",
    "They are being thrown into battle as cannon fodder",
    "Our intelligence shows the deployment is larger than first reported",
    "The reports are fake news spread by Western propaganda",
    "Any deployment would be a violation of United Nations Security Council resolutions",
    "We will respond in close coordination with our allies and partners",
    "The soldiers lack experience of drone warfare and are taking heavy losses",
    "This cooperation threatens security far beyond Europe",
    "We are monitoring the situation very closely",
    "North Korean units have already engaged Ukrainian forces near the border",
    "It is a matter for two sovereign states and their bilateral relations",
    "The alliance will not be intimidated by this kind of cooperation",
    "Pyongyang is gaining combat experience and modern military technology in return",
    "Every soldier sent to this war makes peace harder to reach",
    "We have no information to confirm those reports at this time",
    "The numbers keep growing week after week and month after month",
    "These units are being rotated to the front after a month of training",
    "Sanctions alone will not stop this flow of troops and weapons",
    "The world must not stay silent while this happens",
    "Russia is paying for these soldiers with oil, food and military know-how",
    "We expect more troops to arrive before the end of the year",
    "The casualties among them have been very high in recent weeks",
    "Ukrainian forces captured two soldiers who were wounded in the fighting",
    "This changes the calculus for the entire Indo-Pacific region",
]
TOPIC_WORDS = ["drones", "artillery shells", "missiles", "sanctions", "ammunition", "logistics",
               "uniforms", "documents", "interpreters", "rations", "convoys", "trenches",
               "minefields", "winter", "casualties", "rotation", "reinforcements", "recruitment",
               "morale", "propaganda", "satellite imagery", "railways", "barracks", "air defence",
               "electronic warfare", "glide bombs", "armoured vehicles", "field hospitals"]
HEADLINE_VERBS = {"deployed": "deployed in", "training": "training in", "combat": "fighting in",
                  "killed": "killed in", "wounded": "wounded in", "casualties": "lost in",
                  "captured": "captured in", "planned": "expected in"}
DENIALS = [
    ("{denier} denied sending troops to Russia, calling the reports “fake news”.", "denial",
     "fake news"),
    ("{denier} dismissed the claims as “groundless rumors”.", "dismissal", "groundless rumors"),
    ("{denier} rejected the reports as a “smear campaign” against its ally.", "dismissal",
     "smear campaign"),
    ("{denier} said the claims about {adj} troops were “another lie” of Kyiv.", "denial",
     "another lie"),
]
DENIERS = [("North Korea", "GPE"), ("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON"),
           ("Maria Zakharova", "PERSON"), ("Pyongyang's state media KCNA", "ORG")]
CONTEXT = [
    "The {adj} contingent is believed to include special forces from the elite {unit}.",
    "Satellite images published by {org} showed convoys moving near {place}.",
    "Officials in Seoul said the soldiers were issued Russian uniforms and fake identity "
    "documents to pass as residents of {place}.",
    "The deployment follows a mutual defence treaty signed by Moscow and Pyongyang in June.",
    "Analysts say the troops lack experience with {topic} and modern battlefield tactics.",
    "Ukraine's forces have held parts of the Kursk region since an incursion in August.",
    "The report could not be independently verified by {outlet}.",
    "Western governments have threatened new sanctions over the cooperation, including on "
    "{topic}.",
    "Military bloggers in Russia described the arrival of new units near {place}.",
    "Intelligence officials said interpreters were being assigned to each {adj} unit.",
    "The fighting near {place} has intensified over the past {n} days, with heavy use of "
    "{topic}.",
    "{org} said the troops had been moved by rail and by air over several weeks.",
    "Kyiv has repeatedly urged its allies to respond more firmly to the deployment.",
    "The Pentagon has not released a new estimate since its last briefing on {topic}.",
    "South Korea is weighing whether to send monitoring teams and to supply weapons to Kyiv.",
    "According to {org}, the soldiers received about a month of training before moving to "
    "{place}.",
    "Observers noted that losses among the new arrivals were especially high during attacks on "
    "{place}.",
    "Talks on {topic} are expected at a meeting of defence ministers next {weekday}.",
]
UNITS = ["Storm Corps", "11th Army Corps", "special operations brigade", "reconnaissance bureau",
         "Brigade 94"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADLINES = [
    "{claimant} says {figure} {adj} troops {verb} {location}",
    "{adj} troops in {location}: what we know",
    "{speaker} warns over {adj} soldiers in {location}",
    "{force} troop deployment grows, {claimant} says",
    "Allies weigh response as {adj} troops reach {location}",
    "{speaker}: “{short_quote}”",
]


@dataclass
class Fact:
    kind: str                       # estimate | quote | denial
    values: dict


@dataclass
class GenArticle:
    index: int
    title: str
    outlet: str
    url: str
    published: date
    ingested_at: datetime
    text: str
    copy_of: int | None = None      # index of the original, for a near-copy
    facts: list[Fact] = field(default_factory=list)
    # (name, label, aliases, role, [(start, end), ...]) of each entity named
    entities: list[tuple[str, str, tuple[str, ...], str | None, list[tuple[int, int]]]] = \
        field(default_factory=list)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def file_text(self) -> str:
        """The article as a .txt file with front matter (what `sitrep ingest` reads)."""
        return (f"title: {self.title}\noutlet: {self.outlet}\n"
                f"date: {self.published.isoformat()}\nurl: {self.url}\n\n{self.text}\n")


class _Writer:
    """Builds a text while remembering where each piece went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> int:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start

    def text(self) -> str:
        return "".join(self.parts)


def _weighted(rng: random.Random, items, weight_index: int = -1):
    return rng.choices(items, weights=[item[weight_index] for item in items], k=1)[0]


def _figure_words(count: int) -> str:
    return f"{count:,}"


class Corpus:
    """The articles of one seed: `article(i)`, `articles(n)`, `write(folder, n)`."""

    def __init__(self, seed: int = 1):
        self.seed = seed
        rng = random.Random(seed)
        people = [(f, l_) for f in FIRST_NAMES for l_ in LAST_NAMES]
        rng.shuffle(people)
        self.minor_people = [(f"{f} {l_}", rng.choice(MINOR_ROLES).format(org=rng.choice(MINOR_ORGS)))
                             for f, l_ in people[:2500]]

    def _rng(self, index: int) -> random.Random:
        return random.Random(self.seed * 1_000_003 + index * 7919 + 17)

    def articles(self, n: int, start: int = 0) -> Iterator[GenArticle]:
        for index in range(start, n):
            yield self.article(index)

    def write(self, folder: Path, n: int, start: int = 0) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for article in self.articles(n, start):
            path = folder / f"{article.index:06d}.txt"
            path.write_text(article.file_text(), encoding="utf-8")
            paths.append(path)
        return paths

    def article(self, index: int) -> GenArticle:
        rng = self._rng(index)
        if index >= 20 and rng.random() < COPY_SHARE:
            original_index = index - rng.randint(1, min(60, index))
            original = self.article(original_index)
            if original.copy_of is None:
                return self._near_copy(index, rng, original)
        return self._original(index, rng)

    # ------------------------------------------------------------------ originals

    def _original(self, index: int, rng: random.Random) -> GenArticle:
        day = START + timedelta(days=min(DAYS, (index * 37 % 997) * DAYS // 997
                                         + rng.randint(0, 3)))
        outlet = rng.choice(OUTLETS)
        force = rng.choice(FORCES)
        adj = FORCE_ADJ[force]
        w = _Writer()
        facts: list[Fact] = []
        entities: dict[tuple[str, str], list] = {}

        def mention(name: str, label: str, aliases: tuple[str, ...], role: str | None,
                    start: int, shown: str) -> None:
            entry = entities.setdefault((name, label), [name, label, aliases, role, []])
            entry[4].append((start, start + len(shown)))

        reporter = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        hour, minute = rng.randint(6, 22), rng.randint(0, 59)
        stated = day - timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
        weekday = WEEKDAYS[stated.weekday()]

        # the lead: a troop figure and its claimant
        claimant = _weighted(rng, CLAIMANTS)
        claimant_name, claimant_label, claimant_aliases = claimant[0], claimant[1], claimant[2]
        shown_claimant = rng.choice((claimant_name, *claimant_aliases))
        count = rng.choice(FIGURES)
        qualifier, qualifier_words, _ = _weighted(rng, QUALIFIERS)
        status, verb, _ = _weighted(rng, STATUSES)
        location = rng.choice(LOCATIONS)
        low = high = None
        if qualifier == "range":
            low = max(100, count // rng.choice((2, 3, 4)))
            high = count
            figure_text = f"between {_figure_words(low)} and {_figure_words(high)}"
        else:
            figure_text = (f"{qualifier_words} " if qualifier_words else "") + _figure_words(count)
        speakers = self._speakers(rng)
        headline = rng.choice(HEADLINES).format(
            claimant=shown_claimant, figure=_figure_words(count), adj=adj, verb=HEADLINE_VERBS[status], location=location, force=force,
            speaker=speakers[0][0].split()[-1], short_quote=rng.choice(QUOTES)[:60].rsplit(" ", 1)[0])
        headline = headline[0].upper() + headline[1:]

        w.add(f"{headline}\n\n{reporter}, {outlet}\n{weekday}, {stated.day} "
              f"{stated.strftime('%B %Y')}, {hour:02d}:{minute:02d}\n\n")
        lead_opening = rng.choice((
            "{claimant} said on {weekday} that {figure} {adj} troops {verb} {location}",
            "{figure} {adj} soldiers {verb} {location}, {claimant} said on {weekday}",
            "According to {claimant}, {figure} {adj} troops {verb} {location}",
        ))
        lead = lead_opening.format(claimant=shown_claimant, weekday=weekday, figure=figure_text,
                                   adj=adj, verb=verb, location=location)
        lead = lead[0].upper() + lead[1:] + "."
        extra = rng.choice(("", "", f" The figure is higher than earlier estimates of "
                                    f"{_figure_words(max(100, count // 2))}."))
        start = w.add(lead)
        fig_at = start + lead.lower().index(figure_text.lower())
        mention(claimant_name, claimant_label, claimant_aliases, None,
                start + lead.index(shown_claimant) if shown_claimant in lead else start,
                shown_claimant)
        facts.append(Fact("estimate", dict(
            count=count, low=low, high=high, qualifier=qualifier, status=status, force=force,
            location=LOCATION_CANON.get(location, location), claimed_by=claimant_name,
            stated_on=stated, sentence=lead, start=fig_at, end=fig_at + len(figure_text),
            composition=None, claimant=(claimant_name, claimant_label))))
        w.add(extra + "\n\n")

        # source line, like the seeds
        if rng.random() < 0.4:
            w.add(f"Source: {rng.choice(OUTLETS)}, citing {rng.choice(('sources', 'officials', 'intelligence documents'))}\n\n")

        paragraphs = rng.randint(6, 10)
        for p in range(paragraphs):
            roll = rng.random()
            if roll < 0.35 and speakers:
                name, label, aliases, role = speakers[p % len(speakers)]
                self._quote_paragraph(rng, w, facts, mention, name, label, aliases, role, outlet)
            elif roll < 0.5:
                self._second_estimate(rng, w, facts, mention, force, adj, stated, weekday)
            elif roll < 0.6:
                denier, label = rng.choice(DENIERS)
                template, kind, words = rng.choice(DENIALS)
                sentence = template.format(denier=denier, adj=adj)
                start = w.add(sentence)
                mention(denier, label, (), None, start, denier)
                at = sentence.index(words)
                facts.append(Fact("denial", dict(
                    denied_by=denier, force=force, kind=kind, text=words, stated_on=stated,
                    sentence=sentence, start=start + at, end=start + at + len(words))))
                w.add(" " + self._context(rng, adj, outlet) + "\n\n")
            else:
                sentences = [self._context(rng, adj, outlet) for _ in range(rng.randint(2, 5))]
                w.add(" ".join(sentences) + "\n\n")

        if rng.random() < 0.6:
            w.add("Background:\n\n")
            for _ in range(rng.randint(2, 3)):
                w.add("  • " + self._context(rng, adj, outlet) + "\n")
            w.add("\n")
        w.add(rng.choice(("Read more on this topic.", f"© {day.year} {outlet}",
                          f"Reporting by {reporter}; editing by {rng.choice(FIRST_NAMES)} "
                          f"{rng.choice(LAST_NAMES)}.")))
        text = w.text()
        ingested = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
            hours=rng.randint(0, 47), minutes=rng.randint(0, 59))
        return GenArticle(
            index=index, title=headline, outlet=outlet,
            url=f"https://news.example/{outlet.lower().replace(' ', '-')}/{index}",
            published=day, ingested_at=ingested, text=text, facts=facts,
            entities=[(n, lab, al, r, spans) for n, lab, al, r, spans in entities.values()])

    def _speakers(self, rng: random.Random) -> list[tuple[str, str, tuple[str, ...], str | None]]:
        chosen = []
        for _ in range(rng.randint(1, 2)):
            name, label, aliases, role, _ = _weighted(rng, NOTABLES)
            if all(c[0] != name for c in chosen):
                chosen.append((name, label, aliases, role))
        for _ in range(rng.randint(0, 2)):
            name, role = rng.choice(self.minor_people)
            chosen.append((name, "PERSON", (name.split()[-1],), role))
        rng.shuffle(chosen)
        return chosen

    def _quote_paragraph(self, rng, w: _Writer, facts, mention, name, label, aliases, role,
                         outlet) -> None:
        quote = rng.choice(QUOTES)
        if rng.random() < 0.3:
            quote += f", especially on {rng.choice(TOPIC_WORDS)}"
        form = rng.randint(0, 3)
        if form == 0:
            sentence = f"“{quote},” {role} {name} told {outlet}."
            kind, shown = "direct", name
        elif form == 1:
            sentence = f"{name}, {role}, said: “{quote}.”"
            kind, shown = "direct", name
        elif form == 2:
            short = aliases[0] if aliases else name
            sentence = f"“{quote},” {short} said."
            kind, shown = "direct", short
        else:
            clause = quote[0].lower() + quote[1:]
            sentence = f"{name} said that {clause}."
            kind, shown = "reported", name
        start = w.add(sentence)
        at = sentence.index(quote[0].lower() + quote[1:] if kind == "reported" else quote)
        mention(name, label, aliases, role, start + sentence.index(shown), shown)
        facts.append(Fact("quote", dict(
            speaker=name, text=quote if kind == "direct" else quote[0].lower() + quote[1:],
            kind=kind, sentence=sentence, start=start + at, end=start + at + len(quote),
            speaker_entity=(name, label))))
        w.add(" " + self._context(rng, FORCE_ADJ["North Korea"], outlet) + "\n\n")

    def _second_estimate(self, rng, w: _Writer, facts, mention, force, adj, stated, weekday
                         ) -> None:
        claimant = _weighted(rng, CLAIMANTS)
        count = rng.choice(FIGURES)
        status, verb, _ = _weighted(rng, STATUSES)
        location = rng.choice(LOCATIONS)
        figure_text = f"{rng.choice(('about', 'more than', 'at least'))} {_figure_words(count)}"
        qualifier = figure_text.rsplit(" ", 1)[0]
        sentence = (f"{claimant[0]} separately estimated that {figure_text} {adj} troops "
                    f"{verb} {location}.")
        start = w.add(sentence)
        mention(claimant[0], claimant[1], claimant[2], None, start, claimant[0])
        at = sentence.index(figure_text)
        facts.append(Fact("estimate", dict(
            count=count, low=None, high=None, qualifier=qualifier, status=status, force=force,
            location=LOCATION_CANON.get(location, location), claimed_by=claimant[0],
            stated_on=stated, sentence=sentence, start=start + at,
            end=start + at + len(figure_text), composition=None,
            claimant=(claimant[0], claimant[1]))))
        w.add(" " + self._context(rng, adj, "officials") + "\n\n")

    @staticmethod
    def _context(rng: random.Random, adj: str, outlet: str) -> str:
        template = rng.choice(CONTEXT)
        sentence = template.format(
            adj=adj, unit=rng.choice(UNITS), org=rng.choice(MINOR_ORGS + [c[0] for c in CLAIMANTS[:6]]),
            place=rng.choice(LOCATIONS), topic=rng.choice(TOPIC_WORDS), outlet=outlet,
            n=rng.randint(2, 30), weekday=rng.choice(WEEKDAYS))
        return sentence[0].upper() + sentence[1:]

    # ------------------------------------------------------------------ near-copies

    def _near_copy(self, index: int, rng: random.Random, original: GenArticle) -> GenArticle:
        outlet = rng.choice([o for o in OUTLETS if o != original.outlet])
        head, _, body = original.text.partition("\n\n")
        paragraphs = body.split("\n\n")
        # a syndicated re-run: new byline, one short paragraph dropped at the end
        if len(paragraphs) > 4 and len(paragraphs[-1]) < 120:
            paragraphs = paragraphs[:-1]
        byline = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}, {outlet}"
        if "\n" in paragraphs[0]:
            paragraphs[0] = byline + "\n" + paragraphs[0].split("\n", 1)[1]
        text = head + "\n\n" + "\n\n".join(paragraphs) + f"\n\nThis story first ran in {original.outlet}."
        published = original.published + timedelta(days=rng.choice((0, 0, 1)))
        ingested = original.ingested_at + timedelta(hours=rng.randint(1, 30))
        return GenArticle(
            index=index, title=original.title, outlet=outlet,
            url=f"https://news.example/{outlet.lower().replace(' ', '-')}/{index}",
            published=published, ingested_at=ingested, text=text, copy_of=original.index)
