"""Pages anyone may open without signing in: the 公示 of a community (minimised personal data only)."""

from django.urls import path

from .views import publicity

app_name = "assistance_public"
MOUNT_AT = "public/"  # /public/gongshi/<村居代码>/ is printed on notices; it must not move

urlpatterns = [path("gongshi/<str:code>/", publicity.public_notice, name="notice")]
