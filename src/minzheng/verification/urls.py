from django.urls import path

from . import views

app_name = "verification"

urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("start/", views.start_run, name="run_start"),
    path("lists/", views.list_upload, name="list_upload"),
    path("lists/template.xlsx", views.list_template, name="list_template"),
    path("lists/<int:pk>/", views.list_detail, name="list_detail"),
    path("lists/<int:pk>/errors.xlsx", views.list_errors, name="list_errors"),
    path("runs/<int:pk>/", views.run_detail, name="run_detail"),
    path("runs/<int:pk>/cancel/", views.cancel_run, name="run_cancel"),
    path("results/<int:pk>/", views.result_detail, name="result_detail"),
    path("results/<int:pk>/note/", views.add_note, name="result_note"),
    path("results/<int:pk>/report.pdf", views.result_pdf, name="result_pdf"),
    path("deliveries/", views.deliveries, name="deliveries"),
    path("deliveries/table/", views.delivery_from_table, name="delivery_from_table"),
    path("deliveries/<str:delivery_id>/rejected.xlsx", views.delivery_rejected, name="delivery_rejected"),
]
