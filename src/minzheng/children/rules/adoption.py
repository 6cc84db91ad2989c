"""收养登记: who may be adopted and adopt (民法典 1093–1105), where the case is registered and its clocks
(中国公民收养子女登记办法 2023, 收养评估 per 民发〔2020〕144号 and the 2015 指引 民发〔2015〕168号). Pure.

Texts read (LawRefBook/Laws, 行政法规/中国公民收养子女登记办法(2023-07-20).md; 民法典 婚姻家庭编 第五章):
- 1093 可以被收养: 丧失父母的孤儿 / 查找不到生父母的未成年人 / 生父母有特殊困难无力抚养的子女.
- 1098 收养人: (一) 无子女或者只有一名子女 (二) 有抚养、教育和保护被收养人的能力 (三) 未患有在医学上认为不宜收养子女的疾病
  (四) 无不利于被收养人健康成长的违法犯罪记录 (五) 年满三十周岁.
- 1099 收养三代以内旁系同辈血亲的子女: not bound by 1093(三), 1094(三), 1102.
- 1100 无子女的收养人可以收养两名子女；有子女的收养人只能收养一名子女. Orphans, disabled minors and foundlings raised by a
  儿童福利机构 are not bound by that paragraph nor by 1098(一).
- 1101 有配偶者收养子女，应当夫妻共同收养.
- 1102 无配偶者收养异性子女的，收养人与被收养人的年龄应当相差四十周岁以上.
- 1103 继父或者继母 … 可以不受 1093(三)、1094(三)、1098 和 1100 第一款 限制.
- 1104 收养八周岁以上未成年人的，应当征得被收养人的同意.
- 1105 登记 (relation from the day of registration); 查找不到生父母的 → 登记前公告; 民政 依法进行收养评估.
- 登记办法 Art 4 registry by case type; Art 8: review within 30 days from the next day; foundlings: 公告 60 days,
  not counted in the 30. Art 11: 解除 reviewed within 30 days too.
- 收养评估: ≥ 2 evaluators, ≤ 30 days, extendable to ≤ 60, not counted in the registration time; stepchildren exempt.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

# 登记办法 Art 4: the case types, each with where it is registered.
INSTITUTION = "institution"  # 社会福利机构抚养的查找不到生父母的弃婴、儿童和孤儿
FOUND = "found"  # 非社会福利机构抚养的查找不到生父母的弃婴和儿童
HARDSHIP = "hardship"  # 生父母有特殊困难无力抚养的子女
GUARDIAN_ORPHAN = "guardian_orphan"  # 由监护人监护的孤儿
KIN = "kin"  # 三代以内同辈旁系血亲的子女
STEPCHILD = "stepchild"  # 继父或者继母收养继子女

CASE_TYPES = {
    INSTITUTION: "收养社会福利机构抚养的查找不到生父母的弃婴、儿童和孤儿",
    FOUND: "收养非社会福利机构抚养的查找不到生父母的弃婴和儿童",
    HARDSHIP: "收养生父母有特殊困难无力抚养的子女",
    GUARDIAN_ORPHAN: "收养由监护人监护的孤儿",
    KIN: "收养三代以内同辈旁系血亲的子女",
    STEPCHILD: "继父或者继母收养继子女",
}
REGISTERED_AT = {
    INSTITUTION: "社会福利机构所在地",
    FOUND: "弃婴和儿童发现地",
    HARDSHIP: "被收养人生父母常住户口所在地",
    GUARDIAN_ORPHAN: "监护人常住户口所在地（组织作监护人的，该组织所在地）",
    KIN: "被收养人生父或者生母常住户口所在地",
    STEPCHILD: "被收养人生父或者生母常住户口所在地",
}
# Foundlings whose parents cannot be found: 公告 before registration (登记办法 Art 8, 民法典 1105).
NOTICE_CASES = frozenset({INSTITUTION, FOUND})
# 登记办法 Art 6 (adopter) and Art 7 (the person placing the child): the documents of each case type.
_ADOPTER_DOCS = (
    "收养申请书",
    "收养人居民户口簿和居民身份证",
    "婚姻状况和抚养教育能力证明、子女情况声明",
    "县级以上医疗机构体检证明",
)
DOCUMENTS = {
    INSTITUTION: (*_ADOPTER_DOCS, "收养人生育情况证明", "弃婴、儿童进入社会福利机构的原始记录", "捡拾报案证明或孤儿生父母死亡证明"),
    FOUND: (*_ADOPTER_DOCS, "收养人生育情况证明", "公安机关出具的捡拾弃婴、儿童报案证明"),
    HARDSHIP: (*_ADOPTER_DOCS, "送养人居民户口簿和居民身份证", "送养人有特殊困难的声明"),
    GUARDIAN_ORPHAN: (*_ADOPTER_DOCS, "送养人居民户口簿和居民身份证", "实际承担监护责任的证明", "孤儿父母死亡或者宣告死亡的证明"),
    KIN: (*_ADOPTER_DOCS, "送养人居民户口簿和居民身份证", "送养人有特殊困难的声明", "与收养人有亲属关系的证明"),
    STEPCHILD: ("收养申请书", "收养人居民户口簿和居民身份证", "收养人与被收养人生父或者生母结婚的证明"),
}  # fmt: skip

ADOPTER_MIN_AGE = 30  # 1098(五)
CONSENT_AGE = 8  # 1104
SINGLE_OPPOSITE_SEX_GAP = 40  # 1102
REVIEW_DAYS = 30  # 登记办法 Art 8, Art 11
NOTICE_DAYS = 60  # 登记办法 Art 8
EVALUATION_DAYS = 30  # 2015 指引
EVALUATION_MAX_DAYS = 60
MIN_EVALUATORS = 2


def age_on(birth: date, day: date) -> int:
    """Full years (周岁) on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass(frozen=True)
