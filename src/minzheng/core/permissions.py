"""What each role may do. Named capabilities, checked by services (writes) and views (what to show)."""

from enum import StrEnum

from .errors import PermissionDenied
from .models.accounts import Role


class Capability(StrEnum):
    VIEW_REGISTRY = "view_registry"
    EDIT_REGISTRY = "edit_registry"
    REVEAL_ID_NUMBER = "reveal_id_number"
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_SECURITY = "manage_security"
    MANAGE_POLICY = "manage_policy"
    VERIFY_HOUSEHOLDS = "verify_households"
    MANAGE_EXCHANGE = "manage_exchange"
    MANAGE_PLANS = "manage_plans"
    HANDLE_CASES = "handle_cases"
    MANAGE_ELDERCARE = "manage_eldercare"
    INSPECT_ELDERCARE = "inspect_eldercare"
    ENTER_INDICATORS = "enter_indicators"
    APPROVE_INDICATORS = "approve_indicators"
    PREPARE_PAYROLL = "prepare_payroll"
    APPROVE_PAYROLL = "approve_payroll"
    EXPORT_BANK_FILE = "export_bank_file"
    REVIEW_CASES = "review_cases"
    APPROVE_CASES = "approve_cases"
    HANDLE_WARNINGS = "handle_warnings"
    MANAGE_MONITORING = "manage_monitoring"
    ASSIGN_WORK = "assign_work"
    FILL_STAT_REPORTS = "fill_stat_reports"
    SUBMIT_STAT_REPORTS = "submit_stat_reports"
    REGISTER_MARRIAGE = "register_marriage"
    MANAGE_MARRIAGE_REGISTRIES = "manage_marriage_registries"
    QUERY_MARITAL_STATUS = "query_marital_status"
    MANAGE_CHILDREN = "manage_children"
    CHECK_CHILD_ALLOWANCE = "check_child_allowance"
    CONFIRM_CHILD_ALLOWANCE = "confirm_child_allowance"
    SUPERVISE_CHILD_CASES = "supervise_child_cases"
    DECIDE_CHILD_GUARDIANSHIP = "decide_child_guardianship"
    REGISTER_ADOPTION = "register_adoption"
    MANAGE_FUNERAL = "manage_funeral"
    INSPECT_FUNERAL = "inspect_funeral"
    MANAGE_SOCIALORGS = "manage_socialorgs"
    DECIDE_SOCIALORGS = "decide_socialorgs"
    MANAGE_PLACENAMES = "manage_placenames"
    APPROVE_PLACENAMES = "approve_placenames"
    HANDLE_ONESTOP = "handle_onestop"
    SUPERVISE_ONESTOP = "supervise_onestop"
    MANAGE_COMMUNITY = "manage_community"
    MANAGE_FUNDS = "manage_funds"
    HANDLE_FUND_FINDINGS = "handle_fund_findings"
    MANAGE_RESCUE = "manage_rescue"
    HANDLE_DISABILITY_SUBSIDY = "handle_disability_subsidy"
    CHECK_DISABILITY_SUBSIDY = "check_disability_subsidy"
    CDPF_REVIEW_DISABILITY = "cdpf_review_disability"
    DECIDE_DISABILITY_SUBSIDY = "decide_disability_subsidy"


_ALL_READERS = {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER, Role.LEADER, Role.SYSADMIN}

