"""The functions register and equality impact assessments.

- a **Function** is one entry of the register (a function or policy), with its **CharacteristicRelevance** rows;
- an **Assessment** is one version of an equality impact assessment; versions of one assessment share its
  reference and link back through ``previous_version``; a constituent part's assessment can build on its parent's
  (``parent_assessment``, seed 003 issue 6);
- an assessment holds **ImpactCells** (characteristic × aim), **EvidenceItems**, **EngagementRecords** and
  **AssessmentActions**;
- **AssessmentSettings** holds what an organisation chooses: optional lenses, and the register's published
  criteria and review procedure.

Relevance and impact are rows rather than JSON so that the database can hold the rules (valid values, a reason where
one is needed, marriage and civil partnership only under aim (a)) and so that "which characteristics carry negative
impacts across these assessments" is one indexed query over thousands of assessments.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dueregard.assessments.workflow import State
from dueregard.objectives.models import Aim, Characteristic


class Relevance(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")
    NONE = "none", _("None")


RELEVANCE_ORDER = [Relevance.HIGH, Relevance.MEDIUM, Relevance.LOW, Relevance.NONE]


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class ReviewCycle(models.IntegerChoices):
    ANNUAL = 1, _("Every year")
    THREE_YEARLY = 3, _("Every three years")


class Function(models.Model):
    """A main function or policy of the organisation (seed 001 §5.4–5.5)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="functions")
    name = models.CharField(_("function or policy"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="functions",
        verbose_name=_("owning unit"),
    )
    is_statutory = models.BooleanField(_("statutory"), default=False)
    is_new = models.BooleanField(_("new function"), default=False)
    affects_public = models.BooleanField(_("affects the public"), default=True)
    affects_staff = models.BooleanField(_("affects staff"), default=False)
    is_relevant = models.BooleanField(_("included as relevant"), default=True)  # "if in doubt, include"
    exclusion_reason = models.TextField(_("why it is not included"), blank=True)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    review_cycle_years = models.PositiveSmallIntegerField(
        _("review cycle"), choices=ReviewCycle.choices, default=ReviewCycle.THREE_YEARLY
    )
    next_review_date = models.DateField(_("next review"), db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        verbose_name = _("function")
        verbose_name_plural = _("functions")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="function_name_unique",
                violation_error_message=_("The register already has a function with this name."),
            ),
            models.CheckConstraint(
                condition=models.Q(review_cycle_years__in=ReviewCycle.values),
                name="function_review_cycle_at_most_three_years",
            ),
            models.CheckConstraint(condition=models.Q(priority__in=Priority.values), name="function_priority_valid"),
            models.CheckConstraint(
                condition=models.Q(is_relevant=True) | ~models.Q(exclusion_reason=""),
                name="function_exclusion_needs_reason",
                violation_error_message=_("Say why this function is not included."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CharacteristicRelevance(models.Model):
    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="relevances")
    characteristic = models.CharField(_("protected characteristic"), max_length=30, choices=Characteristic.choices)
    relevance = models.CharField(_("relevance"), max_length=10, choices=Relevance.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["function", "characteristic"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["function", "characteristic"], name="relevance_one_per_characteristic"),
            models.CheckConstraint(condition=models.Q(relevance__in=Relevance.values), name="relevance_value_valid"),
            models.CheckConstraint(
                condition=models.Q(characteristic__in=Characteristic.values), name="relevance_characteristic_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(relevance=Relevance.NONE) | ~models.Q(reason=""),
                name="relevance_needs_reason",
                violation_error_message=_("Give the reason for this relevance."),
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["characteristic", "relevance"])]

    def __str__(self) -> str:
        return f"{self.get_characteristic_display()}: {self.get_relevance_display()}"


class Lens(models.TextChoices):
    """Optional lenses an organisation can add to its assessments (per organisation settings)."""

    SOCIO_ECONOMIC = "socio_economic", _("Socio-economic disadvantage")
    WELSH_LANGUAGE = "welsh_language", _("Welsh language")
    HUMAN_RIGHTS = "human_rights", _("Human rights")
    CHILDRENS_RIGHTS = "childrens_rights", _("Children's rights")
    CARERS = "carers", _("Carers")
    CARE_EXPERIENCE = "care_experience", _("Care experience")
    ARMED_FORCES = "armed_forces", _("Armed forces community")
    RURAL = "rural", _("Rural and island communities")
    FUTURE_GENERATIONS = "future_generations", _("Well-being of future generations")


DEFAULT_REGISTER_CRITERIA = (
    "We list all our main functions and policies, statutory and non-statutory, from our business plans. A function "
    "stays on the list if it involves or affects the public, or our staff, in any way. If there is any doubt about "
    "its potential impact, or evidence or public concern of a differential impact, it is included; new functions, "
    "whose impact is unknown, are included as a rule. We rate each function's potential differential impact for each "
    "protected characteristic (high, medium, low or none, with the reason) to set its priority for assessment."
)
DEFAULT_REVIEW_PROCEDURE = (
    "We review the list every year where the functions are many and their impact significant, and otherwise every "
    "three years, never less often. New policies are screened for relevance at the outset and added to the list."
)


class AssessmentSettings(models.Model):
    """An organisation's choices for its assessments. No row means the defaults (see ``lenses_for``)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="assessment_settings"
    )
    lenses = models.JSONField(_("optional lenses"), default=list, blank=True)
    register_criteria = models.TextField(_("criteria for the functions register"), default=DEFAULT_REGISTER_CRITERIA)
    register_review_procedure = models.TextField(_("how the register is reviewed"), default=DEFAULT_REVIEW_PROCEDURE)

    class Meta:
        verbose_name = _("assessment settings")
        verbose_name_plural = _("assessment settings")

    def __str__(self) -> str:
        return str(self.organisation)


class SubjectKind(models.TextChoices):
    POLICY = "policy", _("Policy")
    STRATEGY = "strategy", _("Strategy")
    SERVICE = "service", _("Service")
    FUNCTION = "function", _("Function")
    PROJECT = "project", _("Project or programme")
    BUDGET_SAVING = "budget_saving", _("Budget saving")
    PROCUREMENT = "procurement", _("Procurement")
    EMPLOYMENT_PRACTICE = "employment_practice", _("Employment practice")


class SubjectStatus(models.TextChoices):
    NEW = "new", _("New")
    EXISTING = "existing", _("Existing")
    UNDER_REVIEW = "under_review", _("Under review")
    BUDGET_DRIVEN = "budget_driven", _("Budget-driven change")


class AssessmentState(models.TextChoices):
    SCREENING = State.SCREENING.value, _("Screening")
    SCREENED_OUT = State.SCREENED_OUT.value, _("Screened out")
    FULL_ASSESSMENT = State.FULL_ASSESSMENT.value, _("Full assessment")
    ENGAGEMENT = State.ENGAGEMENT.value, _("Engagement")
    DECISION = State.DECISION.value, _("Decision")
    AWAITING_SIGN_OFF = State.AWAITING_SIGN_OFF.value, _("Awaiting sign-off")
    SIGNED_OFF = State.SIGNED_OFF.value, _("Signed off")
    PUBLISHED = State.PUBLISHED.value, _("Published")
    REVIEW_DUE = State.REVIEW_DUE.value, _("Review due")
    UNDER_REVIEW = State.UNDER_REVIEW.value, _("Under review")
    WITHDRAWN = State.WITHDRAWN.value, _("Withdrawn")
    SUPERSEDED = State.SUPERSEDED.value, _("Replaced by a later version")


class ScreeningDecision(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    FULL = "full", _("A full assessment is needed")
    NOT_NEEDED = "not_needed", _("A full assessment is not needed")


class Outcome(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    NO_CHANGE = "no_change", _("No major change")
    ADJUST = "adjust", _("Adjust the policy")
    CONTINUE = "continue", _("Continue despite adverse impact")
    STOP = "stop", _("Stop and remove the policy")


class Assessment(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="assessments")
    reference = models.CharField(_("reference"), max_length=30)  # shared by every version
    version = models.PositiveIntegerField(_("version"), default=1)
    previous_version = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
        verbose_name=_("previous version"),
    )
    parent_assessment = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="child_assessments",
        verbose_name=_("builds on"),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=AssessmentState.choices, default=AssessmentState.SCREENING
    )
    lock_version = models.PositiveIntegerField(default=0)  # optimistic locking: +1 on every save of the content

    # 1. identification
    title = models.CharField(_("title"), max_length=250)
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("organisation unit"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="authored_assessments",
        verbose_name=_("author"),
    )
    responsible_senior_person = models.CharField(_("responsible senior person"), max_length=250, blank=True)
    decision_maker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments_to_decide",
        verbose_name=_("decision-maker"),
    )
    # 2. subject
    subject_kind = models.CharField(
        _("what is assessed"), max_length=30, choices=SubjectKind.choices, default=SubjectKind.POLICY
    )
    subject_status = models.CharField(
        _("new or existing"), max_length=20, choices=SubjectStatus.choices, default=SubjectStatus.NEW
    )
    function = models.ForeignKey(
        Function,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("function in the register"),
    )
    # 3. purpose and scope
    purpose = models.TextField(_("aims of the policy"), blank=True)
    scope = models.TextField(_("who it affects and how many"), blank=True)
    affects_public = models.BooleanField(_("affects the public"), default=True)
    affects_staff = models.BooleanField(_("affects staff"), default=False)
    # 4. screening, against each aim of the general duty
    screening_eliminate = models.TextField(_("relevance to eliminating discrimination"), blank=True)
    screening_advance = models.TextField(_("relevance to advancing equality of opportunity"), blank=True)
    screening_foster = models.TextField(_("relevance to fostering good relations"), blank=True)
    screening_decision = models.CharField(
        _("screening decision"), max_length=12, choices=ScreeningDecision.choices, blank=True
    )
    screening_reasons = models.TextField(_("reasons for the screening decision"), blank=True)
    # 5. evidence (items are EvidenceItem rows)
    data_gaps = models.TextField(_("data gaps"), blank=True)
    data_gaps_plan = models.TextField(_("how the data gaps will be filled"), blank=True)
    # 6. engagement (records are EngagementRecord rows)
    no_engagement_reason = models.TextField(_("why nobody was involved or consulted"), blank=True)
    withdrawn_reason = models.TextField(_("why it was withdrawn"), blank=True)
    # 8. optional lenses: {lens: {"impact": ..., "reason": ...}}
    lens_results = models.JSONField(_("optional lenses"), default=dict, blank=True)
    # 9. adverse impact: the five considerations of seed 001 §5.10
    adverse_duty_met = models.TextField(_("whether the general duty is met"), blank=True)
    adverse_alternatives = models.TextField(_("alternatives without the adverse impact"), blank=True)
    adverse_unavoidable = models.BooleanField(_("the adverse impact is unavoidable"), null=True, blank=True)
    adverse_justification = models.TextField(_("justification by the aims of the policy"), blank=True)
    adverse_mitigation = models.TextField(_("measures to reduce the adverse impact"), blank=True)
    second_consultation_needed = models.BooleanField(
        _("a second round of consultation is needed"), null=True, blank=True
    )
    second_consultation_reasons = models.TextField(
        _("effect on daily lives and difference from the original proposal"), blank=True
    )
    # 10. outcome
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_details = models.TextField(_("changes made or justification"), blank=True)
    # 11. decision record
    decision_paper_url = models.URLField(_("decision paper"), max_length=1000, blank=True)
    decision_date = models.DateField(_("date of the decision"), null=True, blank=True)
    decision_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_confirmed_at = models.DateTimeField(_("read before deciding, confirmed on"), null=True, blank=True)
    # 13. sign-off; 14. publication; 15. review
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(_("signed off on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)

    started_on = models.DateField(_("started on"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["-reference", "-version"]
        verbose_name = _("equality impact assessment")
        verbose_name_plural = _("equality impact assessments")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["organisation", "state"]),
            models.Index(fields=["organisation", "review_date"]),
            models.Index(fields=["organisation", "signed_off_at"]),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "reference", "version"], name="assessment_reference_version_unique"
            ),
            models.UniqueConstraint(
                fields=["previous_version"],
                condition=~models.Q(state=State.WITHDRAWN.value),
                name="assessment_one_live_next_version",
                violation_error_message=_("A newer version of this assessment is already being prepared."),
            ),
            models.CheckConstraint(condition=models.Q(state__in=AssessmentState.values), name="assessment_state_valid"),
            models.CheckConstraint(condition=models.Q(outcome__in=Outcome.values), name="assessment_outcome_valid"),
            models.CheckConstraint(
                condition=~models.Q(state__in=[State.SIGNED_OFF.value, State.SCREENED_OUT.value])
                | (models.Q(signed_off_by__isnull=False) & ~models.Q(signed_off_by=models.F("author"))),
                name="assessment_signed_off_by_someone_else",
            ),
            models.CheckConstraint(
                condition=models.Q(version=1) | models.Q(previous_version__isnull=False),
                name="assessment_later_versions_have_a_previous",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} v{self.version}: {self.title}"


class Impact(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")
    UNKNOWN = "unknown", _("Unknown")


class ImpactCell(models.Model):
    """One cell of the matrix: the impact on one protected characteristic under one aim of the general duty."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="impacts")
    characteristic = models.CharField(_("protected characteristic"), max_length=30, choices=Characteristic.choices)
    aim = models.CharField(_("aim of the general duty"), max_length=12, choices=Aim.choices)
    impact = models.CharField(_("impact"), max_length=10, choices=Impact.choices)
    reason = models.TextField(_("reason and evidence"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["assessment", "characteristic", "aim"]
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["impact", "characteristic"])]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["assessment", "characteristic", "aim"], name="impact_cell_unique"),
            models.CheckConstraint(
                condition=~models.Q(characteristic=Characteristic.MARRIAGE.value) | models.Q(aim=Aim.ELIMINATE.value),
                name="impact_marriage_only_under_aim_a",
                violation_error_message=_(
                    "Marriage and civil partnership counts only for eliminating discrimination, harassment and "
                    "victimisation."
                ),
            ),
            models.CheckConstraint(condition=models.Q(impact__in=Impact.values), name="impact_value_valid"),
            models.CheckConstraint(condition=models.Q(aim__in=Aim.values), name="impact_aim_valid"),
            models.CheckConstraint(
                condition=models.Q(characteristic__in=Characteristic.values), name="impact_characteristic_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(impact=Impact.NEGATIVE.value) | ~models.Q(reason=""),
                name="impact_negative_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_characteristic_display()} / {self.get_aim_display()}: {self.get_impact_display()}"


class EvidenceKind(models.TextChoices):
    MONITORING = "monitoring", _("Monitoring data")
    ANALYSIS = "analysis", _("Analysis")
    RESEARCH = "research", _("Research")
    COMPLAINTS = "complaints", _("Complaints")
    CONSULTATION = "consultation", _("Consultation results")
    CENSUS = "census", _("Census and benchmark data")
    OTHER = "other", _("Other")


class EvidenceItem(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence_items")
    kind = models.CharField(_("kind"), max_length=20, choices=EvidenceKind.choices, default=EvidenceKind.OTHER)
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    summary = models.TextField(_("what it shows"), blank=True)
    analysis_reference = models.CharField(_("analysis"), max_length=100, blank=True)  # later: the evidence engine

    class Meta:
        ordering: ClassVar[list[str]] = ["assessment", "id"]

    def __str__(self) -> str:
        return self.title


class EngagementRecord(models.Model):
    """Who was involved or consulted, when, how, what they said and what changed, with the qualities of seed 001
    §5.8: meaningful (timed to feed the decision), representative, effective, suitable."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="engagements")
    aims = models.TextField(_("aims of the engagement"))
    groups = models.TextField(_("who was involved"))
    held_on = models.DateField(_("when"))
    method = models.CharField(_("how"), max_length=250)
    what_they_said = models.TextField(_("what they said"), blank=True)
    what_changed = models.TextField(_("what changed as a result"), blank=True)
    meaningful = models.BooleanField(_("meaningful: timed to feed into the decision"), null=True, blank=True)
    representative = models.BooleanField(_("representative of the groups affected"), null=True, blank=True)
    effective = models.BooleanField(_("effective: made a genuine impact on the policy"), null=True, blank=True)
    suitable = models.BooleanField(_("suitable for the topic and the groups"), null=True, blank=True)
    quality_notes = models.TextField(_("notes on these qualities"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["assessment", "held_on", "id"]

    def __str__(self) -> str:
        return f"{self.held_on}: {self.groups[:60]}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class AssessmentAction(models.Model):
    """An action the assessment commits to. ``tracked_action`` links it to the organisation's action tracker
    (``dueregard.objectives.models.Action``), so it is followed up with all other actions."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("action"))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment_actions",
        verbose_name=_("owner"),
    )
    owner_text = models.CharField(_("owner as written"), max_length=250, blank=True)
    characteristics = models.JSONField(_("protected characteristics"), default=list, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    tracked_action = models.ForeignKey(
        "objectives.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment_links",
        verbose_name=_("action in the action tracker"),
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["assessment", "due_date", "id"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(status__in=ActionStatus.values), name="assessment_action_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:100]
