"""演示数据 for 资金发放: last month's 城市低保 roster of 元宝区 prepared, approved, paid with a few bank
failures in the follow-up queue, and this month's roster as a draft — all through the real services.

When the demo has no 城市低保 beneficiaries in 元宝区 yet (casework demo not loaded), a few hundred demo
households are enrolled first through the assistance services (open_case → enrol_case, through its interface).
"""

import random
from datetime import date
from decimal import Decimal

from minzheng.assistance.interface import NewEnrolment, enrol_case, entitlements_for_month, open_case
from minzheng.core.errors import MinzhengError
from minzheng.core.models import User
from minzheng.core.selectors.registry import HouseholdFilter, household_list
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.policy.interface import add_months, month_start

from ..models import PayrollRoster
from ..services.approval import approve_roster, submit_roster
from ..services.generation import generate_roster
from ..services.results import import_results
from ..services.seed import load_bank_formats

COUNTY = "210602000000"
PROGRAM = "dibao_urban"
_BANKS = [("丹东农商银行", "62304"), ("中国邮政储蓄银行", "62179"), ("丹东农商银行", "62304")]


def load_payroll_demo(*, today: date | None = None, households: int = 300, seed: int = 20260101) -> str:
    load_bank_formats()
    maker = User.objects.filter(username="county_caseworker").first()
    checker = User.objects.filter(username="county_approver").first()
    if maker is None or checker is None:
        return "未找到演示用户（county_caseworker / county_approver），请先运行 manage.py demo"
    this_month = month_start(today or date.today())
    last_month = add_months(this_month, -1)
    if PayrollRoster.objects.filter(program_code=PROGRAM, division_code=COUNTY, month=last_month).exists():
        return "资金发放演示数据已存在，未作更改"
    rng = random.Random(seed)
    if not any(entitlements_for_month(last_month, program_code=PROGRAM, division_code=COUNTY)):
        _enrol(maker, rng, households, add_months(this_month, -3))
    roster = generate_roster(maker, program_code=PROGRAM, division_code=COUNTY, month=last_month).roster
    submit_roster(maker, roster)
    roster = approve_roster(checker, roster)
    lines = list(roster.lines.order_by("seq"))
    failing = {line.pk for line in rng.sample(lines, min(3, len(lines)))}
    rows = [
        [line.bank_account, f"{line.amount}", "失败" if line.pk in failing else "成功",
         "账户已冻结" if line.pk in failing else ""]
        for line in lines
    ]  # fmt: skip
    results = write_workbook([Sheet("回盘", ["账号", "金额", "状态", "失败原因"], rows)])
    import_results(maker, roster, data=results, file_name=f"回盘_{last_month:%Y%m}.xlsx")
    draft = generate_roster(maker, program_code=PROGRAM, division_code=COUNTY, month=this_month).roster
    return (
        f"资金发放演示：{roster}已审核并回盘（{len(failing)}笔失败待处理），"
        f"{draft}为草稿（{draft.line_count}条，{draft.total_amount}元）"
    )


def _enrol(maker, rng: random.Random, count: int, start: date) -> None:
    chosen = household_list(maker, HouseholdFilter(division_code=COUNTY, area_type="urban"))[:count]
    for household in chosen:
        if household.head_id is None:
            continue
        members = max(household.member_count, 1)
        try:
            case = open_case(
                maker, household_id=household.pk, program_code=PROGRAM, applied_on=add_months(start, -1)
            )
        except MinzhengError:  # a small demo: the casework demo already has this household's application
            continue
        bank, prefix = _BANKS[household.pk % len(_BANKS)]
        amount = Decimal(rng.randrange(100, 663 * members, 10))
        enrol_case(
            maker,
            case.id,
            NewEnrolment(
                start_month=start, monthly_amount=amount, persons=members, payee_id=household.head_id,
                bank_name=bank, bank_account=f"{prefix}{household.pk:014d}",
            ),
        )  # fmt: skip
