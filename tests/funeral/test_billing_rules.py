"""惠民殡葬 waivers and the bill, from the text: 民发〔2012〕211号 — the 基本殡葬服务 of eligible groups are waived
within the local caps; nothing outside the list is charged (殡葬管理条例 2026)."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from minzheng.funeral.rules.billing import bill_totals, line_amount, waiver_for_line

CATEGORIES = ["dibao", "tekun", "dibao_edge", "unidentified"]
# amounts in fen and quantities in hundredths, drawn as integers (cheap to generate on a busy machine)
quantities = st.integers(1, 50_000).map(lambda n: Decimal(n) / 100)
prices = st.integers(0, 500_000).map(lambda n: Decimal(n) / 100)
caps = st.one_of(st.none(), st.integers(1, 100).map(Decimal))
category_sets = st.frozensets(st.sampled_from(CATEGORIES))


def oracle_waived_amount(quantity, price, mine, theirs, cap) -> Decimal:
    """Waived: the quantity up to the cap at the line's price, if the deceased is of a covered group; amounts to
    the fen, 四舍五入 (Python's round() would round half to even)."""
    if not set(mine) & set(theirs):
        return Decimal("0.00")
    covered = quantity if cap is None or quantity <= cap else cap
    return (covered * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(quantities, prices, category_sets, category_sets, caps)
def test_huimin_waiver_covers_eligible_groups_up_to_the_cap_min_fa_2012_211(
    quantity, price, mine, theirs, cap
):
    waiver = waiver_for_line(
        quantity=quantity,
        unit_price=price,
        eligible_categories=mine,
        rule_categories=theirs,
        cap_quantity=cap,
    )
    assert waiver.amount == oracle_waived_amount(quantity, price, mine, theirs, cap)
    assert waiver.amount <= line_amount(quantity, price)


@given(st.lists(st.tuples(prices, prices), max_size=10))
def test_the_family_pays_the_total_less_the_waivers(pairs):
    lines = [(a, min(a, w)) for a, w in pairs]
    total, waived, payable = bill_totals(lines)
    assert total == sum((a for a, _ in lines), Decimal(0)) and payable == total - waived >= 0


def test_half_a_fen_is_rounded_up():
    waiver = waiver_for_line(
        quantity=Decimal("0.05"), unit_price=Decimal("0.10"), eligible_categories=frozenset({"dibao"}),
        rule_categories=frozenset({"dibao"}), cap_quantity=None,
    )  # fmt: skip
    assert waiver.amount == Decimal("0.01")
