from django.apps import AppConfig


class SearchConfig(AppConfig):
    """全局检索: the header's search box and the pickers' endpoint, over every domain's search function."""

    name = "minzheng.search"
    label = "search"
    verbose_name = "全局检索"
