"""Forms of the plan import pages: the upload, the column mapping and the confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dueregard.objectives.importing.reading import ACCEPTED, MAX_FILE_BYTES

FIELD_LABELS = {
    "reference": _("Reference (objective number)"),
    "business_area": _("Business area"),
    "objective": _("Objective, function / policy or issue"),
    "desired_outcome": _("Desired outcome"),
    "actions": _("Actions"),
    "timescale": _("Timescale or milestone"),
    "update": _("Update or status"),
    "owner": _("Owner"),
    "recommendation": _("Linked recommendation"),
    "measures": _("Measures of achievement"),
    "ignore": _("Do not import"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your plan"),
        help_text=_(
            "A CSV, Excel (XLSX), OpenDocument (ODS) or Word (DOCX) file with the plan in a table, up to 10 MB."
        ),
        error_messages={"required": _("Choose the file with your plan")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not any(name.endswith(suffix) for suffix in ACCEPTED):
            raise forms.ValidationError(_("The file must be a CSV, XLSX, ODS or DOCX file"))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file must be smaller than 10 MB"))
        return upload


class MappingForm(forms.Form):
    def __init__(
        self, *args: Any, headers: list[str], mapping: list[str], samples: list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        samples = samples or []
        for index, header in enumerate(headers):
            sample = samples[index] if index < len(samples) else ""
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=_("Column %(number)s: %(header)s") % {"number": index + 1, "header": header or _("(no heading)")},
                choices=list(FIELD_LABELS.items()),
                initial=mapping[index] if index < len(mapping) else "ignore",
                help_text=_("First entry: %(sample)s") % {"sample": sample} if sample else "",
            )

    def mapping(self) -> list[str]:
        return [self.cleaned_data[f"column_{index}"] for index in range(len(self.fields))]


class ConfirmForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the new plan"),
        max_length=250,
        error_messages={"required": _("Enter a title for the plan")},
    )
    only_valid_rows = forms.BooleanField(
        label=_("Import only the rows without errors, and leave out the others"), required=False
    )
