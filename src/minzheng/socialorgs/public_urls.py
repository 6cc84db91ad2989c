"""Pages open to the public (no login; the core middleware lets ``/public/`` through)."""

from django.urls import path

from .views import charity, credit, volunteering

app_name = "socialorgs_public"

urlpatterns = [
    path("credit/", credit.public_credit, name="credit"),
    path("charity/", charity.public_charity, name="charity"),
    path("volunteers/register/", volunteering.public_register, name="volunteer_register"),
    path("volunteers/certificate/", volunteering.public_certificate, name="volunteer_certificate"),
]
