"""Two steps every workspace view takes with a form: binding it to a POST, and putting a
service's refusal beside the fields it names, so the user keeps what they entered."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def posted(request: HttpRequest) -> Any:
    """The posted data (empty on a POST without fields, so the form is bound), else None."""
    return request.POST if request.method == "POST" else None


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError beside the fields it names, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)
