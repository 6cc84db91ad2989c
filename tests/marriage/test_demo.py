"""demo_marriage over the core demo users: two registries, a year of registrations, divorces in every state."""

from datetime import date

from django.core.management import call_command

from minzheng.core.demo import load_demo as load_core_demo
from minzheng.marriage import demo
from minzheng.marriage.models import DivorceApplication, DivorceStatus, MarriageRecord, Registry
from minzheng.marriage.rules.certificates import parse_certificate_number


def test_demo_has_every_divorce_state_and_gap_free_numbers(divisions, policy, capsys):
    today = date.today()
    load_core_demo(seed=7, households=50, password="Demo@Pass2026", today=today)
    call_command("demo_marriage", seed=5)
    assert demo.demo_loaded() and Registry.objects.count() == 2
    assert set(DivorceApplication.objects.values_list("status", flat=True)) >= {
        DivorceStatus.COOLING_OFF, DivorceStatus.REGISTERED, DivorceStatus.WITHDRAWN,
        DivorceStatus.DEEMED_WITHDRAWN, DivorceStatus.REFUSED,
    }  # fmt: skip
    open_ones = DivorceApplication.objects.filter(status=DivorceStatus.COOLING_OFF)
    assert any(a.withdrawal_end >= today for a in open_ones)  # still in the cooling-off period
    assert any(a.appearance_start <= today <= a.appearance_end for a in open_ones)  # waiting for both
    by_key: dict = {}
    for number in MarriageRecord.objects.values_list("certificate_number", flat=True):
        parsed = parse_certificate_number(number)
        by_key.setdefault((parsed.division_code, parsed.year), []).append(parsed.sequence)
    for sequences in by_key.values():
        assert sorted(sequences) == list(range(1, len(sequences) + 1))
    from minzheng.marriage.models import Appointment

    assert Appointment.objects.exists()
    from minzheng.marriage.models import CounsellingSession

    assert CounsellingSession.objects.count() == 24
    call_command("demo_marriage")
    assert "已存在" in capsys.readouterr().out
