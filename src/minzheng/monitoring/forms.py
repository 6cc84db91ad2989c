"""Forms of the 低收入人口动态监测 pages: what the user typed, checked with Chinese errors naming the field
(the web kit's ``KitForm``); the services check policy and jurisdiction again."""

from django import forms

from minzheng.web.kit.forms import FilesField, FlagField, KitForm, date_field, int_field, text_field

from .models import MonitoringRun
from .rule_catalogue import RULE_KINDS, SEVERITIES


def _optional(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False, strip=False)


class RuleVersionForm(KitForm):
    """新增规则版本: the rule's own parameters (amount, ratio …) are added per rule kind."""

    code = forms.ChoiceField(label="规则", choices=[(k, v.label) for k, v in RULE_KINDS.items()])
    division_code = _optional("适用区划")
    valid_from = date_field("生效日期", required=False)
    enabled = FlagField("状态")
    severity = forms.ChoiceField(label="预警等级", choices=SEVERITIES, required=False)
    verify_days = int_field("核实时限（工作日）", required=False)
    note = _optional("依据/说明")

    def __init__(self, data=None, *, kind=None, **kwargs):
        super().__init__(data, **kwargs)
        for spec in kind.parameters if kind else ():
            # The service checks each parameter against its range and says which one (应在…之间).
            self.fields[spec.column] = _optional(spec.label)

    def parameters(self, kind) -> dict[str, str]:
        return {spec.column: self.cleaned_data.get(spec.column, "") for spec in kind.parameters}


class RuleSwitchForm(KitForm):
    enabled = FlagField("启用")


class RunForm(KitForm):
    until = date_field("事件截止日期", required=False)
    engine = forms.ChoiceField(label="计算引擎", choices=MonitoringRun.ENGINES, required=False)
    full = FlagField("全量重算")


class VisitForm(KitForm):
    visited_on = date_field("核实日期", required=False)
    findings = _optional("核实情况")
    files = FilesField("附件")


class DisposeForm(KitForm):
    disposal = _optional("处置方式")
    note = _optional("说明 / 理由")
    program_code = _optional("救助项目")


class CloseForm(KitForm):
    note = _optional("关闭说明")


class ListImportForm(KitForm):
    category = _optional("名单类别")
    source_department = _optional("来源部门")


class ProactiveForm(KitForm):
    name = _optional("姓名")
    id_number = text_field("公民身份号码", 30, required=False)
    division_code = _optional("居住地")
    household_number = _optional("户编号")
    note = _optional("困难情况说明")


class AssignForm(KitForm):
    """分派 / 改派: a township of the warning's county and, optionally, a person there (its 责任人)."""

    division_code = _optional("分派至")
    owner = int_field("责任人", min_value=1, required=False)
