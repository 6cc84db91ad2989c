from django.urls import path

from .views import allowances, dashboard, register

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
]