class Adopter:
    birth: date
    sex: str  # "1" 男 / "2" 女 (GB 11643)
    has_spouse: bool
    children: int  # 子女 already (born or adopted)
    capable: bool = True  # 1098(二) 抚养、教育和保护能力 (from the 收养评估)
    healthy: bool = True  # 1098(三) 体检证明
    no_record: bool = True  # 1098(四) 无不利于被收养人健康成长的违法犯罪记录


@dataclass(frozen=True)
class Adoptee:
    birth: date
    sex: str
    orphan: bool = False
    disabled: bool = False


@dataclass(frozen=True)
class Application:
    case_type: str
    adopters: tuple[Adopter, ...]  # one, or the two spouses
    adoptee: Adoptee
    on: date
    adoptee_consents: bool | None = None  # 1104: asked when ≥ 8
    notes: list[str] = field(default_factory=list)


def _exempt_from_child_count(app: Application) -> bool:
    """1100 第二款 (orphan, disabled minor, 儿童福利机构 foundling) and 1103 (stepchild)."""
    return (
        app.case_type in (INSTITUTION, STEPCHILD)
        or app.adoptee.orphan
        or app.adoptee.disabled
        or app.case_type == GUARDIAN_ORPHAN
    )


def adoption_errors(app: Application) -> list[str]:
    """Every condition of 民法典 1093–1104 the application breaks, each naming its article (empty: none)."""
    errors: list[str] = []
    if app.case_type not in CASE_TYPES:
        return ["请选择收养类型（收养登记办法第四条）"]
    if age_on(app.adoptee.birth, app.on) >= 18:
        errors.append("被收养人应为未成年人（民法典第一千零九十三条）")
    if not app.adopters or len(app.adopters) > 2:
        return [*errors, "收养人应为一人或夫妻二人（民法典第一千一百零一条）"]
    first = app.adopters[0]
    if first.has_spouse and len(app.adopters) != 2:
        errors.append("有配偶者收养子女，应当夫妻共同收养（民法典第一千一百零一条）")
    stepchild = app.case_type == STEPCHILD
    for adopter in app.adopters:
        if stepchild:
            break  # 1103: not bound by 1098 (nor 1100 第一款)
        if age_on(adopter.birth, app.on) < ADOPTER_MIN_AGE:
            errors.append("收养人应当年满三十周岁（民法典第一千零九十八条第五项）")
        if not adopter.capable:
            errors.append("收养人应当有抚养、教育和保护被收养人的能力（民法典第一千零九十八条第二项）")
        if not adopter.healthy:
            errors.append("收养人不得患有在医学上认为不宜收养子女的疾病（民法典第一千零九十八条第三项）")
        if not adopter.no_record:
            errors.append("收养人不得有不利于被收养人健康成长的违法犯罪记录（民法典第一千零九十八条第四项）")
    # The couple's children are one count: the larger of the two declarations. With adopted children
    # counted, 1100 第一款 (无子女 → two, 有子女 → one) is 1098(一) again: at most one child before.
    if not _exempt_from_child_count(app) and max(a.children for a in app.adopters) > 1:
        errors.append(
            "收养人应当无子女或者只有一名子女；无子女的可收养两名，有子女的只能收养一名"
            "（民法典第一千零九十八条第一项、第一千一百条）"
        )
    if (
        len(app.adopters) == 1
        and not first.has_spouse
        and first.sex != app.adoptee.sex
        and app.case_type != KIN
        and age_on(first.birth, app.adoptee.birth) < SINGLE_OPPOSITE_SEX_GAP
    ):
        errors.append("无配偶者收养异性子女，年龄应当相差四十周岁以上（民法典第一千一百零二条）")
    if age_on(app.adoptee.birth, app.on) >= CONSENT_AGE and app.adoptee_consents is not True:
        errors.append("收养八周岁以上未成年人，应当征得被收养人的同意（民法典第一千一百零四条）")
    # Deduplicate (two spouses under 30 give one line) keeping order.
    return list(dict.fromkeys(errors))


def needs_evaluation(case_type: str) -> bool:
    """收养评估 for every mainland adoption except a stepchild's (民发〔2020〕144号)."""
    return case_type != STEPCHILD


def needs_notice(case_type: str) -> bool:
    return case_type in NOTICE_CASES


def evaluation_due(started_on: date, *, extended: bool) -> date:
    return started_on + timedelta(days=EVALUATION_MAX_DAYS if extended else EVALUATION_DAYS)


def notice_ends(started_on: date) -> date:
    """The last day of the 60-day 公告 counted from its first day (自公告之日起满60日)."""
    return started_on + timedelta(days=NOTICE_DAYS - 1)


def review_due(received_on: date, *, paused_days: int = 0) -> date:
    """登记办法 Art 8: 30 days from the next day; the 公告 and 评估 periods are not counted (``paused_days``)."""
    return received_on + timedelta(days=REVIEW_DAYS + max(paused_days, 0))


def evaluation_errors(evaluators: list[str], score: int | None, passed: bool | None) -> list[str]:
    errors = []
    if len([e for e in evaluators if e.strip()]) < MIN_EVALUATORS:
        errors.append("收养评估应当由2名以上评估人员进行（民发〔2020〕144号）")
    if score is not None and not 0 <= score <= 100:
        errors.append("评估得分应在0–100之间")
    if passed is None:
        errors.append("请填写评估结论")
    return errors
