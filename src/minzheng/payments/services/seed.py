"""Shipped bank file formats (代发格式): typical layouts of the banks a county bureau pays through.

They are data — a bureau edits the columns or adds its own bank without code. Loading is idempotent:
an existing format (by code) is left as the bureau configured it.
"""

from ..models import BankFormat

SHIPPED_FORMATS = [
    {
        "code": "rcc",
        "name": "农村信用社/农商银行 批量代发（CSV，GBK，金额元）",
        "bank_keywords": "农商、农村商业、信用社、农信、农村合作",
        "amount_unit": "yuan",
        "csv_encoding": "gbk",
        "columns": [
            {"header": "序号", "field": "seq"},
            {"header": "账号", "field": "account"},
            {"header": "户名", "field": "payee_name"},
            {"header": "金额", "field": "amount"},
            {"header": "身份证号", "field": "id_number"},
            {"header": "摘要", "field": "remark"},
        ],
        "note": "信用社代发系统常见的六列格式；“摘要”显示为“2026年06月城市低保”",
    },
    {
        "code": "psbc",
        "name": "邮储银行 批量代发（金额分，GBK）",
        "bank_keywords": "邮储、邮政储蓄",
        "amount_unit": "fen",
        "csv_encoding": "gbk",
        "columns": [
            {"header": "收款人账号", "field": "account"},
            {"header": "收款人姓名", "field": "payee_name"},
            {"header": "证件类型", "field": "literal", "format": "01"},
            {"header": "证件号码", "field": "id_number"},
            {"header": "金额（分）", "field": "amount", "format": "fen"},
            {"header": "用途", "field": "literal", "format": "社会救助金"},
            {"header": "发放月份", "field": "month", "format": "%Y%m"},
            {"header": "备注", "field": "household_number"},
        ],
        "note": "金额以分为单位的整数；证件类型 01 为居民身份证",
    },
    {
        "code": "generic",
        "name": "通用格式（全部银行，Excel/CSV UTF-8）",
        "bank_keywords": "",
        "amount_unit": "yuan",
        "csv_encoding": "utf-8-sig",
        "columns": [
            {"header": "序号", "field": "seq"},
            {"header": "乡镇（街道）", "field": "township_name"},
            {"header": "村（社区）", "field": "division_name"},
            {"header": "户编号", "field": "household_number"},
            {"header": "领款人", "field": "payee_name"},
            {"header": "公民身份号码", "field": "id_number"},
            {"header": "开户银行", "field": "bank_name"},
            {"header": "银行账号", "field": "account"},
            {"header": "保障人数", "field": "persons"},
            {"header": "金额（元）", "field": "amount"},
            {"header": "发放月份", "field": "month", "format": "%Y-%m"},
        ],
        "note": "所有银行的明细在一个文件中，供财政“一卡通”平台或人工核对",
    },
]


def load_bank_formats() -> int:
    """Create the shipped formats that are missing; returns how many were created."""
    created = 0
    for spec in SHIPPED_FORMATS:
        _, was_created = BankFormat.objects.get_or_create(code=spec["code"], defaults=spec)
        created += was_created
    return created
