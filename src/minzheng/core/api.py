"""REST endpoints of the core domain: token, divisions, households, persons, audit. Thin: selectors do the
scoping (a record outside the jurisdiction is a 404), services do writes and auditing."""

from datetime import date, datetime

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from . import codes
from .api_types import Day, DivisionCode, column_text
from .errors import MinzhengError
from .identity import mask_id_number
from .models import Household, Person
from .paging import Paging
from .person_rules import clean_person
from .read_audit import Channel
from .selectors import registry as registry_selectors
from .selectors.audit import AuditFilter, audit_events
from .selectors.divisions import children_in_jurisdiction
from .services import registry, second_factor
from .services.accounts import authenticate_with_lockout, issue_api_token
from .services.passwords import PasswordChangeRequired, change_own_password, change_required

router = Router()


class TokenIn(Schema):
    username: str = Field(max_length=150)
    password: str = Field(max_length=256)
    otp: str = Field("", max_length=6, description="动态口令（已启用双因素认证的账号必填）")


class TokenOut(Schema):
    token: str = Field(description="仅显示一次，请妥善保存")
    expires_in_days: int


@router.post("/auth/token", auth=None, response=TokenOut, tags=["认证"], summary="用户名密码换取 API 令牌")
def obtain_token(request, body: TokenIn):
    user = authenticate_with_lockout(body.username, body.password)
    if user.totp_enabled:
        second_factor.check(user, body.otp)
    if reason := change_required(user) or (
        "请先登录系统启用动态口令" if second_factor.setup_required(user) else ""
    ):
        raise PasswordChangeRequired(reason + "（修改密码：POST /api/auth/password）")
    return {"token": issue_api_token(user, name="API"), "expires_in_days": 30}


class PasswordChangeIn(Schema):
    username: str = Field(max_length=150)
    old_password: str = Field(max_length=256)
    new_password: str = Field(max_length=256)


class Done(Schema):
    detail: str


@router.post("/auth/password", auth=None, response=Done, tags=["认证"], summary="修改本人密码")
def change_password(request, body: PasswordChangeIn):
    """Also for a password that was reset or has expired (no token can be issued until it is changed).
    The old password is checked with the login's lockout; every token of the user is revoked."""
    user = authenticate_with_lockout(body.username, body.old_password)
    change_own_password(user, old_password=body.old_password, new_password=body.new_password)
    return {"detail": "密码已修改，原有 API 令牌均已失效"}


class DivisionOut(Schema):
    code: str
    name: str
    level: int
    parent_code: str


@router.get(
    "/divisions/children", response=list[DivisionOut], tags=["行政区划"], summary="下级区划（限本辖区）"
)
def division_children(request, parent: DivisionCode = ""):
    return children_in_jurisdiction(request.user, parent or request.user.division_code)


class MemberOut(Schema):
    person_id: int
    name: str
    relation: str
    id_number_masked: str
    sex: str
    birth_date: date | None


class HouseholdOut(Schema):
    id: int
    number: str
    head_name: str | None
    head_id_number_masked: str
    member_count: int
    area_type: str
    residence_division_code: str
    address: str

    @staticmethod
    def resolve_head_name(obj):
        return obj.head.name if obj.head else None

    @staticmethod
    def resolve_head_id_number_masked(obj):
        return mask_id_number(obj.head.id_number) if obj.head else ""


class HouseholdDetailOut(HouseholdOut):
    members: list[MemberOut]
    established_on: date | None

    @staticmethod
    def resolve_member_count(obj):
        return len(obj.current_memberships)

    @staticmethod
    def resolve_members(obj):
        return [
            {
                "person_id": m.person_id,
                "name": m.person.name,
                "relation": m.relation,
                "id_number_masked": mask_id_number(m.person.id_number),
                "sex": m.person.sex,
                "birth_date": m.person.birth_date,
            }
            for m in obj.current_memberships
        ]


class HouseholdQuery(Schema):
    q: str = ""
    division: DivisionCode = ""
    area_type: str = ""


@router.get("/households", response=list[HouseholdOut], tags=["人口家庭"], summary="家庭户列表（限本辖区）")
@paginate(Paging)
def list_households(request, filters: Query[HouseholdQuery]):
    return registry_selectors.household_list(
        request.user,
        registry_selectors.HouseholdFilter(
            q=filters.q, division_code=filters.division, area_type=filters.area_type
        ),
    )


