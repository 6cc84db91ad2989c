"""Pages open to the public (no login; the core middleware lets ``/public/`` through)."""

from django.urls import path

from .views import dashboard

app_name = "placenames_public"

urlpatterns = [
    path("search/", dashboard.public_search, name="search"),
    path("announcements/", dashboard.public_announcements, name="announcements"),
]
