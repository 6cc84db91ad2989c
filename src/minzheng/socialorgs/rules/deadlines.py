"""The registration clocks (pure). Periods are calendar days as the regulations write them (“60日内”, “30日内”);
the day of the triggering event is not counted (《民法典》第二百零一条)."""

from datetime import date

from .dates import add_days


def decision_due(received_on: date, days: int) -> date:
    """准予或者不准予登记的决定: 自收到全部有效文件之日起60日内 (社团 第十二条, 民非 第十一条, 基金会 第十一条)."""
    return add_days(received_on, days)


def change_due(approved_on: date, days: int) -> date:
    """变更登记: 自业务主管单位审查同意之日起30日内申请 (社团 第十八条, 民非 第十五条)."""
    return add_days(approved_on, days)


def deregistration_due(liquidated_on: date, days: int) -> date:
    """注销登记: 清算结束之日起15日内申请 (社团 第二十一条, 民非 第十七条)."""
    return add_days(liquidated_on, days)


def days_left(due: date, today: date) -> int:
    """Days until ``due`` (0 on the day itself, negative once overdue)."""
    return (due - today).days
