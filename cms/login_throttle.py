"""What someone sees when django-axes has locked their login (settings: AXES_*)."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin.views.account import get_user_login_form


def locked_out(request, original_response=None, credentials=None):
    """The admin's own login page with the reason, so the editor knows to wait or whom to ask."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    if minutes:
        text = _(
            "Too many failed sign-in attempts. Try again in %(minutes)s minutes, "
            "or ask an administrator to unlock your account."
        ) % {"minutes": minutes}
    else:
        text = _("Too many failed sign-in attempts. Ask an administrator to unlock your account.")
    context = {
        "form": get_user_login_form()(request),
        "messages": [Message(constants.ERROR, text)],
        "next": request.POST.get("next", ""),
    }
    return render(request, "wagtailadmin/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
