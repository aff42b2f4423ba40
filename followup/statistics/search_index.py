"""Statistical indicators in the search index: public, bilingual, leading to the indicator's
page. The figures themselves are not indexed: a million numbers are found through their
indicator, not by full text."""

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from followup.i18n import CONTENT_LANGUAGES
from followup.search.sources import Document, Source, register
from followup.statistics.models import Indicator


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.all()


def _title(name: str, indicator: Indicator, language: str) -> str:
    if not indicator.illustrative:
        return f"{name} ({indicator.code})"
    # A search hit shows no more than its title: generated figures must not pass for real ones.
    with translation.override(language):
        return gettext("%(name)s (%(code)s, illustrative)") % {
            "name": name,
            "code": indicator.code,
        }


def indicator_document(indicator: Indicator) -> Document:
    titles: dict[str, str] = {}
    texts: list[tuple[str, str]] = []
    for language in CONTENT_LANGUAGES:
        name = getattr(indicator, f"name_{language}")
        definition = getattr(indicator, f"definition_{language}")
        if name:
            titles[language] = _title(name, indicator, language)
        # The code and the source are the same in both languages: said once, in English.
        extra = (indicator.code, indicator.source) if language == "en" else ()
        text = "\n".join(part for part in (definition, *extra) if part)
        if text:
            texts.append((language, text))
    return Document(
        titles=titles,
        texts=texts,
        public=True,
        route=("statistics:indicator", [indicator.code]),
    )


register(
    Source(
        kind="indicator",
        model=Indicator,
        label=_("Statistical indicator"),
        queryset=indicators,
        document=indicator_document,
    )
)
