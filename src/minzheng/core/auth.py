"""Django authentication backend that refuses locked accounts (the lockout itself: services.accounts)."""

from django.contrib.auth.backends import ModelBackend


class LockoutModelBackend(ModelBackend):
    def user_can_authenticate(self, user) -> bool:
        return super().user_can_authenticate(user) and not user.is_locked()
