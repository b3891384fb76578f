from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _


class Objective(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="objectives")
    reference = models.CharField(_("reference"), max_length=20)
    business_area = models.CharField(_("business area"), max_length=200, blank=True)
    statement = models.TextField(_("objective"))
    unit = models.ForeignKey(
        "organisations.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("owning unit"),
    )
    is_published = models.BooleanField(_("published"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering: ClassVar[list[str]] = ["position", "reference"]
        verbose_name = _("equality objective")
        verbose_name_plural = _("equality objectives")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="objective_reference_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}. {self.statement[:80]}"
