"""导出救助对象: the enrolment list of a month as .xlsx — inside the jurisdiction, ID numbers masked, audited."""

from minzheng.core.identity import mask_id_number
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.policy.interface import month_start

from ..selectors.enrolments import EnrolmentFilter, enrolment_list

HEADERS = [
    "户编号",
    "救助项目",
    "城乡",
    "区划代码",
    "领款人",
    "领款人公民身份号码",
    "保障人数",
    "月保障金（元）",
    "起始月份",
    "下次复核",
]


def export_enrolments(user, filters: EnrolmentFilter) -> bytes:
    require(user, Capability.EXPORT)
    rows = (
        (
            e.household.number,
            e.program.name,
            e.get_area_display(),
            e.division_code,
            e.payee.name,
            mask_id_number(e.payee.id_number),
            e.amount_persons,
            e.amount,
            e.start_month,
            e.next_review_on,
        )
        for e in enrolment_list(user, filters).iterator(chunk_size=2000)
    )
    month = month_start(filters.month) if filters.month else None
    content = write_workbook(
        [
            Sheet(
                "救助对象",
                HEADERS,
                rows,
                column_widths=(18, 22, 8, 14, 10, 22, 10, 14, 12, 12),
                notes=[f"发放月份：{month:%Y-%m}" if month else "当月在保"],
            )
        ]
    )
    record_event(
        user, AuditEvent.EXPORT, object_type="assistance_enrolment", division_code=user.division_code,
        summary=f"导出救助对象（项目 {filters.program or '全部'}，区划 {filters.division_code or '本辖区'}，{month or '当月'}）",
    )  # fmt: skip
    return content
