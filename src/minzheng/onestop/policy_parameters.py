"""The policy parameters 全市通办 reads: 12345 工单 time limits per 派单目录 category, the 差评 follow-up clock."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

from .rules.tickets import CATEGORIES

G = "全市通办"


def ticket_days_name(category: str) -> str:
    return f"onestop_ticket_days_{category}"


PARAMETERS: tuple[ParameterSpec, ...] = (
    *(
        ParameterSpec(
            ticket_days_name(code), f"12345工单办理时限（{label}）", "工作日", ValueType.INTEGER, group=G
        )
        for code, label in CATEGORIES.items()
    ),
    ParameterSpec("onestop_bad_review_days", "差评整改反馈期限", "工作日", ValueType.INTEGER, group=G),
)

_TICKET = (
    "地方条例（无全国统一时限）：《济南市12345市民服务热线条例》（2018）第二十四条“5个工作日内答复”，"
    "《潍坊市12345政务服务便民热线条例》（2021）第二十条“5个工作日内办结”；法律另有规定的从其规定，请按本地核定"
)
SEEDS: tuple[SeedParameter, ...] = (
    *(national(ticket_days_name(code), 5, _TICKET, date(2021, 1, 1)) for code in CATEGORIES),
    national(
        "onestop_bad_review_days", 15,
        "《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）：差评情况复杂的，"
        "原则上在15个工作日内整改反馈",
        date(2019, 12, 3),
    ),
)  # fmt: skip
