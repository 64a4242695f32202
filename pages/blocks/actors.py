"""Blocks that show the network's actors, kept in the Actor snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from snippets.models import Actor

from .choosers import ActorChooserBlock
from .described import DescribedStructBlock
from .schemas import ActorMatrixValue, ActorOut


def live_only(snippets):
    """Chosen snippets that are published; an unpublished one is left out, not shown as a draft."""
    return [s for s in snippets if s is not None and s.live]


class ActorsBlock(DescribedStructBlock):
    actors = blocks.ListBlock(ActorChooserBlock(), label=_("actors"))
    api_schema = list[ActorOut]

    class Meta:
        icon = "group"
        label = _("Actors")
        template = "pages/blocks/actors.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = live_only(value["actors"])
        chosen_ids = {actor.pk for actor in chosen}
        # Units are listed under their organisation when both are chosen.
        context["tree"] = [
            (actor, [unit for unit in chosen if unit.parent_id == actor.pk])
            for actor in chosen
            if actor.parent_id not in chosen_ids
        ]
        return context


class ActorRoleBlock(DescribedStructBlock):
    actor = ActorChooserBlock(label=_("actor"))
    api_schema = ActorOut

    class Meta:
        icon = "user"
        label = _("Actor's role")
        template = "pages/blocks/actor_role.html"


class ActorResponsibilitiesBlock(DescribedStructBlock):
    actor = ActorChooserBlock(label=_("actor"))
    api_schema = ActorOut

    class Meta:
        icon = "list-ul"
        label = _("Actor's activities")
        template = "pages/blocks/actor_responsibilities.html"


class ActorMatrixBlock(DescribedStructBlock):
    caption = blocks.CharBlock(
        label=_("caption"), max_length=200, help_text=_("Describes the table for screen reader users.")
    )
    api_schema = ActorMatrixValue
    lists_every = (Actor,)

    class Meta:
        icon = "table"
        label = _("Table of all actors' activities")
        template = "pages/blocks/actor_matrix.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        actors = Actor.objects.filter(live=True).select_related("parent").prefetch_related("responsibilities")
        if page is not None:
            actors = actors.filter(locale_id=page.locale_id)
        # Actors without activities (an umbrella organisation) get no row.
        context["actors"] = [a for a in actors.order_by("sort_order") if a.responsibilities.all()]
        return context

    def api_value(self, value, context):
        # Not chosen: every published actor of the document's language that has activities.
        actors = sorted(context.every_once(Actor), key=lambda a: a.sort_order)
        return {"caption": value.get("caption") or "", "actors": [a for a in actors if a.responsibilities.all()]}
