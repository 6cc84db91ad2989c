from django.urls import path

from .views import clients, dashboard, registry, stations

app_name = "rescue"

_CLIENT_ACTIONS = ("action_add", "match_run", "proposal_decide", "room_assign", "belonging_add", "service_add",
                   "extension_add", "identify", "return_add", "discharge")  # fmt: skip

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("stations/", stations.station_list, name="station_list"),
    path("stations/new/", stations.station_create, name="station_create"),
    path("stations/<int:pk>/", stations.station_detail, name="station_detail"),
    path("stations/<int:pk>/rooms/", stations.room_add, name="room_add"),
    path("clients/", clients.client_list, name="client_list"),
    path("clients/new/", clients.client_create, name="client_create"),
    path("clients/<int:pk>/", clients.client_detail, name="client_detail"),
    *[
        path(f"clients/<int:pk>/{name.replace('_', '-')}/", getattr(clients, name), name=name)
        for name in _CLIENT_ACTIONS
    ],
    path("reports/", registry.report_list, name="report_list"),
    path("reports/new/", registry.report_create, name="report_create"),
    path("registry/", registry.registry_list, name="registry_list"),
    path("registry/new/", registry.registry_create, name="registry_create"),
    path("registry/<int:pk>/", registry.registry_detail, name="registry_detail"),
    path("registry/<int:pk>/visits/", registry.visit_add, name="visit_add"),
]
