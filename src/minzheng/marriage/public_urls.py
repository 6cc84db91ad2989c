"""Pages open to the public (no login; the core middleware lets ``/public/`` through): 婚姻登记预约."""

from django.urls import path

from .views import appointments

app_name = "marriage_public"

urlpatterns = [
    path("", appointments.public_home, name="home"),
    path("book/<int:slot>/", appointments.public_book, name="book"),
    path("cancel/", appointments.public_cancel, name="cancel"),
]
