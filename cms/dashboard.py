"""The admin dashboard, arranged around what waits for the person who opens it.

Wagtail's own panels are reordered per role so that the first one is that person's work:
approvers see what waits for their review, communicators what an approver asked them to change
(with the approver's own words), translators the translations whose Swedish source changed.
Reminders of the yearly check are a line with a count and a link, so they never push the work
below the fold, and nobody is shown a link they cannot open.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import ngettext
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TaskState, WorkflowState

from followup.dashboard import FollowUpPanel
from followup.permissions import is_representative
from pages.models import ChapterPage, HomePage, StrategyPage
from pages.translation_status import outdated_translations
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from .roles import APPROVERS, COMMUNICATORS, TRANSLATORS, is_only_translator


def roles(user):
    if user.is_superuser:
        return {APPROVERS, COMMUNICATORS, TRANSLATORS}
    return set(user.groups.values_list("name", flat=True))


class ChangesRequestedPanel(Component):
    """What an approver asked this person to change, in the approver's words, newest first."""

    name = "changes_requested"
    template_name = "cms/dashboard/changes_requested.html"
    order = 130

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        finder = AdminURLFinder(user)
        states = WorkflowState.objects.filter(requested_by=user, status=WorkflowState.STATUS_NEEDS_CHANGES)
        items = []
        for state in states.order_by("-created_at"):
            obj = state.content_object
            rejected = (
                TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
                .select_related("finished_by")
                .order_by("-finished_at")
                .first()
            )
            if obj is None or rejected is None:
                continue
            items.append({"object": obj, "edit_url": finder.get_edit_url(obj), "task_state": rejected})
        return {"items": items}


class OutdatedTranslationsPanel(Component):
    """Translators see on the dashboard which translations lag behind their Swedish source."""

    name = "outdated_translations"
    template_name = "cms/outdated_translations_panel.html"
    order = 150

    def get_context_data(self, parent_context):

        finder = AdminURLFinder(parent_context["request"].user)
        items = []
        for obj in outdated_translations(
            [HomePage, StrategyPage, ChapterPage, Actor, Concept, Contact, Goal, IndicatorCategory, Resource]
        ):
            edit_url = finder.get_edit_url(obj)
            if edit_url:
                items.append({"object": obj, "edit_url": edit_url})
        return {"items": items}


class ReviewRemindersPanel(Component):
    """Content due for its yearly check, as counts: strategies past their follow-up date, contacts not verified."""

    name = "review_reminders"
    template_name = "cms/review_reminders_panel.html"
    order = 300

    def get_context_data(self, parent_context):

        user = parent_context["request"].user
        finder = AdminURLFinder(user)
        today = timezone.localdate()
        source = Locale.get_default()
        lines = []
        strategies = list(StrategyPage.objects.filter(locale=source, next_review_date__lt=today))
        urls = [url for url in (finder.get_edit_url(strategy) for strategy in strategies) if url]
        if urls:
            text = ngettext(
                "%(count)d strategy is past its follow-up date",
                "%(count)d strategies are past their follow-up date",
                len(urls),
            ) % {"count": len(urls)}
            lines.append({"text": text, "url": urls[0]})
        contacts = Contact.objects.filter(locale=source).filter(
            Q(verified_on__isnull=True) | Q(verified_on__lt=today - datetime.timedelta(days=365))
        )
        count = contacts.count()
        # Translators hold the snippet change permission for their languages only (cms.admin_guards).
        may_check = Contact.snippet_viewset.permission_policy.user_has_permission(user, "change")
        if count and may_check and not is_only_translator(user):
            first = contacts.order_by("verified_on", "name").first()
            if finder.get_edit_url(first):
                text = ngettext(
                    "%(count)d contact has not been verified in the last 12 months",
                    "%(count)d contacts have not been verified in the last 12 months",
                    count,
                ) % {"count": count}
                listing = reverse(Contact.snippet_viewset.get_url_name("list"))
                lines.append(
                    {
                        "text": text,
                        "url": f"{listing}?{urlencode({'locale': source.language_code, 'ordering': 'verified_on'})}",
                    }
                )
        return {"lines": lines}


def arrange(request, panels):
    """construct_homepage_panels hook: add the project's panels and put each role's work first."""
    mine = roles(request.user)
    panels.append(ChangesRequestedPanel())
    panels.append(ReviewRemindersPanel())
    # Socialkontoret coordinates the follow-up as approvers; representatives see their own report.
    if APPROVERS in mine or is_representative(request.user):
        panels.append(FollowUpPanel())
    if TRANSLATORS in mine:
        panels.append(OutdatedTranslationsPanel())
    first = {
        APPROVERS: "workflow_objects_to_moderate",
        COMMUNICATORS: "changes_requested",
        TRANSLATORS: "outdated_translations",
    }
    leading = [first[role] for role in (APPROVERS, COMMUNICATORS, TRANSLATORS) if role in mine]
    for panel in panels:
        if panel.name in leading:
            panel.order = 10 + leading.index(panel.name)
