"""Registry data shipped with the project: vocabularies, actors, mandates and Program versions.

Plain literals typed with the TypedDicts of `schema`; importing this package needs no Django.
"""

from .actors import ACTORS
from .mandates import MANDATES
from .states import MEMBER_STATES
from .versions import VERSIONS
from .vocabularies import POPULATION_GROUPS, THEMES

__all__ = ["ACTORS", "MANDATES", "MEMBER_STATES", "POPULATION_GROUPS", "THEMES", "VERSIONS"]
