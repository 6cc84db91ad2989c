"""地名命名、更名: the 第九条 checks before an application is accepted, the decision (maker-checker), 备案 and
公告 with their 15-day clocks, 地名保护名录, 标准地址, abolition. A rename never overwrites: the old name is
closed (已更名) and the new one points back to it."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import division_level, division_prefix, full_code, parse_division_code
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import division_path

from ..errors import InvalidPlacenameInput, PlacenameConflict
from ..models import (
    ApplicationKind,
    ApplicationStatus,
    BannedWord,
    NameStatus,
    NamingApplication,
    PlaceName,
    StandardAddress,
)
from ..rules import naming
from ..rules.pinyin import reading, romanize
from .common import audit, check_in_jurisdiction, not_own_work, require_text

_APP_FIELDS = ["kind", "specific", "generic", "category", "division_code", "status", "override_reason"]
_NAME_FIELDS = ["specific", "generic", "category", "division_code", "status", "approved_on", "filed_on",
                "announced_on", "protected"]  # fmt: skip


@dataclass(frozen=True)
class CheckResult:
    scope: naming.Scope
    findings: list[naming.Finding]
    banned: list[naming.BannedTerm]
    missing_readings: tuple[str, ...]
    roman: str

    @property
    def warnings(self) -> list[str]:
        lines = [f"{f.message}（{self.scope.label}，《地名管理条例》第九条）" for f in self.findings]
        lines += [f"含有“{b.term}”（{b.kind}；{b.source}）" for b in self.banned]
        if self.missing_readings:
            lines.append(f"“{'、'.join(self.missing_readings)}”不是汉字，未能比较读音，请人工核对同音地名")
        return lines


def _existing_in(scope: naming.Scope, exclude_pk: int | None = None) -> list[naming.ExistingName]:
    """Names in force within a 第九条 scope — read across jurisdictions on purpose: standard names are public
    and the law sets the scope (nationwide for county-level divisions), not the user's desk."""
    qs = PlaceName.objects.filter(status=NameStatus.APPROVED)
    if scope.kind == naming.ScopeKind.BUILT_UP_AREA:
        qs = qs.filter(built_up_area=scope.key)
    elif scope.key:
        qs = qs.filter(division_code__startswith=scope.key)
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    rows = qs.values_list("pk", "specific", "generic", "category", "division_code")
    return [naming.ExistingName(str(pk), s, g, c, d) for pk, s, g, c, d in rows]


def banned_terms() -> list[naming.BannedTerm]:
    return [
        naming.BannedTerm(t, k, s) for t, k, s in BannedWord.objects.values_list("term", "kind", "source")
    ]


def check_name(
    *,
    specific: str,
    generic: str,
    category: str,
    division_code: str,
    division_level_: int = 0,
    built_up_area: str = "",
    exclude_pk: int | None = None,
) -> CheckResult:
    """第九条 checks of a proposed name: duplicates and homophones within the scope, banned terms, reading."""
    scope = naming.check_scope(
        naming.Category(category), division_code, division_level=division_level_, built_up_area=built_up_area
    )
    findings = naming.clashes(specific, generic, category, _existing_in(scope, exclude_pk))
    banned = naming.banned_terms_in(specific + generic, banned_terms())
    missing = reading(specific + generic).missing
    return CheckResult(scope, findings, banned, missing, romanize(specific, generic))


def _clean_division(code: str) -> str:
    code = parse_division_code(code, field="division_code", label="所属政区代码")
    if not code:
        raise InvalidPlacenameInput("请选择所属政区", field="division_code")
    return full_code(division_prefix(code))


