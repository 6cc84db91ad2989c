from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "minzheng.web"
    label = "web"
    verbose_name = "界面框架"