ROLE_CAPABILITIES: dict[Capability, set[str]] = {
    # 残联审核人 reads the persons of the 两项补贴 files in its county (it identifies the applicant).
    Capability.VIEW_REGISTRY: _ALL_READERS | {Role.CDPF_REVIEWER},
    Capability.EDIT_REGISTRY: {Role.CASEWORKER},
    # Full ID numbers only for those whose casework needs them; leaders read masked figures.
    Capability.REVEAL_ID_NUMBER: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    Capability.EXPORT: _ALL_READERS,
    # 三员分立: the audit log is read by the 审计管理员 alone (and by nobody who administers what it records);
    # accounts are the 系统管理员's; unlocking and second factors (security policy) the 安全管理员's.
    Capability.VIEW_AUDIT: {Role.AUDITADMIN},
    Capability.MANAGE_USERS: {Role.SYSADMIN},
    Capability.MANAGE_SECURITY: {Role.SECADMIN},
    # 保障标准, 政策参数 and the holiday calendar: set by the approving level or the administrator.
    Capability.MANAGE_POLICY: {Role.SYSADMIN, Role.APPROVER},
    # 家庭经济状况核对: caseworkers request it for their cases, reviewers/approvers for reviews; department
    # data (raw, highly sensitive) is received only by system administrators.
    Capability.VERIFY_HOUSEHOLDS: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    Capability.MANAGE_EXCHANGE: {Role.SYSADMIN},
    # Plans are the bureau's own policy, not case records: leaders own them and their 分解落实 (they stay
    # read-only for casework), system administrators load the documents; caseworkers only read them.
    Capability.MANAGE_PLANS: {Role.LEADER, Role.SYSADMIN},
    # 救助申请的登记、受理、入户调查: the caseworker's desk (审核/审批 are separate steps, maker-checker).
    Capability.HANDLE_CASES: {Role.CASEWORKER},
    # 养老服务: caseworkers keep the registry (providers, residents, assessments, visits, 适老化改造) and
    # record what an institution reports (rectification, incidents) on its behalf; supervision — drawing
    # and conducting inspections, closing hazards, ratings, credit — is the reviewing/approving staff's, so
    # the person who records a rectification is never the one who signs it off.
    Capability.MANAGE_ELDERCARE: {Role.CASEWORKER},
    Capability.INSPECT_ELDERCARE: {Role.REVIEWER, Role.APPROVER},
    # 指标填报 and 民政报表 entry is casework staff's job; checking it (maker-checker: never one's own entry)
    # belongs to reviewers, approvers and leaders.
    Capability.ENTER_INDICATORS: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER, Role.LEADER},
    Capability.APPROVE_INDICATORS: {Role.REVIEWER, Role.APPROVER, Role.LEADER},
    # 资金发放: the caseworker prepares the roster, handles bank results and failed payments; an approver
    # checks and locks it (maker-checker, also enforced per person). Bank files carry full account numbers:
    # only those two roles download them, and every download is audited.
    Capability.PREPARE_PAYROLL: {Role.CASEWORKER},
    Capability.APPROVE_PAYROLL: {Role.APPROVER},
    Capability.EXPORT_BANK_FILE: {Role.CASEWORKER, Role.APPROVER},
    # 乡镇（街道）审核 and 公示; 审核确认（审批）. Never the same person as the one who entered the case.
    Capability.REVIEW_CASES: {Role.REVIEWER},
    Capability.APPROVE_CASES: {Role.APPROVER},
    # 低收入人口动态监测: community/township caseworkers verify and dispose warnings and register 主动发现;
    # the rules (thresholds, switching on) and the runs belong to the approving level and administrators.
    Capability.HANDLE_WARNINGS: {Role.CASEWORKER},
    Capability.MANAGE_MONITORING: {Role.APPROVER, Role.SYSADMIN},
    # 待办分派: reviewers, approvers and leaders hand any work of their jurisdiction to a colleague who can do
    # it; anyone who can do a piece of work may also pass it on (转办) — worklist.services checks both.
    Capability.ASSIGN_WORK: {Role.REVIEWER, Role.APPROVER, Role.LEADER},
    # 民政统计报表: compiled and entered by casework staff, checked and 上报 by reviewers and approvers;
    # leaders read the forms (read-only: no 编制, 保存 or 上报).
    Capability.FILL_STAT_REPORTS: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    Capability.SUBMIT_STAT_REPORTS: {Role.REVIEWER, Role.APPROVER},
    # 婚姻登记: registrars are caseworkers named at a registry (marriage.Registrar); the registries and who
    # serves at them are set up by the approving level or the administrator.
    Capability.REGISTER_MARRIAGE: {Role.CASEWORKER},
    Capability.MANAGE_MARRIAGE_REGISTRIES: {Role.APPROVER, Role.SYSADMIN},
    # 婚姻状况查询 by authorised bodies (公安/法院/民政 casework) through the API, each call with its legal basis.
    Capability.QUERY_MARITAL_STATUS: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    # 儿童福利: the village 儿童主任 (caseworker) and the township 儿童督导员 (reviewer) keep the child register;
    # 孤儿/事实无人抚养 recognition is 乡镇查验 (reviewer) then 县级民政确认 (approver), never the same person.
    Capability.MANAGE_CHILDREN: {Role.CASEWORKER, Role.REVIEWER},
    Capability.CHECK_CHILD_ALLOWANCE: {Role.REVIEWER},
    Capability.CONFIRM_CHILD_ALLOWANCE: {Role.APPROVER},
    # 未保案件 (强制报告 → 监护干预) are seen by their handlers and their supervisors only (督导员, 县级民政);
    # 临时/长期监护, court applications and closing a case are the county 民政's decisions.
    Capability.SUPERVISE_CHILD_CASES: {Role.REVIEWER, Role.APPROVER},
    Capability.DECIDE_CHILD_GUARDIANSHIP: {Role.APPROVER},
    Capability.REGISTER_ADOPTION: {Role.APPROVER},
    # 殡葬管理: caseworkers (民政 staff at the 殡仪馆 desk) record deaths, which become registry changes, and keep
    # service orders; price lists and 惠民殡葬 rules are policy (MANAGE_POLICY).
    Capability.MANAGE_FUNERAL: {Role.CASEWORKER},
    # 殡葬监管: reviewers/approvers draw and carry out the 四不两直 inspections, record violations and fines.
    Capability.INSPECT_FUNERAL: {Role.REVIEWER, Role.APPROVER},
    # 社会组织: caseworkers receive applications and annual reports and propose listings; reviewers/approvers
    # decide registrations, 年检 results, listings and removals (never on what they received themselves).
    Capability.MANAGE_SOCIALORGS: {Role.CASEWORKER},
    Capability.DECIDE_SOCIALORGS: {Role.REVIEWER, Role.APPROVER},
    # 区划地名: caseworkers enter naming applications, 备案/公告 dates, 界桩 inspections and repairs; approvers
    # record the approval of a name and of 行政区划变更 (never on what they entered themselves).
    Capability.MANAGE_PLACENAMES: {Role.CASEWORKER},
    Capability.APPROVE_PLACENAMES: {Role.APPROVER},
    # 全市通办: the 综合窗口 (全科受理) and 12345 工单 handling are caseworkers' desks; 派单 review of returns,
    # 督办 and 差评 follow-up sign-off belong to reviewers, approvers and leaders.
    Capability.HANDLE_ONESTOP: {Role.CASEWORKER},
    Capability.SUPERVISE_ONESTOP: {Role.REVIEWER, Role.APPROVER, Role.LEADER},
    # 基层治理: township and county 民政 staff keep the committees, guide the 换届 and record what the
    # committees publish and decide (the committees' own logins are not built).
    Capability.MANAGE_COMMUNITY: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    # 资金项目监督: budgets, allocations, the ledger's bookings and the 大数据比对 runs are the approving level's
    # and leaders'; the county's casework staff verify each finding and record the outcome (追回 or 说明).
    Capability.MANAGE_FUNDS: {Role.APPROVER, Role.LEADER},
    Capability.HANDLE_FUND_FINDINGS: {Role.CASEWORKER, Role.REVIEWER, Role.APPROVER},
    # 救助管理站: caseworkers at the station take people in, trace families and return them; they alone see
    # health notes and photo/fingerprint/DNA ids (leaders and reviewers read the masked lists).
    Capability.MANAGE_RESCUE: {Role.CASEWORKER},
    # 残疾人两项补贴: 乡镇受理 → 乡镇初审/公示 → 县残联审核 (its own role) → 县民政审定 (民政 only).
    Capability.HANDLE_DISABILITY_SUBSIDY: {Role.CASEWORKER},
    Capability.CHECK_DISABILITY_SUBSIDY: {Role.REVIEWER},
    Capability.CDPF_REVIEW_DISABILITY: {Role.CDPF_REVIEWER},
    Capability.DECIDE_DISABILITY_SUBSIDY: {Role.APPROVER},
}

