"""Turn a bound Django form field into the parameters of the matching GOV.UK Frontend macro.

Views and forms stay plain Django; templates call ``{{ form_field(form["name"]) }}`` (web/macros/forms.html),
which uses these functions to choose govukInput, govukTextarea, govukSelect, govukRadios or govukCheckboxes.
"""

from __future__ import annotations

from typing import Any

from django import forms


def _widget_kind(field: forms.BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


def _input_type(field: forms.BoundField) -> str:
    widget = field.field.widget
    return getattr(widget, "input_type", "text") or "text"


def _selected_values(field: forms.BoundField) -> set[str]:
    value = field.value()
    if value is None:
        return set()
    if isinstance(value, list | tuple | set):
        return {str(item) for item in value}
    return {str(value)}


def field_params(field: forms.BoundField, **extra: Any) -> dict[str, Any]:
    """Parameters for the GOV.UK macro of this field, with ``kind`` naming the macro to call."""
    kind = _widget_kind(field)
    errors = list(field.errors)
    params: dict[str, Any] = {
        "kind": kind,
        "id": field.id_for_label or field.auto_id,
        "name": field.html_name,
        "hint": {"text": str(field.help_text)} if field.help_text else None,
        "errorMessage": {"text": " ".join(str(e) for e in errors)} if errors else None,
    }
    label = str(field.label)
    required = field.field.required
    if kind in {"radios", "checkboxes"}:
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {"text": label, "classes": "govuk-fieldset__legend--s"}}
        selected = _selected_values(field)
        params["items"] = [
            {"value": str(value), "text": str(text), "checked": str(value) in selected}
            for value, text in field.field.choices  # type: ignore[attr-defined]
            if str(value) != ""
        ]
    elif kind == "checkbox":
        params["kind"] = "checkboxes"
        params["idPrefix"] = params.pop("id")
        params["items"] = [{"value": "on", "text": label, "checked": bool(field.value())}]
        params["hint"] = None
        if field.help_text:
            params["items"][0]["hint"] = {"text": str(field.help_text)}
    else:
        params["label"] = {"text": label, "classes": "govuk-label--s"}
        if kind == "select":
            selected = _selected_values(field)
            params["items"] = [
                {"value": str(value), "text": str(text), "selected": str(value) in selected}
                for value, text in field.field.choices  # type: ignore[attr-defined]
            ]
        else:
            value = field.value()
            params["value"] = "" if value is None else str(value)
            if kind == "input":
                params["type"] = _input_type(field)
                if params["type"] == "email":
                    params["autocomplete"] = "email"
                    params["spellcheck"] = False
    attributes = dict(getattr(field.field.widget, "attrs", {}))
    attributes.pop("class", None)
    attributes.pop("maxlength", None)
    autocomplete = attributes.pop("autocomplete", None)
    if autocomplete and kind == "input":
        params["autocomplete"] = autocomplete
    if required and kind in {"input", "textarea", "select"}:
        attributes["required"] = True
        attributes["aria-required"] = "true"
    params["attributes"] = {k: v for k, v in attributes.items() if v not in (None, False)}
    params.update(extra)
    return params


def error_summary_params(form: forms.BaseForm, title: str) -> dict[str, Any] | None:
    """The GOV.UK error summary for a form, each error linking to its field; None when the form is valid."""
    if not form.is_bound or not form.errors:
        return None
    items: list[dict[str, str]] = []
    for name, errors in form.errors.items():
        for error in errors:
            if name == "__all__":
                items.append({"text": str(error)})
            else:
                bound = form[name]
                widget_kind = _widget_kind(bound)
                anchor = bound.auto_id if widget_kind not in {"radios", "checkboxes"} else f"{bound.auto_id}"
                items.append({"text": str(error), "href": f"#{anchor}"})
    return {"titleText": title, "errorList": items}
