"""A public body, the tree of its constituent parts, and who holds which role in it."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dueregard.organisations.roles import Role


class Jurisdiction(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    CROSS_BORDER = "cross_border", _("Cross-border (Great Britain)")


class Sector(models.TextChoices):
    CENTRAL_GOVERNMENT = "central_government", _("Central government department or agency")
    LOCAL_GOVERNMENT = "local_government", _("Local authority")
    HEALTH = "health", _("NHS body")
    POLICE = "police", _("Police and criminal justice")
    EDUCATION = "education", _("Education")
    FIRE = "fire", _("Fire and rescue")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other public body")


class QuarterConvention(models.TextChoices):
    FINANCIAL = "financial", _("Financial year quarters (April to June is the first quarter)")
    CALENDAR = "calendar", _("Calendar quarters (January to March is the first quarter)")


class YearRangeConvention(models.TextChoices):
    CALENDAR = "calendar", _("Calendar years (2007-08 means January 2007 to December 2008)")
    FINANCIAL = "financial", _("Financial years (2007-08 means April 2007 to March 2008)")


class Organisation(models.Model):
    slug = models.SlugField(_("short name in web addresses"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=20, choices=Jurisdiction.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    headcount = models.PositiveIntegerField(_("number of employees"), null=True, blank=True)
    brand_colour = models.CharField(_("brand colour"), max_length=7, default="#1d70b8")
    quarter_convention = models.CharField(
        _("how to read 'first quarter'"),
        max_length=10,
        choices=QuarterConvention.choices,
        default=QuarterConvention.FINANCIAL,
    )
    year_range_convention = models.CharField(
        _("how to read a range of years like '2007-08'"),
        max_length=10,
        choices=YearRangeConvention.choices,
        default=YearRangeConvention.CALENDAR,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(jurisdiction__in=Jurisdiction.values),
                name="organisation_jurisdiction_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    GROUP = "group", _("Group or directorate")
    UNIT = "unit", _("Unit or team")
    AGENCY = "agency", _("Agency or constituent body")
    OTHER = "other", _("Other")


class Unit(models.Model):
    """A constituent part of an organisation. Units form a tree (parent is null at the top).

    ``has_associate_scheme`` marks the parts that keep their own scheme under the organisation's overarching one
    (seed 001 §3.2–3.4: "individual associate Schemes for each of the constituent parts").
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="units")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices, default=UnitKind.UNIT)
    has_associate_scheme = models.BooleanField(_("has its own associate scheme"), default=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                fields=["organisation", "parent", "name"],
                name="unit_name_unique_in_parent",
                violation_error_message=_("There is already a unit with this name in the same place."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "name"],
                condition=models.Q(parent__isnull=True),
                name="top_level_unit_name_unique",
                violation_error_message=_("There is already a unit with this name in the same place."),
            ),
            models.CheckConstraint(condition=~models.Q(parent=models.F("id")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """One role that one person holds in one organisation. A person may hold several roles."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.SET_NULL, null=True, blank=True, related_name="members", verbose_name=_("unit")
    )

    class Meta:
        ordering: ClassVar[list[str]] = ["user__full_name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["organisation", "user", "role"], name="membership_unique_role"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"
