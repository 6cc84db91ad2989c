from django.urls import path

from . import views

app_name = "planning"

urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/import/", views.plan_import, name="plan_import"),
    path("plans/import/<int:pk>/", views.plan_import_review, name="plan_import_review"),
    path("tasks/<int:pk>/", views.task_edit, name="task_edit"),
]
