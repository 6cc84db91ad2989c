"""演示数据 for 福利彩票: 350 outlets in 丹东 (专营, 兼营, 福彩公益驿站) with 2025–2026 monthly sales per game type."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from minzheng.core.models import User

from ..models import LotteryOutlet
from ..services.lottery import open_outlet, record_sales

COUNTIES = ("210602000000", "210603000000", "210604000000", "210624000000", "210681000000", "210682000000")
_KINDS = ("dedicated",) * 6 + ("shared",) * 3 + ("station",)


def load_outlets(*, count: int = 350, seed: int = 20250101, until: date | None = None) -> str:
    leader = User.objects.filter(username="city_leader").first()
    if leader is None or LotteryOutlet.objects.exists():
        return "福彩网点演示数据已存在或缺少演示用户，未作更改"
    rng = random.Random(seed)
    outlets = [
        open_outlet(
            leader,
            code=f"21060{n:04d}",
            name=f"丹东福彩{n:03d}号网点",
            kind=rng.choice(_KINDS),
            division_code=rng.choice(COUNTIES),
            opened_on=date(rng.randint(2012, 2024), rng.randint(1, 12), 1),
        )
        for n in range(1, count + 1)
    ]
    until = until or date.today()
    rows = []
    for year in (2025, 2026):
        for month in range(1, 13):
            day = date(year, month, 1)
            if day > until:
                break
            for o in outlets:
                base = 30000 if o.kind == "dedicated" else 12000
                rows.append((o, day, "lotto", Decimal(rng.randint(base // 2, base * 2))))
                rows.append((o, day, "instant", Decimal(rng.randint(1000, base // 2))))
    record_sales(leader, rows)
    return f"福彩演示：网点{len(outlets)}个，销售记录{len(rows)}条"
