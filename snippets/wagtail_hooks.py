from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource


class PersonalLanguageIndexView(IndexView):
    """A listing that opens in the user's own language when a "listing_default_locale" hook names one.

    The hook lives with the roles (cms), which snippets may not import. An explicit ?locale= wins, and
    ?locale= with no value is "every language".
    """

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if "locale" in request.GET:
            return
        for language_code in (fn(request) for fn in hooks.get_hooks("listing_default_locale")):
            if language_code:
                # As if the link had said so: the filter, its active-filter chip, pagination and the
                # "add" button all follow the one query.
                request.GET = request.GET.copy()
                request.GET["locale"] = language_code
                return

    @property
    def active_filters(self):
        # Removing the language chip must show every language, not fall back to the user's own again.
        return [
            chip._replace(removed_filter_url=f"{chip.removed_filter_url}&locale=")
            if chip.auto_id == "id_locale"
            else chip
            for chip in super().active_filters
        ]


class StrategySnippetViewSet(SnippetViewSet):
    index_view_class = PersonalLanguageIndexView


# Wagtail adds its own language filter (by language code, ?locale=sv) to translatable snippets; a
# "locale" entry in list_filter would replace it with a filter by primary key that ignores ?locale=sv.
class ContactViewSet(StrategySnippetViewSet):
    model = Contact
    icon = "mobile-alt"
    list_display = ["name", "locale", "phone", "category", "verified_on"]
    list_filter = ["category"]
    # No search_fields here: the model's own decide what the listing's search finds. Naming fields makes
    # Wagtail's database backend query per-field columns that SQLite's full-text index lacks (a 500).
    # Lists the pages that show the contact before it is deleted.
    delete_template_name = "snippets/admin/delete_with_usages.html"


class ActorViewSet(StrategySnippetViewSet):
    model = Actor
    icon = "group"
    list_display = ["__str__", "locale", "parent"]
    delete_template_name = "snippets/admin/delete_with_usages.html"


class IndicatorCategoryViewSet(StrategySnippetViewSet):
    model = IndicatorCategory
    list_display = ["__str__", "locale"]
    icon = "warning"


class ConceptViewSet(StrategySnippetViewSet):
    model = Concept
    list_display = ["__str__", "locale"]
    icon = "help"


class GoalViewSet(StrategySnippetViewSet):
    model = Goal
    list_display = ["__str__", "locale"]
    icon = "tick-inverse"


class ResourceViewSet(StrategySnippetViewSet):
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
