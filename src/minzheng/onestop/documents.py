"""一次性告知书 (printable PDF through core/pdf.py): every missing material at once, with the time limits."""

from minzheng.core.identity import mask_id_number
from minzheng.core.pdf import ChineseDocument
from minzheng.policy.interface import issuing_office

from .models import Application


def notice_pdf(application: Application) -> bytes:
    office = issuing_office(application.division_code)
    doc = ChineseDocument(bureau=office.name, title="一次性告知书", number=application.notice_number)
    doc.fields(
        [
            ("受理号", application.number),
            ("事项", application.matter.name),
            ("申请人", application.applicant_name),
            ("公民身份号码", mask_id_number(application.applicant_id_number)),
            ("告知日期", f"{application.notice_on:%Y-%m-%d}" if application.notice_on else ""),
            ("收费", application.matter.fee),
        ]
    )
    doc.section("需补正的材料（一次性告知全部）")
    doc.table(
        ["序号", "材料名称"], [[str(i), m["name"]] for i, m in enumerate(application.missing, 1)], [20, 150]
    )
    shared = [m["name"] for m in application.matter.materials if m.get("shared")]
    if shared:
        doc.section("无需提交的材料")
        doc.paragraph(
            "以下材料由本机关通过数据共享获取，您无需提交（《国务院关于在线政务服务的若干规定》第七条）："
            + "、".join(shared)
        )
    doc.section("说明")
    doc.paragraph(
        f"请通过全市通办门户上传或到窗口补正上述材料，补齐后即予受理。本事项法定办结时限为{application.matter.statutory_days}个工作日，"
        f"承诺办结时限为{application.matter.promised_days}个工作日，自受理之日起计算。监督电话：{office.supervision_phone}。"
    )
    return doc.to_bytes()
