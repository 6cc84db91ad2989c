"""花名册导入: whole file or nothing, every error with row, column and a Chinese message; idempotent."""

from datetime import date

import pytest

from minzheng.core.identity import make_resident_id
from minzheng.core.models import Household, HouseholdMembership, ImportBatch, Person
from minzheng.core.roster_format import ROSTER_COLUMNS
from minzheng.core.services.roster_import import import_household_roster
from minzheng.core.spreadsheets import Sheet, write_workbook

from .factories import HouseholdFactory

HEADERS = [c.header for c in ROSTER_COLUMNS]
HEAD = make_resident_id("210602", date(1970, 3, 8), 123)  # male
WIFE = make_resident_id("210602", date(1972, 6, 1), 246)  # female
SON = make_resident_id("210602", date(2001, 9, 9), 111)
OTHER_HEAD = make_resident_id("210682", date(1955, 1, 1), 333)


def row(
    head, relation, name, id_number, *, sex="", birth="", residence="", address="", area="", hukou="", **extra
):
    values = {
        "户主公民身份号码": head,
        "与户主关系": relation,
        "姓名": name,
        "公民身份号码": id_number,
        "性别": sex,
        "出生日期": birth,
        "民族": extra.get("ethnicity", "汉族"),
        "居住地区划代码": residence,
        "详细地址": address,
        "城乡类别": area,
        "户籍地区划代码": hukou,
        "联系电话": extra.get("phone", ""),
        "残疾类别": extra.get("disability_category", ""),
        "残疾等级": extra.get("disability_grade", ""),
    }
    return [values[h] for h in HEADERS]


def good_rows():
    return [
        row(
            HEAD,
            "户主",
            "赵大山",
            HEAD,
            sex="男",
            birth="1970-03-08",
            residence="210602002001",
            address="兴五路3号",
            area="城市",
        ),
        row(HEAD, "配偶", "钱小红", WIFE, sex="女", disability_category="肢体", disability_grade="三级"),
        row(HEAD, "子", "赵小山", SON),
        row(OTHER_HEAD, "户主", "孙老汉", OTHER_HEAD, residence="210602003001", area="农村"),
    ]


def xlsx(rows, headers=HEADERS) -> bytes:
    return write_workbook([Sheet("花名册", headers, rows)])


def registry_counts():
    return Person.objects.count(), Household.objects.count(), HouseholdMembership.objects.count()


def run(user, data: bytes, name="花名册.xlsx"):
    return import_household_roster(user, data, name, today=date(2026, 11, 25))


def test_valid_roster_creates_households_members_and_derived_fields(county_caseworker):
    result = run(county_caseworker, xlsx(good_rows()))
    assert result.ok, result.batch.errors
    assert (result.batch.created_households, result.batch.created_persons) == (2, 4)
    household = Household.objects.get(head__id_number=HEAD)
    assert household.residence_division_code == "210602002001" and household.area_type == "urban"
    assert household.number.startswith("210602002")
    wife = Person.objects.get(id_number=WIFE)
    assert (wife.sex, wife.birth_date, wife.disability_grade) == ("2", date(1972, 6, 1), 3)
    assert wife.residence_division_code == "210602002001" and wife.address == "兴五路3号"
    assert sorted(household.memberships.values_list("relation", flat=True)) == ["01", "10", "20"]


def test_importing_the_same_file_twice_changes_nothing(county_caseworker):
    data = xlsx(good_rows())
    first = run(county_caseworker, data)
    counts = registry_counts()
    second = run(county_caseworker, data)
    assert second.already_imported and second.batch.pk == first.batch.pk
    assert registry_counts() == counts


def test_same_people_in_a_new_file_are_unchanged_rows_not_duplicates(county_caseworker):
    run(county_caseworker, xlsx(good_rows()))
    counts = registry_counts()
    again = run(county_caseworker, xlsx(good_rows()[:3]), "再次导入.xlsx")
    assert again.ok and again.batch.unchanged_rows == 3 and again.batch.created_persons == 0
    assert registry_counts() == counts


