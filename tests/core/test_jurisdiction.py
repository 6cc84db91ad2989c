"""Jurisdiction: every list, detail, export, dashboard and API endpoint, walked as a user of another county,
answers 404 or shows nothing of this county."""

import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from python_calamine import CalamineWorkbook

from minzheng.core.jurisdiction import division_level, division_prefix
from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token

from .factories import PASSWORD


@pytest.mark.parametrize(
    ("code", "prefix", "level"),
    [
        ("210000000000", "21", 1),
        ("210600000000", "2106", 2),
        ("210602000000", "210602", 3),
        ("210602002000", "210602002", 4),
        ("210602002001", "210602002001", 5),
        ("000000000000", "", 0),
    ],
)
def test_division_prefix_and_level(code, prefix, level):
    assert (division_prefix(code), division_level(code)) == (prefix, level)


def all_url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name:
                names.add(namespace + p.name)

    walk(get_resolver().url_patterns)
    return names


@pytest.fixture
def as_outsider(client, outsider):
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    return client


def test_every_record_url_answers_404_to_another_county(as_outsider, household, county_caseworker):
    person = household.head
    record_urls = {
        "core:household_detail": f"/registry/households/{household.pk}/",
        "core:household_move": f"/registry/households/{household.pk}/move/",
        "core:household_split": f"/registry/households/{household.pk}/split/",
        "core:person_detail": f"/registry/persons/{person.pk}/",
        "core:person_reveal_id": f"/registry/persons/{person.pk}/id-number/",
        "core:person_death": f"/registry/persons/{person.pk}/death/",
    }
    for name, url in record_urls.items():
        method = (
            as_outsider.post if name.split("_")[-1] in {"move", "split", "id", "death"} else as_outsider.get
        )
        assert method(url).status_code == 404, name
    person.refresh_from_db()
    assert not person.is_deceased


def test_lists_exports_and_dashboard_show_nothing_of_another_county(as_outsider, household):
    head = household.head
    for url in ["/", "/registry/households/", "/registry/persons/"]:
        body = as_outsider.get(url).content.decode()
        assert household.number not in body and head.name not in body, url
    searched = as_outsider.get("/registry/persons/", {"q": head.id_number}).content.decode()
    assert "没有符合条件的人员" in searched
    for url in ["/registry/households/?export=xlsx", "/registry/persons/?export=xlsx"]:
        response = as_outsider.get(url)
        rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
        assert len(rows) == 1, url  # header only


