"""名单核对: verify the households of a list a caseworker uploads (.xlsx/.csv), in the background.

Every row is checked against the registry inside the caseworker's jurisdiction (a household not found there —
another region's answers the same —, bad 公民身份号码, a household named twice, …). Any error rejects the list as a whole, with
every error in a downloadable report; a clean list starts a run over exactly its households, which records
the list as its source. The same list with the same data in force returns the run already made.
"""

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db import transaction

from minzheng.core.errors import ImportRejected
from minzheng.core.identity import normalise_id_number
from minzheng.core.jurisdiction import LEVEL_LENGTHS, division_prefix, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.registry import locate_households, verification_roster
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, write_workbook

from ..errors import NothingToVerify
from ..household_list import HEAD_ID, NUMBER, check_rows, read_list
from ..models import HouseholdList, VerificationRun
from . import runs


@dataclass(frozen=True)
class ListOutcome:
    household_list: HouseholdList
    run: VerificationRun | None  # None when the list was rejected

    @property
    def ok(self) -> bool:
        return self.run is not None


def verify_list(
    actor, *, data: bytes, file_name: str, program: str, on: dt.date, engine: str = "duckdb"
) -> ListOutcome:
    """Check an uploaded list and, if every row is right, start a run over its households."""
    require(actor, Capability.VERIFY_HOUSEHOLDS)
    runs.check_choices(program, engine)
    record = _Upload(actor, file_name, hashlib.sha256(data).hexdigest())
    try:
        rows = read_list(data, file_name)
    except ImportRejected as exc:
        return ListOutcome(record.rejected(0, [{"row": None, "column": "", "message": exc.message}]), None)
    by_number, by_head = locate_households(
        actor, numbers=[r.number for r in rows if r.number], head_id_numbers=_head_ids(rows)
    )
    households, errors = check_rows(rows, by_number, by_head)
    if errors:
        return ListOutcome(record.rejected(len(rows), [e.as_dict() for e in errors]), None)
    roster = verification_roster(actor, household_ids=households)
    if not roster:
        raise NothingToVerify("名单中的家庭都没有现有成员，无法核对")
    division_code = _common_division({division for _, division, _ in roster})
    with transaction.atomic():
        household_list = record.save(
            HouseholdList.ACCEPTED, len(rows), f"{len(households)}户", households=households
        )
        run = runs.run_for_list(actor, household_list, program, on, division_code, roster, engine)
    return ListOutcome(household_list, run)


@dataclass(frozen=True)
class _Upload:
    """One uploaded list, stored and audited whether it passed or not."""

    actor: object
    file_name: str
    digest: str

    def rejected(self, row_count: int, errors: list[dict]) -> HouseholdList:
        with transaction.atomic():
            return self.save(
                HouseholdList.REJECTED, row_count, f"未通过校验：{len(errors)}处错误", errors=errors
            )

    def save(self, status: str, row_count: int, outcome: str, **fields) -> HouseholdList:
        household_list = HouseholdList.objects.create(
            file_name=self.file_name[:255],
            file_sha256=self.digest,
            status=status,
            division_code=self.actor.division_code,
            uploaded_by=self.actor,
            row_count=row_count,
            **fields,
        )
        record_event(
            self.actor,
            AuditEvent.IMPORT,
            object_type="verification_household_list",
            object_id=household_list.pk,
            division_code=self.actor.division_code,
            summary=f"上传核对名单 {self.file_name}：{outcome}",
        )
        return household_list


def _head_ids(rows) -> list[str]:
    return [normalise_id_number(r.head_id) for r in rows if r.head_id]


def _common_division(codes: set[str]) -> str:
    """The smallest division holding every listed household (the run's scope: who may see it)."""
    prefixes = [division_prefix(c) for c in codes]
    common = ""
    for length in LEVEL_LENGTHS:
        heads = {p[:length] for p in prefixes}
        if len(heads) != 1 or any(len(p) < length for p in prefixes):
            break
        common = heads.pop()
    return full_code(common)


def template() -> bytes:
    """名单模板: either column identifies a household; both together are cross-checked."""
    return write_workbook(
        [
            Sheet(
                "核对名单",
                [NUMBER, HEAD_ID],
                column_widths=(24, 24),
                text_columns=(0, 1),
                notes=["每行一户：填写户编号或户主公民身份号码（可两项都填，须为同一家庭）。请勿修改表头。"],
            )
        ]
    )
