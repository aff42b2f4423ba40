"""Every write on recommendations and their follow-up: one function per use case, called by
pages, the API, the importer, the meetings app and the demo loader.

Each function checks the permission it needs, validates, and saves through `Model.save()`
(never a queryset update, so the search index and the history see every change) with the
history attributed to `by`. A follow-up's `revision` grows by one on every save, and one
service call leaves exactly one row in its history (and one per link or document it adds or
removes in theirs). A write on a follow-up re-reads it, locked, and checks its rules on that
fresh row rather than on the copy it was given; it returns what it saved.

Refusals come two ways: `ValidationError` (a field names the value that is wrong: a level of
another scale, an entry of another actor's report) and `RecommendationError` for the rules of
the review (submit without a status, return without a comment, stale revision).

By topic: `common` (the errors, the permission check, saves with history and revision),
`records` (sources and recommendations), `follow_ups` (opening and writing a follow-up, its
documents), `review` (submit, return, publish, unpublish), `scales` (versions of the status
scale), `history` (a follow-up's status history for people). Callers import from here.
"""

from followup.recommendations.services.common import (
    RecommendationError,
    StaleRevision,
    recommendation_label,
)
from followup.recommendations.services.follow_ups import (
    FOLLOW_UP_FIELDS,
    add_attachment,
    open_follow_up,
    remove_attachment,
    save_follow_up,
)
from followup.recommendations.services.history import (
    ACTIONS,
    ACTIONS_WITH_FIELDS,
    HistoryStep,
    status_history,
)
from followup.recommendations.services.records import (
    RECOMMENDATION_FIELDS,
    RECOMMENDATION_RELATIONS,
    SOURCE_FIELDS,
    check_addressed,
    create_recommendation,
    save_recommendation,
    save_source,
)
from followup.recommendations.services.review import (
    publish_follow_up,
    return_follow_up,
    submit_follow_up,
    unpublish_follow_up,
)
from followup.recommendations.services.scales import (
    LevelSpec,
    add_scale,
    current_scale,
    set_current_scale,
    used_level_ids,
)

__all__ = [
    "ACTIONS",
    "ACTIONS_WITH_FIELDS",
    "FOLLOW_UP_FIELDS",
    "RECOMMENDATION_FIELDS",
    "RECOMMENDATION_RELATIONS",
    "SOURCE_FIELDS",
    "HistoryStep",
    "LevelSpec",
    "RecommendationError",
    "StaleRevision",
    "add_attachment",
    "add_scale",
    "check_addressed",
    "create_recommendation",
    "current_scale",
    "open_follow_up",
    "publish_follow_up",
    "recommendation_label",
    "remove_attachment",
    "return_follow_up",
    "save_follow_up",
    "save_recommendation",
    "save_source",
    "set_current_scale",
    "status_history",
    "submit_follow_up",
    "unpublish_follow_up",
    "used_level_ids",
]
