"""In the admin, a page someone may not edit shows its live title, not its draft title.

Wagtail's admin names pages by `draft_title` everywhere (page chooser and its search, admin
search, breadcrumbs, headers, confirmations): the unreviewed title whoever edits the page last
typed. Translators cannot edit the Swedish pages, yet browse them in the page chooser to link to
them; what they see should be what the public sees, not a communicator's work in progress. So for
a user who may not edit a page, its admin title is the live `title` (for a page never published,
the title it was created with; Wagtail keeps `title` unchanged until a revision is published).

The user is the request's, held for the duration of an admin request; outside the admin (the
public site, the API, commands) titles are Wagtail's own.
"""

from contextvars import ContextVar

admin_user = ContextVar("admin_user", default=None)


class AdminUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        token = admin_user.set(request.user)
        try:
            return self.get_response(request)
        finally:
            admin_user.reset(token)


def live_title_for_readers(get_admin_display_title):
    def admin_display_title(page):
        user = admin_user.get()
        if (
            user is not None
            and user.is_authenticated
            and page.draft_title
            and page.draft_title != page.title
            and not page.permissions_for_user(user).can_edit()
        ):
            return page.title
        return get_admin_display_title(page)

    admin_display_title.__doc__ = get_admin_display_title.__doc__
    return admin_display_title


def install():
    # On the base class rather than on the project's page models: the admin also names plain Page
    # instances (a chooser's breadcrumbs and parents are not specific pages).
    from wagtail.models import Page

    Page.get_admin_display_title = live_title_for_readers(Page.get_admin_display_title)
