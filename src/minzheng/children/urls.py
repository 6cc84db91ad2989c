from django.urls import path

from .views import allowances, dashboard, protection, register, workforce

app_name = "children"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("records/", register.child_list, name="child_list"),
    path("records/new/", register.child_create, name="child_create"),
    path("records/<int:pk>/", register.child_detail, name="child_detail"),
    path("records/<int:pk>/flags/", register.flag_create, name="flag_create"),
    path("records/<int:pk>/parents/", register.parent_create, name="parent_create"),
    path("records/<int:pk>/care/", register.care_create, name="care_create"),
    path("records/<int:pk>/close/", register.child_close, name="child_close"),
    path("records/<int:pk>/allowance/", allowances.application_create, name="application_create"),
    path("flags/<int:pk>/end/", register.flag_end, name="flag_end"),
    path("care/<int:pk>/contacts/", register.contact_create, name="contact_create"),
    path("contacts/overdue/", register.contact_overdue, name="contact_overdue"),
    path("allowances/", allowances.application_list, name="application_list"),
    path("allowances/<int:pk>/", allowances.application_detail, name="application_detail"),
    path("allowances/<int:pk>/check/", allowances.application_check, name="application_check"),
    path("allowances/<int:pk>/confirm/", allowances.application_confirm, name="application_confirm"),
    path("allowances/<int:pk>/end/", allowances.application_end, name="application_end"),
    path("cases/", protection.case_list, name="case_list"),
    path("cases/new/", protection.case_create, name="case_create"),
    path("cases/<int:pk>/", protection.case_detail, name="case_detail"),
    path("cases/<int:pk>/police/", protection.case_police, name="case_police"),
    path("cases/<int:pk>/assess/", protection.case_assess, name="case_assess"),
    path("cases/<int:pk>/plan/", protection.case_plan, name="case_plan"),
    path("cases/<int:pk>/place/", protection.case_place, name="case_place"),
    path("cases/<int:pk>/intervene/", protection.case_intervene, name="case_intervene"),
    path("cases/<int:pk>/close/", protection.case_close, name="case_close"),
    path("cases/<int:pk>/review/", protection.case_review, name="case_review"),
    path("cases/<int:pk>/handler/", protection.case_handler, name="case_handler"),
    path("placements/<int:pk>/end/", protection.placement_end, name="placement_end"),
    path("workforce/", workforce.workforce, name="workforce"),
    path("workforce/stations/new/", workforce.station_create, name="station_create"),
    path("workforce/workers/", workforce.worker_list, name="worker_list"),
    path("workforce/workers/new/", workforce.worker_create, name="worker_create"),
    path("workforce/workers/<int:pk>/", workforce.worker_detail, name="worker_detail"),
    path("workforce/workers/<int:pk>/training/", workforce.training_create, name="training_create"),
    path("workforce/workers/<int:pk>/end/", workforce.worker_end, name="worker_end"),
]
