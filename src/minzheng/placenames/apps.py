from django.apps import AppConfig


class PlacenamesConfig(AppConfig):
    name = "minzheng.placenames"
    label = "placenames"
    verbose_name = "区划地名"
