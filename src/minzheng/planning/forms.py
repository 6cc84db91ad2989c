"""Forms of the 规划监测 and 民政报表 pages: each number is checked here with an error naming its field
(“目标数值”应为数字); the services check the plan's policy again."""

from django import forms

from minzheng.web.kit.forms import FlagField, KitForm, KitFormSet, LenientDecimalField, date_field


def _text(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False)


def number(label: str) -> LenientDecimalField:
    """A figure as typed in a plan (1,234.5 and 1，234.5 too): any precision, the service rounds it."""
    return LenientDecimalField(label=label, required=False, error_messages={"invalid": f"“{label}”应为数字"})


def _whole(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, required=False, min_value=-(2**31), max_value=2**31 - 1,
        error_messages={"invalid": f"“{label}”应为整数"},
    )  # fmt: skip


class DefinitionForm(KitForm):
    """指标定义."""

    code = _text("指标编码")
    name = _text("指标名称")
    unit = _text("单位")
    period_type = _text("统计周期")
    source_kind = _text("数据来源")
    source_code = _text("数据源")
    expression = _text("计算公式")
    numerator_label = _text("分子名称")
    denominator_label = _text("分母名称")
    factor = number("系数")
    aggregation = _text("汇总方式")
    direction = _text("指标方向")
    decimals = _whole("小数位")
    value_type = _text("数值类型")
    min_value = number("最小值")
    max_value = number("最大值")
    change_comment_percent = number("需说明的变动幅度")
    definition = _text("指标解释")


class BindingForm(KitForm):
    """规划指标绑定: the definition a plan row is monitored by, its target and baseline."""

    definition = _whole("指标定义")
    target_comparison = _text("目标比较方式")
    target_value = number("目标数值")
    target_year = _whole("目标年份")
    baseline_value = number("基期值")
    baseline_year = _whole("基期年份")
    note = _text("说明")


class EntryForm(KitForm):
    """指标填报."""

    definition = _whole("指标")
    division = _text("区划")
    period = _text("期别")
    value = number("数值")
    numerator = number("分子")
    denominator = number("分母")
    comment = _text("填报说明")


class EntryReviewForm(KitForm):
    decision = _text("审核结论")
    note = _text("审核意见")


class StatusRuleForm(KitForm):
    """监测状态规则: a new dated version of the thresholds."""

    division = _text("适用区划")
    effective_from = date_field("生效日期", required=False)
    normal_ratio = number("进度正常比例")
    lagging_ratio = number("滞后比例")
    use_projection = FlagField("按线性预测判断")
    binding_escalates = FlagField("约束性指标滞后即预警")
    note = _text("说明")


class ProjectProgressForm(KitForm):
    reported_on = date_field("报告日期", required=False)
    status = _text("项目状态")
    progress_percent = _whole("形象进度")
    spent = number("累计完成投资")
    evidence = _text("进展与佐证")


class TaskProgressForm(KitForm):
    reported_on = date_field("报告日期", required=False)
    status = _text("任务状态")
    progress_percent = _whole("完成进度")
    evidence = _text("进展与佐证")


class TaskForm(KitForm):
    """分解落实 of a task."""

    responsible_unit = _text("责任单位")
    deadline = date_field("完成时限", required=False)
    status = _text("任务状态")


class ImportReviewForm(KitForm):
    """The head of the 审核规划导入 form; the parsed tables are its ``review_formsets``."""

    title = _text("规划名称")
    status = _text("规划状态")
    division = _text("规划区划")
    parent_plan = _text("上级规划")


class GenerateReportForm(KitForm):
    period_type = _text("报表类型")
    division = _text("区划")
    period = _text("期别")


class ReportHeaderForm(KitForm):
    """民政报表 表头: the block printed with the form."""

    principal = _text("单位负责人")
    preparer = _text("填表人")
    reported_on = date_field("报出日期", required=False)


class SubmitReportForm(KitForm):
    """上报 with the 审核说明 a failed 核实性审核 needs."""

    explanation = _text("审核说明")


class RowBindForm(KitForm):
    """民政报表 表式: which indicator source fills one row."""

    row = _whole("报表行")
    source_code = _text("数据源")
    scale = number("换算系数")
    note = _text("说明")


#: The tables of 审核规划导入 a reviewer corrects: prefix → (draft key, title, columns (field, label, input
#: width)). ``drafts.apply_review`` checks the rows' content; these forms only read them.
REVIEW_COLUMNS = {
    "ind": ("indicators", "主要指标", [("no", "序号", 3), ("name", "指标名称", 30), ("unit", "单位", 6),
                                  ("target", "目标值", 14), ("attribute", "指标属性", 6), ("baseline", "基期值", 8)]),
    "tt": ("text_targets", "正文量化目标", [("name", "指标", 40), ("value", "目标", 16)]),
    "task": ("tasks", "重点任务", [("lead", "任务", 40), ("chapter", "所在章", 20), ("section", "所在节", 20)]),
    "proj": ("projects", "重大项目", [("name", "项目名称", 30), ("location", "地点", 10), ("scale", "规模", 20),
                                   ("investment", "投资", 8), ("investment_unit", "单位", 4), ("deadline", "期限", 10)]),
}  # fmt: skip
REVIEW_MAX_ROWS = 2000


def _review_row_form(prefix: str) -> type[KitForm]:
    """One row of a review table: its columns as typed (trimmed), and 删除."""
    columns = REVIEW_COLUMNS[prefix][2]
    fields = {name: _text(label) for name, label, _ in columns}
    return type(f"ReviewRowForm_{prefix}", (KitForm,), {**fields, "delete": FlagField("删除")})


REVIEW_FORMSETS = {
    prefix: forms.formset_factory(
        _review_row_form(prefix), formset=KitFormSet, extra=0,
        max_num=REVIEW_MAX_ROWS, absolute_max=REVIEW_MAX_ROWS, validate_max=True,
    )
    for prefix in REVIEW_COLUMNS
}  # fmt: skip


def review_formsets(data) -> dict[str, KitFormSet]:
    """Each review table's formset bound to ``data`` (rows ``{prefix}-{i}-{field}``)."""
    return {prefix: formset(data, prefix=prefix) for prefix, formset in REVIEW_FORMSETS.items()}
