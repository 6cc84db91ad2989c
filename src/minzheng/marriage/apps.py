from django.apps import AppConfig


class MarriageConfig(AppConfig):
    name = "minzheng.marriage"
    label = "marriage"
    verbose_name = "婚姻登记"