@router.get("/households/{pk}", response=HouseholdDetailOut, tags=["人口家庭"], summary="家庭户详情")
def get_household(request, pk: int):
    return registry_selectors.read_household(request.user, pk, channel=Channel.API)


class MemberIn(Schema):
    name: column_text(Person, "name")
    relation: str = Field(description="与户主关系：户主、配偶、子、女、父母… 或 GB/T 4761 代码")
    id_number: str = ""
    without_id: bool = Field(False, description="无身份证人员：分配临时编号，须填写性别和出生日期")
    sex: str = ""
    birth_date: Day | None = None
    ethnicity: column_text(Person, "ethnicity") = ""
    phone: column_text(Person, "phone") = ""
    disability_category: str = ""
    disability_grade: str = ""


class HouseholdIn(Schema):
    residence_division_code: DivisionCode
    address: column_text(Household, "address")
    area_type: str = Field("urban", description="urban 城市 / rural 农村")
    established_on: Day | None = None
    members: list[MemberIn]


@router.post(
    "/households", response={201: HouseholdDetailOut}, tags=["人口家庭"], summary="新增家庭（经办人）"
)
def create_household(request, body: HouseholdIn):
    members = []
    for m in body.members:
        person = clean_person(
            id_number=m.id_number,
            name=m.name,
            sex=m.sex,
            birth_date=m.birth_date,
            ethnicity=m.ethnicity,
            phone=m.phone,
            disability_category=m.disability_category,
            disability_grade=m.disability_grade,
            without_id=m.without_id,
        )
        members.append(
            registry.NewMember(person=person, relation=codes.RELATION_BY_LABEL.get(m.relation, ""))
        )
    if any(not m.relation for m in members):
        raise MinzhengError("与户主关系无法识别", field="members.relation")
    household = registry.register_household(
        request.user,
        residence_division_code=body.residence_division_code,
        address=body.address,
        area_type=body.area_type,
        members=members,
        established_on=body.established_on or date.today(),
    )
    return Status(201, registry_selectors.household_detail(request.user, household.pk))


class PersonOut(Schema):
    id: int
    name: str
    id_number_masked: str
    sex: str
    birth_date: date | None
    ethnicity: str
    residence_division_code: str
    disability_category: str
    disability_grade: int | None
    is_deceased: bool
    death_date: date | None

    @staticmethod
    def resolve_id_number_masked(obj):
        return mask_id_number(obj.id_number)


class PersonQuery(Schema):
    q: str = ""
    division: DivisionCode = ""
    sex: str = ""


@router.get(
    "/persons", response=list[PersonOut], tags=["人口家庭"], summary="人员列表（限本辖区，证件号脱敏）"
)
@paginate(Paging)
def list_persons(request, filters: Query[PersonQuery]):
    return registry_selectors.person_list(
        request.user,
        registry_selectors.PersonFilter(q=filters.q, division_code=filters.division, sex=filters.sex),
    )


@router.get("/persons/{pk}", response=PersonOut, tags=["人口家庭"], summary="人员详情")
def get_person(request, pk: int):
    return registry_selectors.read_person(request.user, pk, channel=Channel.API)


class IdNumberOut(Schema):
    id_number: str


@router.post(
    "/persons/{pk}/id-number", response=IdNumberOut, tags=["人口家庭"], summary="查看完整证件号码（记入审计）"
)
def reveal_id_number(request, pk: int):
    person = registry.reveal_id_number(request.user, pk, channel="API ")
    return {"id_number": person.id_number}


class AuditOut(Schema):
    id: int
    at: datetime
    username: str
    ip: str | None
    action: str
    object_type: str
    object_id: str
    division_code: str
    summary: str


class AuditQuery(Schema):
    username: str = ""
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: Day | None = None
    date_to: Day | None = None


@router.get("/audit", response=list[AuditOut], tags=["系统管理"], summary="审计日志（审计管理员）")
@paginate(Paging)
def list_audit(request, filters: Query[AuditQuery]):
    return audit_events(request.user, AuditFilter(**filters.dict()))
