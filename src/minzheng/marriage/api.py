"""REST endpoints of 婚姻登记 (mounted at /api/marriage/): the same scope and masking as the pages."""

from datetime import date

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from minzheng.core.identity import mask_id_number
from minzheng.core.paging import Paging
from minzheng.core.read_audit import Channel

from .models import DivorceStatus, MarriageStatus
from .selectors import marriages as sel
from .services.status_queries import query_marital_status

router = Router(tags=["婚姻登记"])


class PartyOut(Schema):
    sex: str
    name: str
    id_number_masked: str
    prior_status: str

    @staticmethod
    def resolve_id_number_masked(obj):
        return mask_id_number(obj.id_number)


class MarriageOut(Schema):
    id: int
    certificate_number: str
    registered_on: date
    registry: str
    status: str
    ended_on: date | None
    parties: list[PartyOut]

    @staticmethod
    def resolve_registry(obj):
        return obj.registry.name

    @staticmethod
    def resolve_parties(obj):
        return list(obj.parties.all())


class MarriageQuery(Schema):
    q: str = Field("", max_length=30, description="姓名、完整证件号码或证书字号")
    status: MarriageStatus | None = None
    year: int | None = Field(None, ge=1950, le=2100)


@router.get("/marriages", response=list[MarriageOut], summary="结婚登记（证件号码脱敏）")
@paginate(Paging)
def list_marriages(request, filters: Query[MarriageQuery]):
    return sel.marriage_list(
        request.user, sel.MarriageFilter(q=filters.q, status=filters.status or "", year=filters.year)
    )


@router.get("/marriages/{marriage_id}", response=MarriageOut, summary="一条结婚登记（查看留痕）")
def get_marriage(request, marriage_id: int):
    return sel.read_marriage(request.user, marriage_id, channel=Channel.API)


class DivorceOut(Schema):
    id: int
    marriage_id: int
    received_on: date
    withdrawal_end: date
    appearance_start: date
    appearance_end: date
    status: str
    closed_on: date | None
    certificate_number: str


class DivorceQuery(Schema):
    status: DivorceStatus | None = None


@router.get("/divorces", response=list[DivorceOut], summary="离婚登记申请与冷静期日期")
@paginate(Paging)
def list_divorces(request, filters: Query[DivorceQuery]):
    return sel.divorce_list(request.user, sel.DivorceFilter(status=filters.status or ""))


class StatusQueryIn(Schema):
    id_number: str = Field(..., min_length=5, max_length=30, description="被查询人证件号码")
    as_of: date = Field(..., description="查询哪一天的婚姻状况")
    agency: str = Field(..., min_length=1, max_length=100, description="查询机关，如 丹东市元宝区人民法院")
    legal_basis: str = Field(..., min_length=1, max_length=200, description="法律依据")
    case_reference: str = Field("", max_length=60, description="案件或业务编号")


class StatusAnswerOut(Schema):
    query_id: int
    as_of: date
    code: str = Field(..., description="GB/T 2261.2：10 未婚（无登记记录）、20 已婚、30 丧偶、40 离婚")
    label: str
    certificate_number: str
    registered_on: date | None
    ended_on: date | None
    registry: str


@router.post(
    "/status-queries", response=StatusAnswerOut, summary="授权机关查询婚姻状况（每次查询连同法律依据留痕）"
)
def post_status_query(request, payload: StatusQueryIn):
    return query_marital_status(request.user, channel="api", **payload.dict())
