"""Forms of the 家庭经济状况核对 pages: what the user typed, with Chinese errors naming the field (the web
kit's ``KitForm``); the services check programs, engines, datasets and jurisdiction again."""

from django import forms

from minzheng.web.kit.forms import KitForm, date_field


def _text(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False)


class RunChoicesForm(KitForm):
    """What every run form asks (核对批次 and 名单核对): program, request date (today by default), engine."""

    division_code = _text("核对区划")
    program = _text("救助项目")
    request_date = date_field("核对基准日", required=False)
    engine = _text("计算引擎")


class NoteForm(KitForm):
    note = _text("备注")


class DeliveryForm(KitForm):
    """The fields every department delivery has; a table delivery names a connection and a table too."""

    dataset = _text("数据集")
    as_of = date_field("数据截止日期", error_messages={"required": "请填写数据截止日期"})
    source = _text("来源单位")
    connection = _text("数据库连接")
    table = _text("表或视图")
