from django.apps import AppConfig


class OnestopConfig(AppConfig):
    name = "minzheng.onestop"
    label = "onestop"
    verbose_name = "全市通办"
