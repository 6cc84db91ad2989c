"""成立登记的条件 of each kind of social organisation (pure). Each unmet condition is one ``Shortfall`` naming
the form field and citing its article; an application is registrable when the list is empty.

Sources (read in full, ``../shared/reference/domain-rules-2.md`` §4.1):
- 《社会团体登记管理条例》(2016) 第十条: 50个以上的个人会员或者30个以上的单位会员；个人会员、单位会员混合组成的，
  会员总数不得少于50个; 有规范的名称; 有固定的住所; 有专职工作人员; 全国性的社会团体有10万元以上活动资金，地方性的和
  跨行政区域的社会团体有3万元以上活动资金; 第十条/名称: 只有全国性的社会团体可冠以“中国”“全国”“中华”等字样.
- 《民办非企业单位登记管理暂行条例》(1998) 第八条: 规范的名称（不得冠以“中国”“全国”“中华”等字样）、组织机构、
  从业人员、合法财产、必要的场所; 经业务主管单位审查同意.
- 《基金会管理条例》(2004) 第八条: 全国性公募基金会的原始基金不低于800万元人民币，地方性公募基金会不低于400万元，
  非公募基金会不低于200万元；原始基金必须为到账货币资金.
- All three: 业务主管单位 审查同意 before application (社团 第九条, 民非 第八条, 基金会 第九条).
"""

from dataclasses import dataclass
from decimal import Decimal

from .kinds import FORMS_OF, OrgForm, OrgKind

RESERVED_NAME_WORDS = ("中国", "全国", "中华")


@dataclass(frozen=True)
class Thresholds:
    """The figures of the articles above, as the policy store holds them for the registry's division."""

    min_individual_members: int  # 社团 第十条 50
    min_unit_members: int  # 社团 第十条 30
    association_funds_national: Decimal  # 社团 第十条 10万
    association_funds_local: Decimal  # 社团 第十条 3万
    foundation_fund_national_public: Decimal  # 基金会 第八条 800万
    foundation_fund_local_public: Decimal  # 基金会 第八条 400万
    foundation_fund_non_public: Decimal  # 基金会 第八条 200万


@dataclass(frozen=True)
class Application:
    kind: OrgKind
    form: OrgForm
    name: str
    national: bool  # 全国性 (registered with 民政部); every registry on this platform is local
    individual_members: int = 0
    unit_members: int = 0
    funds: Decimal = Decimal(0)  # 活动资金 / 开办资金 / 原始基金, 元
    funds_in_cash: bool = True  # 基金会: 原始基金必须为到账货币资金
    has_address: bool = True
    has_staff: bool = True
    supervisor_approved: bool = True  # 业务主管单位 审查同意


@dataclass(frozen=True)
class Shortfall:
    field: str
    message: str  # Chinese, cites the article


def member_shortfall(individual: int, units: int, t: Thresholds) -> str:
    """社团 第十条: ≥ 50 individual or ≥ 30 unit members; mixed membership needs ≥ 50 members in total."""
    if individual and units:
        return (
            ""
            if individual + units >= t.min_individual_members
            else (
                f"个人会员与单位会员混合组成的，会员总数不得少于{t.min_individual_members}个（《社会团体登记管理条例》第十条）"
            )
        )
    if units:
        return (
            ""
            if units >= t.min_unit_members
            else (f"单位会员须有{t.min_unit_members}个以上（《社会团体登记管理条例》第十条）")
        )
    return (
        ""
        if individual >= t.min_individual_members
        else (
            f"个人会员须有{t.min_individual_members}个以上，或单位会员{t.min_unit_members}个以上（《社会团体登记管理条例》第十条）"
        )
    )


def minimum_funds(kind: OrgKind, form: OrgForm, national: bool, t: Thresholds) -> Decimal:
    """The least 活动资金 (社团 第十条) or 原始基金 (基金会 第八条); 社会服务机构: no figure in the regulation (0)."""
    if kind == OrgKind.ASSOCIATION:
        return t.association_funds_national if national else t.association_funds_local
    if kind == OrgKind.FOUNDATION:
        if form == OrgForm.NON_PUBLIC:
            return t.foundation_fund_non_public
        return t.foundation_fund_national_public if national else t.foundation_fund_local_public
    return Decimal(0)


def name_shortfall(kind: OrgKind, name: str, national: bool) -> str:
    """Only 全国性 organisations may carry 中国/全国/中华 (社团 第十条; 民非 第八条 forbids them outright;
    基金会: 《基金会名称管理规定》 reserves them for 全国性公募基金会)."""
    if not name.strip():
        return "请填写名称"
    words = [w for w in RESERVED_NAME_WORDS if w in name]
    if not words:
        return ""
    if kind == OrgKind.SERVICE:
        return f"社会服务机构名称不得冠以“{words[0]}”字样（《民办非企业单位登记管理暂行条例》第八条）"
    if not national:
        return f"地方性社会组织名称不得冠以“{words[0]}”字样（《社会团体登记管理条例》第十条、《基金会管理条例》第八条）"
    return ""


def registration_shortfalls(app: Application, t: Thresholds) -> list[Shortfall]:
    """Every condition of the kind that ``app`` does not meet (empty: registrable)."""
    found: list[Shortfall] = []
    if app.form not in FORMS_OF[app.kind]:
        found.append(Shortfall("form", "登记形式与组织类型不符"))
    if message := name_shortfall(app.kind, app.name, app.national):
        found.append(Shortfall("name", message))
    if not app.supervisor_approved:
        found.append(
            Shortfall(
                "supervisor_approved_on", "须经业务主管单位审查同意（《社会团体登记管理条例》第九条等）"
            )
        )
    if not app.has_address:
        found.append(
            Shortfall(
                "address",
                "须有固定的住所或必要的场所（《社会团体登记管理条例》第十条、《民办非企业单位登记管理暂行条例》第八条）",
            )
        )
    if app.kind == OrgKind.ASSOCIATION:
        if message := member_shortfall(app.individual_members, app.unit_members, t):
            found.append(Shortfall("individual_members", message))
        if not app.has_staff:
            found.append(Shortfall("has_staff", "须有专职工作人员（《社会团体登记管理条例》第十条）"))
    if app.kind == OrgKind.SERVICE and not app.has_staff:
        found.append(
            Shortfall(
                "has_staff", "须有与业务活动相适应的从业人员（《民办非企业单位登记管理暂行条例》第八条）"
            )
        )
    least = minimum_funds(app.kind, app.form, app.national, t)
    if app.funds < least:
        label = "原始基金" if app.kind == OrgKind.FOUNDATION else "活动资金"
        article = (
            "《基金会管理条例》第八条" if app.kind == OrgKind.FOUNDATION else "《社会团体登记管理条例》第十条"
        )
        found.append(Shortfall("funds", f"{label}不得低于{least:,.0f}元（{article}）"))
    if app.kind == OrgKind.FOUNDATION and not app.funds_in_cash:
        found.append(Shortfall("funds_in_cash", "原始基金必须为到账货币资金（《基金会管理条例》第八条）"))
    return found
