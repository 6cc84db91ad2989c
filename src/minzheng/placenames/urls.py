from django.urls import path

from .views import boundaries, dashboard, divisions, names

app_name = "placenames"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("names/", names.name_list, name="name_list"),
    path("names/<int:pk>/", names.name_detail, name="name_detail"),
    path("names/<int:pk>/file/", names.name_file, name="name_file"),
    path("names/<int:pk>/announce/", names.name_announce, name="name_announce"),
    path("names/<int:pk>/protect/", names.name_protect, name="name_protect"),
    path("names/<int:pk>/abolish/", names.name_abolish, name="name_abolish"),
    path("names/<int:pk>/address/", names.address_add, name="address_add"),
    path("names/<int:pk>/rename/", names.rename_create, name="rename_create"),
    path("applications/", names.application_list, name="application_list"),
    path("applications/new/", names.application_create, name="application_create"),
    path("applications/<int:pk>/", names.application_detail, name="application_detail"),
    path("applications/<int:pk>/decide/", names.application_decide, name="application_decide"),
    path("announcements/", names.announcement_queue, name="announcement_queue"),
    path("changes/", divisions.change_list, name="change_list"),
    path("changes/new/", divisions.change_create, name="change_create"),
    path("changes/<int:pk>/", divisions.change_detail, name="change_detail"),
    path("changes/<int:pk>/progress/", divisions.change_progress, name="change_progress"),
    path("lineage/<str:code>/", divisions.lineage, name="lineage"),
    path("boundaries/", boundaries.line_list, name="line_list"),
    path("boundaries/<int:pk>/", boundaries.line_detail, name="line_detail"),
    path("boundaries/<int:pk>/markers/", boundaries.marker_add, name="marker_add"),
    path("boundaries/<int:pk>/joint/", boundaries.joint_add, name="joint_add"),
    path("boundaries/<int:pk>/disputes/", boundaries.dispute_add, name="dispute_add"),
    path("disputes/<int:pk>/", boundaries.dispute_detail, name="dispute_detail"),
    path("disputes/<int:pk>/settle/", boundaries.dispute_settle, name="dispute_settle"),
    path("markers/<int:pk>/", boundaries.marker_detail, name="marker_detail"),
    path("markers/<int:pk>/inspect/", boundaries.inspection_add, name="inspection_add"),
    path("markers/<int:pk>/repair/", boundaries.repair_add, name="repair_add"),
    path("map/", dashboard.map_page, name="map"),
    path("map/geojson/", dashboard.map_geojson, name="map_geojson"),
]
