from django.urls import path

from .views import appointments, archives, counselling, dashboard, divorces, marriages, registries, statistics

app_name = "marriage"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("statistics/", statistics.statistics_page, name="statistics"),
    path("registries/", registries.registry_list, name="registry_list"),
    path("registries/new/", registries.registry_create, name="registry_create"),
    path("registries/<int:pk>/", registries.registry_detail, name="registry_detail"),
    path("registries/<int:pk>/registrars/", registries.registrar_add, name="registrar_add"),
    path("registries/<int:pk>/slots/", appointments.slots_open, name="slots_open"),
    path("registries/<int:pk>/rooms/", counselling.room_add, name="room_add"),
    path("counselling/", counselling.session_list, name="session_list"),
    path("counselling/new/", counselling.session_create, name="session_create"),
    path("appointments/", appointments.appointment_list, name="appointment_list"),
    path("appointments/<int:pk>/", appointments.appointment_detail, name="appointment_detail"),
    path("registrars/<int:pk>/", registries.registrar_detail, name="registrar_detail"),
    path("marriages/", marriages.marriage_list, name="marriage_list"),
    path("marriages/new/", marriages.marriage_create, name="marriage_create"),
    path("marriages/<int:pk>/", marriages.marriage_detail, name="marriage_detail"),
    path("marriages/<int:pk>/divorce/", divorces.divorce_receive, name="divorce_receive"),
    path("marriages/<int:pk>/judgments/", marriages.judgment_create, name="judgment_create"),
    path("marriages/<int:pk>/reissue/", marriages.reissue_create, name="reissue_create"),
    path("reissues/<int:pk>/", marriages.reissue_detail, name="reissue_detail"),
    path("marriages/<int:pk>/documents/new/", archives.document_upload, name="document_upload"),
    path(
        "marriages/<int:pk>/documents/<int:document_pk>/",
        archives.document_download,
        name="document_download",
    ),
    path("marriages/backfill/", archives.backfill, name="backfill"),
    path("archives/", archives.archive_search, name="archive_search"),
    path("archives/log/", archives.query_log, name="query_log"),
    path("status-queries/", archives.status_query_log, name="status_query_log"),
    path("divorces/", divorces.divorce_list, name="divorce_list"),
    path("divorces/<int:pk>/", divorces.divorce_detail, name="divorce_detail"),
    path("divorces/<int:pk>/withdraw/", divorces.divorce_withdraw, name="divorce_withdraw"),
    path("divorces/<int:pk>/register/", divorces.divorce_register, name="divorce_register"),
    path("divorces/<int:pk>/refuse/", divorces.divorce_refuse, name="divorce_refuse"),
]
