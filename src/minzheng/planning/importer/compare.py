"""Label normalisation for comparing extracted text with references: brackets, ％/%, spaces."""

from __future__ import annotations

import re

_WIDTH = str.maketrans(
    {"（": "(", "）": ")", "％": "%", "，": ",", "：": ":", "；": ";", "＞": ">", "＜": "<", "㎡": "m²"}
)


def normalise_label(text: str) -> str:
    """Full-width brackets and percent to half-width, all whitespace removed."""
    return re.sub(r"\s+", "", text.translate(_WIDTH))
