"""REST endpoints of the 社会救助 domain (added to the one NinjaAPI in minzheng/api.py).

Same scoping as the pages: a user may ask about their own division, the divisions inside their
jurisdiction and those above it; any other division answers 404.
"""

from datetime import date
from decimal import Decimal

from django.http import Http404
from ninja import Field, Query, Router, Schema

from minzheng.core.api_types import Day, DivisionCode
from minzheng.policy.interface import division_visible_to, normalise_division_code, parameters_in_force

from .api_case_records import router as case_records_router
from .api_cases import router as cases_router
from .services import in_force

router = Router(tags=["社会救助"])
router.add_router("", cases_router)
router.add_router("", case_records_router)


class InForceQuery(Schema):
    division: DivisionCode = Field("", description="区划代码（默认本人所属区划）")
    on: Day | None = Field(None, description="日期（默认今天）")


class StandardOut(Schema):
    kind: str
    kind_label: str
    area: str
    division_code: str = Field(description="标准所属区划（本级或上级）")
    effective_from: date
    amount: Decimal = Field(description="公布金额（按 period）")
    period: str = Field(description="month 元/人/月；year 元/人/年")
    monthly_amount: Decimal = Field(description="折合每人每月")
    derived: bool = Field(description="按低保标准和倍数推算")
    basis: str
    source_note: str


class DerivedOut(Schema):
    area: str
    dibao_standard: Decimal = Field(description="低保标准（每人每月）")
    dibao_edge_line: Decimal | None = Field(description="低保边缘家庭认定标准（每人每月）")
    dibao_edge_basis: str
    tekun_basic: Decimal | None = Field(description="特困人员基本生活标准（每人每月）")
    tekun_basis: str


class StandardsOut(Schema):
    division_code: str
    on: date
    standards: list[StandardOut]
    derived: list[DerivedOut]


class ParameterOut(Schema):
    name: str
    label: str
    value: Decimal | None
    text_value: str
    unit: str
    division_code: str
    effective_from: date
    valid_to: date | None
    source_note: str


def _asked(request, filters: InForceQuery) -> tuple[str, date]:
    code = normalise_division_code(filters.division or request.user.division_code)
    if not division_visible_to(request.user, code):
        raise Http404
    return code, filters.on or date.today()


@router.get(
    "/standards", response=StandardsOut, summary="某区划某日执行的保障标准（含推算的低保边缘、特困标准）"
)
def standards(request, filters: Query[InForceQuery]):
    code, on = _asked(request, filters)
    return {
        "division_code": code,
        "on": on,
        "standards": in_force.standards_in_force(code, on),
        "derived": [
            {
                "area": d.area,
                "dibao_standard": d.dibao.monthly_amount,
                "dibao_edge_line": d.dibao_edge_line,
                "dibao_edge_basis": d.dibao_edge_basis,
                "tekun_basic": d.tekun_basic,
                "tekun_basis": d.tekun_basis,
            }
            for d in in_force.derived_standards(code, on)
        ],
    }


@router.get("/parameters", response=list[ParameterOut], summary="某区划某日执行的政策参数")
def parameters(request, filters: Query[InForceQuery]):
    code, on = _asked(request, filters)
    return parameters_in_force(code, on)  # every domain's parameters, from the policy store
