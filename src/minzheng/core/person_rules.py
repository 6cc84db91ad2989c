"""Checks on a person's registry fields, shared by forms, the API and the roster importer. Pure functions:
they take plain values and return cleaned values or the Chinese message of the first problem per field."""

from dataclasses import dataclass, field
from datetime import date, datetime

from . import codes
from .errors import InvalidIdNumber
from .identity import parse_resident_id


@dataclass
class PersonFields:
    """Cleaned person fields; ``errors`` maps a field name to its message, ``warnings`` are not blocking."""

    id_number: str = ""
    name: str = ""
    sex: str = ""
    birth_date: date | None = None
    ethnicity: str = ""
    phone: str = ""
    disability_category: str = ""
    disability_grade: int | None = None
    without_id: bool = False
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)


def as_date(value: object) -> date | None:
    """Spreadsheet dates arrive as date, datetime, '1990-01-31', '1990/1/31' or '19900131'."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = (
        str(value)
        .strip()
        .replace("/", "-")
        .replace(".", "-")
        .replace("年", "-")
        .replace("月", "-")
        .rstrip("日")
    )
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        y, m, d = (int(part) for part in text.split("-"))
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"“{value}”不是有效日期，请按 2025-01-31 格式填写") from None


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def clean_person(
    *,
    id_number: object,
    name: object,
    sex: object = None,
    birth_date: object = None,
    ethnicity: object = None,
    phone: object = None,
    disability_category: object = None,
    disability_grade: object = None,
    known_address_codes: frozenset[str] | set[str] | None = None,
    today: date | None = None,
    without_id: bool = False,
) -> PersonFields:
    """Check one person's fields. ``without_id``: a person who has no 公民身份号码 (e.g. an unidentified
    流浪乞讨 person) — sex and an (estimated) birth date must then be given; a 临时编号 is assigned later."""
    out = PersonFields()
    rid = None
    if without_id:
        if as_text(id_number):
            out.errors["id_number"] = "已勾选“无身份证”时不应填写公民身份号码"
        if not as_text(sex):
            out.errors["sex"] = "无身份证人员必须填写性别"
        if not birth_date:
            out.errors["birth_date"] = "无身份证人员必须填写出生日期（可估计）"
    elif isinstance(id_number, float):
        # Excel stored the number as a number: the last digits are already lost.
        out.errors["id_number"] = "公民身份号码被保存为数值，末几位已丢失，请将该列设为“文本”格式后重新填写"
    else:
        try:
            rid = parse_resident_id(id_number, today=today)
            out.id_number = rid.number
            if known_address_codes is not None and rid.address_code not in known_address_codes:
                out.warnings["id_number"] = (
                    f"身份证地址码{rid.address_code}不在现行区划中（可能是已撤销的旧代码），已接受"
                )
        except InvalidIdNumber as exc:
            out.errors["id_number"] = exc.message
    out.without_id = without_id

    out.name = as_text(name)
    if not out.name:
        out.errors["name"] = "姓名不能为空"
    elif len(out.name) > 50:
        out.errors["name"] = "姓名过长（最多50个字）"

    sex_text = as_text(sex)
    if sex_text:
        if sex_text not in codes.SEX_BY_LABEL:
            out.errors["sex"] = f"性别“{sex_text}”无效，应为“男”或“女”"
        else:
            out.sex = codes.SEX_BY_LABEL[sex_text]
            if rid and out.sex != rid.sex:
                out.errors["sex"] = (
                    f"性别与公民身份号码不一致（号码表明为{'男' if rid.sex == '1' else '女'}）"
                )
    elif rid:
        out.sex = rid.sex

    try:
        out.birth_date = as_date(birth_date)
    except ValueError as exc:
        out.errors["birth_date"] = str(exc)
    if rid:
        if out.birth_date and out.birth_date != rid.birth_date:
            out.errors["birth_date"] = f"出生日期与公民身份号码不一致（号码中为{rid.birth_date:%Y-%m-%d}）"
        out.birth_date = rid.birth_date

    out.ethnicity = as_text(ethnicity)
    if out.ethnicity and out.ethnicity not in codes.ETHNICITIES:
        if out.ethnicity + "族" in codes.ETHNICITIES:
            out.ethnicity += "族"
        else:
            out.errors["ethnicity"] = f"民族“{out.ethnicity}”不在国家标准民族名称中"

    out.phone = as_text(phone)
    if out.phone and not (out.phone.replace("-", "").isdigit() and 7 <= len(out.phone) <= 20):
        out.errors["phone"] = f"联系电话“{out.phone}”格式不正确"

    category = as_text(disability_category)
    if category:
        if category not in codes.DISABILITY_CATEGORY_BY_LABEL:
            out.errors["disability_category"] = (
                f"残疾类别“{category}”无效，应为视力、听力、言语、肢体、智力、精神或多重"
            )
        else:
            out.disability_category = codes.DISABILITY_CATEGORY_BY_LABEL[category]
    grade = as_text(disability_grade)
    if grade:
        if grade not in codes.DISABILITY_GRADE_BY_LABEL:
            out.errors["disability_grade"] = f"残疾等级“{grade}”无效，应为1-4级"
        else:
            out.disability_grade = codes.DISABILITY_GRADE_BY_LABEL[grade]
        if not category:
            out.errors["disability_category"] = "填写了残疾等级时必须填写残疾类别"
    elif category:
        out.errors["disability_grade"] = "填写了残疾类别时必须填写残疾等级"
    return out
