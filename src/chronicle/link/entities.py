"""Entities across articles: one story-wide entity per referent, every alias kept.

Per-article extraction already resolved "Kim" to "Kim Jong Un" and "the DPRK" to
"North Korea" inside each article; across articles, two entities are the same when
they share a type and a name or alias (countries are normalized to one standard name
by the extractor, so this mostly joins people and organisations).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from chronicle.models import Entity, EventMention, StoryEntity

__all__ = ["canonical_names", "entity_thread", "link_entities"]

# A bare surname or acronym of two letters joins too much ("Lee", "UN" vs "un").
_MIN_ALIAS_LENGTH = 3


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def link_entities(per_article: dict[str, tuple[Entity, ...]]) -> list[StoryEntity]:
    """Merge per-article entities into story entities, most mentioned first."""
    items: list[tuple[str, Entity]] = [(aid, e) for aid, ents in per_article.items() for e in ents]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Full names join on sight; aliases only when unambiguous within a type (one full
    # name owns them), so "Kim" does not join two different Kims.
    by_name: dict[tuple[str, str], int] = {}
    for index, (_, entity) in enumerate(items):
        key = (entity.type, _key(entity.name))
        if key in by_name:
            parent[find(index)] = find(by_name[key])
        else:
            by_name[key] = index
    alias_owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, entity in items:
        for alias in entity.aliases:
            alias_owners[(entity.type, _key(alias))].add(_key(entity.name))
    for index, (_, entity) in enumerate(items):
        for alias in (entity.name, *entity.aliases):
            key = (entity.type, _key(alias))
            if len(key[1]) < _MIN_ALIAS_LENGTH or len(alias_owners.get(key, ())) > 1:
                continue
            if key in by_name:
                parent[find(index)] = find(by_name[key])

    groups: dict[int, list[tuple[str, Entity]]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[find(index)].append(item)
    merged: list[StoryEntity] = []
    for members in groups.values():
        names = Counter(e.name for _, e in members)
        name = max(names, key=lambda n: (names[n], len(n)))
        aliases = sorted({a for _, e in members for a in (e.name, *e.aliases)} - {name})
        merged.append(
            StoryEntity(
                id="",
                name=name,
                type=members[0][1].type,
                aliases=tuple(aliases),
                articles=tuple(dict.fromkeys(aid for aid, _ in members)),
                mentions=sum(len(e.mentions) for _, e in members),
            )
        )
    merged.sort(key=lambda e: (-e.mentions, -len(e.articles), e.name))
    return [
        StoryEntity(f"E{i}", e.name, e.type, e.aliases, e.articles, e.mentions)
        for i, e in enumerate(merged, start=1)
    ]


def entity_thread(
    mentions: list[EventMention], entities: list[StoryEntity], query: str
) -> list[EventMention] | None:
    """The mentions that name the entity ``query`` names, under any of its names ("Kim" for
    "Kim Jong Un"); ``None`` when the query names no entity of the story."""
    wanted = " ".join(query.casefold().split())
    for entity in entities:
        names = {entity.name, *entity.aliases}
        if wanted in {" ".join(n.casefold().split()) for n in names}:
            pattern = re.compile(
                r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b",
                re.IGNORECASE,
            )
            return [m for m in mentions if pattern.search(m.sentence)]
    return None


def canonical_names(entities: list[StoryEntity]) -> dict[str, str]:
    """Every name and alias of the story's entities, to the entity's name; an alias two
    entities share ("Kim" of two Kims) keeps no canonical name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            owners[name].add(entity.name)
    return {name: next(iter(found)) for name, found in owners.items() if len(found) == 1}
