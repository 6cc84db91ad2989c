from django.urls import path

from .views import cemeteries, dashboard, deaths, homes, orders, settlements

app_name = "funeral"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("deaths/", deaths.death_list, name="death_list"),
    path("deaths/new/", deaths.death_create, name="death_create"),
    path("deaths/unidentified/new/", deaths.unidentified_create, name="unidentified_create"),
    path("deaths/<int:pk>/", deaths.death_detail, name="death_detail"),
    path("deaths/import/", deaths.death_import_page, name="death_import"),
    path("deaths/import/template/", deaths.import_template, name="import_template"),
    path("deaths/import/<int:pk>/errors/", deaths.import_errors, name="import_errors"),
    path("homes/", homes.home_list, name="home_list"),
    path("homes/new/", homes.home_create, name="home_create"),
    path("homes/<int:pk>/", homes.home_detail, name="home_detail"),
    path("homes/<int:pk>/items/", homes.item_set, name="item_set"),
    path("homes/<int:pk>/furnaces/", homes.furnace_add, name="furnace_add"),
    path("waivers/", homes.waiver_list, name="waiver_list"),
    path("waivers/new/", homes.waiver_create, name="waiver_create"),
    path("orders/", orders.order_list, name="order_list"),
    path("orders/new/", orders.order_create, name="order_create"),
    path("orders/<int:pk>/", orders.order_detail, name="order_detail"),
    path("orders/<int:pk>/lines/", orders.line_add, name="line_add"),
    path("orders/<int:pk>/lines/remove/", orders.line_remove, name="line_remove"),
    path("orders/<int:pk>/bill/", orders.order_bill, name="order_bill"),
    path("settlements/", settlements.settlement_list, name="settlement_list"),
    path("settlements/new/", settlements.settlement_create, name="settlement_create"),
    path("settlements/<int:pk>/", settlements.settlement_detail, name="settlement_detail"),
    path("settlements/<int:pk>/submit/", settlements.settlement_submit, name="settlement_submit"),
    path("settlements/<int:pk>/approve/", settlements.settlement_approve, name="settlement_approve"),
    path("settlements/<int:pk>/return/", settlements.settlement_return, name="settlement_return"),
    path("cemeteries/", cemeteries.cemetery_list, name="cemetery_list"),
    path("cemeteries/new/", cemeteries.cemetery_create, name="cemetery_create"),
    path("cemeteries/limits/", cemeteries.area_limit_list, name="area_limit_list"),
    path("cemeteries/<int:pk>/", cemeteries.cemetery_detail, name="cemetery_detail"),
    path("cemeteries/<int:pk>/sections/", cemeteries.section_add, name="section_add"),
    path("cemeteries/<int:pk>/inspections/", cemeteries.inspection_add, name="inspection_add"),
    path("plots/<int:pk>/", cemeteries.plot_detail, name="plot_detail"),
    path("plots/<int:pk>/bury/", cemeteries.plot_bury, name="plot_bury"),
    path("plots/<int:pk>/renew/", cemeteries.plot_renew, name="plot_renew"),
]
