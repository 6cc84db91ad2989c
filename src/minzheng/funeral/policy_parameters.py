"""The policy parameters 殡葬管理 reads (electronic death certificate dates, cremation time limit) and their
shipped values. The 惠民殡葬 waiver rules are structured (item, cap, categories) and kept in the domain's own
dated table (``WaiverRule``), seeded by ``load_funeral_policy``."""

from datetime import date

from minzheng.policy.specs import ParameterSpec, SeedParameter, ValueType, national

PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec(
        "funeral_electronic_certificate_from",
        "电子《居民死亡医学证明》启用日期（以 YYYYMMDD 数字表示）",
        "日期",
        ValueType.INTEGER,
        group="殡葬管理",
    ),
    ParameterSpec(
        "funeral_electronic_certificate_required_from",
        "同步签发电子《居民死亡医学证明》日期（以 YYYYMMDD 数字表示）",
        "日期",
        ValueType.INTEGER,
        group="殡葬管理",
    ),
    ParameterSpec(
        "funeral_plot_cycle_years", "公墓墓位（骨灰格位）使用周期", "年", ValueType.INTEGER, group="殡葬管理"
    ),
    ParameterSpec(
        "funeral_plot_renewal_notice_days",
        "墓位使用周期届满提前提醒天数",
        "天",
        ValueType.INTEGER,
        group="殡葬管理",
    ),
    ParameterSpec(
        "funeral_visit_party_max", "清明祭扫每次预约最多人数", "人", ValueType.INTEGER, group="殡葬管理"
    ),
)

SEEDS: tuple[SeedParameter, ...] = (
    national("funeral_electronic_certificate_from", 20260701, "国卫规划发〔2026〕5号：自2026年7月1日起启用统一的《居民死亡医学证明》，电子证照与纸质证明具有同等效力", date(2026, 2, 27)),
    national("funeral_electronic_certificate_required_from", 20270101, "国卫规划发〔2026〕5号：自2027年1月1日起同步签发电子《居民死亡医学证明》", date(2026, 2, 27)),
    national("funeral_plot_cycle_years", 20, "民事发〔1998〕10号第四条：墓穴和骨灰存放格位的使用年限原则上以20年为一个周期", date(1998, 1, 1)),
    national("funeral_visit_party_max", 5, "平台缺省值（非国家规定）：清明祭扫预约每单最多5人，请按本地疫情防控或现场承载能力核定", date(2020, 1, 1)),
    national("funeral_plot_renewal_notice_days", 90, "平台缺省值（非国家规定）：使用周期届满前90天列入待办，请按本地办法核定", date(1998, 1, 1)),
)  # fmt: skip
