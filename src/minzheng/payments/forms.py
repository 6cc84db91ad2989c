"""Forms of the 资金发放 pages: what the user typed, with Chinese errors naming the field (the web kit's
``KitForm``); the services check programs, rosters, bank formats and jurisdiction again."""

from django import forms

from minzheng.web.kit.forms import FlagField, KitForm, month_field


def _text(label: str, *, strip: bool = True) -> forms.CharField:
    return forms.CharField(label=label, required=False, strip=strip)


class RosterForm(KitForm):
    """生成花名册."""

    month = month_field("发放月份", error_messages={"required": "请选择发放月份"})
    program = _text("救助项目")
    division_code = _text("发放区划")


class ReturnForm(KitForm):
    reason = _text("退回原因")


class ResultsFormatForm(KitForm):
    format = _text("回盘格式")


class FollowUpForm(KitForm):
    action = _text("处理方式")
    note = _text("处理说明")


class BankFormatForm(KitForm):
    """代发格式: the service parses the column lines and says which line is wrong."""

    code = _text("格式代码", strip=False)
    name = _text("格式名称", strip=False)
    columns = _text("列定义", strip=False)
    bank_keywords = _text("适用银行关键字", strip=False)
    amount_unit = _text("金额单位")
    csv_encoding = _text("CSV 编码")
    csv_delimiter = _text("CSV 分隔符", strip=False)
    csv_header = FlagField("CSV 含表头")
    enabled = FlagField("启用")
    note = _text("说明", strip=False)
