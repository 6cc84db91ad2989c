"""Pure rules of accounts (no Django): which role combinations an account may hold (三员分立)."""

ADMINISTRATOR_ROLES = frozenset({"sysadmin", "secadmin", "auditadmin"})


def role_combination_problem(role_codes: set[str] | frozenset[str]) -> str:
    """'' when the roles may be held together, else why not (等保2.0 三级: 系统管理员、安全管理员、审计管理员
    分别由不同账号担任; an administrator does no casework, so the one who administers is not the one audited)."""
    if not role_codes:
        return "请至少选择一个角色"
    admin = role_codes & ADMINISTRATOR_ROLES
    if len(admin) > 1:
        return "系统管理员、安全管理员、审计管理员须由不同账号担任（三员分立），一个账号只能担任其中一个"
    if admin and role_codes - admin:
        return "管理员账号不能同时担任业务角色（三员分立）"
    return ""
