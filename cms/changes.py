"""Changes to what the public can see: the one place that decides what is announced.

Pages count while live and public; a page that becomes private (a restriction on it or above it,
or a move into a private section), is unpublished or is deleted leaves a tombstone. Snippets count
when a public page shows them (cms/api/visibility.py) and they are published, unpublished or deleted
while live; a snippet also comes into or leaves the public's view when the pages that show it do (a
chapter starts or stops choosing it, is unpublished, made private, moved or deleted), which
`reconcile_snippets` announces after the commit. A page that is private or was never published is
never announced, so nothing downstream names what the public could not see.

A follow-up round counts once its Swedish version is published (the API names it by the Swedish id
in every language); a report published or unpublished in such a round updates the round.

Each change is sent as the `public_change` signal; the change feed (GET /api/v3/changes/) records
it here, and webhooks (webhooks/events.py) turn it into events.
"""

from contextvars import ContextVar

from django.db import transaction
from django.db.models import Max
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from followup.models import ActorReport, FollowUpRound

from .api.content import is_private
from .api.visibility import is_public_snippet as is_snippet
from .api.visibility import shown_on_any_site
from .api_paths import COLLECTIONS, PREFIX
from .caching.reach import default_site_url
from .caching.signals import changed
from .caching.versions import held, queued_on_commit
from .models import ContentChange

Action = ContentChange.Action
# Sent with instance= and action= (an Action) when a page or snippet changes in the public's view.
public_change = Signal()
deleting = set()  # pages whose delete is under way: Wagtail unpublishes them as it deletes them


def announce(instance, action):
    public_change.send(sender=type(instance), instance=instance, action=action)


FOLLOW_UPS = "follow-ups"


def kind_of(instance):
    if isinstance(instance, FollowUpRound):
        return FOLLOW_UPS
    return "page" if isinstance(instance, Page) else COLLECTIONS.get(type(instance))


def source_round(follow_up):
    """The Swedish round of a round in any language: its id is the follow-up's id in the API."""
    if follow_up.locale_id == Locale.get_default().pk:
        return follow_up
    return FollowUpRound.objects.filter(translation_key=follow_up.translation_key, locale=Locale.get_default()).first()


def record(sender, instance, action, **kwargs):
    """The change feed's entry for a change."""
    kind = kind_of(instance)
    if kind:
        object_id = source_round(instance).pk if kind == FOLLOW_UPS else instance.pk
        ContentChange.objects.create(
            kind=kind, object_id=object_id, locale=instance.locale.language_code, action=action
        )


def is_follow_up(instance):
    return isinstance(instance, (FollowUpRound, ActorReport))


def announce_follow_up(instance, action):
    if isinstance(instance, ActorReport):
        # A report is part of its round's document; unpublished, it leaves the round, which stays.
        source = source_round(instance.round)
        if source is not None and source.live:
            announce(instance.round, Action.UPDATED)
        return
    source = source_round(instance)
    if source is None:
        return
    if source.pk == instance.pk:
        announce(instance, action)
    elif source.live:
        # A translation that goes is replaced by the Swedish text in its language: an update.
        announce(instance, Action.UPDATED if action in ContentChange.TOMBSTONES else action)


def on_page_published(sender, instance, **kwargs):
    # Wagtail sends it for a first publish scheduled for later too, while the page is not live yet.
    if instance.live and not is_private(instance):
        first = instance.first_published_at == instance.last_published_at
        announce(instance, Action.CREATED if first else Action.UPDATED)


def on_page_unpublished(sender, instance, **kwargs):
    if instance.pk not in deleting and not is_private(instance):
        announce(instance, Action.UNPUBLISHED)


def on_published(sender, instance, **kwargs):
    if not instance.live:  # a first publish scheduled for later
        return
    if is_follow_up(instance):
        first = instance.first_published_at == instance.last_published_at
        announce_follow_up(instance, Action.CREATED if first else Action.UPDATED)
    elif is_snippet(instance):
        first = instance.first_published_at == instance.last_published_at
        announce(instance, Action.CREATED if first else Action.UPDATED)


def on_unpublished(sender, instance, **kwargs):
    if is_follow_up(instance):
        announce_follow_up(instance, Action.UNPUBLISHED)
    elif is_snippet(instance):
        announce(instance, Action.UNPUBLISHED)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and sender is type(instance) and sender is not Page:
        deleting.add(instance.pk)
        if instance.live and not is_private(instance):
            announce(instance, Action.DELETED)
    elif is_follow_up(instance) and instance.live:
        announce_follow_up(instance, Action.DELETED)
    elif is_snippet(instance) and instance.live:
        announce(instance, Action.DELETED)


def after_delete(sender, instance, **kwargs):
    if sender is Page:
        deleting.discard(instance.pk)
    elif isinstance(instance, PageViewRestriction):
        restriction_lifted(instance)


def live_tree(page):
    return Page.objects.descendant_of(page, inclusive=True).live().select_related("locale")


