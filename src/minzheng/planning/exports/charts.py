"""Charts for the reports, drawn server-side to PNG with Pillow (already installed with fpdf2) and the same
Noto CJK font as the PDFs — no plotting library needed for horizontal bar charts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from minzheng.core.pdf import FONT_DIR

from ..indicator_rules import round_half_up

_COLOURS = {
    "achieved": (46, 160, 67),
    "normal": (64, 128, 255),
    "lagging": (230, 150, 20),
    "warning": (214, 48, 49),
    "unknown": (150, 150, 150),
    "unbound": (190, 190, 190),
}


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / "NotoSansCJK-Regular.ttc"), size, index=2)


def progress_bars(title: str, bars: Sequence[tuple[str, Decimal | None, str]], width: int = 1400) -> bytes:
    """One bar per indicator: completion (0–100%+, capped at 120% for drawing), coloured by status."""
    _label_width, bar_left, row_height, top = 560, 580, 34, 70
    height = top + row_height * max(len(bars), 1) + 40
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 16), title, fill="black", font=_font(28))
    small = _font(18)
    scale = (width - bar_left - 120) / 120
    for x_percent in (0, 50, 100):
        x = bar_left + x_percent * scale
        draw.line([(x, top - 8), (x, height - 30)], fill=(210, 210, 210), width=1)
        draw.text((x - 14, height - 28), f"{x_percent}%", fill=(90, 90, 90), font=small)
    for k, (label, completion, status) in enumerate(bars):
        y = top + k * row_height
        text = label if len(label) <= 26 else label[:25] + "…"
        draw.text((20, y + 4), text, fill="black", font=small)
        if completion is None:
            draw.text((bar_left, y + 4), "无法评估（原因见报告第三部分）", fill=(120, 120, 120), font=small)
            continue
        share = max(min(float(completion) * 100, 120.0), 0.0)
        draw.rectangle(
            [bar_left, y + 4, bar_left + share * scale, y + row_height - 8], fill=_COLOURS.get(status)
        )
        draw.text(
            (bar_left + share * scale + 8, y + 4),
            f"{round_half_up(Decimal(completion) * 100, 1):.1f}%",
            fill="black",
            font=small,
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def division_bars(
    title: str,
    bars: Sequence[tuple[str, Decimal | None]],
    unit: str,
    decimals: int = 2,
    width: int = 1400,
) -> bytes:
    """One bar per subordinate division for one indicator's value, labelled at the indicator's precision."""
    known = [float(v) for _, v in bars if v is not None]
    peak = max(known, default=1.0) or 1.0
    label_width, row_height, top = 260, 34, 70
    height = top + row_height * max(len(bars), 1) + 20
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((20, 16), f"{title}（{unit}）", fill="black", font=_font(28))
    small = _font(18)
    scale = (width - label_width - 160) / peak
    for k, (label, value) in enumerate(bars):
        y = top + k * row_height
        draw.text((20, y + 4), label, fill="black", font=small)
        if value is None:
            draw.text((label_width, y + 4), "无数据", fill=(120, 120, 120), font=small)
            continue
        right = label_width + max(float(value), 0) * scale
        draw.rectangle([label_width, y + 4, right, y + row_height - 8], fill=(64, 128, 255))
        draw.text(
            (right + 8, y + 4),
            f"{round_half_up(Decimal(value), decimals):,.{decimals}f}",
            fill="black",
            font=small,
        )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
