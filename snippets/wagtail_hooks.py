from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mobile-alt"
    list_display = ["name", "phone", "category", "verified_on"]
    list_filter = ["category", "locale"]
    search_fields = ["name", "organisation", "audience", "description", "phone"]
    # Lists the pages that show the contact before it is deleted.
    delete_template_name = "snippets/admin/delete_with_usages.html"


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    list_display = ["__str__", "parent"]
    list_filter = ["locale"]
    delete_template_name = "snippets/admin/delete_with_usages.html"


class IndicatorCategoryViewSet(SnippetViewSet):
    model = IndicatorCategory
    icon = "warning"
    list_filter = ["locale"]


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "help"
    list_filter = ["locale"]


class GoalViewSet(SnippetViewSet):
    model = Goal
    icon = "tick-inverse"
    list_filter = ["locale"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "link"
    list_display = ["title", "publisher", "kind"]
    list_filter = ["kind", "locale"]


class StrategyContentGroup(SnippetViewSetGroup):
    menu_label = _("Strategy content")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        ContactViewSet,
        ActorViewSet,
        IndicatorCategoryViewSet,
        ConceptViewSet,
        GoalViewSet,
        ResourceViewSet,
    )


register_snippet(StrategyContentGroup)