_MESSAGES = {
    Capability.VIEW_REGISTRY: "您没有查看人口家庭信息的权限",
    Capability.EDIT_REGISTRY: "只有经办人可以登记或修改人口家庭信息",
    Capability.REVEAL_ID_NUMBER: "您的角色不能查看完整证件号码",
    Capability.EXPORT: "您没有导出权限",
    Capability.VIEW_AUDIT: "只有审计管理员可以查看审计日志",
    Capability.MANAGE_USERS: "只有系统管理员可以管理用户",
    Capability.MANAGE_SECURITY: "只有安全管理员可以解除账号锁定和重置动态口令",
    Capability.MANAGE_POLICY: "只有审批人或系统管理员可以维护保障标准、政策参数和节假日",
    Capability.VERIFY_HOUSEHOLDS: "只有经办人、审核人或审批人可以发起家庭经济状况核对",
    Capability.MANAGE_EXCHANGE: "只有系统管理员可以接收部门共享数据",
    Capability.MANAGE_PLANS: "只有领导或系统管理员可以导入规划和分解落实任务",
    Capability.HANDLE_CASES: "只有经办人可以登记和受理救助申请",
    Capability.MANAGE_ELDERCARE: "只有经办人可以维护养老服务登记信息",
    Capability.INSPECT_ELDERCARE: "只有审核人或审批人（监管检查人员）可以开展养老机构监督检查",
    Capability.ENTER_INDICATORS: "您的角色不能填报指标数据或统计报表",
    Capability.APPROVE_INDICATORS: "只有审核人、审批人或领导可以审核指标填报",
    Capability.PREPARE_PAYROLL: "只有经办人可以生成发放花名册、导入银行回盘和处理发放失败",
    Capability.APPROVE_PAYROLL: "只有审批人可以审核发放花名册",
    Capability.EXPORT_BANK_FILE: "只有经办人或审批人可以导出银行代发文件",
    Capability.REVIEW_CASES: "只有审核人可以审核救助申请",
    Capability.APPROVE_CASES: "只有审批人可以审批救助申请",
    Capability.HANDLE_WARNINGS: "只有经办人可以核实、处置预警和登记主动发现对象",
    Capability.MANAGE_MONITORING: "只有审批人或系统管理员可以维护预警规则和发起监测",
    Capability.ASSIGN_WORK: "只有审核人、审批人、领导或能办理该事项的人员可以指派待办",
    Capability.FILL_STAT_REPORTS: "只有经办人、审核人或审批人可以编制和填报统计报表（领导只能查阅）",
    Capability.SUBMIT_STAT_REPORTS: "只有审核人或审批人可以上报统计报表（领导只能查阅）",
    Capability.REGISTER_MARRIAGE: "只有婚姻登记员（经办人）可以办理婚姻登记",
    Capability.MANAGE_MARRIAGE_REGISTRIES: "只有审批人或系统管理员可以设置婚姻登记机关和登记员",
    Capability.QUERY_MARITAL_STATUS: "您的角色不能查询婚姻状况",
    Capability.MANAGE_CHILDREN: "只有儿童主任（经办人）或儿童督导员（审核人）可以维护儿童档案",
    Capability.CHECK_CHILD_ALLOWANCE: "只有乡镇（街道）审核人可以查验儿童基本生活保障申请",
    Capability.CONFIRM_CHILD_ALLOWANCE: "只有县级民政审批人可以确认儿童基本生活保障",
    Capability.SUPERVISE_CHILD_CASES: "只有儿童督导员（审核人）或县级民政审批人可以督办未成年人保护案件",
    Capability.DECIDE_CHILD_GUARDIANSHIP: "只有县级民政审批人可以决定临时监护、长期监护、申请撤销监护资格和结案",
    Capability.REGISTER_ADOPTION: "只有县级民政审批人（收养登记员）可以办理收养登记和解除收养关系登记",
    Capability.MANAGE_FUNERAL: "只有经办人可以登记死亡信息和办理殡葬服务订单",
    Capability.INSPECT_FUNERAL: "只有审核人或审批人（监管检查人员）可以开展殡葬设施监督检查",
    Capability.MANAGE_SOCIALORGS: "只有经办人可以受理社会组织登记申请和年度报告",
    Capability.DECIDE_SOCIALORGS: "只有审核人或审批人可以作出社会组织登记、年检和信用名录决定",
    Capability.MANAGE_PLACENAMES: "只有经办人可以受理地名申请、登记界桩巡查和维修",
    Capability.APPROVE_PLACENAMES: "只有审批人可以批准地名和记录行政区划变更",
    Capability.HANDLE_ONESTOP: "只有经办人可以在综合窗口受理办件和办理12345工单",
    Capability.SUPERVISE_ONESTOP: "只有审核人、审批人或领导可以审核退单、督办和跟进差评",
    Capability.MANAGE_COMMUNITY: "只有经办人、审核人或审批人可以维护基层治理信息",
    Capability.MANAGE_FUNDS: "只有审批人或领导可以维护资金预算、下达、记账和发起资金比对",
    Capability.HANDLE_FUND_FINDINGS: "只有经办人、审核人或审批人可以核实资金疑点、登记追回",
    Capability.MANAGE_RESCUE: "只有救助管理站经办人可以办理受助人员的救助和寻亲",
    Capability.HANDLE_DISABILITY_SUBSIDY: "只有乡镇（街道）经办人可以受理两项补贴申请和处理变更任务",
    Capability.CHECK_DISABILITY_SUBSIDY: "只有乡镇（街道）审核人可以初审两项补贴申请",
    Capability.CDPF_REVIEW_DISABILITY: "只有县级残联审核人可以审核残疾人证和残疾等级、导入残疾人证数据",
    Capability.DECIDE_DISABILITY_SUBSIDY: "只有县级民政审批人可以审定两项补贴",
}


# 三员分立: the 审计管理员 reads the audit log and nothing else. One gate for every page and API operation
# (``core.middleware``, the API's token check), rather than a check in each domain's views.
AUDITOR_PATHS = ("/audit/", "/account/", "/logout/", "/login/", "/static/", "/api/audit", "/api/auth/")


def path_closed_to(user, path: str) -> bool:
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.role_codes() == {Role.AUDITADMIN}
        and not path.startswith(AUDITOR_PATHS)
    )


def require_path_open(user, path: str) -> None:
    if path_closed_to(user, path):
        raise PermissionDenied("审计管理员只能查看审计日志")


def has_capability(user, capability: Capability) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(user.role_codes() & ROLE_CAPABILITIES[capability])


def require(user, capability: Capability) -> None:
    if not has_capability(user, capability):
        raise PermissionDenied(_MESSAGES[capability])
