from django.urls import path

from .views import dashboard, deaths

app_name = "funeral"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("deaths/", deaths.death_list, name="death_list"),
    path("deaths/new/", deaths.death_create, name="death_create"),
    path("deaths/unidentified/new/", deaths.unidentified_create, name="unidentified_create"),
    path("deaths/<int:pk>/", deaths.death_detail, name="death_detail"),
    path("deaths/import/", deaths.death_import_page, name="death_import"),
    path("deaths/import/template/", deaths.import_template, name="import_template"),
    path("deaths/import/<int:pk>/errors/", deaths.import_errors, name="import_errors"),
]
