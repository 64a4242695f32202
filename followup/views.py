from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .chart import chart_svg
from .models import FollowUpRound
from .progress import progress


def follow_up_page(request, year):
    """A published round in the reader's language: per goal, per actor, year over year."""
    follow_up = (
        FollowUpRound.objects.filter(year=year, live=True, locale=Locale.get_default())
        .select_related("strategy")
        .first()
    )
    if follow_up is None:
        raise Http404
    locale = Locale.get_active()
    shown = in_language_round(follow_up, locale)
    data = progress(follow_up, locale)
    strategy = follow_up.strategy.get_translations(inclusive=True).live().filter(locale=locale).first()
    strategy = strategy or follow_up.strategy
    title = _("Follow-up %(year)s") % {"year": year}
    return render(
        request,
        "followup/follow_up_page.html",
        {
            "title": title,
            "follow_up": shown,
            "strategy": strategy,
            "progress": data,
            "chart": chart_svg(data.comparison, _("Activities by status per goal and year"), "follow-up-comparison"),
            "canonical_url": request.build_absolute_uri(request.path),
        },
    )


def in_language_round(follow_up, locale):
    translated = FollowUpRound.objects.filter(
        translation_key=follow_up.translation_key, locale=locale, live=True
    ).first()
    return translated or follow_up
