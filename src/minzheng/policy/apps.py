from django.apps import AppConfig


class PolicyConfig(AppConfig):
    """政策参数库: the platform's dated per-division parameters and the 节假日/调休 calendar."""

    name = "minzheng.policy"
    verbose_name = "政策参数"
