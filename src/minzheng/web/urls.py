from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("platform/<slug:slug>/", views.under_construction, name="under_construction"),
    path("healthz", views.healthz, name="healthz"),
]
