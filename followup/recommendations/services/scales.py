"""Versions of the status scale: the one new follow-ups are recorded on, new versions with
their levels, and the levels that can no longer change."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.recommendations import permissions
from followup.recommendations.models import FollowUp, StatusLevel, StatusScale
from followup.recommendations.services.common import (
    RecommendationError,
    require,
    save_with_history,
)


@dataclass(frozen=True)
class LevelSpec:
    """A level of a new scale, in the order given."""

    code: str
    label_en: str
    label_es: str
    implemented: bool = False
    applicable: bool = True


def current_scale() -> StatusScale:
    """The scale new follow-ups are recorded on."""
    scale = StatusScale.objects.filter(is_current=True).first()
    if scale is None:
        raise RecommendationError(
            _("No status scale is current; the CAM secretariat must choose one first.")
        )
    return scale


def used_level_ids(scale: StatusScale) -> set[int]:
    """The levels of `scale` some follow-up has, or once had: they can never change, since the
    history would then say something no one said."""
    current = FollowUp.objects.filter(level__scale=scale).values_list("level_id", flat=True)
    past = FollowUp.history.filter(level__scale=scale).values_list("level_id", flat=True)
    return set(current) | set(past)


@transaction.atomic
def add_scale(
    slug: str,
    name_en: str,
    name_es: str,
    levels: Sequence[LevelSpec],
    *,
    by: User,
    make_current: bool = True,
) -> StatusScale:
    """A new version of the status scale with its levels; by default new follow-ups use it
    from now on. Follow-ups already recorded keep their scale and level."""
    require(permissions.can_manage_scales(by))
    if not levels:
        raise ValidationError({"levels": _("Give the scale at least one level.")})
    codes = [level.code for level in levels]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise ValidationError(
            {"levels": _("The level code “%(code)s” is used twice.") % {"code": twice[0]}}
        )
    if StatusScale.objects.filter(slug=slug).exists():
        raise ValidationError(
            {
                "slug": _(
                    "A status scale with the code “%(slug)s” already exists; give the new "
                    "version its own code."
                )
                % {"slug": slug}
            }
        )
    scale = StatusScale(
        slug=slug, name_en=name_en, name_es=name_es, adopted_on=timezone.localdate()
    )
    scale.full_clean(validate_unique=False, validate_constraints=False)
    save_with_history(scale, by, "created")
    for order, spec in enumerate(levels):
        level = StatusLevel(
            scale=scale,
            code=spec.code,
            label_en=spec.label_en,
            label_es=spec.label_es,
            order=order,
            implemented=spec.implemented,
            applicable=spec.applicable,
        )
        level.full_clean(validate_unique=False, validate_constraints=False)
        save_with_history(level, by, "created")
    if make_current:
        set_current_scale(scale, by=by)
    return scale


@transaction.atomic
def set_current_scale(scale: StatusScale, *, by: User) -> None:
    """Make `scale` the one new follow-ups are recorded on (the one before stops being)."""
    require(permissions.can_manage_scales(by))
    if scale.is_current:
        return
    # 1. The old one first: the database allows a single current scale at any moment.
    for previous in StatusScale.objects.filter(is_current=True):
        previous.is_current = False
        save_with_history(previous, by, "no longer current")
    scale.is_current = True
    if scale.adopted_on is None:
        scale.adopted_on = timezone.localdate()
    save_with_history(scale, by, "made current")
