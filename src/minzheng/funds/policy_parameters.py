"""The policy parameters 资金项目监督 reads: the 大数据比对 limits and the 福彩公益金 eldercare share."""

from datetime import date
from decimal import Decimal

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

G = "资金项目监督"

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec(
        "funds_vehicle_price_limit",
        "大数据比对：救助对象名下车辆购置价上限（残疾人专用车除外）",
        "元",
        ValueType.DECIMAL,
        group=G,
    ),
    ParameterSpec(
        "funds_business_capital_limit",
        "大数据比对：救助对象经营在业企业注册资本上限",
        "元",
        ValueType.DECIMAL,
        group=G,
    ),
    *(
        ParameterSpec(
            f"funds_lottery_rate_{code}",
            f"福利彩票公益金提取比例（{label}）",
            "比例",
            ValueType.DECIMAL,
            group=G,
        )
        for code, label in (("lotto", "乐透数字型"), ("keno", "基诺型"), ("instant", "即开型"))
    ),
    ParameterSpec(
        "funds_lottery_eldercare_share", "福彩公益金用于养老服务比例下限", "比例", ValueType.DECIMAL, group=G
    ),
)

FUXIN = "210900000000"
SEEDS: tuple[SeedParameter, ...] = (
    national("funds_vehicle_price_limit", 100000, "平台默认值：车辆购置价超过10万元的列为疑点（各地按本地低保家庭财产认定办法调整）", date(2020, 1, 1)),
    national("funds_business_capital_limit", 100000, "平台默认值：经营在业企业注册资本超过10万元的列为疑点（各地按本地认定办法调整）", date(2020, 1, 1)),
    national("funds_lottery_eldercare_share", "0.55", "国办发〔2019〕5号：民政部本级和地方各级政府用于社会福利事业的彩票公益金，到2022年要将不低于55%的资金用于支持发展养老服务", date(2022, 1, 1)),
    national("funds_lottery_rate_lotto", "0.36", "财政部2021年彩票公益金筹集分配情况公告：全国联合发行的乐透数字型彩票公益金提取比例36%（地方乐透多为34%）", date(2021, 1, 1)),
    national("funds_lottery_rate_keno", "0.30", "财政部2021年彩票公益金筹集分配情况公告：基诺型彩票公益金提取比例30%", date(2021, 1, 1)),
    national("funds_lottery_rate_instant", "0.20", "财政部2021年彩票公益金筹集分配情况公告：即开型彩票公益金提取比例20%", date(2021, 1, 1)),
    SeedParameter("funds_lottery_eldercare_share", FUXIN, date(2025, 1, 1), "阜新市“十四五”民政事业发展规划：市级福彩公益金用于养老服务比例2025年达到60%", Decimal("0.60")),
)  # fmt: skip
