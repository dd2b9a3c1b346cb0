"""Which actors the chart of tone toward actors shows: the most named, and the other sides' with them.

The chart has room for a few actors.  Taking only the most mentioned shows
one side of a conflict without the other: a set of articles on the Middle
East names Israel more often than the Palestinians, and a chart of the five
most mentioned actors showed Israel and not them.  So each actor is given the
side an actor registry gives it (its name or one of its aliases is a
registered actor or affiliation: "IDF" is ``israel``, "Hamas"
``palestinian``), and when an actor is chosen, the most mentioned actor of
each other side of the same registry is shown with it, up to
:data:`MAX_ACTORS` in all.  An actor no registry names has no side and
brings no other.

Examples
--------
>>> sides = {"israel": "israel", "palestinians": "palestinian", "hamas": "palestinian"}
>>> others = {"israel": ("palestinian",), "palestinian": ("israel",)}
>>> choose_actors(["us", "israel", "iran", "china", "eu", "russia", "palestinians", "hamas"], sides, others)
['us', 'israel', 'iran', 'china', 'eu', 'palestinians']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from framing.datafiles import load_toml
from framing.features.attribution.registries import RegistrySet
from framing.features.sentiment.targets import load_targets

# The most mentioned actors the chart shows, before the other sides' are added…
MOST_NAMED = 5
# …and the most it shows with them (each panel is a column of the chart).
MAX_ACTORS = 7


def choose_actors(ranked: Sequence[str], sides: Mapping[str, str], other_sides: Mapping[str, Sequence[str]],
                  most_named: int = MOST_NAMED, at_most: int = MAX_ACTORS) -> list[str]:
    """The actors to show, in ``ranked`` order (most named first): the first ``most_named``, then, while fewer
    than ``at_most`` are chosen, for each of them in turn the first-ranked actor of each other side.

    ``sides`` gives an actor's side (see :func:`target_sides`), ``other_sides`` a side's counterparts
    (see :func:`other_sides`).

    >>> sides, others = {"trump": "republican", "obama": "democrat"}, {"republican": ("democrat",)}
    >>> choose_actors(["trump", "us", "china", "obama"], sides, others, most_named=2, at_most=3)
    ['trump', 'us', 'obama']
    >>> choose_actors(["trump", "us", "china", "obama"], sides, others, most_named=2, at_most=2)
    ['trump', 'us']
    """
    first_of_side: dict[str, str] = {}
    for actor in ranked:
        side = sides.get(actor)
        if side is not None:
            first_of_side.setdefault(side, actor)
    chosen = list(ranked[:most_named])
    for actor in ranked[:most_named]:
        for side in other_sides.get(sides.get(actor, ""), ()):
            other = first_of_side.get(side)
            if other is not None and other not in chosen and len(chosen) < at_most:
                chosen.append(other)
    position = {actor: number for number, actor in enumerate(ranked)}
    return sorted(chosen, key=position.__getitem__)


@lru_cache(maxsize=4)
def target_sides(actor_files: tuple[str, ...] = ()) -> dict[str, str]:
    """Each tone target's side, by target key: that of the first of its name and aliases the registries (the
    packaged ones and ``actor_files``) name as an actor or an affiliation; targets they don't name are left out.

    >>> sides = target_sides()
    >>> sides["israel"], sides["palestinians"], sides["trump"], "china" in sides
    ('israel', 'palestinian', 'republican', False)
    """
    registry = RegistrySet.load(actor_files).everything
    sides = {}
    for target in load_targets():
        for spelling in (target.name, *target.aliases):
            actor = registry.actor_named(spelling)
            side = actor.side if actor is not None else (
                registry.affiliation_side(spelling) if registry.is_affiliation(spelling) else None)
            if side:
                sides[target.key] = side
                break
    return sides


@lru_cache(maxsize=4)
def other_sides(actor_files: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Each side's counterparts: the other sides of every registry that defines it, in file order.

    >>> other_sides()["israel"], other_sides()["democrat"][:2]
    (('palestinian',), ('republican', 'us_administration'))
    """
    found: dict[str, list[str]] = {}
    for source in RegistrySet.load(actor_files).sources:
        defined = list(load_toml(source)[0].get("sides", {}))
        for side in defined:
            others = found.setdefault(side, [])
            others.extend(other for other in defined if other != side and other not in others)
    return {side: tuple(others) for side, others in found.items()}
