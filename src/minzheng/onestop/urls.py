from django.urls import path

from .views import dashboard, tickets, window

app_name = "onestop"

urlpatterns = [
    path("", dashboard.dashboard_page, name="dashboard"),
    path("matters/", dashboard.matter_list, name="matter_list"),
    path("reviews/", dashboard.review_list, name="review_list"),
    path("reviews/<int:pk>/", dashboard.review_detail, name="review_detail"),
    path("reviews/<int:pk>/follow-up/", dashboard.review_follow_up, name="review_follow_up"),
    path("applications/", window.application_list, name="application_list"),
    path("applications/new/", window.application_new, name="application_new"),
    path("applications/<int:pk>/", window.application_detail, name="application_detail"),
    path("applications/<int:pk>/check/", window.application_check, name="application_check"),
    path("applications/<int:pk>/notice/", window.application_notice, name="application_notice"),
    path("applications/<int:pk>/notice.pdf", window.application_notice_pdf, name="application_notice_pdf"),
    path("applications/<int:pk>/accept/", window.application_accept, name="application_accept"),
    path("applications/<int:pk>/refuse/", window.application_refuse, name="application_refuse"),
    path("applications/<int:pk>/forward/", window.application_forward, name="application_forward"),
    path("applications/<int:pk>/result/", window.application_result, name="application_result"),
    path("applications/<int:pk>/files/<int:file_pk>/", window.material_file, name="material_file"),
    path("tickets/", tickets.ticket_list, name="ticket_list"),
    path("tickets/new/", tickets.ticket_new, name="ticket_new"),
    path("tickets/<int:pk>/", tickets.ticket_detail, name="ticket_detail"),
    path("tickets/<int:pk>/assign/", tickets.ticket_assign, name="ticket_assign"),
    path("tickets/<int:pk>/transfer/", tickets.ticket_transfer, name="ticket_transfer"),
    path("tickets/<int:pk>/return/", tickets.ticket_return, name="ticket_return"),
    path("tickets/<int:pk>/review-return/", tickets.ticket_review_return, name="ticket_review_return"),
    path("tickets/<int:pk>/not-accept/", tickets.ticket_not_accept, name="ticket_not_accept"),
    path("tickets/<int:pk>/reply/", tickets.ticket_reply, name="ticket_reply"),
    path("tickets/<int:pk>/complete/", tickets.ticket_complete, name="ticket_complete"),
    path("tickets/<int:pk>/callback/", tickets.ticket_callback, name="ticket_callback"),
    path("tickets/<int:pk>/supervise/", tickets.ticket_supervise, name="ticket_supervise"),
    path("tickets/<int:pk>/merge/", tickets.ticket_merge, name="ticket_merge"),
]
