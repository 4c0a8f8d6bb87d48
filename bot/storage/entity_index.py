"""The stored entities and their aliases in memory, for ingesting many articles.

`find_entity` asks the database two or three queries a name; an ingest run meets thousands of
names. `EntityIndex` loads every entity and alias once, then only what other writers added since
(`refresh`, two small queries a transaction), and answers `find` exactly as `find_entity` does:
an exact alias first (a one-word person name only when one entity has it), then a close spelling
among entities with a word starting like the name's last word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.extraction.names import normalise_name, same_entity
from bot.storage.models import Entity, EntityAlias

PERSON = "PERSON"
OTHER_LABELS = frozenset(("ORG", "GPE", "NORP", "LOC", "FAC"))
MAX_SPELLING_CANDIDATES = 200   # as find_entity: the first 200 entities by id


def labels_of_kind(label: str) -> frozenset[str]:
    return frozenset((PERSON,)) if label == PERSON else OTHER_LABELS


TRY_SPELLINGS = object()   # pick_exact: "look at close spellings next"


def pick_exact(found: list, key: str, label: str | None):
    """Of the (at most two, lowest id first) entities holding the alias `key`: the one the name
    means, None when nothing may be taken, or `TRY_SPELLINGS` when close spellings are to be tried.
    A one-word person name ("Kim") is only taken when a single entity has it."""
    single_word = " " not in key
    if len(found) == 1 or (found and not (single_word and label in (None, PERSON))):
        return found[0]
    if found or not label or (single_word and label == PERSON):
        return None
    return TRY_SPELLINGS


@dataclass
class IndexedEntity:
    id: int
    name: str
    label: str
    role: str | None
    aliases: dict[str, str] = field(default_factory=dict)    # normalized -> alias as written


class EntityIndex:
    def __init__(self) -> None:
        self.entities: dict[int, IndexedEntity] = {}
        self._by_key: dict[str, set[int]] = {}
        self._by_word_start: dict[str, set[int]] = {}      # 1- and 2-letter word starts
        self._by_name: dict[tuple[str, str], int] = {}
        self._last_entity = 0
        self._last_alias = 0

    # -- loading -------------------------------------------------------------------------------
    def refresh(self, session: Session) -> None:
        """Take in the entities and aliases stored since the last refresh (all, the first time)."""
        for entity_id, name, label, role in session.execute(
                select(Entity.id, Entity.name, Entity.label, Entity.role)
                .where(Entity.id > self._last_entity).order_by(Entity.id)):
            self.add_entity(entity_id, name, label, role)
        for alias_id, entity_id, alias, normalized in session.execute(
                select(EntityAlias.id, EntityAlias.entity_id, EntityAlias.alias,
                       EntityAlias.normalized)
                .where(EntityAlias.id > self._last_alias).order_by(EntityAlias.id)):
            self._last_alias = max(self._last_alias, alias_id)
            if entity_id in self.entities:
                self.add_alias(entity_id, alias, normalized)

    def add_entity(self, entity_id: int, name: str, label: str, role: str | None) -> None:
        self._last_entity = max(self._last_entity, entity_id)
        if entity_id not in self.entities:
            self.entities[entity_id] = IndexedEntity(entity_id, name, label, role)
            self._by_name.setdefault((name, label), entity_id)

    def add_alias(self, entity_id: int, alias: str, normalized: str) -> None:
        entity = self.entities[entity_id]
        if normalized in entity.aliases:
            return
        entity.aliases[normalized] = alias
        self._by_key.setdefault(normalized, set()).add(entity_id)
        for word in normalized.split(" "):
            if word:
                self._by_word_start.setdefault(word[:1], set()).add(entity_id)
                self._by_word_start.setdefault(word[:2], set()).add(entity_id)

    # -- lookups -------------------------------------------------------------------------------
    def by_name(self, name: str, label: str) -> int | None:
        return self._by_name.get((name, label))

    def find(self, name: str, label: str | None = None) -> int | None:
        """The id `find_entity(session, name, label)` would return."""
        key = normalise_name(name)
        if not key:
            return None
        kinds = labels_of_kind(label) if label else None
        found = sorted(i for i in self._by_key.get(key, ())
                       if kinds is None or self.entities[i].label in kinds)[:2]
        exact = pick_exact(found, key, label)
        if exact is not TRY_SPELLINGS:
            return exact
        last = key.split()[-1][:2]
        candidates = sorted(i for i in self._by_word_start.get(last, ())
                            if self.entities[i].label in kinds)
        for entity_id in candidates[:MAX_SPELLING_CANDIDATES]:
            for normalized, alias in self.entities[entity_id].aliases.items():
                if label == PERSON and " " not in normalized:
                    continue
                if same_entity(name, alias, label):
                    return entity_id
        return None
