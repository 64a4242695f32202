from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource


# Wagtail adds its own language filter (by language code, ?locale=sv) to translatable snippets; a
# "locale" entry in list_filter would replace it with a filter by primary key that ignores ?locale=sv.
class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "mobile-alt"
    list_display = ["name", "locale", "phone", "category", "verified_on"]
    list_filter = ["category"]
    # No search_fields here: the model's own decide what the listing's search finds. Naming fields makes
    # Wagtail's database backend query per-field columns that SQLite's full-text index lacks (a 500).
    # Lists the pages that show the contact before it is deleted.
    delete_template_name = "snippets/admin/delete_with_usages.html"


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    list_display = ["__str__", "locale", "parent"]
    delete_template_name = "snippets/admin/delete_with_usages.html"


class IndicatorCategoryViewSet(SnippetViewSet):
    model = IndicatorCategory
    list_display = ["__str__", "locale"]
    icon = "warning"


class ConceptViewSet(SnippetViewSet):
    model = Concept
    list_display = ["__str__", "locale"]
    icon = "help"


class GoalViewSet(SnippetViewSet):
    model = Goal
    list_display = ["__str__", "locale"]
    icon = "tick-inverse"


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "link"
    list_display = ["title", "locale", "publisher", "kind"]
    list_filter = ["kind"]


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
