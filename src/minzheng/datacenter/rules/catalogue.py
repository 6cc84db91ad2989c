"""数据质量规则目录: what each rule of the batch job checks, in words, with its domain, dimension and source.

Pure data (no Django): the platform copies it into its rule table once (``sync_rules``), where an
administrator's choice to switch a rule off is kept; the checks themselves are the batch job's SELECTs
(``batch.dataquality``), one per code.
"""

from dataclasses import dataclass

COMPLETENESS, VALIDITY, CONSISTENCY = "completeness", "validity", "consistency"
DIMENSIONS = {COMPLETENESS: "完整性", VALIDITY: "有效性", CONSISTENCY: "一致性"}


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    domain: str  # zh-Hans, the domain whose records are checked (and whose desk fixes them)
    dimension: str
    basis: str  # the rule's source
    capability: str  # who fixes a failing record (core.permissions.Capability value)
    record: str  # what a record is: "person" | "household" | "enrolment"


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        "id_birth_mismatch", "身份证号码与出生日期不一致", "人口与家庭", VALIDITY,
        "GB 11643-1999《公民身份号码》第4.2条（第7至14位为出生日期码）", "edit_registry", "person",
    ),
    RuleSpec(
        "birth_date_missing", "出生日期缺失", "人口与家庭", COMPLETENESS,
        "人口与家庭登记项目：出生日期为必填项", "edit_registry", "person",
    ),
    RuleSpec(
        "household_no_head", "家庭户无户主", "人口与家庭", COMPLETENESS,
        "家庭户登记：每户应登记户主", "edit_registry", "household",
    ),
    RuleSpec(
        "head_not_member", "户主不是本户现有成员", "人口与家庭", CONSISTENCY,
        "家庭户登记：户主应为本户成员", "edit_registry", "household",
    ),
    RuleSpec(
        "enrolment_payee_deceased", "在保对象领款人已死亡", "社会救助", CONSISTENCY,
        "《社会救助暂行办法》第十三条：家庭状况变化的，应按规定增发、减发或停发", "handle_cases", "enrolment",
    ),
    RuleSpec(
        "enrolment_household_all_deceased", "在保家庭已无在世成员", "社会救助", CONSISTENCY,
        "《社会救助暂行办法》第十三条：家庭状况变化的，应按规定增发、减发或停发", "handle_cases", "enrolment",
    ),
)  # fmt: skip
