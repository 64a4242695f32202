"""Which snippets the public may see (docs/decisions/0011-public-snippets.md).

A snippet is public when it is live and shown by a live page without view restrictions of
this site: the reference index of a live page holds what its published version chooses
(Wagtail indexes the page row, which is the live content). Three things are shown without being
chosen: the emergency banner's contacts, on every page; the actors of the responsibility
matrix (those with responsibilities), which lists them all; and actors and concepts with an
explanation, which every translated page shows where it mentions their name
(pages/name_explanations.py). A snippet only a draft or a private page uses is in no anonymous answer.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from pages.public import public
from snippets.models import Actor, Concept, Contact, Responsibility
from snippets.models.publishable import PublishableSnippet

from .content import public_pages
from .serializers import live_snippets


def shown_by(pages, model):
    """The ids (as text, as the reference index keeps them) of `model` rows that these pages choose."""
    pages = pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=pages,
    ).values("to_object_id")


def shown_condition(model, pages):
    """Whether the public sees a `model` row whenever it is live, given the pages it may see."""
    shown = Q(text_pk__in=shown_by(pages, model))
    if model is Contact:
        shown |= Q(in_emergency_banner=True)
    if model is Actor:
        # A condition on the actor's own row (not a join), so that no actor is listed twice.
        shown |= Exists(Responsibility.objects.filter(actor=OuterRef("pk")))
    if model in (Actor, Concept):
        shown |= ~Q(explanation="")
    return shown


def public_condition(request, model):
    return shown_condition(model, public_pages(request))


def public_snippets(request, model, locale=None, ids=None):
    """Live snippets the public may see, with what their representation needs fetched up front."""
    queryset = live_snippets(model, locale=locale, ids=ids)
    return queryset.annotate(text_pk=Cast("pk", CharField())).filter(public_condition(request, model))


def shown_on_any_site(model):
    """`model` rows, live or not, that the public sees on some site whenever they are live: for code that
    runs outside a request (webhooks, the change feed), which must not announce what no public page shows."""
    pages = public(Page.objects.live())
    return model.objects.annotate(text_pk=Cast("pk", CharField())).filter(shown_condition(model, pages))


def is_public_snippet(instance):
    """A publishable snippet that public pages show: what webhooks and the change feed may announce;
    one that only private pages or drafts use is not announced."""
    if not isinstance(instance, PublishableSnippet):
        return False
    return shown_on_any_site(type(instance)).filter(pk=instance.pk).exists()
