"""Password complexity for 等保2.0 三级: length (Django's validator) plus character classes."""

import re

from django.core.exceptions import ValidationError

_CLASSES = (re.compile(r"[a-z]"), re.compile(r"[A-Z]"), re.compile(r"\d"), re.compile(r"[^a-zA-Z0-9]"))


class CharacterClassValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password: str, user=None) -> None:
        present = sum(1 for pattern in _CLASSES if pattern.search(password))
        if present < self.min_classes:
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、特殊字符中的至少{self.min_classes}类",
                code="password_too_simple",
            )

    def get_help_text(self) -> str:
        return f"密码须包含大写字母、小写字母、数字、特殊字符中的至少{self.min_classes}类。"