def test_new_member_of_an_existing_household_joins_it(county_caseworker):
    run(county_caseworker, xlsx(good_rows()))
    daughter = make_resident_id("210602", date(2005, 5, 5), 222)
    result = run(
        county_caseworker, xlsx([*good_rows()[:1], row(HEAD, "女", "赵小花", daughter)]), "补录.xlsx"
    )
    assert result.ok, result.batch.errors
    assert Household.objects.get(head__id_number=HEAD).memberships.filter(person__id_number=daughter).exists()


def assert_rejected(result, *expected: tuple):
    """The batch is rejected, nothing was written, and each expected (row, column, message part) is listed."""
    assert result.batch.status == ImportBatch.REJECTED
    assert Person.objects.count() == 0 and Household.objects.count() == 0
    for exp_row, exp_column, fragment in expected:
        assert any(
            e["row"] == exp_row and e["column"] == exp_column and fragment in e["message"]
            for e in result.batch.errors
        ), result.batch.errors


def test_wrong_checksum_is_reported_on_its_row(county_caseworker):
    rows = good_rows()
    rows[2][HEADERS.index("公民身份号码")] = SON[:-1] + ("0" if SON[-1] != "0" else "1")
    assert_rejected(run(county_caseworker, xlsx(rows)), (4, "公民身份号码", "校验码错误"))


def test_birth_date_or_sex_that_contradicts_the_id_number_is_refused(county_caseworker):
    rows = good_rows()
    rows[0][HEADERS.index("出生日期")] = "1970-03-09"
    rows[1][HEADERS.index("性别")] = "男"
    assert_rejected(
        run(county_caseworker, xlsx(rows)),
        (2, "出生日期", "出生日期与公民身份号码不一致"),
        (3, "性别", "性别与公民身份号码不一致"),
    )


def test_unknown_division_is_refused(county_caseworker):
    rows = good_rows()
    rows[0][HEADERS.index("居住地区划代码")] = "210602999999"
    assert_rejected(run(county_caseworker, xlsx(rows)), (2, "居住地区划代码", "不存在"))


def test_division_outside_the_users_jurisdiction_is_refused(county_caseworker):
    rows = good_rows()
    rows[3][HEADERS.index("居住地区划代码")] = "210603001001"
    assert_rejected(run(county_caseworker, xlsx(rows)), (5, "居住地区划代码", "不在您的管辖范围内"))


def test_duplicate_id_inside_the_file_names_the_first_row(county_caseworker):
    rows = [*good_rows(), row(HEAD, "子", "赵重复", SON)]
    assert_rejected(run(county_caseworker, xlsx(rows)), (6, "公民身份号码", "与第4行的公民身份号码重复"))


def test_id_already_registered_in_another_household_is_refused(county_caseworker):
    existing = HouseholdFactory(village="210602002002", size=2)
    member = existing.memberships.exclude(relation="01").first().person
    before = registry_counts()
    rows = [*good_rows(), row(HEAD, "子", member.name, member.id_number)]
    result = run(county_caseworker, xlsx(rows))
    assert result.batch.status == ImportBatch.REJECTED
    assert any("已登记在户" in e["message"] and e["row"] == 6 for e in result.batch.errors)
    assert registry_counts() == before


def test_missing_required_column_is_named(county_caseworker):
    headers = [h for h in HEADERS if h != "与户主关系"]
    rows = [[v for h, v in zip(HEADERS, r, strict=True) if h != "与户主关系"] for r in good_rows()]
    assert_rejected(run(county_caseworker, xlsx(rows, headers)), (1, "与户主关系", "缺少必填列"))


def test_a_file_that_is_not_xlsx_is_refused(county_caseworker):
    result = run(county_caseworker, "姓名,公民身份号码\n张三,1\n".encode(), "名单.csv")
    assert_rejected(result, (None, "", "不是有效的 Excel 文件"))


