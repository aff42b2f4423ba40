from django import forms
from django.utils.translation import gettext_lazy as _


class IntroductionForm(forms.Form):
    text_en = forms.CharField(
        label=_("Introduction (English)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    text_es = forms.CharField(
        label=_("Introduction (Spanish)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
