"""What the actor registries say of a name, on the packaged registries."""

from framing.features.attribution.actors import ActorRegistry
from framing.features.attribution.registries import RegistrySet
from framing.features.attribution.registry_names import not_a_name, office_holders, other_first_name


def us_registry():
    return RegistrySet.load().for_text("Trump, Obama, Republicans and Democrats in Congress. " * 3)


def test_presidents_are_the_office_holders_of_president_not_of_vice_president():
    names = {a.name for a in office_holders(us_registry(), ("president",))}
    assert {"Donald Trump", "Barack Obama"} <= names and "Mike Pence" not in names


def test_another_first_name_before_a_registered_surname_is_someone_else():
    flynn = ActorRegistry.load().find_actor("Michael Flynn") or us_registry().find_actor("Michael Flynn")
    assert other_first_name("Sara Flynn, a nurse from Kentucky", flynn)
    assert not other_first_name("Retired Lt. Gen. Michael Flynn", flynn)


def test_a_capitalised_common_word_is_not_a_name():
    registry = ActorRegistry.load()
    assert [w for w in ("Critics", "But", "One", "Grushko") if not_a_name(w, registry)] == ["Critics", "But", "One"]
