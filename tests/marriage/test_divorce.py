"""协议离婚 through the real services: 受理, withdrawal to the last day, appearance window, 视为撤回, 丧偶."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from minzheng.core.services.registry import record_death
from minzheng.marriage.errors import InvalidMarriageInput, MarriageConflict
from minzheng.marriage.models import DivorceApplication, DivorceStatus, MarriageRecord, MarriageStatus
from minzheng.marriage.services.deaths import consume_registry_changes
from minzheng.marriage.services.divorces import (
    Agreement,
    close_lapsed_applications,
    receive_divorce,
    refuse_divorce,
    register_divorce,
    withdraw_divorce,
)

from .factories import marry, party

pytestmark = pytest.mark.django_db
AGREEMENT = Agreement(
    children="婚生子随女方生活，男方每月给付抚养费1500元", property="住房归女方", debts="无"
)
T0 = date(2026, 6, 1)  # T0+30 = 2026-07-01 (Wed), T0+60 = 2026-07-31 (Fri): no holiday at either end


@pytest.fixture
def marriage(registry, registrar):
    return marry(registrar, registry, on=date(2020, 5, 20))


def receive(registrar, marriage, on=T0):
    return receive_divorce(registrar, marriage, registry=marriage.registry, agreement=AGREEMENT, on=on)


def test_receipt_sets_the_windows_t30_t31_t60(registrar, marriage):
    app = receive(registrar, marriage)
    assert (app.withdrawal_end, app.appearance_start, app.appearance_end) == (
        date(2026, 7, 1), date(2026, 7, 2), date(2026, 7, 31),
    )  # fmt: skip
    assert app.status == DivorceStatus.COOLING_OFF and not app.dates_provisional


def test_second_open_application_refused(registrar, marriage):
    receive(registrar, marriage)
    with pytest.raises(MarriageConflict):
        receive(registrar, marriage, on=T0 + timedelta(days=1))


def test_agreement_must_cover_children_property_debts_civil_code_1076(registrar, marriage):
    with pytest.raises(InvalidMarriageInput) as error:
        receive_divorce(
            registrar, marriage, registry=marriage.registry, agreement=Agreement("无", "", "无"), on=T0
        )
    assert error.value.field == "property"


def test_withdrawal_on_t30_accepted_civil_code_1077(registrar, marriage):
    app = receive(registrar, marriage)
    withdraw_divorce(registrar, app, party_sex="2", on=T0 + timedelta(days=30))
    app.refresh_from_db()
    assert (app.status, app.withdrawn_by, app.closed_on) == (DivorceStatus.WITHDRAWN, "2", date(2026, 7, 1))
    marriage.refresh_from_db()
    assert marriage.status == MarriageStatus.IN_FORCE


def test_withdrawal_on_t31_refused_with_the_closing_date(registrar, marriage):
    app = receive(registrar, marriage)
    with pytest.raises(MarriageConflict) as error:
        withdraw_divorce(registrar, app, party_sex="1", on=T0 + timedelta(days=31))
    assert "撤回期限已于2026-07-01届满" in error.value.message


def test_registration_on_t30_refused_t31_accepted_with_l_number(registrar, marriage):
    app = receive(registrar, marriage)
    with pytest.raises(MarriageConflict) as error:
        register_divorce(registrar, app, both_present=True, on=T0 + timedelta(days=30))
    assert "2026-07-02至2026-07-31" in error.value.message
    register_divorce(
        registrar, app, both_present=True, review_note="双方自愿，协议有效", on=T0 + timedelta(days=31)
    )
    app.refresh_from_db()
    marriage.refresh_from_db()
    assert app.certificate_number == "L210602-2026-000001"
    assert (marriage.status, marriage.ended_on) == (MarriageStatus.DIVORCED, date(2026, 7, 2))


def test_registration_needs_both_parties_present(registrar, marriage):
    app = receive(registrar, marriage)
    with pytest.raises(InvalidMarriageInput):
        register_divorce(registrar, app, both_present=False, on=T0 + timedelta(days=40))


def test_registration_on_t60_accepted_t61_refused(registrar, registry):
    late = receive(registrar, marry(registrar, registry, on=date(2019, 1, 1)))
    with pytest.raises(MarriageConflict) as error:
        register_divorce(registrar, late, both_present=True, on=T0 + timedelta(days=61))
    assert "2026-07-31届满" in error.value.message
    register_divorce(registrar, late, both_present=True, on=T0 + timedelta(days=60))


def test_refusal_after_review_keeps_the_marriage(registrar, marriage):
    app = receive(registrar, marriage)
    with pytest.raises(InvalidMarriageInput):
        refuse_divorce(registrar, app, review_note="", on=T0 + timedelta(days=35))
    refuse_divorce(registrar, app, review_note="一方对财产处理反悔", on=T0 + timedelta(days=35))
    marriage.refresh_from_db()
    assert marriage.status == MarriageStatus.IN_FORCE


def test_nightly_job_deems_withdrawn_only_after_t60(registrar, marriage):
    app = receive(registrar, marriage)
    assert close_lapsed_applications(today=T0 + timedelta(days=60)) == 0
    assert close_lapsed_applications(today=T0 + timedelta(days=61)) == 1
    assert close_lapsed_applications(today=T0 + timedelta(days=62)) == 0  # idempotent
    app.refresh_from_db()
    assert (app.status, app.closed_on) == (DivorceStatus.DEEMED_WITHDRAWN, date(2026, 8, 1))


def test_spring_festival_moves_the_withdrawal_end(registrar, marriage):
    """Received 2026-01-17: T0+30 falls in 春节 (02-15…23) → withdrawal possible until 2026-02-24."""
    app = receive(registrar, marriage, on=date(2026, 1, 17))
    assert app.withdrawal_end == date(2026, 2, 24)
    withdraw_divorce(registrar, app, party_sex="1", on=date(2026, 2, 24))


def test_marriage_command_runs(registrar, marriage, capsys):
    receive(registrar, marriage, on=date(2025, 1, 2))
    call_command("marriage_daily")
    assert DivorceApplication.objects.get().status == DivorceStatus.DEEMED_WITHDRAWN
    assert "视为撤回的离婚登记申请1件" in capsys.readouterr().out


def test_a_registered_death_ends_the_marriage_as_widowhood(registrar, registry, household, county_caseworker):
    """Marital status follows the registry: the consumer reads changes_since with its own cursor."""
    consume_registry_changes()  # skip the household's own registration changes
    head = household.head
    male = head.sex == "1"
    me = party(head.birth_date, male, name=head.name, number=head.id_number)
    spouse = party(date(1980, 1, 1), not male)
    record = marry(
        registrar, registry, male=me if male else spouse, female=spouse if male else me, on=date(2010, 1, 1)
    )
    app = receive(registrar, record)
    record_death(county_caseworker, head, death_date=date(2026, 6, 10))
    result = consume_registry_changes()
    assert result.ended == 1
    record.refresh_from_db()
    app.refresh_from_db()
    assert (record.status, record.ended_on) == (MarriageStatus.WIDOWED, date(2026, 6, 10))
    assert app.status == DivorceStatus.TERMINATED
    assert consume_registry_changes().processed == 0  # the cursor remembers
    # The survivor may marry again.
    marry(registrar, registry, male=spouse if not male else party(date(1985, 1, 1), True),
          female=spouse if male else party(date(1985, 1, 1), False))  # fmt: skip
    assert MarriageRecord.objects.filter(status=MarriageStatus.IN_FORCE).count() == 1
