"""Pages open to the public (no login; the core middleware lets ``/public/`` through)."""

from django.urls import path

from .views import dashboard

app_name = "eldercare_public"

urlpatterns = [path("institutions/", dashboard.public_institutions, name="institutions")]
