"""Snippet choosers that fetch what their templates show in one query per page, not one per block."""

from wagtail.snippets.blocks import SnippetChooserBlock

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from .chosen import bound, prefetch_related


class PrefetchingChooserBlock(SnippetChooserBlock):
    target = None

    def __init__(self, **kwargs):
        super().__init__(self.target, **kwargs)

    def bulk_to_python(self, values):
        values = list(values)
        known = (bound.get() or {}).get(self.target)
        if known is not None:
            # Bound by ChosenSnippets (chosen.py): a choice it did not load no longer exists.
            return [known.get(value) for value in values]
        # Unbound, StreamField converts every chooser of the same block type in one call, so this
        # prefetch covers all blocks of that type at once.
        instances = super().bulk_to_python(values)
        prefetch_related(self.target, instances)
        return instances


class ActorChooserBlock(PrefetchingChooserBlock):
    target = Actor


class ContactChooserBlock(PrefetchingChooserBlock):
    target = Contact


class ConceptChooserBlock(PrefetchingChooserBlock):
    target = Concept


class GoalChooserBlock(PrefetchingChooserBlock):
    target = Goal


class IndicatorCategoryChooserBlock(PrefetchingChooserBlock):
    target = IndicatorCategory


class ResourceChooserBlock(PrefetchingChooserBlock):
    target = Resource
