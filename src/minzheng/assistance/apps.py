from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "minzheng.assistance"
    label = "assistance"
    verbose_name = "社会救助"

    def ready(self) -> None:
        # 核对 judges households against 社会救助's 低保标准 and 认定标准 without importing this domain
        from minzheng.verification.interface import register_policy_source

        from .services.in_force import verification_policies

        register_policy_source(verification_policies)