def test_every_url_is_covered_by_this_matrix():
    """A new URL must be added to the matrix above (or consciously listed here as not holding records)."""
    covered = {
        "core:household_detail",
        "core:household_move",
        "core:household_split",
        "core:person_detail",
        "core:person_reveal_id",
        "core:person_death",
        "core:household_list",
        "core:person_list",
        "web:home",
        # 规划监测: walked as an outsider in tests/planning/test_plan_pages.py (404 each; lists scoped).
        "planning:plan_list",
        "planning:plan_detail",
        "planning:plan_import_review",
        "planning:task_edit",
        # 规划监测 indicators, monitoring and 民政报表: walked as an outsider in
        # tests/planning/test_monitoring_jurisdiction.py (404 on another plan, division, entry or report).
        "planning:cockpit",
        "planning:plan_report",
        "planning:indicator_progress",
        "planning:binding_edit",
        "planning:project_progress",
        "planning:entry_list",
        "planning:entry_review",
        "planning:statform_list",
        "planning:statreport_detail",
        # 社会救助 policy: walked as an outsider in tests/assistance/test_assistance_pages.py (404 on another
        # region's standard; lists show only the jurisdiction and the divisions above it).
        "assistance:standard_list",
        "assistance:standard_detail",
        "policy:parameter_list",
        "assistance:program_list",
        # 养老服务: every record URL is walked as an outsider in tests/eldercare/test_pages.py (404 each, writes
        # refused); lists, exports and the dashboard are checked to show nothing of another county.
        "eldercare:assessment_create",
        "eldercare:assessment_detail",
        "eldercare:assessment_list",
        "eldercare:blacklist_remove",
        "eldercare:credit_create",
        "eldercare:credit_list",
        "eldercare:dashboard",
        "eldercare:elder_assign",
        "eldercare:elder_create",
        "eldercare:elder_detail",
        "eldercare:elder_end",
        "eldercare:elder_list",
        "eldercare:facility_create",
        "eldercare:facility_detail",
        "eldercare:facility_list",
        "eldercare:facility_staff_add",
        "eldercare:hazard_create",
        "eldercare:hazard_detail",
        "eldercare:hazard_list",
        "eldercare:hazard_recheck",
        "eldercare:hazard_rectify",
        "eldercare:home_bed_close",
        "eldercare:home_bed_create",
        "eldercare:home_bed_list",
        "eldercare:incident_create",
        "eldercare:incident_detail",
        "eldercare:incident_handle",
        "eldercare:incident_list",
        "eldercare:indicator_detail",
        "eldercare:inspection_complete",
        "eldercare:inspection_detail",
        "eldercare:institution_create",
        "eldercare:institution_detail",
        "eldercare:institution_edit",
        "eldercare:institution_list",
        "eldercare:rating_create",
        "eldercare:residency_admit",
        "eldercare:residency_detail",
        "eldercare:residency_discharge",
        "eldercare:residency_list",
        "eldercare:residency_transfer",
        "eldercare:retrofit_create",
        "eldercare:retrofit_detail",
        "eldercare:retrofit_list",
        "eldercare:retrofit_step",
        "eldercare:retrofit_target",
        "eldercare:round_create",
        "eldercare:round_detail",
        "eldercare:round_list",
        "eldercare:staff_add",
        "eldercare:visit_create",
        "eldercare:visit_plan",
        # 残疾人两项补贴: every record URL is walked as an outsider in tests/disability/test_pages.py (404 each,
        # writes refused); lists, the certificate data and the drill-down are scoped to the jurisdiction.
        "disability:dashboard",
        "disability:application_new",
        "disability:application_detail",
        "disability:application_check",
        "disability:application_cdpf",
        "disability:application_decide",
        "disability:application_notice",
        "disability:application_stop",
        "disability:task_list",
        "disability:task_detail",
        "disability:task_done",
        "disability:certificate_list",
        "disability:certificate_import",
        "disability:missing",
        # 儿童福利: every record URL is walked as an outsider in tests/children/test_pages.py (404 each, writes
        # refused); lists and the dashboard show nothing of another county; 未保案件 404 to anyone but their
        # handlers and supervisors (tests/children/test_protection.py).
        "children:application_check",
        "children:adoption_list",
        "children:adoption_create",
        "children:adoption_detail",
        "children:adoption_evaluation_start",
        "children:adoption_evaluation_extend",
        "children:adoption_evaluation",
        "children:adoption_notice",
        "children:adoption_notice_end",
        "children:adoption_decide",
        "children:adoption_dissolve",
        "children:application_confirm",
        "children:application_create",
        "children:application_detail",
        "children:application_end",
        "children:application_list",
        "children:case_assess",
        "children:case_close",
        "children:case_create",
        "children:case_detail",
        "children:case_handler",
        "children:case_intervene",
        "children:case_list",
        "children:case_place",
        "children:case_plan",
        "children:case_police",
        "children:case_review",
        "children:placement_end",
        "children:institution_list",
        "children:institution_create",
        "children:station_create",
        "children:training_create",
        "children:visit_create",
        "children:visit_overdue",
        "children:worker_create",
        "children:worker_detail",
        "children:worker_end",
        "children:worker_list",
        "children:workforce",
        "children:care_create",
        "children:child_close",
        "children:child_create",
        "children:child_detail",
        "children:child_list",
        "children:contact_create",
        "children:contact_overdue",
        "children:dashboard",
        "children:flag_create",
        "children:flag_end",
        "children:parent_create",
        # 区划地名: every record URL is walked as an outsider in tests/placenames/test_naming_and_boundaries.py
        # (404 each, writes refused); lists, the map's GeoJSON and the 公告 queue show nothing of another county;
        # a boundary belongs to the jurisdictions of both its sides.
        "placenames:dashboard",
        "placenames:name_list",
        "placenames:name_detail",
        "placenames:name_file",
        "placenames:name_announce",
        "placenames:name_protect",
        "placenames:name_abolish",
        "placenames:address_add",
        "placenames:rename_create",
        "placenames:application_list",
        "placenames:application_detail",
        "placenames:application_decide",
        "placenames:announcement_queue",
        "placenames:change_list",
        "placenames:change_detail",
        "placenames:change_progress",
        "placenames:line_list",
        "placenames:line_detail",
        "placenames:marker_add",
        "placenames:joint_add",
        "placenames:dispute_add",
        "placenames:dispute_detail",
        "placenames:dispute_settle",
        "placenames:marker_detail",
        "placenames:inspection_add",
        "placenames:repair_add",
        "placenames:map",
        "placenames:map_geojson",
        # 全市通办: every 办件 and 工单 URL is walked as an outsider in tests/onestop/test_window.py and
        # test_tickets.py (404 each, writes refused); lists and the 总览 are scoped by the desk holding them.
        "onestop:dashboard",
        "onestop:application_list",
        "onestop:application_detail",
        "onestop:application_check",
        "onestop:application_notice",
        "onestop:application_notice_pdf",
        "onestop:application_accept",
        "onestop:application_refuse",
        "onestop:application_forward",
        "onestop:application_result",
        "onestop:material_file",
        "onestop:ticket_list",
        "onestop:ticket_detail",
        "onestop:ticket_assign",
        "onestop:ticket_transfer",
        "onestop:ticket_return",
        "onestop:ticket_review_return",
        "onestop:ticket_not_accept",
        "onestop:ticket_reply",
        "onestop:ticket_complete",
        "onestop:ticket_callback",
        "onestop:ticket_supervise",
        "onestop:ticket_merge",
        "onestop:review_list",
        "onestop:review_detail",
        "onestop:review_follow_up",
        # 社会组织: every record URL is walked as an outsider in tests/socialorgs/test_pages.py (404 each, writes
        # refused); lists are checked to show nothing of another county; 受理 is the registry's own desk.
        "socialorgs:organisation_detail",
        "socialorgs:change_create",
        "socialorgs:deregister_create",
        "socialorgs:report_create",
        "socialorgs:listing_propose",
        "socialorgs:application_detail",
        "socialorgs:application_decide",
        "socialorgs:report_detail",
        "socialorgs:report_decide",
        "socialorgs:report_rectified",
        "socialorgs:revocation_detail",
        "socialorgs:revocation_decide",
        "socialorgs:listing_detail",
        "socialorgs:listing_decide",
        "socialorgs:listing_fix",
        "socialorgs:listing_remove",
        "socialorgs:dashboard",
        "socialorgs:organisation_list",
        "socialorgs:application_list",
        "socialorgs:application_create",
        "socialorgs:report_list",
        "socialorgs:revocation_list",
        "socialorgs:listing_list",
        "socialorgs:rating_apply",
        "socialorgs:organisation_certificate",
        "socialorgs:rating_list",
        "socialorgs:rating_detail",
        "socialorgs:rating_score",
        "socialorgs:rating_object",
        "socialorgs:rating_answer",
        "socialorgs:rating_confirm",
        "socialorgs:rating_change",
        "socialorgs:rating_plaque",
        # 慈善 and 志愿服务: walked as an outsider in tests/socialorgs/test_charity.py and test_volunteering.py
        # (404 on every record and its writes; lists show nothing of another county).
        "socialorgs:charity_apply",
        "socialorgs:plan_create",
        "socialorgs:charity_list",
        "socialorgs:charity_detail",
        "socialorgs:charity_decide",
        "socialorgs:plan_list",
        "socialorgs:plan_detail",
        "socialorgs:plan_disclose",
        "socialorgs:trust_list",
        "socialorgs:trust_create",
        "socialorgs:trust_detail",
        "socialorgs:volunteer_list",
        "socialorgs:volunteer_create",
        "socialorgs:volunteer_detail",
        "socialorgs:certificate_issue",
        "socialorgs:correction_request",
        "socialorgs:correction_answer",
        "socialorgs:activity_list",
        "socialorgs:activity_create",
        "socialorgs:activity_detail",
        "socialorgs:record_create",
        "socialorgs:station_list",
        "socialorgs:station_create",
        # 社会工作: walked as an outsider in tests/socialorgs/test_social_work.py.
        "socialorgs:sw_station_list",
        "socialorgs:sw_station_create",
        "socialorgs:sw_station_detail",
        "socialorgs:sw_station_check",
        "socialorgs:sw_station_service",
        "socialorgs:sw_station_close",
        "socialorgs:sw_worker_list",
        "socialorgs:sw_worker_create",
        "socialorgs:sw_worker_detail",
        "socialorgs:sw_worker_left",
        # 执法: walked as an outsider in tests/socialorgs/test_enforcement.py.
        "socialorgs:case_create",
        "socialorgs:case_list",
        "socialorgs:case_detail",
        "socialorgs:case_decide",
        "socialorgs:round_list",
        "socialorgs:round_create",
        "socialorgs:round_detail",
        "socialorgs:round_result",
        # 基层治理: every record URL is walked as an outsider in tests/community/test_pages.py (404 each, writes
        # refused); lists are checked to show nothing of another county.
        "community:dashboard",
        "community:committee_list",
        "community:committee_create",
        "community:committee_detail",
        "community:round_open",
        "community:member_add",
        "community:group_add",
        "community:supervisor_add",
        "community:appraisal_add",
        "community:recall_add",
        "community:meeting_add",
        "community:disclosure_add",
        "community:centre_add",
        "community:worker_add",
        "community:grid_add",
        "community:round_list",
        "community:round_detail",
        "community:voter_add",
        "community:voter_list_publish",
        "community:objection_add",
        "community:objection_answer",
        "community:candidate_add",
        "community:results_record",
        "community:recall_detail",
        "community:recall_vote",
        "community:meeting_detail",
        "community:decision_add",
        "community:disclosure_list",
        "community:disclosure_detail",
        "community:disclosure_publish",
        "community:facility_list",
        "community:worker_list",
        "community:grid_detail",
        "community:grid_worker_add",
        "community:grid_attach",
        "community:event_report",
        "community:event_list",
        "community:event_detail",
        "community:event_refer",
        "community:event_close",
        # 资金发放: walked as an outsider in tests/payments/test_payroll_pages.py (404 on another county's
        # roster, its files and lines; lists and the follow-up queue scoped).
        "payments:roster_list",
        "payments:roster_detail",
        "payments:roster_regenerate",
        "payments:roster_submit",
        "payments:roster_approve",
        "payments:roster_return",
        "payments:bank_file",
        "payments:roster_pdf",
        "payments:roster_pdf_job",
        "payments:results_import",
        "payments:follow_up_list",
        "payments:follow_up_decide",
        # 资金项目监督: walked as an outsider in tests/funds/test_pages.py (404 on another county's fund, its
        # payments, allocations and bookings, and on its findings and their decision; lists scoped).
        "funds:dashboard",
        "funds:fund_create",
        "funds:fund_detail",
        "funds:allocate",
        "funds:book",
        "funds:fund_payments",
        "funds:finding_list",
        "funds:run_checks",
        "funds:statistics",
        "funds:finding_detail",
        "funds:finding_decide",
        "funds:project_list",
        "funds:outlet_list",
        # 殡葬管理: walked as an outsider in tests/funeral/test_pages.py (404 on every death, import, home, order
        # and their actions; lists, export and the dashboard show nothing of another county).
        "funeral:dashboard",
        "funeral:death_list",
        "funeral:death_create",
        "funeral:unidentified_create",
        "funeral:death_detail",
        "funeral:death_import",
        "funeral:import_template",
        "funeral:import_errors",
        "funeral:home_list",
        "funeral:home_create",
        "funeral:home_detail",
        "funeral:item_set",
        "funeral:furnace_add",
        "funeral:waiver_list",
        "funeral:waiver_create",
        "funeral:order_list",
        "funeral:order_create",
        "funeral:order_detail",
        "funeral:line_add",
        "funeral:line_remove",
        "funeral:order_bill",
        "funeral:cemetery_list",
        "funeral:cemetery_create",
        "funeral:area_limit_list",
        "funeral:cemetery_detail",
        "funeral:section_add",
        "funeral:inspection_add",
        "funeral:plot_detail",
        "funeral:plot_bury",
        "funeral:plot_renew",
        "funeral:settlement_list",
        "funeral:settlement_create",
        "funeral:settlement_detail",
        "funeral:settlement_submit",
        "funeral:settlement_approve",
        "funeral:settlement_return",
        "funeral:eco_list",
        "funeral:eco_create",
        "funeral:eco_rule_list",
        "funeral:eco_rule_create",
        "funeral:award_list_list",
        "funeral:award_list_create",
        "funeral:award_list_detail",
        "funeral:award_list_submit",
        "funeral:award_list_approve",
        "funeral:award_list_return",
        "funeral:memorial_list",
        "funeral:memorial_create",
        "funeral:memorial_withdraw",
        "funeral:proxy_list",
        "funeral:proxy_create",
        "funeral:proxy_done",
        "funeral:quota_list",
        "funeral:quota_create",
        "funeral:inspection_list",
        "funeral:round_create",
        "funeral:inspection_record",
        "funeral:violation_list",
        "funeral:violation_fine",
        "funeral:violation_rectified",
        "funeral:licence_list",
        "funeral:licence_create",
        # 数据中心: walked as an outsider in tests/datacenter/test_files.py (the same 404 as a missing record on
        # another county's person and household file) and test_quality_run.py (issues, scores, 待办 scoped).
        "datacenter:dashboard",
        "datacenter:person_file",
        "datacenter:household_file",
        "datacenter:quality",
        "datacenter:issue_list",
        "datacenter:screen",
        # 后台任务: walked as an outsider in tests/background/test_background_jobs.py (404 on another region's
        # job, its progress and its file; the list shows only one's own jobs).
        "background:job_list",
        "background:job_detail",
        "background:job_progress",
        "background:job_download",
        "background:registry_export",
        # 社会救助 casework: walked as an outsider in tests/assistance/test_assistance_case_pages.py (404 on
        # every case, file, PDF, enrolment and move; lists and the dashboard scoped by selector).
        "assistance:case_list",
        "assistance:case_detail",
        "assistance:case_action",
        "assistance:case_attachment",
        "assistance:case_notice",
        "assistance:case_decision",
        "assistance:enrolment_list",
        "assistance:enrolment_detail",
        "assistance:enrolment_change",
        "assistance:enrolment_account",
        "assistance:enrolment_reassessment",
        "assistance:task",
        "assistance:publicity",
        "assistance:dashboard",
        "assistance:queue",
        # 低收入人口动态监测: walked as an outsider in tests/monitoring/test_monitoring_app.py (404 on another
        # region's warning, its actions and library person; lists, dashboard and API show nothing of it).
        "monitoring:dashboard",
        "monitoring:warning_list",
        "monitoring:warning_detail",
        "monitoring:warning_visit",
        "monitoring:warning_dispose",
        "monitoring:warning_close",
        "monitoring:library",
        "monitoring:library_person",
        "monitoring:attachment",
        "monitoring:import_errors",
        "monitoring:warning_assign",
        "monitoring:warning_assign_many",
        # 待办中心: walked as an outsider in tests/worklist/ (another region's item is a 404 to claim, assign,
        # release; the queue lists only the jurisdiction's items).
        "worklist:dashboard",
        "worklist:claim",
        "worklist:release",
        "worklist:assign",
        # 文书机关: another region's office is a 404 to open and edit (tests/policy/test_documents.py); the list
        # shows only the user's own division and those under it.
        "policy:office_list",
        "policy:office_edit",
        # 全局检索 and the pickers' options: walked as an outsider in tests/search (another region's person,
        # household and case never found; a picked key of another region refused like a missing one).
        "search:results",
        "search:pick",
        # 婚姻登记: walked as an outsider in tests/marriage/test_pages.py (404 on another county's marriage,
        # divorce application, registry and registrar, and on every action posted to them; lists scoped).
        "marriage:dashboard",
        "marriage:registry_list",
        "marriage:registry_detail",
        "marriage:registrar_add",
        "marriage:registrar_detail",
        "marriage:marriage_list",
        "marriage:marriage_detail",
        "marriage:divorce_receive",
        "marriage:divorce_list",
        "marriage:divorce_detail",
        "marriage:divorce_withdraw",
        "marriage:divorce_register",
        "marriage:divorce_refuse",
        "marriage:appointment_list",
        "marriage:appointment_detail",
        "marriage:slots_open",
        "marriage:reissue_create",
        "marriage:reissue_detail",
        "marriage:document_upload",
        "marriage:document_download",
        "marriage:query_log",
        "marriage:status_query_log",
        "marriage:room_add",
        "marriage:judgment_create",
        "marriage:session_list",
        # 流浪乞讨人员救助: walked as an outsider in tests/rescue/test_pages.py (404 on another county's station,
        # client and every action on it, 易走失 entry and its visits; lists show nothing of it).
        "rescue:dashboard",
        "rescue:station_list",
        "rescue:station_create",
        "rescue:station_detail",
        "rescue:room_add",
        "rescue:client_list",
        "rescue:client_create",
        "rescue:client_detail",
        "rescue:action_add",
        "rescue:match_run",
        "rescue:proposal_decide",
        "rescue:room_assign",
        "rescue:belonging_add",
        "rescue:service_add",
        "rescue:extension_add",
        "rescue:identify",
        "rescue:return_add",
        "rescue:discharge",
        "rescue:report_list",
        "rescue:report_create",
        "rescue:registry_list",
        "rescue:registry_create",
        "rescue:registry_detail",
        "rescue:visit_add",
    }
    no_records = {
        "planning:plan_import",  # the upload form; what it stages is reviewed only by its uploader
        # Indicator definitions, status rules and form layouts are shared vocabulary, not regional records;
        # entry and rule forms go through services that refuse divisions outside the jurisdiction.
        "planning:indicator_list",
        "planning:indicator_create",
        "planning:indicator_edit",
        "planning:entry_create",
        "planning:status_rules",
        "planning:statform_rows",
        "web:login",
        "web:logout",
        "web:healthz",
        "web:under_construction",
        "core:roster_template",
        "core:division_children",
        "core:audit_list",
        "core:import_roster",
        "core:import_errors",
        "core:household_create",  # jurisdiction: register_household refuses other regions (test_registry_changes)
        # The user's own account (修改密码, 动态口令, the login's second step): nothing of anyone else.
        "core:change_password",
        "core:second_factor",
        "core:second_factor_login",
        # 用户管理: the list is scoped by selector; another county's account is 404 for every record URL and
        # add_user refuses divisions outside the jurisdiction (tests/core/test_users.py).
        "core:user_list",
        "core:user_create",
        "core:user_edit",
        "core:user_reset_password",
        "core:user_unlock",
        "core:user_reset_second_factor",
        # 家庭经济状况核对: record URLs are walked as an outsider in tests/verification (404 each); the list is
        # scoped by selector, starting a run by the service, and deliveries are administrator-only.
        "verification:run_list",
        "verification:run_start",
        "verification:run_detail",
        "verification:run_cancel",
        "verification:result_detail",
        "verification:result_note",
        "verification:result_pdf",
        "verification:deliveries",
        "verification:delivery_from_table",  # department data: administrators only, not a region's
        "verification:delivery_rejected",
        "verification:list_upload",  # the service checks every listed household against the jurisdiction
        "verification:list_template",
        "verification:list_detail",  # another county's list is 404 (tests/verification/test_household_lists)
        "verification:list_errors",
        # 社会救助 policy forms: the services refuse divisions outside the jurisdiction (test_assistance_pages);
        # the holiday calendar is national data.
        "assistance:standard_create",
        "policy:parameter_create",
        "policy:holiday_list",
        "policy:holiday_create",
        "eldercare_public:institutions",  # public by design: institutions' public facts, no personal data
        # 全市通办: the 窗口收件 form refuses persons outside the jurisdiction (a 跨县通办 matter excepted, by
        # rule); the 事项清单 is national data. The resident portal has no staff session at all: its pages answer
        # only to a resident's own cookie and scope to the resident's household (tests/onestop/test_portal.py).
        "onestop:application_new",
        "onestop:ticket_new",
        "onestop:matter_list",
        "onestop_public:guides",
        "onestop_public:guide",
        "onestop_public:register",
        "onestop_public:login",
        "onestop_public:logout",
        "onestop_public:home",
        "onestop_public:apply",
        "onestop_public:application",
        "onestop_public:supplement",
        "onestop_public:withdraw",
        "onestop_public:rate",
        "onestop_public:notice",
        "onestop_public:material",
        "socialorgs_public:credit",  # public by design: what 民政部令第60号 publishes (tests/socialorgs/test_pages)
        "socialorgs_public:charity",  # public by design: 慈善法第七十六条 lists (tests/socialorgs/test_charity)
        "socialorgs_public:volunteer_register",  # 志愿服务条例第七条 self-registration (writes only, shows nothing)
        "socialorgs_public:volunteer_certificate",  # 证明核验: masked name and hours by code (test_volunteering)
        "eldercare:assessment_preview",  # scores posted in, a level out: reads and writes nothing
        # 资金发放: generating checks the division against the jurisdiction in the service; bank formats are
        # configuration shared by the whole installation.
        "payments:roster_generate",
        "payments:bank_format_list",
        "payments:bank_format_create",
        "payments:bank_format_edit",
        # Casework forms: open_case and the 提标/项目设置 services refuse households and divisions outside the
        # jurisdiction (tests/assistance); the public 公示 shows masked names only, by design without login.
        "assistance:case_create",
        "assistance:standard_raise",
        # 规则修订影响清单 lists enrolments in force under the user's prefix only; 特困认定抽查 draws only for a
        # county inside the jurisdiction (tests/assistance/test_assistance_tekun_spot_check.py)
        "assistance:rule_changes",
        "assistance:spot_checks",
        "assistance:setting_list",
        "assistance_public:notice",
        # 监测: forms whose services refuse divisions outside the jurisdiction (rules, imports, 主动发现); runs
        # cover the installation and are started by approvers/administrators; the template holds no records.
        "monitoring:library_import",
        "monitoring:import_template",
        "monitoring:proactive",
        "monitoring:rule_list",
        "monitoring:rule_create",
        "monitoring:rule_switch",
        "monitoring:rule_trial",
        "monitoring:run_list",
        "monitoring:run_start",
        # 婚姻登记 forms: create_registry refuses divisions outside the jurisdiction; the desk offers only the
        # registries where the user is a registrar (tests/marriage).
        "marriage:registry_create",
        "marriage:marriage_create",
        # 婚姻登记预约: public by design — registries' slots and free places, no personal data; a booking is
        # shown once to whoever made it, cancelling needs the 预约号 and the ID number together.
        "marriage_public:home",
        "marriage_public:book",
        "marriage_public:cancel",
        # 网络祭扫: public by design — a memorial shows only the name and dates the family consented to, behind an
        # unguessable link, gone when consent is withdrawn; bookings show cemeteries' free places, a booking is
        # shown once to whoever made it, cancelling needs the 预约号 and the phone number together.
        "funeral_public:memorial",
        "funeral_public:visits",
        "funeral_public:book",
        "funeral_public:cancel",
        # 查档 and 补录: the search is scoped to the jurisdiction and logged; 补录 only at the user's registries.
        "marriage:archive_search",
        "marriage:backfill",
        "marriage:session_create",  # offers only rooms of the user's registries; the service checks again
        # counts only registries in the jurisdiction; another county's registry id is ignored as a filter
        "marriage:statistics",
        # 区划地名: the application form offers only divisions of the jurisdiction and propose() refuses others;
        # recording a change checks both ends of every link; a lineage is public record (the history of
        # divisions, no personal data); the public name search and 公告 list publish what 第十四条 publishes.
        "placenames:application_create",
        "placenames:change_create",
        "placenames:lineage",
        "placenames_public:search",
        "placenames_public:announcements",
    }
    api = {n for n in all_url_names() if n.startswith("api:")}
    assert all_url_names() - api == covered | no_records


