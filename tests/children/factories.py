"""Test data for 儿童福利: children of the registry and their files."""

from datetime import date

from minzheng.children.services import register
from tests.core.factories import PersonFactory


def make_child(birth: date = date(2015, 4, 1), name: str = "李小雨", village: str = "210602002001", **extra):
    return PersonFactory(village=village, birth=birth, name=name, male=False, **extra)


def open_file(actor, child=None, registered_on: date = date(2026, 1, 5)):
    return register.open_record(actor, person=child or make_child(), registered_on=registered_on)


def both_parents(actor, record, condition: str, since: date = date(2024, 1, 1), **extra):
    for role in ("father", "mother"):
        register.record_parent_status(
            actor, record, role=role, condition=condition, since=since, evidence="证明", **extra
        )


def child_in_household(household=None, birth: date = date(2015, 4, 1), name: str = "李小雨", **extra):
    """A child living in a registry household (the roster pays per household): a new one of 2 by default."""
    from minzheng.core.models import HouseholdMembership
    from tests.core.factories import HouseholdFactory

    household = household or HouseholdFactory(size=2)
    child = make_child(birth=birth, name=name, village=household.residence_division_code, **extra)
    HouseholdMembership.objects.create(
        household=household, person=child, relation="20", valid_from=date(2020, 1, 1)
    )
    return child
