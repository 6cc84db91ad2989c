from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    name = "minzheng.children"
    label = "children"
    verbose_name = "儿童福利"
