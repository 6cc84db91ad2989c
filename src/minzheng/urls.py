from django.urls import include, path

from minzheng.api import api

urlpatterns = [
    path("api/", api.urls),
    path("", include("minzheng.core.urls")),
    path("assistance/", include("minzheng.assistance.urls")),
    path("planning/", include("minzheng.planning.urls")),
    path("verification/", include("minzheng.verification.urls")),
    path("monitoring/", include("minzheng.monitoring.urls")),
    path("", include("minzheng.web.urls")),
]
