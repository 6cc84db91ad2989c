from django.urls import path

from . import views

app_name = "background"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<int:pk>/", views.job_detail, name="job_detail"),
    path("<int:pk>/progress/", views.job_progress, name="job_progress"),
    path("<int:pk>/download/", views.job_download, name="job_download"),
    path("exports/<str:what>/", views.registry_export, name="registry_export"),
]