def propose(
    actor,
    *,
    kind: str = ApplicationKind.NAMING,
    target: PlaceName | None = None,
    specific: str,
    generic: str,
    category: str,
    division_code: str,
    location_text: str,
    reasons: str,
    applicant: str,
    assessment_report: str,
    expert_report: str,
    consultation_report: str,
    received_on: date,
    division_level: int = 0,
    built_up_area: str = "",
    meaning: str = "",
    override_reason: str = "",
    geometry: dict | None = None,
) -> NamingApplication:
    """受理 a naming/renaming application (第十一条). The 第九条 findings are stored on it; if there are any, the
    application is accepted only with a reason to go on (the warnings are returned in the error otherwise)."""
    require(actor, Capability.MANAGE_PLACENAMES)
    division_code = _clean_division(division_code)
    check_in_jurisdiction(actor, division_code)
    if category not in naming.Category._value2member_map_:
        raise InvalidPlacenameInput("请选择地名类别", field="category")
    specific = require_text(specific, "specific", "专名", 50)
    generic = require_text(generic, "generic", "通名", 20)
    if kind == ApplicationKind.RENAMING:
        if target is None or target.status != NameStatus.APPROVED:
            raise PlacenameConflict("只能对现行标准地名申请更名")
        check_in_jurisdiction(actor, target.division_code)
        if target.protected and not (override_reason or "").strip():
            raise InvalidPlacenameInput(
                "该地名列入地名保护名录，具有重大历史文化价值的地名一般不得更名（第十条）；确需更名请填写理由",
                field="override_reason",
            )
    labels = naming.required_reports(naming.Category(category))
    reports = [
        require_text(v, f, label, 200)
        for v, f, label in zip(
            (assessment_report, expert_report, consultation_report),
            ("assessment_report", "expert_report", "consultation_report"),
            labels,
            strict=True,
        )
    ]
    result = check_name(
        specific=specific,
        generic=generic,
        category=category,
        division_code=division_code,
        division_level_=division_level,
        built_up_area=built_up_area.strip(),
        exclude_pk=target.pk if target else None,
    )
    override_reason = (override_reason or "").strip()
    if result.warnings and not override_reason:
        raise InvalidPlacenameInput(
            "拟用地名存在以下问题，请修改名称，或填写仍予申报的理由：" + "；".join(result.warnings),
            field="override_reason",
        )
    with transaction.atomic():
        application = NamingApplication.objects.create(
            kind=kind,
            target=target,
            specific=specific,
            generic=generic,
            category=category,
            division_level=division_level,
            division_code=division_code,
            built_up_area=built_up_area.strip(),
            location_text=require_text(location_text, "location_text", "位置描述", 300),
            geometry=geometry,
            reasons=require_text(reasons, "reasons", "申请理由", 1000),
            meaning=require_text(meaning, "meaning", "含义", 500, required=False),
            applicant=require_text(applicant, "applicant", "申请人", 100),
            assessment_report=reports[0],
            expert_report=reports[1],
            consultation_report=reports[2],
            findings=result.warnings,
            override_reason=require_text(
                override_reason, "override_reason", "仍予申报的理由", 500, required=False
            ),
            received_on=received_on,
            received_by=actor,
        )
        audit(
            actor,
            "placenames.application.received",
            application,
            f"受理地名{application.get_kind_display()}申请：{specific}{generic}",
            _APP_FIELDS,
        )
    return application


def decide(
    actor,
    application: NamingApplication,
    *,
    approve: bool,
    decided_on: date,
    approved_by: str = "",
    approval_document: str = "",
    note: str = "",
) -> PlaceName | None:
    """批准 or 不予批准 (第十二条). Approval makes the standard name (with its reading and Romanisation); a
    renaming closes the old name on the same day and links the two."""
    require(actor, Capability.APPROVE_PLACENAMES)
    check_in_jurisdiction(actor, application.division_code)
    if application.status != ApplicationStatus.SUBMITTED:
        raise PlacenameConflict("该申请已经作出决定")
    not_own_work(actor, application.received_by_id, "地名申请")
    if decided_on < application.received_on:
        raise InvalidPlacenameInput("批准日期不能早于受理日期", field="decided_on")
    before = {"status": application.status}
    with transaction.atomic():
        place = None
        if approve:
            approved_by = require_text(approved_by, "approved_by", "批准机关", 100)
            r = reading(application.specific + application.generic)
            place = PlaceName.objects.create(
                specific=application.specific,
                generic=application.generic,
                category=application.category,
                division_level=application.division_level,
                division_code=application.division_code,
                built_up_area=application.built_up_area,
                location_text=application.location_text,
                geometry=application.geometry,
                meaning=application.meaning,
                pinyin=" ".join(r.syllables),
                reading_key=reading(application.specific).key,
                roman=romanize(application.specific, application.generic),
                approved_by=approved_by,
                approved_on=decided_on,
                approval_document=require_text(
                    approval_document, "approval_document", "批准文号", 100, False
                ),
                supersedes=application.target,
                history=(
                    f"原名{application.target.full_name}，{decided_on}更名" if application.target else ""
                ),
            )
            if application.target:
                old = application.target
                old.status, old.ended_on = NameStatus.RENAMED, decided_on
                old.save(update_fields=["status", "ended_on"])
                audit(
                    actor,
                    "placenames.name.renamed",
                    old,
                    f"地名更名：{old.full_name} → {place.full_name}",
                    _NAME_FIELDS,
                )
            audit(actor, "placenames.name.approved", place, f"批准地名：{place.full_name}", _NAME_FIELDS)
        application.status = ApplicationStatus.APPROVED if approve else ApplicationStatus.REJECTED
        application.decided_on, application.decided_by = decided_on, actor
        application.approved_by, application.approval_document = approved_by, approval_document
        application.decision_note = require_text(note, "note", "审批意见", 500, required=approve)
        application.result = place
        application.save()
        audit(
            actor,
            "placenames.application.decided",
            application,
            f"地名申请{application.get_status_display()}：{application.specific}{application.generic}",
            _APP_FIELDS,
            before,
        )
    return place


