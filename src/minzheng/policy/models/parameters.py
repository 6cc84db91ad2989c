"""政策参数: a named number (or enumerated choice) per division with validity dates."""

from django.db import models

from .versions import DatedVersion


class PolicyParameter(DatedVersion):
    """One version of a policy parameter (倍数, 期限, 周期, 额度…) for a division and its children.

    The names, units and meaning are declared by the domain that reads them (its ``policy_parameters``
    module), collected in ``policy.catalogue``.
    """

    name = models.CharField("参数", max_length=64, db_index=True)
    value = models.DecimalField("数值", max_digits=14, decimal_places=4, null=True, blank=True)
    text_value = models.CharField(
        "取值（文字）", max_length=30, blank=True, help_text="如 公示天数类型：自然日/工作日"
    )
    unit = models.CharField("单位", max_length=20, blank=True)

    class Meta:
        db_table = "policy_parameter"
        verbose_name = "政策参数"
        verbose_name_plural = "政策参数"
        ordering = ["name", "division_code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "division_code", "effective_from"],
                name="policy_parameter_one_version_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}={self.value if self.value is not None else self.text_value}"
