"""社会救助's panel on the registry's household page (``core.household_panels``): 在保 programs with the
amount in force, applications in progress with their stage, and what ended lately."""

from datetime import date

from django.urls import reverse

from minzheng.core.household_panels import HouseholdPanel, PanelRow
from minzheng.core.permissions import Capability, has_capability

from .selectors.household_status import household_assistance


def assistance_panel(user, household_id: int) -> HouseholdPanel:
    today = date.today()
    status = household_assistance(user, household_id, today)
    rows = [
        PanelRow(
            label=enrolment.program.name,
            # 低保边缘 and other programs without a cash benefit are 在保 with no amount to state
            status="在保" + (f"，每月 {amount:,.2f} 元" if amount else ""),
            since=f"{enrolment.start_month:%Y-%m} 起",
            url=reverse("assistance:enrolment_detail", args=[enrolment.pk]),
        )
        for enrolment, amount in status.enrolments
    ]
    rows += [
        PanelRow(
            label=f"{case.program.name}申请 {case.number}",
            status=f"办理中：{case.get_status_display()}",
            since=f"{case.applied_on:%Y-%m-%d} 申请",
            url=reverse("assistance:case_detail", args=[case.pk]),
        )
        for case in status.open_cases
    ]
    rows += [
        PanelRow(
            label=enrolment.program.name,
            status="已停保",
            since=f"最后发放 {enrolment.end_month:%Y-%m}",
            url=reverse("assistance:enrolment_detail", args=[enrolment.pk]),
        )
        for enrolment in status.ended
    ]
    actions = ()
    if has_capability(user, Capability.HANDLE_CASES):
        actions = (("登记救助申请", reverse("assistance:case_create")),)
    return HouseholdPanel(title="社会救助", rows=tuple(rows), empty="未在保，无在办申请", actions=actions)


PANELS = [assistance_panel]
