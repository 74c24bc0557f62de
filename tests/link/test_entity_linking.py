"""Merging per-article entities into story entities."""

from __future__ import annotations

from chronicle.link.entities import link_entities
from chronicle.models import Entity, Mention


def entity(eid: str, name: str, etype: str, *aliases: str, mentions: int = 1) -> Entity:
    return Entity(eid, name, etype, tuple(aliases), tuple(Mention(0, 1, name) for _ in range(mentions)))  # type: ignore[arg-type]


def test_same_name_and_unambiguous_alias_merge() -> None:
    merged = link_entities({
        "a": (entity("e1", "Marta Quellin", "PERSON", "Quellin", mentions=3),),
        "b": (entity("e1", "Quellin", "PERSON"), entity("e2", "Valmora", "GPE")),
        "c": (entity("e4", "Marta Quellin", "PERSON", "Ms Quellin"),),
    })
    people = [e for e in merged if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Marta Quellin" and people[0].articles == ("a", "b", "c")
    assert set(people[0].aliases) == {"Quellin", "Ms Quellin"}
    assert people[0].mentions == 5
    assert [e.id for e in merged] == ["E1", "E2"]


def test_ambiguous_surname_does_not_join_two_people() -> None:
    merged = link_entities({
        "a": (entity("e1", "Anna Lind", "PERSON", "Lind"),),
        "b": (entity("e1", "Peter Lind", "PERSON", "Lind"),),
        "c": (entity("e1", "Lind", "PERSON"),),
    })
    assert sorted(e.name for e in merged) == ["Anna Lind", "Lind", "Peter Lind"]


def test_types_keep_entities_apart() -> None:
    merged = link_entities({"a": (entity("e1", "Jordan", "GPE"),), "b": (entity("e1", "Jordan", "PERSON"),)})
    assert len(merged) == 2
