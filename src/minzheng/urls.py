from django.urls import include, path

from minzheng.api import api

urlpatterns = [
    path("api/", api.urls),
    path("", include("minzheng.core.urls")),
    path("policy/", include("minzheng.policy.urls")),
    path("assistance/", include("minzheng.assistance.urls")),
    path("public/", include("minzheng.assistance.public_urls")),
    path("planning/", include("minzheng.planning.urls")),
    path("verification/", include("minzheng.verification.urls")),
    path("eldercare/", include("minzheng.eldercare.urls")),
    path("public/eldercare/", include("minzheng.eldercare.public_urls")),
    path("payments/", include("minzheng.payments.urls")),
    path("monitoring/", include("minzheng.monitoring.urls")),
    path("", include("minzheng.web.urls")),
]
