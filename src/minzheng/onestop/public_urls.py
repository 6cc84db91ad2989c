"""The resident portal and the public 办事指南 (no staff login; residents sign in on the portal's own
cookie, path ``/public/onestop/``, ADR 0034)."""

from django.urls import path

from .views import portal

app_name = "onestop_public"

urlpatterns = [
    path("", portal.guide_list, name="guides"),
    path("guide/<slug:code>/", portal.guide, name="guide"),
    path("register/", portal.register, name="register"),
    path("login/", portal.login, name="login"),
    path("logout/", portal.logout, name="logout"),
    path("me/", portal.home, name="home"),
    path("me/apply/<slug:code>/", portal.apply, name="apply"),
    path("me/applications/<int:pk>/", portal.application, name="application"),
    path("me/applications/<int:pk>/supplement/", portal.supplement, name="supplement"),
    path("me/applications/<int:pk>/withdraw/", portal.withdraw, name="withdraw"),
    path("me/applications/<int:pk>/rate/", portal.rate, name="rate"),
    path("me/applications/<int:pk>/notice.pdf", portal.notice, name="notice"),
    path("me/applications/<int:pk>/files/<int:file_pk>/", portal.material, name="material"),
]
