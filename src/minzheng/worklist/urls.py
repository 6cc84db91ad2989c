from django.urls import path

from . import views

app_name = "worklist"

urlpatterns = [
    path("", views.queue, name="dashboard"),
    path("claim/", views.claim, name="claim"),
    path("release/", views.release, name="release"),
    path("assign/<str:source>/<str:key>/", views.assign, name="assign"),
]
