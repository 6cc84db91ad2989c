"""Pages anyone may open without signing in: the 公示 of a community (minimised personal data only)."""

from django.urls import path

from .views import publicity

app_name = "assistance_public"

urlpatterns = [path("gongshi/<str:code>/", publicity.public_notice, name="notice")]
