from django.urls import path

from .views import cockpit, indicators, plans, statforms

app_name = "planning"

urlpatterns = [
    path("plans/", plans.plan_list, name="plan_list"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("plans/import/", plans.plan_import, name="plan_import"),
    path("plans/import/<int:pk>/", plans.plan_import_review, name="plan_import_review"),
    path("tasks/<int:pk>/", plans.task_edit, name="task_edit"),
    path("plans/<int:pk>/cockpit/", cockpit.cockpit, name="cockpit"),
    path("plans/<int:pk>/report/", cockpit.plan_report, name="plan_report"),
    path("plan-indicators/<int:pk>/", cockpit.indicator_progress, name="indicator_progress"),
    path("plan-indicators/<int:pk>/binding/", indicators.binding_edit, name="binding_edit"),
    path("projects/<int:pk>/progress/", cockpit.project_progress, name="project_progress"),
    path("indicators/", indicators.indicator_list, name="indicator_list"),
    path("indicators/new/", indicators.indicator_edit, name="indicator_create"),
    path("indicators/<int:pk>/", indicators.indicator_edit, name="indicator_edit"),
    path("entries/", indicators.entry_list, name="entry_list"),
    path("entries/new/", indicators.entry_create, name="entry_create"),
    path("entries/<int:pk>/", indicators.entry_review, name="entry_review"),
    path("status-rules/", indicators.status_rules, name="status_rules"),
    path("statforms/", statforms.statform_list, name="statform_list"),
    path("statforms/reports/<int:pk>/", statforms.statreport_detail, name="statreport_detail"),
    path("statforms/<int:pk>/rows/", statforms.statform_rows, name="statform_rows"),
]
