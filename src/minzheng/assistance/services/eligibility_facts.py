"""认定事实: what the investigation establishes beyond income and assets — a 特困 applicant's 法定义务人 and
whether they can support, members still at school — recorded on the case (audited, in the case history) and
read back as the inputs of the eligibility rules (``rules.eligibility``, ``rules.tekun``)."""

from django.db import transaction

from minzheng.core.models import Person

from ..errors import InvalidCase
from ..models import AssistanceCase
from ..rules.household import MemberExclusion
from ..rules.tekun import ObligorInability
from ..rules.workflow import FINAL_STAGES
from .workflow import case_for_update, record_case_event


def _open(user, case_id: int) -> AssistanceCase:
    case = case_for_update(user, case_id)
    if case.status in FINAL_STAGES:
        raise InvalidCase("已办结的案件不能再修改认定事实")
    return case


@transaction.atomic
def record_tekun_obligors(user, case_id: int, *, obligors: list[dict]) -> AssistanceCase:
    """法定赡养、抚养、扶养义务人 as the investigation found them, each with the 第八条 reason they cannot
    support ("" = able to support). An empty list records that there is none."""
    from minzheng.core.permissions import Capability, require

    require(user, Capability.HANDLE_CASES)
    case = _open(user, case_id)
    allowed = {reason.value for reason in ObligorInability}
    cleaned = []
    for row in obligors:
        name, relation, inability = (str(row.get(k, "")).strip() for k in ("name", "relation", "inability"))
        if not name or not relation:
            raise InvalidCase("请填写义务人姓名和关系", field="obligors")
        if inability and inability not in allowed:
            raise InvalidCase("无履行义务能力的情形须为《特困人员认定办法》所列情形", field="obligors")
        cleaned.append({"name": name, "relation": relation, "inability": inability})
    case.eligibility_facts = {**(case.eligibility_facts or {}), "obligors": cleaned}
    case.save(update_fields=["eligibility_facts", "updated_at"])
    record_case_event(
        user, case, "record_tekun_obligors", "记录法定义务人情况", case.status, "", {"obligors": cleaned}
    )
    return case


@transaction.atomic
def record_members_in_school(user, case_id: int, *, person_ids: list[int]) -> AssistanceCase:
    """Members still at school (义务教育、普通高中、中等职业学校): a 特困 minor is kept on past the entry age."""
    from minzheng.core.permissions import Capability, require

    require(user, Capability.HANDLE_CASES)
    case = _open(user, case_id)
    members = set(
        Person.objects.filter(
            memberships__household_id=case.household_id, memberships__valid_to__isnull=True
        ).values_list("pk", flat=True)
    )
    if any(pid not in members for pid in person_ids):
        raise InvalidCase("在校成员必须是本户现有成员", field="person_ids")
    case.eligibility_facts = {**(case.eligibility_facts or {}), "in_school": sorted(set(person_ids))}
    case.save(update_fields=["eligibility_facts", "updated_at"])
    record_case_event(
        user,
        case,
        "record_members_in_school",
        "记录在校就读成员",
        case.status,
        "",
        {"in_school": sorted(set(person_ids))},
    )
    return case


def _household_member_ids(case: AssistanceCase) -> set[int]:
    return set(
        Person.objects.filter(
            memberships__household_id=case.household_id, memberships__valid_to__isnull=True
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def record_member_exclusions(
    user, case_id: int, *, statuses: dict[int, dict], overrides: dict[int, dict] | None = None
) -> AssistanceCase:
    """民发〔2021〕57号 第七条: members serving a sentence, in 强制隔离戒毒, declared missing, or clergy living in
    a religious venue are not 共同生活家庭成员 — applied automatically from these facts; ``overrides`` records
    the caseworker's decision to count (or not count) a member anyway, each with its reason."""
    from minzheng.core.permissions import Capability, require

    require(user, Capability.HANDLE_CASES)
    case = _open(user, case_id)
    members = _household_member_ids(case)
    allowed = {reason.value for reason in MemberExclusion}
    clean_statuses, clean_overrides = {}, {}
    for pid, row in statuses.items():
        if int(pid) not in members or row.get("reason") not in allowed:
            raise InvalidCase("不计入共同生活家庭成员的情形须为本户成员及第七条所列情形", field="statuses")
        years = row.get("years")
        clean_statuses[str(int(pid))] = {
            "reason": row["reason"],
            "years": int(years) if years not in (None, "") else None,
        }
    for pid, row in (overrides or {}).items():
        reason = str(row.get("reason", "")).strip()
        if int(pid) not in members or not reason:
            raise InvalidCase("经办人更正须为本户成员并说明理由", field="overrides")
        clean_overrides[str(int(pid))] = {"counted": bool(row.get("counted")), "reason": reason}
    case.eligibility_facts = {
        **(case.eligibility_facts or {}), "member_status": clean_statuses, "member_overrides": clean_overrides,
    }  # fmt: skip
    case.save(update_fields=["eligibility_facts", "updated_at"])
    record_case_event(
        user, case, "record_member_exclusions", "记录共同生活家庭成员认定", case.status, "",
        {"member_status": clean_statuses, "member_overrides": clean_overrides},
    )  # fmt: skip
    return case


@transaction.atomic
def record_job_refusals(user, case_id: int, *, refusals: dict[int, int]) -> AssistanceCase:
    """Times each member able to work refused, without good reason, the work the 人社 department offered
    (《社会救助暂行办法》第四十五条); at ``job_refusals_limit`` that member's own share is stopped."""
    from minzheng.core.permissions import Capability, require

    require(user, Capability.HANDLE_CASES)
    case = _open(user, case_id)
    members = _household_member_ids(case)
    if any(int(pid) not in members or int(n) < 0 for pid, n in refusals.items()):
        raise InvalidCase("拒绝就业次数须为本户成员的非负整数", field="refusals")
    clean = {str(int(pid)): int(n) for pid, n in refusals.items() if int(n) > 0}
    case.eligibility_facts = {**(case.eligibility_facts or {}), "job_refusals": clean}
    case.save(update_fields=["eligibility_facts", "updated_at"])
    record_case_event(
        user, case, "record_job_refusals", "记录无正当理由拒绝就业", case.status, "", {"job_refusals": clean}
    )
    return case
