from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.program.models import Mandate
from followup.program.symbols import MandateSymbol, SymbolError, parse_symbol


class SymbolField(forms.CharField):
    """A mandate symbol in any accepted variant, cleaned to its parsed form."""

    def clean(self, value: Any) -> MandateSymbol | None:
        text = super().clean(value)  # required and length are checked on the typed text
        if not text:
            return None
        try:
            return parse_symbol(text)
        except SymbolError as error:
            raise forms.ValidationError(str(error), code="invalid_symbol") from None


class MandateLookupForm(forms.Form):
    symbol = SymbolField(
        label=_("Mandate symbol"),
        max_length=80,
        help_text=_("Any usual spelling, such as AG/RES. 2816 (XLIV-OR/14)."),
    )


class MandateAdminForm(forms.ModelForm):
    """The admin's mandate form: the symbol is typed freely and stored in canonical form."""

    symbol = SymbolField(label=_("Symbol"), max_length=80)

    class Meta:
        model = Mandate
        fields = [
            "symbol",
            "adopted_on",
            "title_en",
            "title_es",
            "summary_en",
            "summary_es",
        ]

    def clean_symbol(self) -> str:
        parsed: MandateSymbol = self.cleaned_data["symbol"]
        self.instance.set_symbol(parsed.canonical)
        return parsed.canonical