def _dated(actor, place: PlaceName, field: str, on: date, label: str) -> None:
    require(actor, Capability.MANAGE_PLACENAMES)
    check_in_jurisdiction(actor, place.division_code)
    if place.approved_on is None or place.status != NameStatus.APPROVED:
        raise PlacenameConflict(f"只有已批准的现行地名才能{label}")
    if getattr(place, field):
        raise PlacenameConflict(f"该地名已于{getattr(place, field)}{label}")
    if on < place.approved_on:
        raise InvalidPlacenameInput(f"{label}日期不能早于批准时间", field="on")
    with transaction.atomic():
        setattr(place, field, on)
        place.save(update_fields=[field])
        audit(
            actor, f"placenames.name.{field}", place, f"地名{label}：{place.full_name}（{on}）", _NAME_FIELDS
        )


def record_filing(actor, place: PlaceName, on: date) -> None:
    """备案 with the level above (第十三条)."""
    _dated(actor, place, "filed_on", on, "备案")


def record_announcement(actor, place: PlaceName, on: date) -> None:
    """向社会公告 (第十四条; 地名备案公告管理办法): from this day the name is on the public 公告 list."""
    _dated(actor, place, "announced_on", on, "公告")


def set_protected(actor, place: PlaceName, *, protected: bool, note: str) -> None:
    """地名保护名录 (第二十五条)."""
    require(actor, Capability.APPROVE_PLACENAMES)
    check_in_jurisdiction(actor, place.division_code)
    before = {"protected": place.protected}
    with transaction.atomic():
        place.protected = protected
        place.protection_note = require_text(note, "note", "保护名录说明", 300)
        place.save(update_fields=["protected", "protection_note"])
        audit(
            actor,
            "placenames.name.protection",
            place,
            f"{'列入' if protected else '移出'}地名保护名录：{place.full_name}",
            _NAME_FIELDS,
            before,
        )


def abolish(actor, place: PlaceName, *, on: date, reason: str) -> None:
    require(actor, Capability.APPROVE_PLACENAMES)
    check_in_jurisdiction(actor, place.division_code)
    if place.status != NameStatus.APPROVED:
        raise PlacenameConflict("该地名已不是现行地名")
    with transaction.atomic():
        place.status, place.ended_on = NameStatus.ABOLISHED, on
        place.history = (place.history + f"；{on}废止：{require_text(reason, 'reason', '废止理由', 200)}")[
            :1000
        ]
        place.save(update_fields=["status", "ended_on", "history"])
        audit(actor, "placenames.name.abolished", place, f"废止地名：{place.full_name}", _NAME_FIELDS)


def address_text(
    place: PlaceName, house_number: str, building: str = "", unit: str = "", room: str = ""
) -> str:
    area = "".join(d.name for d in division_path(place.division_code)[1:4] if d.name != "市辖区")
    parts = [area, place.full_name, f"{house_number}号"]
    parts += [f"{building}栋"] if building else []
    parts += [f"{unit}单元"] if unit else []
    parts += [f"{room}室"] if room else []
    return "".join(parts)


def add_address(
    actor, place: PlaceName, *, house_number: str, building: str = "", unit: str = "", room: str = ""
) -> StandardAddress:
    """标准地址 (第二十一条) from a standard street or estate name."""
    require(actor, Capability.MANAGE_PLACENAMES)
    check_in_jurisdiction(actor, place.division_code)
    if place.status != NameStatus.APPROVED or place.category not in (
        naming.Category.STREET,
        naming.Category.ESTATE,
    ):
        raise PlacenameConflict("标准地址只能由现行的街路巷或住宅区、楼宇标准名称编制")
    house_number = require_text(house_number, "house_number", "门牌号", 20)
    if StandardAddress.objects.filter(
        place=place,
        house_number=house_number,
        building=building.strip(),
        unit=unit.strip(),
        room=room.strip(),
    ).exists():
        raise PlacenameConflict("该标准地址已经存在")
    with transaction.atomic():
        row = StandardAddress.objects.create(
            place=place,
            house_number=house_number,
            building=building.strip(),
            unit=unit.strip(),
            room=room.strip(),
            division_code=place.division_code,
            full_text=address_text(place, house_number, building.strip(), unit.strip(), room.strip()),
        )
        audit(actor, "placenames.address.created", row, f"编制标准地址：{row.full_text}", ["full_text"])
    return row


def level_of(code: str) -> int:
    return division_level(code)
