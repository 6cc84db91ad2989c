"""检索选择: the chosen key is checked on the server in the user's jurisdiction — another region's key gets the
very error a missing one gets; a full number typed without choosing still works when it names one record."""

import pytest

from minzheng.web.kit.forms import KitForm
from minzheng.web.kit.picker import PickerField
from tests.core.factories import PASSWORD, HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


class PersonForm(KitForm):
    person = PickerField("老年人", "person")


class HouseholdForm(KitForm):
    household = PickerField("家庭", "household")


def _error(form) -> str:
    assert not form.is_valid()
    return form.errors["person" if "person" in form.fields else "household"][0]


def test_a_chosen_person_in_the_jurisdiction_is_accepted(county_caseworker, divisions):
    person = PersonFactory(name="黄帆")
    form = PersonForm({"person": str(person.pk), "person_text": "黄帆"}, user=county_caseworker)
    assert form.is_valid() and form.cleaned_data["person"].pk == person.pk
    assert person.id_number not in form.cleaned_data["person"].detail


def test_another_regions_key_gets_the_same_error_as_a_missing_one(county_caseworker, divisions):
    theirs = PersonFactory(village="210603001001", name="黄帆")
    outside = _error(PersonForm({"person": str(theirs.pk)}, user=county_caseworker))
    missing = _error(PersonForm({"person": str(theirs.pk + 1000)}, user=county_caseworker))
    assert outside == missing and "本辖区" in outside


@pytest.mark.parametrize("key", ["abc", "-1", "0", "9" * 30, "1.5"])
def test_a_malformed_key_is_an_error_never_a_crash(county_caseworker, divisions, key):
    assert "本辖区" in _error(PersonForm({"person": key}, user=county_caseworker))


def test_nothing_chosen_is_required(county_caseworker, divisions):
    assert _error(PersonForm({}, user=county_caseworker)) == "请选择老年人"


def test_without_a_user_nothing_is_accepted(divisions):
    person = PersonFactory()
    assert "本辖区" in _error(PersonForm({"person": str(person.pk)}))


def test_a_full_id_number_typed_without_choosing_still_works_but_not_another_regions(
    county_caseworker, divisions
):
    mine = PersonFactory()
    theirs = PersonFactory(village="210603001001")
    form = PersonForm({"person": "", "person_text": mine.id_number}, user=county_caseworker)
    assert form.is_valid() and form.cleaned_data["person"].pk == mine.pk
    outside = _error(PersonForm({"person": "", "person_text": theirs.id_number}, user=county_caseworker))
    assert outside == _error(PersonForm({"person": "", "person_text": "黄帆"}, user=county_caseworker))


def test_a_household_number_typed_or_chosen(county_caseworker, outsider, divisions):
    household = HouseholdFactory()
    assert HouseholdForm({"household_text": household.number}, user=county_caseworker).is_valid()
    assert HouseholdForm({"household": str(household.pk)}, user=county_caseworker).is_valid()
    assert not HouseholdForm({"household": str(household.pk)}, user=outsider).is_valid()


def login(client, user):
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def test_the_application_form_refuses_another_regions_household_like_a_missing_one(
    client, county_caseworker, divisions
):
    from minzheng.assistance.models import AssistanceCase
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()
    theirs = HouseholdFactory(village="210603001001")
    data = {"program_code": "dibao_urban", "source": "self", "applied_on": "2026-03-02", "reason": "失业"}
    login(client, county_caseworker)
    outside = client.post("/assistance/cases/new/", {**data, "household": theirs.pk}).content.decode()
    missing = client.post("/assistance/cases/new/", {**data, "household": theirs.pk + 999}).content.decode()
    message = "未找到该家庭：请输入姓名或身份证号检索，并从结果中选择本辖区的记录"
    assert message in outside and message in missing and not AssistanceCase.objects.exists()


def test_the_application_form_opens_a_case_for_the_chosen_household(client, county_caseworker, divisions):
    from minzheng.assistance.models import AssistanceCase
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()
    household = HouseholdFactory()
    data = {"program_code": "dibao_urban", "source": "self", "applied_on": "2026-03-02", "reason": "失业"}
    response = login(client, county_caseworker).post(
        "/assistance/cases/new/", {**data, "household": household.pk}
    )
    assert response.status_code == 302 and AssistanceCase.objects.get().household_id == household.pk
