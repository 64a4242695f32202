import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.rich_text_features import INLINE_FEATURES, PAGE_BODY_FEATURES

from ..client_address import client_address
from .base import SitePage

# The form works without a cookie (decision 0007), so CSRF tokens are out; what keeps it usable is
# a field only robots fill in, a size limit, and a limit on reports per client address.
HONEYPOT_FIELD = "website"
MAX_ANSWER_LENGTH = 4000
MAX_REPORTS = 5
REPORT_WINDOW_SECONDS = 10 * 60


def check_length(value):
    if isinstance(value, str) and len(value) > MAX_ANSWER_LENGTH:
        raise ValidationError(
            _("The text is too long: write at most %(limit)d characters."),
            code="max_length",
            params={"limit": MAX_ANSWER_LENGTH},
        )


def reports_key(request):
    # Only a keyed hash of the address is kept, and only for the window: no address is stored.
    address = f"{settings.SECRET_KEY}:{client_address(request)}".encode()
    return "feedback-reports:" + hashlib.sha256(address).hexdigest()[:32]


class AccessibilityStatementPage(AbstractForm, SitePage):
    """The tillgänglighetsredogörelse the DOS law requires, with a form for reporting barriers.

    Reports are kept as form submissions in the admin, where the municipality answers them.
    """

    body = RichTextField(_("statement"), features=PAGE_BODY_FEATURES)
    feedback_intro = RichTextField(
        _("feedback introduction"),
        features=INLINE_FEATURES,
        blank=True,
        help_text=_("Shown above the form."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"), features=INLINE_FEATURES, help_text=_("Shown after someone sends the form.")
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("body"),
        FieldPanel("feedback_intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*AbstractForm.search_fields, index.SearchField("body")]
    api_fields = [APIField("body"), *SitePage.api_fields]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_submissions_list_view_class(self):
        from ..feedback import FeedbackSubmissionsListView

        return FeedbackSubmissionsListView

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            field.validators.append(check_length)
        return form

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if request.POST.get(HONEYPOT_FIELD):
            # A robot: it sees the thank-you page and learns nothing; nothing is stored.
            return self.render_landing_page(request)
        if (cache.get(reports_key(request)) or 0) >= MAX_REPORTS:
            form = self.get_form(request.POST, page=self, user=request.user)
            # The reader's text stays in the form, to send once the window has passed.
            form.add_error(
                None,
                _("You have sent several reports in a short time. Wait a few minutes, then send your report again."),
            )
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if form_submission is not None:
            key = reports_key(request)
            # A fixed window from the first report: cache.add does not move an existing expiry.
            cache.add(key, 0, timeout=REPORT_WINDOW_SECONDS)
            try:
                cache.incr(key)
            except ValueError:  # the window ended between add and incr
                cache.set(key, 1, timeout=REPORT_WINDOW_SECONDS)
        return super().render_landing_page(request, form_submission, *args, **kwargs)


class FeedbackFormField(TranslatableMixin, AbstractFormField):
    """A field of the accessibility feedback form; its label and help text are translated."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="form_fields")

    # The field's name keys the stored answers, so it stays the same in every language.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
