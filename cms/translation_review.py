"""Whether a qualified translator has reviewed a translation (cms.models.TranslationReview).

A review covers the text as it was published when the review was recorded: publishing the
translation again afterwards (a translator's edit, a re-import) makes it unreviewed until an
approver records a new review, so the public notice cannot vouch for text nobody checked.
"""

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from .models import TranslationReview

PERMISSION = "cms.mark_translation_reviewed"


def may_record_reviews(user):
    return user.is_authenticated and user.has_perm(PERMISSION)


def reviews(objects, recorded=None):
    """{translation key: reviewed_at} for those of the objects (one locale) whose review covers their live text.

    `recorded`: {translation key: when its review was recorded}, if the caller has read it already
    (with `review_recorded_at`, in a query of its own rows).
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return {}
    found = recorded
    if found is None:
        found = dict(
            TranslationReview.objects.filter(
                locale_id=objects[0].locale_id, translation_key__in=[obj.translation_key for obj in objects]
            ).values_list("translation_key", "reviewed_at")
        )
    covered = {}
    for obj in objects:
        reviewed_at = found.get(obj.translation_key)
        published_at = getattr(obj, "last_published_at", None)
        if reviewed_at is not None and (published_at is None or reviewed_at >= published_at):
            covered[obj.translation_key] = reviewed_at
    return covered


def review_recorded_at():
    """When the review of a translated row was recorded, as a subquery for a query of those rows (pages or
    snippets, which carry `translation_key` and `locale`)."""
    recorded = TranslationReview.objects.filter(translation_key=OuterRef("translation_key"), locale=OuterRef("locale"))
    return Subquery(recorded.values("reviewed_at")[:1])


def record_review(obj, reviewer, user):
    review, _created = TranslationReview.objects.update_or_create(
        translation_key=obj.translation_key,
        locale_id=obj.locale_id,
        defaults={"reviewer": reviewer, "reviewed_at": timezone.now(), "recorded_by": user},
    )
    return review


def withdraw_review(obj):
    TranslationReview.objects.filter(translation_key=obj.translation_key, locale_id=obj.locale_id).delete()
