from django import template
from django.utils import timezone
from wagtail.models import Locale

from ..models import FollowUpRound

register = template.Library()


@register.inclusion_tag("followup/strategy_link.html")
def follow_up_link(strategy):
    """The strategy page's line about its follow-up: the latest published round and when the next is due."""
    source = Locale.get_default()
    if strategy.locale_id != source.pk:
        strategy = strategy.get_translation_or_none(source) or strategy
    rounds = FollowUpRound.objects.filter(strategy=strategy, locale=source)
    latest = rounds.filter(live=True).order_by("-year").first()
    upcoming = (
        rounds.filter(compiled_on__isnull=True, report_deadline__gte=timezone.localdate())
        .order_by("report_deadline")
        .first()
    )
    return {"latest": latest, "next_due": upcoming.report_deadline if upcoming else strategy.next_review_date}
