from django.apps import AppConfig


class DatacenterConfig(AppConfig):
    name = "minzheng.datacenter"
    label = "datacenter"
    verbose_name = "数据中心"
