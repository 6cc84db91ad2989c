from django.urls import path

from .views import calendar, offices, parameters

app_name = "policy"

urlpatterns = [
    path("parameters/", parameters.parameter_list, name="parameter_list"),
    path("parameters/new/", parameters.parameter_create, name="parameter_create"),
    path("holidays/", calendar.holiday_list, name="holiday_list"),
    path("holidays/new/", calendar.holiday_create, name="holiday_create"),
    path("offices/", offices.office_list, name="office_list"),
    path("offices/<str:code>/", offices.office_edit, name="office_edit"),
]
