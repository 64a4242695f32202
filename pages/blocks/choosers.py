"""Snippet choosers that fetch what their templates show in one query per page, not one per block."""

from django.db.models import prefetch_related_objects
from wagtail.snippets.blocks import SnippetChooserBlock

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from .prefetch import fetched


class PrefetchingChooserBlock(SnippetChooserBlock):
    target = None
    prefetch = ()

    def __init__(self, **kwargs):
        super().__init__(self.target, **kwargs)

    def bulk_to_python(self, values):
        values = list(values)
        known = fetched.get()
        if known is not None and self.target in known and all(value in known[self.target] for value in values):
            return [known[self.target][value] for value in values]
        # StreamField converts every chooser of the same block type in one call, so this
        # prefetch covers all blocks of the page at once.
        instances = super().bulk_to_python(values)
        if self.prefetch:
            prefetch_related_objects([instance for instance in instances if instance is not None], *self.prefetch)
        return instances

    def get_prep_value(self, value):
        # bind_ids leaves the id itself where an instance would be.
        if value is None or isinstance(value, self.target):
            return super().get_prep_value(value)
        return value


class ActorChooserBlock(PrefetchingChooserBlock):
    target = Actor
    prefetch = ("parent", "responsibilities")


class ContactChooserBlock(PrefetchingChooserBlock):
    target = Contact


class ConceptChooserBlock(PrefetchingChooserBlock):
    target = Concept


class GoalChooserBlock(PrefetchingChooserBlock):
    target = Goal
    prefetch = ("audiences",)


class IndicatorCategoryChooserBlock(PrefetchingChooserBlock):
    target = IndicatorCategory
    prefetch = ("indicators",)


class ResourceChooserBlock(PrefetchingChooserBlock):
    target = Resource
