from django.apps import AppConfig


class WorklistConfig(AppConfig):
    name = "minzheng.worklist"
    label = "worklist"
    verbose_name = "待办中心"
