from django.urls import path

from .views import calendar, parameters, programs, standards

app_name = "assistance"

urlpatterns = [
    path("standards/", standards.standard_list, name="standard_list"),
    path("standards/new/", standards.standard_create, name="standard_create"),
    path("standards/<int:pk>/", standards.standard_detail, name="standard_detail"),
    path("parameters/", parameters.parameter_list, name="parameter_list"),
    path("parameters/new/", parameters.parameter_create, name="parameter_create"),
    path("programs/", programs.program_list, name="program_list"),
    path("holidays/", calendar.holiday_list, name="holiday_list"),
    path("holidays/new/", calendar.holiday_create, name="holiday_create"),
]
