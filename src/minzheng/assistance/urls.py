from django.urls import path
from django.views.generic import RedirectView

from .views import (
    cases,
    dashboard,
    enrolments,
    programs,
    publicity,
    queue,
    raise_,
    rule_changes,
    settings,
    spot_checks,
    standards,
)

app_name = "assistance"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("queue/", queue.queue, name="queue"),
    path("tasks/<int:pk>/", queue.task_page, name="task"),
    path("cases/", cases.case_list, name="case_list"),
    path("cases/new/", cases.case_create, name="case_create"),
    path("cases/<int:pk>/", cases.case_detail, name="case_detail"),
    path("cases/<int:pk>/act/", cases.case_action, name="case_action"),
    path("cases/<int:pk>/files/<int:attachment_pk>/", cases.attachment_download, name="case_attachment"),
    path("cases/<int:pk>/notice.pdf", cases.materials_notice, name="case_notice"),
    path("cases/<int:pk>/decision.pdf", cases.decision_document, name="case_decision"),
    path("enrolments/", enrolments.enrolment_list, name="enrolment_list"),
    path("enrolments/<int:pk>/", enrolments.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<int:pk>/change/", enrolments.enrolment_change, name="enrolment_change"),
    path("enrolments/<int:pk>/account/", enrolments.enrolment_account, name="enrolment_account"),
    path(
        "enrolments/<int:pk>/reassessment/", enrolments.enrolment_reassessment, name="enrolment_reassessment"
    ),
    path("publicity/", publicity.publicity, name="publicity"),
    path("raise/", raise_.standard_raise, name="standard_raise"),
    path("settings/", settings.setting_list_page, name="setting_list"),
    path("rule-changes/", rule_changes.rule_change_page, name="rule_changes"),
    path("spot-checks/", spot_checks.spot_check_page, name="spot_checks"),
    path("standards/", standards.standard_list, name="standard_list"),
    path("standards/new/", standards.standard_create, name="standard_create"),
    path("standards/<int:pk>/", standards.standard_detail, name="standard_detail"),
    path("programs/", programs.program_list, name="program_list"),
    # 政策参数 and 节假日 moved to the platform's policy store (/policy/); old bookmarks still arrive
    path("parameters/", RedirectView.as_view(pattern_name="policy:parameter_list", query_string=True)),
    path("holidays/", RedirectView.as_view(pattern_name="policy:holiday_list", query_string=True)),
]
