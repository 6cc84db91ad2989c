"""Test data for 殡葬管理: certificates as received, a funeral home with its price list, Liaoning's waiver rules."""

import itertools
from datetime import date

from minzheng.funeral.services.deaths import CertificateInput

_numbers = itertools.count(1)


def certificate(person=None, **overrides) -> CertificateInput:
    values = dict(
        certificate_number=f"D2106{next(_numbers):010d}",
        certificate_form="electronic",
        issuer_kind="hospital",
        issuer_name="丹东市第一医院",
        issued_on=date(2026, 7, 21),
        id_number=person.id_number if person else "",
        name=person.name if person else "",
        death_date=date(2026, 7, 20),
        death_place="hospital",
        cause="natural",
    )
    values.update(overrides)
    return CertificateInput(**values)


def csv_of(rows: list[list[str]]) -> bytes:
    from minzheng.funeral.services.death_import import COLUMNS

    lines = [",".join(COLUMNS)] + [",".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def row_of(
    person, number: str, *, died: str = "2026-07-20", issued: str = "2026-07-21", **overrides
) -> list[str]:
    values = {
        "死亡医学证明编号": number, "证明形式": "电子", "签发机构类别": "医疗卫生机构", "签发机构": "丹东市中心医院",
        "签发日期": issued, "公民身份号码": person.id_number if person else "", "姓名": person.name if person else "",
        "死亡日期": died, "死亡地点": "医疗卫生机构", "死亡原因类别": "正常死亡",
    }  # fmt: skip
    values.update(overrides)
    return list(values.values())
