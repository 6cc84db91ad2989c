"""政策参数目录: every domain declares its own parameters; the store collects them and refuses what is undeclared."""

from datetime import date

import pytest

from minzheng.policy import catalogue
from minzheng.policy.interface import InvalidPolicyValue, load_policy, parameter_in_force, parameter_value
from minzheng.policy.models import PolicyParameter
from minzheng.policy.specs import NATIONAL, ParameterSpec, SeedParameter, national


def test_each_domain_declares_its_parameters_in_its_own_module():
    from minzheng.assistance import policy_parameters as assistance
    from minzheng.eldercare import policy_parameters as eldercare
    from minzheng.verification import policy_parameters as verification

    names = {spec.name for spec in catalogue.parameters()}
    for module in (assistance, eldercare, verification):
        assert {spec.name for spec in module.PARAMETERS} <= names
    assert "eldercare_reassessment_months" in {spec.name for spec in eldercare.PARAMETERS}
    assert "eldercare_reassessment_months" not in {spec.name for spec in assistance.PARAMETERS}


def test_no_name_is_declared_twice_and_every_seed_is_declared_with_a_source():
    names = [spec.name for spec in catalogue.parameters()]
    assert len(names) == len(set(names))
    for seed in catalogue.seeds():
        assert seed.name in names
        assert seed.source_note.strip(), f"{seed.name} ships without its source"
        assert "issue" not in seed.source_note  # sources name documents, never development tickets


def test_a_second_declaration_of_a_name_is_refused_at_start_up(monkeypatch):
    import types

    duplicate = types.ModuleType("minzheng.planning.policy_parameters")
    duplicate.PARAMETERS = (ParameterSpec("elderly_age", "重复", "周岁"),)
    real_modules = catalogue.app_modules
    monkeypatch.setattr(
        catalogue, "app_modules", lambda basename: [*real_modules(basename), (None, duplicate)]
    )
    catalogue._declarations.cache_clear()
    catalogue._by_name.cache_clear()
    try:
        with pytest.raises(ImportError, match="declared twice"):
            catalogue.parameters()
    finally:
        catalogue._declarations.cache_clear()
        catalogue._by_name.cache_clear()


def test_national_seed_helper_keeps_decimal_values():
    seed = national("elderly_age", 60, "《老年人权益保障法》第二条", date(2021, 7, 1))
    assert seed == SeedParameter("elderly_age", NATIONAL, date(2021, 7, 1), "《老年人权益保障法》第二条", 60)


@pytest.mark.django_db
def test_load_policy_ships_every_domains_values_once():
    first = load_policy()
    assert first.parameters == len(catalogue.seeds()) and first.holidays > 0
    again = load_policy()
    assert again.parameters == 0 and again.holidays == 0
    assert PolicyParameter.objects.count() == len(catalogue.seeds())
    # an eldercare figure, declared by 养老服务, is answered by the store for a village of 丹东
    assert parameter_value("eldercare_reassessment_months", "210602002001", date(2024, 1, 1)) == 12
    assert parameter_in_force("exchange_retention_days", "210602", date(2024, 1, 1)).value == 365


@pytest.mark.django_db
def test_an_undeclared_name_is_refused():
    with pytest.raises(InvalidPolicyValue):
        parameter_value("no_such_parameter", "210602", date(2024, 1, 1))
