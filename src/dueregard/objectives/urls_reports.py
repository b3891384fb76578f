"""The board report: page, PDF and XLSX. Included in the objectives URLs (namespace ``objectives``)."""

from django.urls import path

from dueregard.objectives import views_reports

urlpatterns = [
    path("o/<slug:slug>/reports/board/", views_reports.board, name="report_board"),
    path("o/<slug:slug>/reports/board.pdf", views_reports.board_pdf, name="report_board_pdf"),
    path("o/<slug:slug>/reports/board.xlsx", views_reports.board_xlsx, name="report_board_xlsx"),
]
