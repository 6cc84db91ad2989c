"""The household roster spreadsheet (家庭成员花名册): its columns, shared by template, import and export."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    width: int = 14
    hint: str = ""


ROSTER_COLUMNS = (
    Column("head_id_number", "户主公民身份号码", True, 22, "同一户的每一行都填写户主的身份证号"),
    Column("relation", "与户主关系", True, 10, "户主本人填“户主”；其他：配偶、子、女、父母、孙子女…"),
    Column("name", "姓名", True, 10),
    Column("id_number", "公民身份号码", True, 22, "18位，末位X大写；请保持“文本”格式"),
    Column("sex", "性别", False, 6, "男/女，可不填（按身份证号自动识别）"),
    Column("birth_date", "出生日期", False, 12, "2025-01-31，可不填"),
    Column("ethnicity", "民族", False, 10),
    Column(
        "residence_division_code", "居住地区划代码", True, 16, "12位村（社区）或乡镇（街道）代码，户主行必填"
    ),
    Column("address", "详细地址", False, 30),
    Column("area_type", "城乡类别", False, 10, "城市/农村，户主行填写"),
    Column("hukou_division_code", "户籍地区划代码", False, 16),
    Column("phone", "联系电话", False, 14),
    Column("disability_category", "残疾类别", False, 10, "视力/听力/言语/肢体/智力/精神/多重"),
    Column("disability_grade", "残疾等级", False, 10, "1-4 或 一级-四级"),
)
COLUMN_BY_HEADER = {c.header: c for c in ROSTER_COLUMNS}
HEADER_BY_KEY = {c.key: c.header for c in ROSTER_COLUMNS}
TEXT_COLUMNS = tuple(
    i for i, c in enumerate(ROSTER_COLUMNS) if c.key.endswith(("id_number", "code", "phone"))
)
