from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "minzheng.community"
    label = "community"
    verbose_name = "基层治理"
