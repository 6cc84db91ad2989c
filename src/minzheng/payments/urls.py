from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("", views.roster_list, name="roster_list"),
    path("generate/", views.roster_generate, name="roster_generate"),
    path("rosters/<int:pk>/", views.roster_detail, name="roster_detail"),
    path("rosters/<int:pk>/regenerate/", views.roster_regenerate, name="roster_regenerate"),
    path("rosters/<int:pk>/submit/", views.roster_submit, name="roster_submit"),
    path("rosters/<int:pk>/approve/", views.roster_approve, name="roster_approve"),
    path("rosters/<int:pk>/return/", views.roster_return, name="roster_return"),
    path("rosters/<int:pk>/bank-file/", views.bank_file, name="bank_file"),
    path("rosters/<int:pk>/roster.pdf", views.roster_pdf_view, name="roster_pdf"),
    path("rosters/<int:pk>/roster-pdf-job/", views.roster_pdf_job, name="roster_pdf_job"),
    path("rosters/<int:pk>/results/", views.results_import, name="results_import"),
    path("follow-ups/", views.follow_up_list, name="follow_up_list"),
    path("lines/<int:pk>/follow-up/", views.follow_up_decide, name="follow_up_decide"),
    path("bank-formats/", views.bank_format_list, name="bank_format_list"),
    path("bank-formats/new/", views.bank_format_edit, name="bank_format_create"),
    path("bank-formats/<int:pk>/edit/", views.bank_format_edit, name="bank_format_edit"),
]
