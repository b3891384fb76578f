from django.urls import path

from dueregard.objectives import urls_import, urls_public, urls_reports, views

app_name = "objectives"

urlpatterns = [
    path("o/<slug:slug>/objectives/", views.objective_list, name="list"),
    path("o/<slug:slug>/objectives/<int:objective_id>/", views.objective_detail, name="detail"),
    path("o/<slug:slug>/objectives/add/", views.objective_add, name="add"),
    path("o/<slug:slug>/objectives/<int:objective_id>/change/", views.objective_edit, name="edit"),
    path("o/<slug:slug>/objectives/<int:objective_id>/status/", views.objective_transition, name="transition"),
    path("o/<slug:slug>/objectives/<int:objective_id>/publish/", views.objective_publish, name="publish"),
    path("o/<slug:slug>/objectives/<int:objective_id>/actions/add/", views.action_add, name="action_add"),
    path(
        "o/<slug:slug>/objectives/<int:objective_id>/actions/<int:action_id>/change/",
        views.action_edit,
        name="action_edit",
    ),
    path("o/<slug:slug>/objectives/<int:objective_id>/measures/add/", views.measure_add, name="measure_add"),
    path("o/<slug:slug>/measures/<int:measure_id>/values/add/", views.measure_value_add, name="measure_value_add"),
    path("o/<slug:slug>/actions/mine/", views.my_actions, name="my_actions"),
    path("o/<slug:slug>/actions/overdue/", views.attention, {"kind": "overdue"}, name="overdue"),
    path("o/<slug:slug>/actions/no-update/", views.attention, {"kind": "unreported"}, name="unreported"),
    path("o/<slug:slug>/actions/<int:action_id>/", views.action_detail, name="action"),
    path("o/<slug:slug>/actions/<int:action_id>/update/", views.action_update, name="action_update"),
    path("o/<slug:slug>/actions/<int:action_id>/rag/", views.action_rag, name="action_rag"),
    path("o/<slug:slug>/actions/<int:action_id>/evidence/", views.action_evidence_add, name="action_evidence_add"),
    path(
        "o/<slug:slug>/actions/<int:action_id>/evidence/<int:link_id>/remove/",
        views.action_evidence_remove,
        name="action_evidence_remove",
    ),
    path("o/<slug:slug>/actions/<int:action_id>/publish/", views.action_publish, name="action_publish"),
]
urlpatterns += urls_reports.urlpatterns + urls_public.urlpatterns + urls_import.urlpatterns
