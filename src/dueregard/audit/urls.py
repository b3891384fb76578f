from django.urls import path

from dueregard.audit import views

app_name = "audit"

urlpatterns = [
    path("o/<slug:slug>/audit/", views.organisation_log, name="organisation"),
    path("o/<slug:slug>/audit/<str:object_type>/<str:object_id>/", views.object_log, name="object"),
]
