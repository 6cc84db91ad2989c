"""Each form converted to the kit (issue 15, item 5), with the error a user gets for bad input in one field:
Chinese, and naming the field."""

import pytest

from minzheng.assistance import page_forms as assistance
from minzheng.core import forms as core
from minzheng.eldercare import forms as eldercare
from minzheng.monitoring import forms as monitoring
from minzheng.monitoring.rule_catalogue import RULE_KINDS
from minzheng.payments import forms as payments
from minzheng.planning import forms as planning
from minzheng.verification import forms as verification
from minzheng.web import forms as web

NUL = "a\x00b"
CASES = [
    # form, keyword arguments, posted data, field, the message
    (monitoring.RuleVersionForm, {"kind": RULE_KINDS["medical_expense"]}, {"code": "x"}, "code", "规则的选项无效，请重新选择"),
    (monitoring.RuleVersionForm, {}, {"code": "medical_expense", "verify_days": "五"}, "verify_days", "核实时限（工作日）须为整数"),
    (monitoring.RuleVersionForm, {}, {"code": "medical_expense", "valid_from": "2026-02-30"}, "valid_from", "生效日期格式应为 2026-01-31"),
    (monitoring.RunForm, {}, {"until": "0000-00-00"}, "until", "事件截止日期格式应为 2026-01-31"),
    (monitoring.RunForm, {}, {"engine": "pandas"}, "engine", "计算引擎的选项无效，请重新选择"),
    (monitoring.VisitForm, {}, {"visited_on": "昨天"}, "visited_on", "核实日期格式应为 2026-01-31"),
    (monitoring.DisposeForm, {}, {"note": NUL}, "note", "说明 / 理由含有不允许的字符"),
    (monitoring.CloseForm, {}, {"note": NUL}, "note", "关闭说明含有不允许的字符"),
    (monitoring.RuleSwitchForm, {}, {}, None, None),
    (monitoring.ListImportForm, {}, {"category": NUL}, "category", "名单类别含有不允许的字符"),
    (monitoring.ProactiveForm, {}, {"id_number": "1" * 40}, "id_number", "公民身份号码不能超过30个字"),
    (planning.DefinitionForm, {}, {"factor": "x"}, "factor", "“系数”应为数字"),
    (planning.DefinitionForm, {}, {"decimals": "1.5"}, "decimals", "“小数位”应为整数"),
    (planning.BindingForm, {}, {"target_value": "Infinity"}, "target_value", "“目标数值”应为数字"),
    (planning.EntryForm, {}, {"value": "NaN"}, "value", "“数值”应为数字"),
    (planning.EntryReviewForm, {}, {"note": NUL}, "note", "审核意见含有不允许的字符"),
    (planning.StatusRuleForm, {}, {"effective_from": "2026-13-01"}, "effective_from", "生效日期格式应为 2026-01-31"),
    (planning.ProjectProgressForm, {}, {"spent": "一百"}, "spent", "“累计完成投资”应为数字"),
    (planning.TaskProgressForm, {}, {"progress_percent": "abc"}, "progress_percent", "“完成进度”应为整数"),
    (planning.TaskForm, {}, {"deadline": "99999-01-01"}, "deadline", "完成时限格式应为 2026-01-31"),
    (planning.ImportReviewForm, {}, {"title": NUL}, "title", "规划名称含有不允许的字符"),
    (planning.GenerateReportForm, {}, {"period": NUL}, "period", "期别含有不允许的字符"),
    (planning.RowBindForm, {}, {"scale": "1e"}, "scale", "“换算系数”应为数字"),
    (core.DeathForm, {}, {"death_date": "2026-02-30"}, "death_date", "请填写有效的死亡日期"),
    (core.DeathForm, {}, {"death_date": "2999-01-01"}, "death_date", "死亡日期应在 1900 至 2100 年之间"),
    (core.MoveForm, {}, {"on": ""}, "on", "请填写有效的迁移日期"),
    (core.SplitForm, {}, {"on": "2026-01-01", "person_ids": ["x"]}, "person_ids", "分出成员的选项无效，请重新选择"),
    (core.SplitForm, {}, {"on": "2026-01-01", "new_head_id": "户主"}, "new_head_id", "新户户主的选项无效，请重新选择"),
    (core.PasswordChangeForm, {}, {"new_password": "a", "new_password2": "b"}, "new_password2", "两次输入的新密码不一致"),
    (core.OneTimeCodeForm, {}, {"code": "1" * 21}, "code", "动态口令为6位数字"),
    (core.AccountForm, {"roles": [("caseworker", "经办人")]}, {"roles": ["root"]}, "roles", "角色的选项无效，请重新选择"),
    (core.HouseholdForm, {}, {"address": "长" * 201}, "address", "详细地址不能超过200个字"),
    (core.HouseholdForm, {}, {"established_on": "2026/01/01"}, "established_on", "立户日期格式应为 2026-01-31"),
    (verification.RunChoicesForm, {}, {"request_date": "2026-02-30"}, "request_date", "核对基准日格式应为 2026-01-31"),
    (verification.NoteForm, {}, {"note": NUL}, "note", "备注含有不允许的字符"),
    (verification.DeliveryForm, {}, {"as_of": ""}, "as_of", "请填写数据截止日期"),
    (payments.RosterForm, {}, {"month": ""}, "month", "请选择发放月份"),
    (payments.RosterForm, {}, {"month": "2026-13"}, "month", "发放月份格式应为 2026-05"),
    (payments.ReturnForm, {}, {"reason": NUL}, "reason", "退回原因含有不允许的字符"),
    (payments.ResultsFormatForm, {}, {"format": NUL}, "format", "回盘格式含有不允许的字符"),
    (payments.FollowUpForm, {}, {"note": NUL}, "note", "处理说明含有不允许的字符"),
    (payments.BankFormatForm, {}, {"code": NUL}, "code", "格式代码含有不允许的字符"),
    (assistance.EnrolmentChangeForm, {}, {"month": "2026-05", "kind": "change", "persons": "三"}, "persons", "人数须为整数"),
    (assistance.EnrolmentChangeForm, {}, {"month": "2026-05", "kind": "change"}, "monthly_amount", "请填写月保障金（元）"),
    (assistance.PaymentAccountForm, {}, {"bank_account": NUL}, "bank_account", "银行账号含有不允许的字符"),
    (assistance.SelfCareChangeForm, {}, {"reported_on": "x"}, "reported_on", "报告日期格式应为 2026-01-31"),
    (assistance.StandardRaiseForm, {}, {"amount": "", "effective_month": "2026-05"}, "amount", "请填写新标准金额"),
    (assistance.StandardRaiseForm, {}, {"amount": "800", "effective_month": "五月"}, "effective_month", "请选择执行月份"),
    (assistance.LocalProgramForm, {}, {"review_cycle_months": "0"}, "review_cycle_months", "复核周期（月）不能小于1"),
    (assistance.ProgramSettingForm, {}, {"effective_from": ""}, "effective_from", "请填写生效日期"),
    (assistance.SpotCheckForm, {}, {"period_from": "2026-01-01", "period_to": "x"}, "period_to", "公示期满截止日期格式应为 2026-01-31"),
    (assistance.ReviewTaskForm, {}, {"from_month": "2026-5-x"}, "from_month", "执行月份格式应为 2026-05"),
    (assistance.TaskForm, {}, {"outcome_text": NUL}, "outcome_text", "办理结果含有不允许的字符"),
    (assistance.CaseForm, {}, {"applied_on": "2026-02-30"}, "applied_on", "申请日期格式应为 2026-01-31"),
    (assistance.CaseStepForm, {}, {"requested_amount": "NaN"}, "requested_amount", None),
    (assistance.CaseStepForm, {}, {"on": "2026-02-30"}, "on", "办理日期格式应为 2026-01-31"),
    (assistance.CaseStepForm, {}, {"persons": "-1"}, "persons", "保障人数不能小于0"),
    (eldercare.AssessmentExtrasForm, {}, {"care_risk_events_30d": "两次"}, "care_risk_events_30d", "近30天照护风险事件次数须为整数"),
    (eldercare.EndForm, {}, {"ended_on": "x"}, "ended_on", "请输入有效日期，如 2026-01-31"),
    (web.LoginForm, {}, {"username": NUL}, "username", "用户名含有不允许的字符"),
]  # fmt: skip


@pytest.mark.parametrize(("form_class", "kwargs", "data", "field", "message"), CASES)
def test_bad_input_gets_the_fields_chinese_error(form_class, kwargs, data, field, message):
    form = form_class(data, **kwargs)
    valid = form.is_valid()
    if field is None:
        assert valid
        return
    assert not valid and field in form.errors, form.errors
    if message is None:  # worded by the platform's money rule: Chinese, naming the field
        assert "核定需求" in form.errors[field][0]
    else:
        assert form.errors[field] == [message]
