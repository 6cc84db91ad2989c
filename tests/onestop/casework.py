"""The township's 社会救助 casework on a case the window opened (what its own pages do, by its services)."""

from datetime import date
from decimal import Decimal

from minzheng.assistance.services import decisions, workflow
from tests.assistance.casework import to_approval
from tests.assistance.factories import add_parameter
from tests.core.factories import make_user

DANDONG = "210600000000"


def approve_temporary(case_id: int) -> None:
    """临时救助（支出型） from 已申请 to 已批准: 受理, 核对, 入户调查, 乡镇审核, 公示, 县级审批."""
    add_parameter("temporary_assistance_months", DANDONG, date(2021, 1, 1), "1")
    add_parameter("temporary_assistance_cap", DANDONG, date(2021, 1, 1), "3000")
    caseworker = make_user("caseworker", "210602000000", username="yb_case_jb")
    reviewer = make_user("reviewer", "210602002000", username="qd_case_sh")
    approver = make_user("approver", "210602000000", username="yb_case_sp")
    workflow.accept(caseworker, case_id, on=date(2026, 3, 3))
    workflow.start_verification(caseworker, case_id, on=date(2026, 3, 4))
    workflow.record_verification_by_hand(
        caseworker, case_id, per_capita_income=Decimal("100"), per_capita_assets=Decimal(0), note="入户核实"
    )
    to_approval(caseworker, reviewer, case_id, findings="医疗支出大")
    decisions.decide(approver, case_id, decision="approve", on=date(2026, 3, 18))
