"""文书机关 and 文号, pure: the default name and 机关代字 of an office from its division's names, and the
文号's printed form (机关代字 + 文种代字 + 〔年份〕 + 序号 + 号, as GB/T 9704 党政机关公文格式 lays it out)."""

# 国办发〔2020〕53号 merged the government hotlines (12349 民政 among them) into 12345, so a bureau that has
# not set its own 监督电话 prints 12345.
DEFAULT_SUPERVISION_PHONE = "12345（政务服务便民热线）"


def office_name(names: list[str]) -> str:
    """The office of the last division in ``names`` (province → … → itself): a township's 人民政府 or
    街道办事处, otherwise the 民政局 of the city or county, named with its city (丹东市元宝区民政局)."""
    names = [n for n in names if n and n != "市辖区"]
    if not names:
        return "民政局"
    own = names[-1]
    if own.endswith("街道"):
        return f"{own}办事处"
    if own.endswith(("镇", "乡")):
        return f"{own}人民政府"
    city_and_county = [n for n in names[-2:] if not n.endswith("省") and not n.endswith("自治区")]
    return "".join(city_and_county) + "民政局"


def default_abbreviation(own_name: str) -> str:
    """机关代字 by the common practice of the division's first character and 民 (元宝区 → 元民)."""
    return (own_name[:1] if own_name else "") + "民"


def document_number(abbreviation: str, kind_code: str, year: int, sequence: int) -> str:
    """元民救决〔2026〕15号: the office's 机关代字, the kind's 文种代字, the year in 〔〕, the sequence."""
    if sequence < 1:
        raise ValueError("文号序号从 1 开始")
    return f"{abbreviation}{kind_code}〔{year}〕{sequence}号"
