"""URLs of the impact-assessment pages: the list, the summary, each step of the editing, sign-off and the other
moves, versions, and publication (the publish page and the public pages)."""

from django.urls import URLPattern, path

from dueregard.assessments import views_assessments, views_publication, views_steps

BASE = "o/<slug:slug>/assessments/"
ONE = BASE + "<int:assessment_id>/"
PUBLIC = "published/<slug:slug>/assessments/"

urlpatterns: list[URLPattern] = [
    path(BASE, views_assessments.assessment_list, name="list"),
    path(BASE + "start/", views_assessments.assessment_start, name="start"),
    path(ONE, views_assessments.assessment_detail, name="detail"),
    path(ONE + "move/", views_assessments.assessment_transition, name="transition"),
    path(ONE + "withdraw/", views_assessments.assessment_withdraw, name="withdraw"),
    path(ONE + "decision/", views_assessments.decision_confirm, name="decision_confirm"),
    path(ONE + "new-version/", views_assessments.assessment_new_version, name="new_version"),
    path(ONE + "compare/", views_assessments.version_compare, name="compare"),
    path(ONE + "publish/", views_publication.assessment_publish, name="publish"),
    path(ONE + "draft.pdf", views_publication.assessment_pdf, name="draft_pdf"),
    path(ONE + "draft.docx", views_publication.assessment_docx, name="draft_docx"),
    *[
        path(ONE + f"{step.key}/", views_steps.step_page, {"step": step.key}, name=f"step_{step.key}")
        for step in views_steps.STEPS
    ],
    path(ONE + "evidence/add/", views_steps.evidence_add, name="evidence_add"),
    path(ONE + "evidence/<int:item_id>/remove/", views_steps.evidence_remove, name="evidence_remove"),
    path(ONE + "engagement/add/", views_steps.engagement_add, name="engagement_add"),
    path(ONE + "engagement/<int:record_id>/remove/", views_steps.engagement_remove, name="engagement_remove"),
    path(ONE + "actions/add/", views_steps.action_add, name="action_add"),
    path(ONE + "actions/<int:action_id>/status/", views_steps.action_status, name="action_status"),
    path(ONE + "actions/<int:action_id>/track/", views_steps.action_track, name="action_track"),
    path(ONE + "actions/<int:action_id>/untrack/", views_steps.action_untrack, name="action_untrack"),
    path(PUBLIC, views_publication.public_index, name="public_index"),
    path(PUBLIC + "<str:reference>/", views_publication.public_assessment, name="public_assessment"),
    path(PUBLIC + "<str:reference>/full/", views_publication.public_full, name="public_full"),
    path(PUBLIC + "<str:reference>.pdf", views_publication.public_pdf, name="public_pdf"),
    path(PUBLIC + "<str:reference>.docx", views_publication.public_docx, name="public_docx"),
]
