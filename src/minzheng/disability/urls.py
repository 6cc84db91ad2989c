from django.urls import path

from . import views

app_name = "disability"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("applications/new/", views.application_new, name="application_new"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/check/", views.application_check, name="application_check"),
    path("applications/<int:pk>/cdpf/", views.application_cdpf, name="application_cdpf"),
    path("applications/<int:pk>/decide/", views.application_decide, name="application_decide"),
    path("applications/<int:pk>/notice/", views.application_notice, name="application_notice"),
    path("applications/<int:pk>/stop/", views.application_stop, name="application_stop"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/done/", views.task_done, name="task_done"),
    path("certificates/", views.certificate_list, name="certificate_list"),
    path("certificates/import/", views.certificate_import, name="certificate_import"),
    path("missing/", views.missing, name="missing"),
]
