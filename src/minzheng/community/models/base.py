from django.db import models


class Row(models.Model):
    """A 基层治理 table's row; shown by its Chinese name and key where Django needs a string."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        name = getattr(self, "name", "") or getattr(self, "title", "") or getattr(self, "period", "")
        return f"{self._meta.verbose_name} {name or self.pk}"
