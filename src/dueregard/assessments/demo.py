"""Demo content: a functions register and impact assessments in every state, built through the services (so the
audit log fills in too). Called by ``dueregard.demo.build`` after each organisation is built."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from dueregard.assessments import services
from dueregard.assessments.models import Assessment
from dueregard.assessments.rules import MATRIX
from dueregard.organisations.models import Membership, Organisation, Unit

# Functions of the demo department: the Cabinet Office's own work (seed 002) and the aims of seed 001 §1.2–1.3.
DEPARTMENT_FUNCTIONS: list[dict[str, Any]] = [
    {
        "name": "Recruitment and selection",
        "unit": "Human Resources",
        "affects_public": True,
        "affects_staff": True,
        "review_cycle_years": 1,
        "relevance": {
            "race": ("high", "Minority ethnic staff are under-represented at senior grades."),
            "disability": ("high", "Selection tests must allow reasonable adjustments."),
            "sex": ("medium", "Women are under-represented in the senior civil service."),
            "age": ("low", "Apprenticeships are aimed at younger applicants."),
        },
    },
    {
        "name": "Flexible working and leave",
        "unit": "Human Resources",
        "affects_public": False,
        "affects_staff": True,
        "relevance": {
            "sex": ("high", "Most requests for part-time working come from women."),
            "pregnancy_maternity": ("high", "Return from maternity leave."),
            "disability": ("medium", "Flexible hours as a reasonable adjustment."),
        },
    },
    {
        "name": "Grants to the third sector",
        "unit": "Business Support",
        "relevance": {
            "race": ("high", "Black and minority ethnic organisations receive a smaller share of grants."),
            "religion_belief": ("medium", "Faith groups are among the applicants."),
        },
    },
    {
        "name": "Public consultations",
        "unit": "Digital engagement",
        "relevance": {
            "disability": ("high", "Consultation documents must be accessible."),
            "age": ("medium", "Older people are less likely to answer online."),
        },
    },
    {
        "name": "Government websites and digital services",
        "unit": "Digital engagement",
        "review_cycle_years": 1,
        "relevance": {
            "disability": ("high", "Accessibility of web pages and documents."),
            "age": ("high", "Digital exclusion of older people."),
        },
    },
    {
        "name": "Accommodation and estates",
        "unit": "Finance and Estates",
        "affects_staff": True,
        "relevance": {"disability": ("high", "Physical access to 70 Whitehall and other buildings.")},
    },
    {
        "name": "Honours nominations",
        "unit": "Honours and Appointments Secretariat",
        "relevance": {
            "sex": ("medium", "Women receive fewer honours."),
            "race": ("medium", "Minority ethnic nominees are under-represented."),
            "disability": ("medium", "Disabled nominees are under-represented."),
        },
    },
    {
        "name": "Civil contingencies planning",
        "unit": "Civil Contingencies Secretariat",
        "relevance": {
            "disability": ("medium", "Evacuation and warning arrangements for disabled people."),
            "age": ("medium", "Older people in emergencies."),
        },
    },
    {
        "name": "Internal audit of financial controls",
        "unit": "Internal Audit Service",
        "affects_public": False,
        "is_relevant": False,
        "exclusion_reason": "Checks financial records only; it neither involves nor affects the public or staff.",
    },
]

COUNCIL_FUNCTIONS: list[dict[str, Any]] = [
    {
        "name": "Adult social care assessments",
        "unit": "Adult Services",
        "review_cycle_years": 1,
        "relevance": {
            "age": ("high", "Most people assessed are over 65."),
            "disability": ("high", "Eligibility depends on needs arising from disability."),
        },
    },
    {
        "name": "Children's services: fostering",
        "unit": "Children's Services",
        "relevance": {"race": ("medium", "Matching children with foster carers.")},
    },
]


def _person(organisation: Organisation, role: str) -> Any:
    membership = Membership.objects.filter(organisation=organisation, role=role).select_related("user").first()
    return membership.user if membership else None


def _build_functions(*, lead: Any, organisation: Organisation, specs: list[dict[str, Any]]) -> dict[str, Any]:
    units = {unit.name: unit for unit in Unit.objects.filter(organisation=organisation)}
    functions = {}
    for spec in specs:
        fields = dict(spec)
        unit = units.get(fields.pop("unit", ""))
        functions[spec["name"]] = services.function_create(actor=lead, organisation=organisation, unit=unit, **fields)
    return functions


class _Walker:
    """Moves demo assessments along their life with the people of the organisation."""

    def __init__(self, *, organisation: Organisation, author: Any, approver: Any, lead: Any) -> None:
        self.organisation, self.author, self.approver, self.lead = organisation, author, approver, lead
        self.today = timezone.localdate()

    def start(self, title: str, **fields: Any) -> Assessment:
        return services.assessment_start(actor=self.author, organisation=self.organisation, title=title, **fields)

    def update(self, assessment: Assessment, **changes: Any) -> Assessment:
        assessment.refresh_from_db()
        return services.assessment_update(
            actor=self.author, assessment=assessment, expected_lock_version=assessment.lock_version, **changes
        )

    def move(self, assessment: Assessment, to: str, actor: Any = None) -> Assessment:
        assessment.refresh_from_db()
        return services.assessment_transition(actor=actor or self.author, assessment=assessment, to=to)

    def to_full(self, assessment: Assessment, reasons: str) -> Assessment:
        self.update(
            assessment,
            screening_eliminate="Could affect how fairly people are treated.",
            screening_advance="Could widen or narrow gaps in access.",
            screening_foster="Little bearing on relations between groups.",
            screening_reasons=reasons,
        )
        return self.move(assessment, "full_assessment")

    def matrix(self, assessment: Assessment, negative: dict[tuple[str, str], str] | None = None) -> None:
        negative = negative or {}
        for characteristic, aim in MATRIX:
            reason = negative.get((characteristic, aim), "")
            services.impact_cell_set(
                actor=self.author,
                assessment=assessment,
                characteristic=characteristic,
                aim=aim,
                impact="negative" if reason else "neutral",
                reason=reason,
            )

    def engage(self, assessment: Assessment, groups: str) -> None:
        services.evidence_item_add(
            actor=self.author,
            assessment=assessment,
            kind="monitoring",
            title="Staff and customer monitoring data, last three years",
            summary="Take-up by ethnic group, sex, disability and age.",
        )
        self.move(assessment, "engagement")
        services.engagement_record_add(
            actor=self.author,
            assessment=assessment,
            aims="Test the proposal with the people it affects before the decision.",
            groups=groups,
            held_on=self.today,
            method="Workshop and online survey",
            what_they_said="Asked for the change to be phased in and explained in accessible formats.",
            what_changed="Phased introduction; easy-read and large-print versions.",
            meaningful=True,
            representative=True,
            effective=True,
            suitable=True,
        )

    def to_decision(self, assessment: Assessment, *, negative: dict[tuple[str, str], str] | None = None) -> Assessment:
        self.to_full(assessment, "It affects the public and staff with protected characteristics.")
        self.matrix(assessment, negative)
        self.engage(assessment, "Staff networks, trades unions and disability organisations")
        return self.move(assessment, "decision")

    def to_awaiting(self, assessment: Assessment) -> Assessment:
        self.to_decision(assessment)
        self.update(
            assessment,
            outcome="adjust",
            outcome_details="Phased introduction and accessible formats, after the engagement.",
            review_date=self.today + dt.timedelta(days=365),
            decision_maker=self.approver,
        )
        return self.move(assessment, "awaiting_sign_off")

    def to_signed_off(self, assessment: Assessment) -> Assessment:
        self.to_awaiting(assessment)
        services.assessment_decision_confirm(
            actor=self.approver,
            assessment=assessment,
            decision_date=self.today,
            decision_paper_url="https://example.org/board-papers/decision",
        )
        return self.move(assessment, "signed_off", self.approver)

    def to_published(self, assessment: Assessment) -> Assessment:
        self.to_signed_off(assessment)
        return self.move(assessment, "published", self.lead)


def _build_assessments(*, organisation: Organisation, functions: dict[str, Any], walker: _Walker) -> None:
    w = walker
    units = {unit.name: unit for unit in Unit.objects.filter(organisation=organisation)}
    w.start("Hybrid meeting rooms", function=functions["Accommodation and estates"], unit=units["Finance and Estates"])
    screened = w.start("Change of stationery supplier", unit=units["Business Support"])
    w.update(
        screened,
        screening_decision="not_needed",
        screening_reasons="A like-for-like supplier change with no effect on the public or on staff.",
        review_date=w.today + dt.timedelta(days=3 * 365),
    )
    w.move(screened, "screened_out", w.approver)
    w.to_full(
        w.start("Web accessibility standards", function=functions["Government websites and digital services"]),
        "Disabled and older people rely on accessible pages.",
    )
    engaging = w.start("Third sector grants 2027", function=functions["Grants to the third sector"])
    w.to_full(engaging, "Grants reach communities unequally.")
    w.matrix(engaging)
    w.engage(engaging, "Black and minority ethnic groups, faith groups, young people's organisations")
    deciding = w.start("Office relocation", function=functions["Accommodation and estates"], subject_kind="project")
    w.to_decision(
        deciding,
        negative={("disability", "advance"): "The new building has step-free access to only two floors."},
    )
    w.update(
        deciding,
        adverse_duty_met="Yes, if the adjustments below are made.",
        adverse_alternatives="Staying in the current building: the lease ends and costs rise.",
        adverse_unavoidable=False,
        adverse_mitigation="Lifts to every floor before the move; teams with disabled staff on step-free floors.",
        second_consultation_needed=True,
        second_consultation_reasons="Daily journeys change for every member of staff; the floor plan changed a lot.",
    )
    w.to_awaiting(w.start("Online recruitment tests", function=functions["Recruitment and selection"]))
    flexible = w.to_signed_off(w.start("Flexible working policy", function=functions["Flexible working and leave"]))
    w.to_published(w.start("Honours nominations process", function=functions["Honours nominations"]))
    review = w.to_published(w.start("Code of practice on consultation", function=functions["Public consultations"]))
    w.move(review, "review_due", w.lead)
    contingencies = w.to_published(
        w.start("Emergency warning arrangements", function=functions["Civil contingencies planning"])
    )
    services.assessment_new_version(actor=w.author, assessment=contingencies)  # under review
    refurbishment = w.to_published(
        w.start("Refurbishment of 70 Whitehall", function=functions["Accommodation and estates"])
    )
    second = services.assessment_new_version(actor=w.author, assessment=refurbishment)
    w.to_signed_off(second)  # the first version is now superseded
    w.move(second, "published", w.lead)
    w.move(w.start("Car parking charges"), "withdrawn")
    services.assessment_start(
        actor=w.author,
        organisation=organisation,
        title="Flexible working in Human Resources",
        unit=units["Human Resources"],
        from_parent=flexible,
    )


def build_assessments_demo(*, organisation: Organisation) -> None:
    """The register and assessments for the demo organisations (nothing for others)."""
    lead = _person(organisation, "equality_lead")
    if lead is None:
        return
    if organisation.slug == "demo":
        functions = _build_functions(lead=lead, organisation=organisation, specs=DEPARTMENT_FUNCTIONS)
        author, approver = _person(organisation, "contributor"), _person(organisation, "approver")
        if author is not None and approver is not None:
            walker = _Walker(organisation=organisation, author=author, approver=approver, lead=lead)
            _build_assessments(organisation=organisation, functions=functions, walker=walker)
    elif organisation.slug == "cyngor-enghreifftiol":
        functions = _build_functions(lead=lead, organisation=organisation, specs=COUNCIL_FUNCTIONS)
        services.assessment_start(
            actor=lead,
            organisation=organisation,
            title="Charging for home care",
            subject_kind="budget_saving",
            function=functions["Adult social care assessments"],
        )
