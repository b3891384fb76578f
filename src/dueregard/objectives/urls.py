from django.urls import path

from dueregard.objectives import views

app_name = "objectives"

urlpatterns = [
    path("o/<slug:slug>/objectives/", views.objective_list, name="list"),
    path("o/<slug:slug>/objectives/<int:objective_id>/", views.objective_detail, name="detail"),
    path("o/<slug:slug>/objectives/<int:objective_id>/publish/", views.objective_publish, name="publish"),
]
