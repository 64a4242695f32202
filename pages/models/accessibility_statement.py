from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .manager import LocalePageManager
from .safety_advice import ADVICE_FEATURES
from .translated import TranslationStatusMixin


class AccessibilityStatementPage(TranslationStatusMixin, AbstractForm):
    """The tillgänglighetsredogörelse the DOS law requires, with a form for reporting barriers.

    Reports are kept as form submissions in the admin, where the municipality answers them.
    """

    objects = LocalePageManager()

    body = RichTextField(_("statement"), features=ADVICE_FEATURES)
    feedback_intro = RichTextField(
        _("feedback introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown above the form."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"), features=["bold", "italic", "link"], help_text=_("Shown after someone sends the form.")
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("body"),
        FieldPanel("feedback_intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = [*AbstractForm.search_fields, index.SearchField("body")]
    api_fields = [APIField("body"), APIField("translation")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_submissions_list_view_class(self):
        from ..feedback import FeedbackSubmissionsListView

        return FeedbackSubmissionsListView

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The form posts back here: with "no-referrer" the browser would send "Origin: null",
        # and CSRF protection would refuse the report.
        response.headers["Referrer-Policy"] = "same-origin"
        return response


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
