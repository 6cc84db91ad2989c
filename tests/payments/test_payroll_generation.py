"""Generating a month's roster: amounts equal the entitlements, re-runs and crashes never pay twice,
overlapping rosters are refused, later changes follow the documented rule."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from minzheng.assistance.selectors.entitlements import entitlements_for_month
from minzheng.assistance.services.enrolments import change_amount, stop_enrolment
from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.payments.errors import PayrollError, RosterConflict, RosterLocked
from minzheng.payments.models import LineKind, PayrollLine, PayrollRoster
from minzheng.payments.services import generation
from minzheng.payments.services.approval import approve_roster, submit_roster
from minzheng.payments.services.generation import generate_roster

from .conftest import MONTH

pytestmark = pytest.mark.django_db


def _generate(user, division="210602000000", month=MONTH):
    return generate_roster(user, program_code="dibao_urban", division_code=division, month=month).roster


def test_roster_lines_equal_the_entitlements_of_the_month(beneficiaries, county_caseworker):
    roster = _generate(county_caseworker)
    expected = {
        e.enrolment_id: e.monthly_amount
        for e in entitlements_for_month(MONTH, program_code="dibao_urban", division_code="210602000000")
    }
    lines = {line.enrolment_id: line.amount for line in roster.lines.all()}
    assert lines == expected and len(lines) == 4
    assert roster.total_amount == Decimal("2783.50")
    assert (roster.line_count, roster.household_count, roster.person_count) == (4, 4, 10)
    assert list(roster.lines.order_by("seq").values_list("township_code", flat=True)) == [
        "210602002000", "210602002000", "210602003000", "210602003000",
    ]  # fmt: skip
    assert AuditEvent.objects.filter(object_type="payroll_roster", object_id=str(roster.pk)).exists()


def test_running_the_month_twice_replaces_the_lines_never_adds(beneficiaries, county_caseworker):
    first = _generate(county_caseworker)
    second = _generate(county_caseworker)
    assert first.pk == second.pk and second.generation == 2
    assert PayrollLine.objects.count() == 4
    assert PayrollRoster.objects.count() == 1


def test_a_crash_half_way_leaves_nothing_and_the_rerun_pays_each_once(
    beneficiaries, county_caseworker, monkeypatch
):
    def crash(*args, **kwargs):
        # After the regular lines are written, while the adjustment lines are being copied in.
        assert PayrollLine.objects.count() == 4
        raise OSError("connection lost")

    real_insert = generation.insert_rows
    monkeypatch.setattr(generation, "insert_rows", crash)
    with pytest.raises(OSError):
        _generate(county_caseworker)
    assert PayrollLine.objects.count() == 0
    assert not PayrollRoster.objects.filter(generation__gt=0).exists()
    monkeypatch.setattr(generation, "insert_rows", real_insert)
    roster = _generate(county_caseworker)
    assert roster.lines.count() == 4


def test_a_crash_while_regenerating_keeps_the_previous_lines(beneficiaries, county_caseworker, monkeypatch):
    first = _generate(county_caseworker)
    kept = sorted(first.lines.values_list("pk", "amount"))

    def crash(roster, user):
        raise OSError("disk full")

    monkeypatch.setattr(generation, "_store_totals", crash)
    with pytest.raises(OSError):
        _generate(county_caseworker)
    first.refresh_from_db()
    assert first.generation == 1 and sorted(first.lines.values_list("pk", "amount")) == kept


def test_the_database_refuses_a_second_regular_payment_for_a_month(beneficiaries, county_caseworker):
    roster = _generate(county_caseworker)
    line = roster.lines.first()
    other = PayrollRoster.objects.create(
        program_code="dibao_urban", program_name="x", division_code="210602003000", month=MONTH
    )
    line.pk, line.roster, line.seq = None, other, 1
    with pytest.raises(IntegrityError), transaction.atomic():
        line.save()


def test_overlapping_rosters_are_refused(beneficiaries, county_caseworker):
    _generate(county_caseworker, "210602002000")
    with pytest.raises(RosterConflict):
        _generate(county_caseworker, "210602000000")
    township = _generate(county_caseworker, "210602003000")
    assert township.line_count == 2


def test_scope_and_capability_checks(beneficiaries, county_caseworker, outsider, approver):
    with pytest.raises(PayrollError) as error:
        _generate(outsider, "210602000000")
    assert error.value.field == "division_code"
    with pytest.raises(PayrollError):
        _generate(county_caseworker, "210602002001")  # a village is not a payroll level
    with pytest.raises(PermissionDenied):
        _generate(approver)
    with pytest.raises(PayrollError):
        generate_roster(county_caseworker, program_code="nope", division_code="210602000000", month=MONTH)


def test_changes_after_approval_become_adjustment_lines_next_month(
    beneficiaries, county_caseworker, approver
):
    june = _generate(county_caseworker)
    submit_roster(county_caseworker, june)
    approve_roster(approver, june)
    with pytest.raises(RosterLocked):
        _generate(county_caseworker)
    raised, stopped = beneficiaries[0], beneficiaries[1]
    change_amount(
        county_caseworker,
        raised,
        from_month=MONTH,
        monthly_amount=Decimal("560.00"),
        persons=3,
        kind="increase",
        reason="补录6月起增保",
    )
    stop_enrolment(county_caseworker, stopped, last_month=date(2026, 5, 1), reason="5月死亡，次月停发")
    july = _generate(county_caseworker, month=date(2026, 7, 1))
    by_kind = {(line.enrolment_id, line.kind): line.amount for line in july.lines.all()}
    assert by_kind[(raised.pk, LineKind.REGULAR)] == Decimal("560.00")
    assert by_kind[(raised.pk, LineKind.ARREARS)] == Decimal("60.00")
    assert by_kind[(stopped.pk, LineKind.DEDUCTION)] == Decimal("-420.50")
    assert (stopped.pk, LineKind.REGULAR) not in by_kind
    # The July draft regenerated gives the same adjustments once — never twice.
    july = _generate(county_caseworker, month=date(2026, 7, 1))
    assert july.lines.filter(kind__in=[LineKind.ARREARS, LineKind.DEDUCTION]).count() == 2


def test_the_set_based_query_gives_the_same_rows_as_the_entitlements_contract(
    beneficiaries, county_caseworker
):
    from minzheng.assistance.selectors.payable_amounts import entitlement_rows, payable_amounts

    change_amount(
        county_caseworker,
        beneficiaries[2],
        from_month=date(2026, 5, 1),
        monthly_amount=Decimal("700"),
        persons=1,
        kind="raise",
        reason="提标",
    )
    stop_enrolment(county_caseworker, beneficiaries[3], last_month=date(2026, 4, 1), reason="迁出")
    for month in (date(2026, 2, 1), date(2026, 4, 1), MONTH):
        contract = {
            (e.enrolment_id, e.household_number, e.payee_name, e.bank_account, e.persons, e.monthly_amount)
            for e in entitlements_for_month(month, program_code="dibao_urban", division_code="210602000000")
        }
        rows = {
            (
                r["e_enrolment_id"],
                r["e_household_number"],
                r["e_payee_name"],
                r["e_bank_account"],
                r["e_persons"],
                Decimal(r["e_monthly_amount"]).quantize(Decimal("0.01")),
            )
            for r in entitlement_rows(month, program_code="dibao_urban", division_code="210602000000")
        }
        assert rows == contract
        assert payable_amounts(month, program_code="dibao_urban", division_code="210602000000") == {
            r[0]: r[5] for r in contract
        }


def test_a_household_whose_amount_fell_to_zero_gets_no_line(beneficiaries, county_caseworker):
    first = beneficiaries[0]
    change_amount(
        county_caseworker, first, from_month=MONTH, monthly_amount=Decimal("0"), persons=3, kind="decrease",
        reason="收入接近标准，补差为零",
    )  # fmt: skip
    roster = _generate(county_caseworker)
    assert first.pk not in set(roster.lines.values_list("enrolment_id", flat=True))
    assert roster.line_count == 3


def test_a_status_only_program_has_no_roster(beneficiaries, county_caseworker):
    with pytest.raises(PayrollError) as error:
        generate_roster(
            county_caseworker, program_code="dibao_edge", division_code="210602000000", month=MONTH
        )
    assert error.value.field == "program_code" and "不按月发放" in error.value.message
