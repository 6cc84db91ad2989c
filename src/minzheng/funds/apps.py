from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "minzheng.funds"
    label = "funds"
    verbose_name = "资金项目监督"
