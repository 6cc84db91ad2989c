from django.urls import path

from .views import credit, dashboard, ratings, registry, reports

app_name = "socialorgs"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("organisations/", registry.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", registry.organisation_detail, name="organisation_detail"),
    path(
        "organisations/<int:pk>/certificate/",
        registry.organisation_certificate,
        name="organisation_certificate",
    ),
    path("organisations/<int:pk>/change/", registry.change_create, name="change_create"),
    path("organisations/<int:pk>/deregister/", registry.deregister_create, name="deregister_create"),
    path("organisations/<int:pk>/report/", reports.report_create, name="report_create"),
    path("organisations/<int:pk>/listing/", credit.listing_propose, name="listing_propose"),
    path("applications/", registry.application_list, name="application_list"),
    path("applications/new/", registry.application_create, name="application_create"),
    path("applications/<int:pk>/", registry.application_detail, name="application_detail"),
    path("applications/<int:pk>/decide/", registry.application_decide, name="application_decide"),
    path("reports/", reports.report_list, name="report_list"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/decide/", reports.report_decide, name="report_decide"),
    path("reports/<int:pk>/rectified/", reports.report_rectified, name="report_rectified"),
    path("revocations/", reports.revocation_list, name="revocation_list"),
    path("revocations/<int:pk>/", reports.revocation_detail, name="revocation_detail"),
    path("revocations/<int:pk>/decide/", reports.revocation_decide, name="revocation_decide"),
    path("organisations/<int:pk>/rating/", ratings.rating_apply, name="rating_apply"),
    path("ratings/", ratings.rating_list, name="rating_list"),
    path("ratings/<int:pk>/", ratings.rating_detail, name="rating_detail"),
    path("ratings/<int:pk>/score/", ratings.rating_score, name="rating_score"),
    path("ratings/<int:pk>/object/", ratings.rating_object, name="rating_object"),
    path("ratings/<int:pk>/answer/", ratings.rating_answer, name="rating_answer"),
    path("ratings/<int:pk>/confirm/", ratings.rating_confirm, name="rating_confirm"),
    path("ratings/<int:pk>/change/", ratings.rating_change, name="rating_change"),
    path("ratings/<int:pk>/plaque/", ratings.rating_plaque, name="rating_plaque"),
    path("credit/", credit.listing_list, name="listing_list"),
    path("credit/<int:pk>/", credit.listing_detail, name="listing_detail"),
    path("credit/<int:pk>/decide/", credit.listing_decide, name="listing_decide"),
    path("credit/<int:pk>/fix/", credit.listing_fix, name="listing_fix"),
    path("credit/<int:pk>/remove/", credit.listing_remove, name="listing_remove"),
]
