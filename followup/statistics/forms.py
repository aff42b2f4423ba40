"""Forms of the secretariat's statistics workspace: the file to import, how its columns are
read, and the indicators.

The mapping form only says which column holds what; whether the mapping makes sense (a
country column, one indicator source, a value column unless years are columns) is judged by
services.check_mapping, whose messages the view puts beside the fields, so the rule lives in
one place for the page and the command.
"""

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from followup.statistics.models import Indicator
from followup.statistics.services import ColumnMapping

NO_COLUMN = ""

# Fields of ColumnMapping chosen among the file's columns, in the order the page shows them.
COLUMN_FIELDS = ("area", "year", "value", "indicator", "breakdown", "note", "source")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV file or an Excel workbook (XLSX); its first row names the columns."),
        error_messages={
            "required": _("Choose the file to import."),
            "empty": _("The file is empty."),
        },
    )


def _column_field(label: Any, help_text: Any = "", empty_label: Any = "—") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        help_text=help_text,
        choices=[(NO_COLUMN, empty_label)],
        error_messages={"invalid_choice": _("The file has no column “%(value)s”.")},
    )


class MappingForm(forms.Form):
    """Which column of the file holds what, and the choices for the whole file."""

    area = _column_field(
        _("Country or region"),
        _("Codes such as MEX or CAN (ISO 3166-1 alpha-3), or a region: XAM, XLC, XWD."),
    )
    year = _column_field(
        _("Year"),
        _(
            "Without a year column, every column headed by a year (2015, 2020…) holds that "
            "year's values: one row per country, years across."
        ),
        empty_label=_("No year column: years are columns (wide layout)"),
    )
    value = _column_field(_("Value"), _("None when years are columns."))
    indicator = _column_field(
        _("Indicator code"), _("The column that names each row's indicator by its code.")
    )
    indicator_code = forms.ModelChoiceField(
        label=_("Or one indicator for the whole file"),
        queryset=Indicator.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("None: the file has an indicator column"),
        error_messages={"invalid_choice": _("There is no indicator with this code.")},
    )
    breakdown = _column_field(
        _("Breakdown"),
        _("Optional: such as “sex:female” or “age:15-24”; empty cells are the total."),
    )
    note = _column_field(_("Note"), _("Optional."))
    source = _column_field(_("Source"), _("Optional: the source of each row's figure."))
    default_source = forms.CharField(
        label=_("Source for rows without one"),
        max_length=300,
        required=False,
        help_text=_("Empty: the indicator's source."),
    )
    decimal_comma = forms.BooleanField(
        label=_("Values are written with a decimal comma (1.234,5 rather than 1,234.5)"),
        required=False,
    )
    # Shown only beside a preview that found errors, with their number (offer_valid_rows_only).
    valid_rows_only = forms.BooleanField(label=_("Import only the valid rows"), required=False)

    def __init__(self, *args: Any, columns: Sequence[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in COLUMN_FIELDS:
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            empty = cast(list[tuple[str, Any]], field.choices)
            field.choices = [*empty, *((column, column) for column in columns)]

    @staticmethod
    def initial_for(mapping: Mapping[str, Any]) -> dict[str, Any]:
        """The form's initial values from a batch's saved mapping (upload_file's guess, or
        what was last previewed)."""
        return dataclasses.asdict(ColumnMapping.from_json(mapping))

    def offer_valid_rows_only(self, rows_with_errors: int) -> None:
        label = ngettext(
            "Import only the valid rows (%(count)s row with errors is left out)",
            "Import only the valid rows (%(count)s rows with errors are left out)",
            rows_with_errors,
        ) % {"count": rows_with_errors}
        # Validation made the bound field, which copied the label: change both.
        self.fields["valid_rows_only"].label = self["valid_rows_only"].label = label

    def mapping(self) -> ColumnMapping:
        data = self.cleaned_data
        indicator = data["indicator_code"]
        return ColumnMapping(
            **{name: data[name] for name in COLUMN_FIELDS},
            indicator_code=indicator.code if indicator is not None else "",
            default_source=data["default_source"],
            decimal_comma=data["decimal_comma"],
        )

    def mapping_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name != "valid_rows_only"]


class CodeField(forms.CharField):
    """Codes are capitals: `mig_stock` is taken as MIG_STOCK rather than refused."""

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).upper()


class IndicatorForm(forms.ModelForm):
    source_url = forms.URLField(
        label=_("Source link"),
        max_length=200,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Write the full web address, such as https://www.iom.int/data.")
        },
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name_en",
            "name_es",
            "unit",
            "decimals",
            "aggregation",
            "definition_en",
            "definition_es",
            "source",
            "source_url",
            "illustrative",
        ]
        field_classes = {"code": CodeField}
        widgets = {
            "definition_en": forms.Textarea(attrs={"rows": 4}),
            "definition_es": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "code": {
                "required": _("Give the indicator a code, such as MIG_STOCK."),
                "unique": _("Another indicator has this code."),
            },
            "name_en": {"required": _("Give the indicator's name in English.")},
            "unit": {"required": _("Choose the unit of the figures.")},
            "decimals": {"max_value": _("Show at most 6 decimals.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Files and the API name figures by their indicator's code: once figures are filed
        # under it, a new code would break every link and the next import of the same file.
        if self.instance.pk is not None and self.instance.observations.exists():
            code = self.fields["code"]
            code.disabled = True
            code.help_text = _(
                "The code cannot change: figures are filed under it. To rename the "
                "indicator, change its names."
            )
