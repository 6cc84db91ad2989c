from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "minzheng.core"
    label = "core"
    verbose_name = "平台基础"

    def ready(self):
        from django.db.models.signals import pre_save

        from .lengths import guard_text_lengths

        # Every save of every model: a text longer than its column is a Chinese 400, not a database error.
        pre_save.connect(guard_text_lengths, dispatch_uid="minzheng_text_lengths")
