from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "minzheng.background"
    label = "background"
    verbose_name = "后台任务"
