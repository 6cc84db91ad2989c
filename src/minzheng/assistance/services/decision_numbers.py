"""决定书文号: a decided case's number in its deciding office's yearly sequence (per bureau, or per township
when the county delegated 审核确认), given once at the decision and kept for every later print."""

from minzheng.policy.interface import bureau_code, issue_document_number, township_code

from ..models import AssistanceCase, CaseStatus

DECISION_KIND = "assistance_decision"
DECISION_KIND_CODE = "救决"  # 文种代字 of 社会救助 决定书 and 不予批准通知书 (one series: both are 决定)


def deciding_office_code(case: AssistanceCase) -> str:
    """The office that decides: the township under 委托审核确认, else the county's 民政局."""
    return (
        township_code(case.division_code)
        if case.deciding_level == "township"
        else bureau_code(case.division_code)
    )


def decision_number(user, case: AssistanceCase) -> str:
    """The case's 文号 (numbered now if it was decided before numbering existed); empty while undecided."""
    if case.status not in (CaseStatus.APPROVED, CaseStatus.REJECTED) or case.decided_on is None:
        return ""
    return issue_document_number(
        user,
        office_code=deciding_office_code(case),
        kind=DECISION_KIND,
        kind_code=DECISION_KIND_CODE,
        year=case.decided_on.year,
        object_type="assistance_case",
        object_id=case.pk,
    )
