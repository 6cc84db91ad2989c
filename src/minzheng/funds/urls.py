from django.urls import path

from .views import checks, ledger, lottery, projects

app_name = "funds"

urlpatterns = [
    path("", ledger.dashboard, name="dashboard"),
    path("funds/new/", ledger.fund_create, name="fund_create"),
    path("funds/<int:pk>/", ledger.fund_detail, name="fund_detail"),
    path("funds/<int:pk>/allocate/", ledger.allocate, name="allocate"),
    path("funds/<int:pk>/book/", ledger.book, name="book"),
    path("funds/<int:pk>/payments/", ledger.fund_payments, name="fund_payments"),
    path("projects/", projects.project_list, name="project_list"),
    path("outlets/", lottery.outlet_list, name="outlet_list"),
    path("findings/", checks.finding_list, name="finding_list"),
    path("findings/run/", checks.run_checks, name="run_checks"),
    path("findings/statistics/", checks.statistics, name="statistics"),
    path("findings/<int:pk>/", checks.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/decide/", checks.finding_decide, name="finding_decide"),
]
