"""The one renderer of the batch engine's evidence (web.kit.evidence): every dataset and field the 核对 and
动态监测 jobs write reads in Chinese, and every 公民身份号码 is masked."""

from minzheng.monitoring.rule_catalogue import parameters_text
from minzheng.web.kit.evidence import evidence_lines, evidence_rows

MEDICAL = {
    "dataset": "medical_bills",
    "key": {"id_number": "210602198001011237", "settle_date": "2026-11-01"},
    "values": {"total_cost": "68000.00", "self_paid": "23500.00", "inpatient": True},
}
INCOME = {
    "dataset": "household_income",
    "key": {"household_id": "R1002", "month": "2026-08"},
    "values": {"amount": "2324.53"},
}
STANDARD = {
    "dataset": "dibao_standard",
    "key": {"household_id": "R1002"},
    "values": {"members": "3", "dibao_line": "663.00"},
}


def test_monitoring_evidence_reads_in_chinese_with_the_id_number_masked():
    medical, income, standard = evidence_rows([MEDICAL, INCOME, STANDARD])
    assert medical.dataset == "医疗费用"
    assert medical.key == "公民身份号码：210602********1237；结算日期：2026-11-01"
    assert medical.values == "总费用：68000.00；个人自付：23500.00；住院：是"
    assert (income.dataset, income.key, income.values) == (
        "家庭月收入",
        "家庭编号：R1002；月份：2026-08",
        "金额：2324.53",
    )
    assert standard.values == "家庭人数：3；低保标准：663.00"


def test_evidence_as_text_lines_for_a_prefilled_application():
    (line,) = evidence_lines([MEDICAL])
    assert line.startswith("医疗费用：公民身份号码：210602********1237")
    assert "210602198001011237" not in line and "medical_bills" not in line


def test_rule_parameters_read_with_labels_and_units():
    assert parameters_text("disaster_loss", {"amount": "10000"}) == "损失金额线 10,000 元"
    assert (
        parameters_text("medical_expense", {"amount": "20000", "ratio": "0.5", "months": "12"})
        == "自付费用金额线 20,000 元，占家庭收入比例 50%，统计月数 12 个月"
    )
    assert parameters_text("unemployment", {}) == "—"
