"""Pages open to the public (no login; the core middleware lets ``/public/`` through): 网上纪念馆 published with the
family's consent, 清明祭扫预约."""

from django.urls import path

from .views import memorials

app_name = "funeral_public"

urlpatterns = [
    path("memorials/<str:token>/", memorials.public_memorial, name="memorial"),
    path("visits/", memorials.public_visits, name="visits"),
    path("visits/book/<int:quota>/", memorials.public_book, name="book"),
    path("visits/cancel/", memorials.public_cancel, name="cancel"),
]
