"""The client IP of the request being served, for the audit log, without threading ``request``
through every service call. Set by ``middleware.RequestContextMiddleware``'s siblings and the API."""

from contextvars import ContextVar

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def client_ip(request) -> str | None:
    # Behind the bureau's reverse proxy the first X-Forwarded-For hop is the client; only trust it when the
    # operator says a proxy is in front (MINZHENG_TRUST_X_FORWARDED_FOR).
    from django.conf import settings

    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")
