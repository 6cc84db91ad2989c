from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("pick/<slug:source>/", views.pick, name="pick"),
]
