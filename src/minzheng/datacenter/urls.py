from django.urls import path

from .views import files, quality, screen

app_name = "datacenter"

urlpatterns = [
    path("", files.dashboard, name="dashboard"),
    path("persons/<int:pk>/", files.person_file, name="person_file"),
    path("households/<int:pk>/", files.household_file, name="household_file"),
    path("quality/", quality.quality_page, name="quality"),
    path("quality/issues/", quality.issue_list, name="issue_list"),
    path("screen/", screen.big_screen, name="screen"),
]
