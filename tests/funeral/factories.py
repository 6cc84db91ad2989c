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


def make_home(actor, *, division_code: str = "210602000000"):
    """丹东市殡仪馆 (元宝区) with two furnaces and a price list: the six basic services at government prices,
    one extended service and one good."""
    from decimal import Decimal

    from minzheng.funeral.services import homes

    home = homes.register_home(actor, name="丹东市殡仪馆", kind="funeral_home", division_code=division_code)
    homes.add_furnace(actor, home, code="1号炉")
    homes.add_furnace(actor, home, code="2号炉")
    for code, name, category, basic, unit, price in (
        ("J01", "遗体接运", "basic", "pickup", "公里", "10.00"),
        ("J02", "纸棺", "basic", "coffin", "个", "150.00"),
        ("J03", "遗体冷藏", "basic", "storage", "天", "80.00"),
        ("J04", "遗体火化", "basic", "cremation", "具", "400.00"),
        ("J05", "骨灰盒（基本型）", "basic", "urn", "个", "200.00"),
        ("J06", "骨灰寄存", "basic", "ash_storage", "年", "100.00"),
        ("Y01", "告别厅（小厅）", "extended", "", "场", "600.00"),
        ("P01", "鲜花花圈", "goods", "", "个", "120.00"),
    ):
        homes.set_item(
            actor, home, code=code, name=name, category=category, basic_service=basic, unit=unit,
            unit_price=Decimal(price), price_kind="set" if category == "basic" else "market",
            effective_from=date(2026, 1, 1),
        )  # fmt: skip
    return home
