"""Pages open to the public (no login; the core middleware lets ``/public/`` through)."""

from django.urls import path

from .views import charity, credit

app_name = "socialorgs_public"

urlpatterns = [
    path("credit/", credit.public_credit, name="credit"),
    path("charity/", charity.public_charity, name="charity"),
]
