"""What an entry of a report is: work carried out, planned work, a best practice, a proposal,
a recommendation or a finding.

Reports say it in their headings ("2. Activities carried out", "3. Activities being planned",
"III. Best practices", "Recomendaciones"), so the nearest heading that names a kind decides.
Under a heading that names none, the entry's first sentence does: future tense or a plan
("will", "plans to", "se realizará", "prevé") is planned work, advice ("recommends", "should",
"se recomienda") a recommendation; anything else reports work done, the commonest case.
"""

import re
import unicodedata

KINDS = ("carried_out", "planned", "finding", "best_practice", "proposal", "recommendation")
DEFAULT_KIND = "carried_out"

# Checked in this order: "Recommendations on best practices" is a list of recommendations.
_HEADING_KINDS = (
    ("proposal", r"\b(?:proposals?|propuestas?)\b"),
    ("recommendation", r"\b(?:recommendations?|recomendacion(?:es)?)\b"),
    (
        "best_practice",
        r"\b(?:best|good|promising)\s+practices?\b|"
        r"\b(?:buenas|mejores)\s+practicas\b|\bpracticas\s+(?:exitosas|prometedoras)\b",
    ),
    ("finding", r"\b(?:findings?|conclusions?|conclusiones|hallazgos?)\b"),
)
_PLANNED_HEADING = re.compile(
    r"\b(?:planned|planning|scheduled|upcoming|future\s+activities|to\s+be\s+carried\s+out|"
    r"previstas?|planificadas?|programadas?|planeadas?|futuras?|(?:por|a)\s+(?:realizar|"
    r"desarrollar|ejecutar|llevar\s+a\s+cabo)|proximas)\b"
)
_DONE_HEADING = re.compile(
    r"\b(?:(?<!to be )carried\s+out|implemented|conducted|completed|undertaken|performed|"
    r"accomplished|realizadas?|ejecutadas?|desarrolladas?|llevadas\s+a\s+cabo|implementadas?|cumplidas?)\b"
)
_RECOMMENDS = {
    "en": re.compile(
        r"\b(?:recommends?|it\s+is\s+recommended|should(?!\s+be\s+(?:noted|mentioned|stressed|"
        r"recalled|pointed\s+out|borne\s+in\s+mind))|urges?|calls\s+(?:on|upon))\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:recomienda[n]?|se\s+recomienda|recomendamos|deber[ií]a[n]?|insta[n]?|"
        r"exhorta[n]?|se\s+sugiere|sugiere[n]?)\b",
        re.IGNORECASE,
    ),
}
_PLANS = {
    "en": re.compile(
        r"\b(?:(?<!political\s)(?<!good\s)(?<!the\s)(?<!free\s)will(?!\s+of\b)|plans?\s+to|"
        r"planning\s+to|(?:is|are)\s+planning|intends?\s+to|(?:is|are)\s+expected\s+to|"
        r"(?:is|are)\s+scheduled|scheduled\s+for|to\s+be\s+held|upcoming|"
        r"in\s+the\s+coming\s+(?:months|weeks|years)|(?:it\s+)?is\s+planned|are\s+planned)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(?:se\s+realizar[aá]n?|se\s+llevar[aá]n?\s+a\s+cabo|prev[eé]n?|tiene[n]?\s+previsto|"
        r"est[aá]n?\s+previst[oa]s?|planea[n]?|planifica[n]?|se\s+espera|pr[oó]xim[oa]s?|"
        r"ser[aá]n?|habr[aá]|har[aá]n?|podr[aá]n?|tendr[aá]n?|dar[aá]n?|estar[aá]n?|"
        r"va[n]?\s+a|\w{2,}(?:ar|er|ir)án?)\b",
        re.IGNORECASE,
    ),
}
_FIRST_SENTENCE = re.compile(r"(?<=[^A-Z.][.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡])")


def entry_kind(text: str, context: list[str], language: str) -> str:
    """The kind of the entry `text`, given the headings above it, nearest last."""
    for heading in reversed(context):
        kind = heading_kind(heading)
        if kind:
            return kind
    return _kind_from_text(text, language)


def heading_kind(heading: str) -> str | None:
    """The kind a heading names, or None ("C. Pan American Health Organization", or a
    heading naming both work done and planned)."""
    plain = _plain(heading)
    for kind, pattern in _HEADING_KINDS:
        if re.search(pattern, plain):
            return kind
    planned, done = _PLANNED_HEADING.search(plain), _DONE_HEADING.search(plain)
    if planned and not done:
        return "planned"
    if done and not planned:
        return "carried_out"
    return None


def _kind_from_text(text: str, language: str) -> str:
    first = _FIRST_SENTENCE.split(text.strip(), maxsplit=1)[0]
    languages = [language] if language in ("en", "es") else ["en", "es"]
    if any(_RECOMMENDS[lang].search(first) for lang in languages):
        return "recommendation"
    if any(_PLANS[lang].search(first) for lang in languages):
        return "planned"
    return DEFAULT_KIND


def _plain(text: str) -> str:
    """Lower case without accents, so "PRÁCTICAS" and "practicas" read alike."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