def test_an_empty_file_is_refused(county_caseworker):
    assert_rejected(run(county_caseworker, b"", "空.xlsx"), (None, "", "空文件"))


def test_a_workbook_with_only_the_header_is_refused(county_caseworker):
    assert_rejected(run(county_caseworker, xlsx([])), (None, "", "没有数据行"))


def test_id_number_stored_as_a_number_is_explained(county_caseworker):
    rows = good_rows()
    rows[2][HEADERS.index("公民身份号码")] = float(SON[:15] + "000")
    assert_rejected(run(county_caseworker, xlsx(rows)), (4, "公民身份号码", "文本"))


def test_household_without_its_head_row_is_refused(county_caseworker):
    rows = good_rows()
    rows[0][HEADERS.index("与户主关系")] = "子"
    assert_rejected(run(county_caseworker, xlsx(rows)), (2, "与户主关系", "找不到户主"))


def test_errors_in_one_row_do_not_let_the_other_rows_in(county_caseworker):
    rows = good_rows()
    rows[3][HEADERS.index("民族")] = "火星族"
    result = run(county_caseworker, xlsx(rows))
    assert_rejected(result, (5, "民族", "不在国家标准民族名称中"))
    assert len(result.batch.errors) == 1


def test_retired_address_code_in_an_id_is_a_warning_not_an_error(county_caseworker):
    retired = make_resident_id("219999", date(1966, 6, 6), 55)
    rows = [row(retired, "户主", "周老", retired, residence="210602002001")]
    result = run(county_caseworker, xlsx(rows))
    assert result.ok
    assert any("已接受" in w.message for w in result.warnings)


def test_only_caseworkers_may_import(city_leader):
    from minzheng.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        run(city_leader, xlsx(good_rows()))


def test_existence_oracle_another_regions_person_gets_one_neutral_answer(county_caseworker, outsider):
    """Issue 14, item 10: as a 振兴区 caseworker, an ID registered in 元宝区 gets the same answer whatever the
    name (no household number, no "unchanged" confirming the name) — and is never duplicated."""
    theirs = HouseholdFactory(village="210602002002", size=2)
    head = theirs.head
    zx_head = make_resident_id("210603", date(1966, 4, 4), 555)

    def answer(name, id_number, head_id=None):
        head_id = head_id or zx_head
        rows = [
            row(zx_head, "户主", "周永昌", zx_head, residence="210603001001", area="城市"),
            row(head_id, "户主" if head_id == id_number else "子", name, id_number, residence="210603001001"),
        ]
        result = run(outsider, xlsx(rows))
        return [(e["row"], e["message"]) for e in result.batch.errors], result.batch.status

    before = registry_counts()
    wrong_name = answer("某某某", head.id_number, head.id_number)
    right_name = answer(head.name, head.id_number, head.id_number)
    as_member = answer(head.name, head.id_number)
    assert wrong_name == right_name
    assert wrong_name[1] == ImportBatch.REJECTED
    assert as_member[0] == [(3, "该公民身份号码无法在本辖区登记，请联系上级民政部门核实")]
    assert theirs.number not in str(wrong_name + as_member)
    assert registry_counts() == before


def test_existence_oracle_the_household_form_gives_the_same_neutral_answer(county_caseworker, outsider):
    from minzheng.core.errors import RegistryConflict
    from minzheng.core.person_rules import clean_person
    from minzheng.core.services.registry import NewMember, register_household

    theirs = HouseholdFactory(village="210602002002", size=1)
    person = clean_person(id_number=theirs.head.id_number, name="随便")
    with pytest.raises(RegistryConflict, match="无法在本辖区登记") as exc:
        register_household(
            outsider,
            residence_division_code="210603001001",
            address="x",
            area_type="urban",
            members=[NewMember(person, relation="01", hukou_division_code="")],
            established_on=date(2026, 1, 1),
        )
    assert theirs.head.id_number not in exc.value.message