def on_restriction_saved(sender, instance, created, **kwargs):
    # The page and everything below it leave the public's view.
    if created:
        for page in live_tree(instance.page):
            if not is_private(page, ignoring=instance):  # already hidden: the public never saw it
                announce(page, Action.RESTRICTED)


def restriction_lifted(restriction):
    if restriction.page_id in deleting:
        # Deleted with its page: the subtree goes, it does not become public.
        return
    top = Page.objects.filter(pk=restriction.page_id).first()
    if top is None:
        return
    for page in live_tree(top):
        if not is_private(page):
            announce(page, Action.UPDATED)


def on_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A move into a private section withdraws the moved pages the public saw, as a new restriction does; a
    move out of one brings back those no restriction of their own hides, as a lifted one does."""
    # A page below an unpublished one is still served, so the moved page's own live status does not matter.
    was_private, is_now_private = is_private(parent_page_before), is_private(parent_page_after)
    if was_private == is_now_private:
        return
    # A restriction inside the moved section hid its pages before the move and still does.
    inside = PageViewRestriction.objects.filter(page__path__startswith=instance.path)
    hidden_below = tuple(inside.values_list("page__path", flat=True))
    for page in live_tree(instance):
        if not page.path.startswith(hidden_below):
            announce(page, Action.RESTRICTED if is_now_private else Action.UPDATED)


def reconcile_snippets():
    """Announce each snippet whose place in the public's view differs from what the feed last said of it:
    shown now and never announced (created) or last withdrawn (updated), or last announced and no
    longer shown (unpublished). The feed is the record of what consumers were told, so this is right
    whatever the change was and says nothing twice."""
    snippets = ContentChange.objects.filter(kind__in=COLLECTIONS.values())
    last = snippets.values("kind", "object_id").annotate(last=Max("pk"))
    told = {
        (change.kind, change.object_id): change.action
        for change in ContentChange.objects.filter(pk__in=last.values("last")).only("kind", "object_id", "action")
    }
    announced = False
    for model, kind in COLLECTIONS.items():
        shown = set(shown_on_any_site(model).filter(live=True).values_list("pk", flat=True))
        told_shown = {pk for (k, pk), action in told.items() if k == kind and action not in ContentChange.TOMBSTONES}
        came, went = shown - told_shown, told_shown - shown
        for snippet in model.objects.filter(pk__in=came | went).select_related("locale"):
            if snippet.pk in went:
                announce(snippet, Action.UNPUBLISHED)
            elif (kind, snippet.pk) in told:
                announce(snippet, Action.UPDATED)
            else:
                announce(snippet, Action.CREATED)
            announced = True
    if announced:
        # After the commit, so after the change's own switch, which may have rendered the feed for the
        # consumers who poll it: renewed again, or it would be served without these entries.
        changed([f"{default_site_url()}{PREFIX}changes/"])


class Reconciling:
    """One reconciliation after a transaction's commit, however many changes the transaction made."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        # One process at a time: two reading the same feed could otherwise each announce what the other's
        # change undid. The next one reads what this one wrote.
        with held("changes:reconciling", seconds=10):
            reconcile_snippets()


# This thread's reconciliation waiting for a commit, if any.
_pending = ContextVar("reconcile_pending", default=None)


def reconcile_after_commit(sender, instance, signal=None, **kwargs):
    """After a change of pages, restrictions or snippets, when the reference index and the pages' state are
    final (a deleted page's references are gone only after its delete)."""
    if not (isinstance(instance, Page | PageViewRestriction) or type(instance) in COLLECTIONS):
        return
    # Wagtail sends published and unpublished for a page after page_published and page_unpublished, which
    # alone it sends for an alias it updates, a copy it publishes and a page converted to an alias; outside
    # a transaction (the admin's and the API's publish) each signal would reconcile on its own.
    if isinstance(instance, Page) and signal in (published, unpublished):
        return
    pending = _pending.get()
    # Django drops a rolled-back transaction's callbacks: then the next change queues one again.
    if pending is None or pending.done or pending not in queued_on_commit():
        pending = Reconciling()
        _pending.set(pending)
        # Robust: the change itself has committed; a failure here is logged, not shown as a failed publish.
        transaction.on_commit(pending, robust=True)


def connect():
    page_published.connect(on_page_published, dispatch_uid="changes-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="changes-page-unpublished")
    published.connect(on_published, dispatch_uid="changes-published")
    unpublished.connect(on_unpublished, dispatch_uid="changes-unpublished")
    pre_delete.connect(on_delete, dispatch_uid="changes-deleted")
    post_delete.connect(after_delete, dispatch_uid="changes-deleted-done")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="changes-restricted")
    post_page_move.connect(on_page_moved, dispatch_uid="changes-page-moved")
    public_change.connect(record, dispatch_uid="changes-feed")
    # A move can take a page into or out of a restricted section, or out of every site.
    for signal in (page_published, page_unpublished, published, unpublished, post_page_move, post_delete):
        signal.connect(reconcile_after_commit, dispatch_uid="changes-reconcile-snippets")
    post_save.connect(reconcile_after_commit, sender=PageViewRestriction, dispatch_uid="changes-reconcile-restricted")
