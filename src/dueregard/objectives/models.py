"""Equality objectives and action plans.

One model holds the four shapes our users write today (seeds 000, 002, 003, 004):

- a **Plan** is the document: an objective set ("Equality Objectives 2012/16"), a scheme's action plan
  ("Single Equality Scheme 2008–2011"), an improvement plan (in response to a regulator), or a unit's local plan;
- an **Objective** is one row heading of it: an equality objective, a scheme's "Function / Policy", or an
  improvement plan's "Issue"; it may link to numbered **Recommendations** of the plan (many-to-many, seed 003);
- **Actions** ("how we will achieve") hang under an objective and can nest (a heading with sub-actions, seed 000);
  each has its timescale as written plus its parsed reading, **Milestones**, **ProgressUpdates** over time and
  **EvidenceLinks**;
- **Measures** ("how we will measure") hang under an objective, with **MeasureValues** over time.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanKind(models.TextChoices):
    OBJECTIVES = "objectives", _("Equality objectives")
    SCHEME = "scheme", _("Equality scheme action plan")
    IMPROVEMENT = "improvement", _("Improvement plan")
    LOCAL = "local", _("Local action plan")


class Plan(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices, default=PlanKind.OBJECTIVES)
    period_start = models.DateField(_("period starts"), null=True, blank=True)
    period_end = models.DateField(_("period ends"), null=True, blank=True)
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("owning unit"),
    )
    source_strategy = models.CharField(_("source strategy or plan"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering: ClassVar[list[str]] = ["-period_start", "title"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_start__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="plan_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Aim(models.TextChoices):
    """The three aims of the general duty (Equality Act 2010, s.149(1))."""

    ELIMINATE = "eliminate", _("Eliminate discrimination, harassment and victimisation")
    ADVANCE = "advance", _("Advance equality of opportunity")
    FOSTER = "foster", _("Foster good relations")


class Characteristic(models.TextChoices):
    AGE = "age", _("Age")
    DISABILITY = "disability", _("Disability")
    GENDER_REASSIGNMENT = "gender_reassignment", _("Gender reassignment")
    MARRIAGE = "marriage_civil_partnership", _("Marriage and civil partnership")
    PREGNANCY = "pregnancy_maternity", _("Pregnancy and maternity")
    RACE = "race", _("Race")
    RELIGION = "religion_belief", _("Religion or belief")
    SEX = "sex", _("Sex")
    SEXUAL_ORIENTATION = "sexual_orientation", _("Sexual orientation")


class ObjectiveStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ADOPTED = "adopted", _("Adopted")
    CLOSED = "closed", _("Closed")


class Objective(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="objectives")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives", null=True, blank=True)
    reference = models.CharField(_("reference"), max_length=20)
    business_area = models.CharField(_("business area"), max_length=250, blank=True)
    statement = models.TextField(_("objective"))
    description = models.TextField(_("description"), blank=True)
    desired_outcome = models.TextField(_("desired outcome"), blank=True)
    period_start = models.DateField(_("period starts"), null=True, blank=True)
    period_end = models.DateField(_("period ends"), null=True, blank=True)
    review_date = models.DateField(_("next annual review"), null=True, blank=True)
    characteristics = models.JSONField(_("protected characteristics"), default=list, blank=True)
    aims = models.JSONField(_("aims of the general duty"), default=list, blank=True)
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("owning unit"),
    )
    source_strategy = models.CharField(_("source strategy"), max_length=250, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ObjectiveStatus.choices, default=ObjectiveStatus.DRAFT
    )
    consultation_start = models.DateField(_("consultation starts"), null=True, blank=True)
    consultation_end = models.DateField(_("consultation ends"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["position", "reference"]
        verbose_name = _("equality objective")
        verbose_name_plural = _("equality objectives")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "plan", "reference"],
                name="objective_reference_unique_in_plan",
                violation_error_message=_("This plan already has an objective with this reference."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ObjectiveStatus.values), name="objective_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}. {self.statement[:80]}"


class Recommendation(models.Model):
    """A numbered recommendation (e.g. of a regulator's assessment) that plan rows respond to (seed 003)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    number = models.CharField(_("number"), max_length=20)
    text = models.TextField(_("recommendation"), blank=True)
    objectives = models.ManyToManyField(Objective, related_name="recommendations", blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["plan", "number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["plan", "number"], name="recommendation_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"


class ActionStatus(models.TextChoices):
    """The normalised vocabulary (seed-requirements §3.1). The words a plan used are kept beside it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTIALLY_COMPLETE = "partially_complete", _("Partly complete")
    COMPLETE = "complete", _("Complete")
    RECURRING = "recurring", _("Recurring")
    NOT_DELIVERED = "not_delivered", _("Not delivered")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    TRANSFERRED = "transferred", _("Transferred")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    UNKNOWN = "unknown", _("No update given")


CLOSED_STATUSES = {
    ActionStatus.COMPLETE,
    ActionStatus.NOT_DELIVERED,
    ActionStatus.WITHDRAWN,
    ActionStatus.TRANSFERRED,
    ActionStatus.NOT_APPLICABLE,
}


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")
    COMPLETE = "complete", _("Complete")
    CLOSED = "closed", _("Closed")


class Action(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    position = models.PositiveIntegerField(default=0)
    title = models.TextField(_("action"))
    desired_outcome = models.TextField(_("desired outcome"), blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner"),
    )
    owner_unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owning unit"),
    )
    owner_text = models.CharField(_("owner as written"), max_length=250, blank=True)
    timescale_text = models.TextField(_("timescale as written"), blank=True)
    timescale = models.JSONField(_("timescale as read"), null=True, blank=True)
    start_date = models.DateField(_("starts"), null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True, db_index=True)
    recurrence = models.CharField(_("recurs"), max_length=20, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    status_text = models.TextField(_("status as written"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    closed_reason = models.TextField(_("why it was withdrawn, transferred or not delivered"), blank=True)
    last_update_on = models.DateField(_("last update"), null=True, blank=True, db_index=True)
    rag_override = models.CharField(_("RAG set by hand"), max_length=10, choices=Rag.choices, blank=True)
    rag_override_reason = models.TextField(_("reason for the RAG set by hand"), blank=True)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["objective", "position", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["organisation", "owner_user"]),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=models.Q(status__in=ActionStatus.values), name="action_status_valid"),
            models.CheckConstraint(
                condition=models.Q(rag_override="") | ~models.Q(rag_override_reason=""),
                name="action_rag_override_needs_reason",
                violation_error_message=_("Give a reason for setting the RAG status by hand."),
            ),
        ]

    def __str__(self) -> str:
        return self.title[:100]


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("milestone"))
    timescale = models.JSONField(_("as read"), null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["action", "position", "id"]

    def __str__(self) -> str:
        return self.text[:100]


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    author_label = models.CharField(max_length=250, blank=True)
    reported_on = models.DateField(_("date of the update"), db_index=True)
    text = models.TextField(_("update"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices)
    status_text = models.TextField(_("status as written"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["-reported_on", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.reported_on}: {self.text[:60]}"


class EvidenceLink(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("web address"), max_length=1000, blank=True)

    def __str__(self) -> str:
        return self.title


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")
    TOWARDS = "towards", _("Closer to the target is better")


class Measure(models.Model):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    position = models.PositiveIntegerField(default=0)
    name = models.TextField(_("measure"))
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices, default=Direction.UP)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_label = models.CharField(_("baseline period"), max_length=40, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=4, null=True, blank=True)
    target_label = models.CharField(_("target date or period"), max_length=40, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["objective", "position", "id"]

    def __str__(self) -> str:
        return self.name[:100]


class MeasureValue(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period_label = models.CharField(_("period"), max_length=40)
    period_end = models.DateField(_("period ends"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4)
    note = models.CharField(_("note"), max_length=250, blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["measure", "period_end"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["measure", "period_end"], name="measure_value_one_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.value}"
