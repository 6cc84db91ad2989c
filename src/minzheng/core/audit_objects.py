"""审计对象类型: the Chinese name of each ``AuditEvent.object_type`` the domains write, for the audit log's
page and export (the stored code stays as written: it is the log's key, not text for people)."""

from django.apps import apps

OBJECT_TYPES = {
    "api_token": "接口令牌",
    "assistance_attachment": "救助申请材料",
    "assistance_case": "救助案件",
    "assistance_enrolment": "救助对象",
    "assistance_policy": "救助政策",
    "assistance_program": "救助项目",
    "assistance_program_setting": "救助项目设置",
    "assistance_standard": "保障标准",
    "assistance_task": "救助待办",
    "audit_event": "审计日志",
    "bank_format": "银行代发格式",
    "exchange_delivery": "部门数据交付",
    "holiday_calendar_day": "节假日",
    "household": "家庭",
    "household_verification": "家庭经济状况核对报告",
    "import_batch": "导入批次",
    "indicator_binding": "指标绑定",
    "indicator_definition": "指标定义",
    "indicator_entry": "指标填报",
    "indicator_sync": "指标同步",
    "login": "登录",
    "monitoring_library_person": "低收入人口库人员",
    "monitoring_list_import": "监测名单导入",
    "monitoring_rule": "预警规则",
    "monitoring_run": "监测批次",
    "monitoring_visit_attachment": "核实附件",
    "monitoring_warning": "预警",
    "payroll_line": "发放明细",
    "payroll_roster": "发放花名册",
    "person": "人员",
    "plan": "规划",
    "plan_draft_upload": "规划文件导入",
    "plan_report": "规划监测报告",
    "plan_task": "规划任务",
    "policy_parameter": "政策参数",
    "policy_store": "政策参数库",
    "project_progress": "项目进展",
    "stat_report": "统计报表",
    "status_rule": "监测状态规则",
    "task_progress": "任务进展",
    "tekun_spot_check": "特困抽查",
    "user": "用户",
    "verification_household_list": "核对名单",
    "verification_run": "核对批次",
    "work_task": "待办",
}


def object_type_label(code: str) -> str:
    """The type's Chinese name; ``app.model`` codes (养老服务 writes them) by the model's verbose name."""
    if code in OBJECT_TYPES:
        return OBJECT_TYPES[code]
    if "." in code:
        app_label, _, model_name = code.partition(".")
        try:
            return str(apps.get_model(app_label, model_name)._meta.verbose_name)
        except LookupError:
            pass
    return "其他记录" if code else "—"


def object_type_choices() -> list[tuple[str, str]]:
    return sorted(OBJECT_TYPES.items(), key=lambda item: item[1])
