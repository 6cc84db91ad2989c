from django.urls import path

from .views import dashboard, library, rules, warnings

app_name = "monitoring"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("warnings/", warnings.warning_list, name="warning_list"),
    path("warnings/<int:pk>/", warnings.warning_detail, name="warning_detail"),
    path("warnings/assign/", warnings.warning_assign_many, name="warning_assign_many"),
    path("warnings/<int:pk>/assign/", warnings.warning_assign, name="warning_assign"),
    path("warnings/<int:pk>/visit/", warnings.warning_visit, name="warning_visit"),
    path("warnings/<int:pk>/dispose/", warnings.warning_dispose, name="warning_dispose"),
    path("warnings/<int:pk>/close/", warnings.warning_close, name="warning_close"),
    path("attachments/<int:pk>/", warnings.attachment_download, name="attachment"),
    path("library/", library.library, name="library"),
    path("library/<int:pk>/", library.library_person, name="library_person"),
    path("library/import/", library.library_import, name="library_import"),
    path("library/import/template.xlsx", library.import_template, name="import_template"),
    path("library/import/<int:pk>/errors.xlsx", library.import_errors, name="import_errors"),
    path("library/proactive/", library.proactive, name="proactive"),
    path("rules/", rules.rule_list, name="rule_list"),
    path("rules/new/", rules.rule_create, name="rule_create"),
    path("rules/<int:pk>/switch/", rules.rule_switch, name="rule_switch"),
    path("rules/<int:pk>/trial/", rules.rule_trial, name="rule_trial"),
    path("runs/", rules.run_list, name="run_list"),
    path("runs/start/", rules.run_start, name="run_start"),
]
