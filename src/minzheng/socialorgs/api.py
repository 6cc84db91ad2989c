"""REST endpoints of 社会组织 (added to the one NinjaAPI in minzheng/api.py): read-only, same scope as the pages."""

from datetime import date

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from minzheng.core.paging import Paging

from .selectors import credit, registry

router = Router(tags=["社会组织"])


class OrganisationOut(Schema):
    id: int
    uscc: str
    name: str
    kind: str
    form: str
    division_code: str
    address: str
    legal_rep_name: str
    supervisor: str
    registered_on: date
    status: str
    ended_on: date | None


class OrganisationQuery(Schema):
    q: str = ""
    kind: str = ""
    status: str = ""


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    summary="社会组织（按现名称、曾用名称或统一社会信用代码查询）",
)
@paginate(Paging)
def list_organisations(request, filters: Query[OrganisationQuery]):
    return registry.organisation_list(
        request.user, q=filters.q[:100], kind=filters.kind, status=filters.status
    )


@router.get("/organisations/{pk}", response=OrganisationOut, summary="社会组织详情")
def get_organisation(request, pk: int):
    return registry.organisation_detail(request.user, pk)


class ListingOut(Schema):
    id: int
    organisation_id: int
    list_kind: str
    status: str
    reasons: list[str]
    first_listed_on: date | None
    removed_on: date | None

    @staticmethod
    def resolve_reasons(obj):
        return [g.reason for g in obj.grounds.all() if not g.rejected]


class ListingQuery(Schema):
    list_kind: str = ""
    status: str = ""


@router.get("/credit-listings", response=list[ListingOut], summary="活动异常名录和严重违法失信名单记录")
@paginate(Paging)
def list_listings(request, filters: Query[ListingQuery]):
    return credit.listing_list(request.user, list_kind=filters.list_kind, status=filters.status)
