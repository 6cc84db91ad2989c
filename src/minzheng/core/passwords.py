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


# Words an attacker tries first on a government system, besides Django's list of 20,000 common passwords.
PROJECT_WORDS = frozenset(
    {
        "admin",
        "administrator",
        "root",
        "sysadmin",
        "system",
        "guest",
        "user",
        "test",
        "minzheng",
        "mzj",
        "mzt",
    }
    | {"minzhengju", "zhengwu", "dandong", "liaoning", "zhongguo", "china", "beijing"}
)
KEYBOARD_RUNS = ("123456", "654321", "abcdef", "qwerty", "asdfgh", "zxcvbn", "1qaz2wsx", "1q2w3e", "qazwsx")
_LEET = str.maketrans(
    {"@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t"}
)
_EDGES = re.compile(r"^[^a-z]+|[^a-z]+$")


def word_core(password: str) -> str:
    """The word under the decoration: ``Admin@123`` → ``admin``, ``P@ssw0rd!`` → ``password``."""
    lowered = _EDGES.sub("", password.lower())
    return re.sub(r"[^a-z]", "", lowered.translate(_LEET))


class CommonPatternValidator:
    """常见弱口令: a common word or a word of this platform dressed up with capitals, digits and symbols
    (``Admin@123``, ``P@ssw0rd!``, ``Minzheng2026!``), or a keyboard run (``1qaz2wsx``, ``qwerty``). Django's
    CommonPasswordValidator only catches the exact listed passwords."""

    def __init__(self):
        from django.contrib.auth.password_validation import CommonPasswordValidator

        self.common = CommonPasswordValidator().passwords

    def validate(self, password: str, user=None) -> None:
        core = word_core(password)
        lowered = password.lower()
        if (core and (core in self.common or core in PROJECT_WORDS)) or any(
            r in lowered for r in KEYBOARD_RUNS
        ):
            raise ValidationError(
                "密码过于常见（常用单词或系统相关词加数字、符号，或键盘连续字符），请换一个",
                code="password_common",
            )

    def get_help_text(self) -> str:
        return "密码不能是常用单词、系统相关词加数字或符号，也不能包含键盘连续字符。"


class PasswordHistoryValidator:
    """密码历史: none of the user's last ``count`` passwords (the current one included) may be chosen again."""

    def __init__(self, count: int = 5):
        self.count = count

    def validate(self, password: str, user=None) -> None:
        if user is None or user.pk is None:
            return
        from django.contrib.auth.hashers import check_password

        recent = user.password_history.order_by("-id").values_list("password", flat=True)[: self.count]
        if any(check_password(password, encoded) for encoded in recent):
            raise ValidationError(f"新密码不能与最近{self.count}次使用过的密码相同", code="password_reused")

    def get_help_text(self) -> str:
        return f"新密码不能与最近{self.count}次使用过的密码相同。"
