"""登记证书 as a PDF (the registry's heading and seal line): what 社团 第十二条 / 民非 第十二条 / 基金会 第十一条
register, with the 统一社会信用代码."""

from minzheng.core.pdf import ChineseDocument
from minzheng.policy.interface import issuing_office

from .models import Organisation

TITLES = {"association": "社会团体法人登记证书", "foundation": "基金会法人登记证书"}
SERVICE_TITLES = {"legal_person": "民办非企业单位（法人）登记证书", "partnership": "民办非企业单位（合伙）登记证书",
                  "individual": "民办非企业单位（个体）登记证书"}  # fmt: skip


def certificate_pdf(org: Organisation) -> bytes:
    office = issuing_office(org.division_code)
    title = TITLES.get(org.kind) or SERVICE_TITLES[org.form]
    doc = ChineseDocument(bureau=office.name, title=title, number=org.certificate_number)
    doc.fields(
        [
            ("名称", org.name),
            ("统一社会信用代码", org.uscc),
            ("住所", org.address),
            ("法定代表人（负责人）", org.legal_rep_name),
            ("业务主管单位", org.supervisor),
            ("注册资金", f"{org.funds:,.2f}元"),
            ("业务范围", org.business_scope),
            ("活动地域", org.activity_area),
            ("成立登记日期", f"{org.registered_on:%Y年%m月%d日}"),
            ("登记证书号", org.certificate_number),
        ],
        columns=1,
    )
    doc.paragraph(f"宗旨：{org.purpose}")
    doc.paragraph(f"登记管理机关：{office.name}（印章）")
    return doc.to_bytes()
