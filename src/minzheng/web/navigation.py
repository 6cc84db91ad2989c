"""The left sidebar: every sub-platform of the bureau, grouped as the plans name them.

An entry with ``url_name`` is built; one without is shown greyed out with 建设中 and leads to a page that
says what it will hold. A domain app whose label is an entry's slug (``children``, ``marriage`` …) and that
names a page ``dashboard`` lights its entry up by being installed — no line here changes.
"""

from dataclasses import dataclass, field, replace

from django.apps import apps


@dataclass(frozen=True)
class NavItem:
    label: str
    slug: str
    url_name: str = ""
    purpose: str = ""
    capability: str = ""  # only shown to users with this capability (or one of "a|b")
    sub: bool = False  # shown indented under the entry above (e.g. 资金发放 under 社会救助)

    @property
    def built(self) -> bool:
        return bool(self.url_name)


@dataclass(frozen=True)
class NavGroup:
    label: str
    items: tuple[NavItem, ...] = field(default_factory=tuple)
    # the capability an item of the group needs when it names none: the registry and the business
    # platforms are for those who read the registry, not for the 安全管理员 (三员分立)
    capability: str = ""


NAVIGATION: tuple[NavGroup, ...] = (
    NavGroup(
        "工作台",
        (
            NavItem("首页", "home", "web:home"),
            NavItem("待办中心", "worklist", "worklist:dashboard", capability="view_registry"),
        ),
    ),
    NavGroup(
        "人口家庭",
        (
            NavItem("家庭户", "households", "core:household_list"),
            NavItem("人员", "persons", "core:person_list"),
            NavItem("花名册导入", "import", "core:import_roster", capability="edit_registry"),
        ),
        capability="view_registry",
    ),
    NavGroup(
        "业务平台",
        (
            NavItem(
                "全市通办", "onestop", purpose="民政事项“一网通办”“跨省通办”：统一受理、流转、办结、评价"
            ),
            NavItem(
                "社会救助",
                "assistance",
                url_name="assistance:dashboard",
                purpose="低保、特困、低保边缘、临时救助等：申请、审核确认、公示、发放、动态管理",
            ),
            NavItem(
                "资金发放",
                "payments",
                "payments:roster_list",
                purpose="社会救助资金按月发放：花名册、审核、银行代发文件、回盘与发放失败处理",
                sub=True,
            ),
            NavItem(
                "家庭经济状况核对",
                "verification",
                "verification:run_list",
                purpose="对接税务、人社、银行、不动产等部门数据，出具核对报告",
            ),
            NavItem(
                "低收入人口动态监测",
                "monitoring",
                "monitoring:dashboard",
                purpose="低收入人口信息库、风险预警、分派核实与处置",
            ),
            NavItem(
                "养老服务",
                "eldercare",
                "eldercare:dashboard",
                purpose="养老机构与社区设施、老年人能力评估、补贴、监管",
            ),
            NavItem(
                "儿童福利与未成年人保护",
                "children",
                purpose="孤儿、事实无人抚养儿童、困境儿童、留守儿童关爱保护",
            ),
            NavItem(
                "残疾人两项补贴",
                "disability",
                purpose="困难残疾人生活补贴、重度残疾人护理补贴",
                # disability data is shown to those who handle the files only (not leaders, not administrators)
                capability="handle_disability_subsidy|check_disability_subsidy|cdpf_review_disability|decide_disability_subsidy",
            ),
            NavItem("婚姻登记", "marriage", purpose="结婚、离婚（冷静期）、补领登记，收养登记"),
            NavItem("殡葬管理", "funeral", purpose="殡葬服务、惠民殡葬、节地生态安葬"),
            NavItem("流浪乞讨人员救助", "rescue", purpose="救助管理站、寻亲、易走失人员信息库、接送返回"),
            NavItem("社会组织", "socialorgs", purpose="社会组织登记、年检、评估与执法"),
            NavItem("区划地名", "placenames", purpose="行政区划变更、地名管理、界线管理"),
            NavItem("基层治理", "community", purpose="城乡社区治理、村（居）务公开、社区服务设施"),
            NavItem("资金项目监督", "funds", purpose="民政资金和项目的拨付、使用与绩效监督"),
        ),
        capability="view_registry",
    ),
    NavGroup(
        "统计与决策",
        (
            NavItem("民政报表", "reports", "planning:statform_list", purpose="社会服务统计月报、季报"),
            NavItem("数据中心", "datacenter", purpose="民政数据资源中心与主题分析"),
            NavItem(
                "规划监测", "planning", "planning:plan_list", purpose="“十四五”规划主要指标年度监测与中期评估"
            ),
        ),
        capability="view_registry",
    ),
    NavGroup(
        "系统管理",
        (
            NavItem(
                "用户管理",
                "users",
                "core:user_list",
                capability="manage_users|manage_security",
                purpose="用户账号、角色与所属区划；解除锁定、重置动态口令",
            ),
            NavItem(
                "政策参数",
                "policy",
                "policy:parameter_list",
                purpose="各业务的政策参数（按区划、生效日期）与节假日",
            ),
            NavItem("审计日志", "audit", "core:audit_list", capability="view_audit"),
        ),
    ),
)


def _with_installed_domains(groups: tuple[NavGroup, ...]) -> tuple[NavGroup, ...]:
    def built(item: NavItem, group: NavGroup) -> NavItem:
        item = replace(item, capability=item.capability or group.capability)
        if item.url_name or not apps.is_installed(f"minzheng.{item.slug}"):
            return item
        return replace(item, url_name=f"{item.slug}:dashboard")

    return tuple(replace(group, items=tuple(built(item, group) for item in group.items)) for group in groups)


NAVIGATION = _with_installed_domains(NAVIGATION)


def find_item(slug: str) -> NavItem | None:
    return next((item for group in NAVIGATION for item in group.items if item.slug == slug), None)
