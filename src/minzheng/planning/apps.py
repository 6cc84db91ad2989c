from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "minzheng.planning"
    label = "planning"
    verbose_name = "规划监测"
