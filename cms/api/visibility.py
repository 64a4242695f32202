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

from snippets.models import Actor, Concept, Contact, Responsibility
from snippets.models.publishable import PublishableSnippet

from .content import public_pages
from .serializers import live_snippets


def shown_by_public_pages(request, model):
    """The ids (as text, as the reference index keeps them) of `model` rows that public pages choose."""
    pages = public_pages(request).annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=pages,
    ).values("to_object_id")


def public_condition(request, model):
    shown = Q(text_pk__in=shown_by_public_pages(request, model))
    if model is Contact:
        shown |= Q(in_emergency_banner=True)
    if model is Actor:
        # A condition on the actor's own row (not a join), so that no actor is listed twice.
        shown |= Exists(Responsibility.objects.filter(actor=OuterRef("pk")))
    if model in (Actor, Concept):
        shown |= ~Q(explanation="")
    return shown


def public_snippets(request, model, locale=None, ids=None):
    """Live snippets the public may see, with what their representation needs fetched up front."""
    queryset = live_snippets(model, locale=locale, ids=ids)
    return queryset.annotate(text_pk=Cast("pk", CharField())).filter(public_condition(request, model))


def shown_publicly(snippet):
    """Whether the public sees the snippet whenever it is live, on any site: for code that runs outside
    a request (webhooks, the change feed), which must not announce what no public page shows."""
    if isinstance(snippet, Contact) and snippet.in_emergency_banner:
        return True
    if isinstance(snippet, Actor) and snippet.responsibilities.exists():
        return True
    if isinstance(snippet, (Actor, Concept)) and snippet.explanation:
        return True
    pages = Page.objects.live().public().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(type(snippet)),
        to_object_id=str(snippet.pk),
        object_id__in=pages,
    ).exists()


def is_public_snippet(instance):
    """A publishable snippet that public pages show: what webhooks and the change feed may announce;
    one that only private pages or drafts use is not announced."""
    return isinstance(instance, PublishableSnippet) and shown_publicly(instance)