def test_division_picker_offers_nothing_outside_the_jurisdiction(as_outsider, divisions):
    body = as_outsider.get("/divisions/children/", {"parent": "210602000000"}).content.decode()
    assert "七道街道" not in body
    assert "永昌街道" in as_outsider.get("/divisions/children/", {"parent": "210603000000"}).content.decode()


def test_import_error_report_of_another_county_is_404(client, as_outsider, county_caseworker):
    from minzheng.core.models import ImportBatch

    batch = ImportBatch.objects.create(
        file_name="x.xlsx",
        file_sha256="0" * 64,
        status="rejected",
        division_code="210602000000",
        uploaded_by=county_caseworker,
    )
    assert as_outsider.get(f"/registry/import/{batch.pk}/errors.xlsx").status_code == 404


def test_api_records_of_another_county_are_404_and_lists_empty(client, outsider, household):
    headers = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    assert client.get(f"/api/households/{household.pk}", headers=headers).status_code == 404
    assert client.get(f"/api/persons/{household.head.pk}", headers=headers).status_code == 404
    assert client.post(f"/api/persons/{household.head.pk}/id-number", headers=headers).status_code == 404
    assert client.get("/api/households", headers=headers).json()["count"] == 0
    assert client.get("/api/persons", headers=headers).json()["count"] == 0
    assert client.get("/api/divisions/children", {"parent": "210602000000"}, headers=headers).json() == []
    assert not AuditEvent.objects.filter(action="read_id_number").exists()
