"""The editorial behaviour every shared snippet has: translation, drafts, revisions, locking."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index


class PublishableSnippet(
    DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, index.Indexed, ClusterableModel
):
    """A snippet editors draft, revise and publish; the public sees only its live version."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def get_preview_template(self, request, mode_name):
        # Editors preview a snippet as readers will see it on a page.
        return f"snippets/previews/{self._meta.model_name}.html"


class ReviewedSnippet(WorkflowMixin, PublishableSnippet):
    """A snippet whose changes are as serious as a page's (a phone number people call): reviewed before publishing."""

    class Meta(PublishableSnippet.Meta):
        abstract = True


class Ordered(models.Model):
    """Editors choose the order; the source document's order is the default."""

    sort_order = models.PositiveIntegerField(
        default=0, verbose_name=_("order"), help_text=_("Lower numbers are shown first.")
    )

    class Meta:
        abstract = True


class TranslatableRow(TranslatableMixin, Orderable):
    """An inline row of a translatable snippet (a responsibility, an indicator).

    wagtail-localize only offers a child row's text for translation when the row is
    translatable itself; otherwise a translation would keep the Swedish rows.
    """

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
