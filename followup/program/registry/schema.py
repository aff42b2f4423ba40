"""The shape of the registry data shipped with the project.

The data modules beside this file hold plain literals of these types; `services.load_program`
turns them into rows. Keys (`slug`, `symbol`, `code`) are the natural keys the loader matches
on, so they must never change once shipped.
"""

from typing import Literal, NotRequired, TypedDict

# Actor categories as the 2016 Program names them (sections A to E of its actors' part).
Category = Literal[
    "oas_organ", "specialized_organization", "member_state", "multilateral_organization", "other"
]


class VocabularyTerm(TypedDict):
    slug: str
    label_en: str
    label_es: str
    description_en: NotRequired[str]
    description_es: NotRequired[str]


class ActorData(TypedDict):
    slug: str
    category: Category
    name_en: str
    name_es: str
    acronym_en: NotRequired[str]
    acronym_es: NotRequired[str]
    parent: NotRequired[str]  # slug of the unit it belongs to
    country: NotRequired[str]  # ISO 3166-1 alpha-3, member states only
    description_en: NotRequired[str]
    description_es: NotRequired[str]
    website: NotRequired[str]


class ParagraphData(TypedDict):
    number: str  # as numbered in the instrument: "18", "2.a"
    text_en: str
    text_es: str


class MandateData(TypedDict):
    symbol: str  # any variant the symbol parser accepts; stored in canonical form
    title_en: str
    title_es: str
    adopted_on: NotRequired[str]  # ISO date, "YYYY-MM-DD"
    summary_en: NotRequired[str]
    summary_es: NotRequired[str]
    paragraphs: NotRequired[list[ParagraphData]]


class ObjectiveData(TypedDict):
    kind: Literal["general", "specific"]
    label: str  # "", "a", "b"...
    text_en: str
    text_es: str


class ActivityData(TypedDict):
    code: str  # unique and stable: "2016-iachr-c"
    label: str  # "a", "b"... as lettered in the Program; "" for a category-wide line
    actor: NotRequired[str]  # actor slug, for activities assigned to one actor
    category: NotRequired[Category]  # for lines addressed to a whole category of actors
    text_en: str
    text_es: str
    note_en: NotRequired[str]
    note_es: NotRequired[str]
    mandates: list[str]  # symbols
    themes: list[str]  # theme slugs
    groups: list[str]  # population group slugs


class VersionData(TypedDict):
    slug: str  # "2005", "2016"
    title_en: str
    title_es: str
    adopted_by: str  # mandate symbol
    adopted_on: str  # ISO date
    is_current: bool
    summary_en: str
    summary_es: str
    structure_en: str  # how the version organises actors, activities and follow-up
    structure_es: str
    actors: list[str]  # slugs of the actors this version names
    objectives: list[ObjectiveData]
    activities: list[ActivityData]
