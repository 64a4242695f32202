"""The admin view where an approver records that a qualified translator reviewed a translation."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, TranslatableMixin

from pages.content_package.termbase import LANGUAGES, load_termbase
from pages.translation_status import source_language

from .models import TranslationReview
from .translation_review import may_record_reviews, record_review, reviews, withdraw_review


class ReviewForm(forms.Form):
    reviewer = forms.CharField(
        label=gettext_lazy("Reviewed by"),
        max_length=255,
        help_text=gettext_lazy("The qualified translator who checked the translation against the Swedish text."),
    )


def review_url(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return reviewer_url(content_type.pk, obj.pk)


def reviewer_url(content_type_id, pk):
    return reverse("translation_review", args=[content_type_id, pk])


def is_translation(obj):
    return isinstance(obj, TranslatableMixin) and obj.locale.language_code != source_language()


def translation_review(request, content_type_id, pk):
    if not may_record_reviews(request.user):
        raise PermissionDenied
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or not issubclass(model, TranslatableMixin):
        raise Http404
    obj = model.objects.filter(pk=pk).first()
    if isinstance(obj, Page):
        obj = obj.specific
    if obj is None or not is_translation(obj):
        raise Http404
    edit_url = AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home")

    form = ReviewForm(request.POST or None, initial={"reviewer": request.user.get_full_name()})
    if request.method == "POST":
        if "withdraw" in request.POST:
            withdraw_review(obj)
            messages.success(request, _("The translation is marked as not reviewed. Readers see the notice again."))
            return redirect(edit_url)
        if form.is_valid():
            record_review(obj, form.cleaned_data["reviewer"], request.user)
            messages.success(request, _("The translation is marked as reviewed. Readers no longer see the notice."))
            return redirect(edit_url)

    review = reviews([obj])

    recorded = TranslationReview.objects.filter(translation_key=obj.translation_key, locale_id=obj.locale_id).first()
    return TemplateResponse(
        request,
        "cms/translation_review.html",
        {
            "object": obj,
            "form": form,
            "recorded": recorded,
            "covers_live_text": bool(review),
            "edit_url": edit_url,
            "page_title": _("Translation review"),
            "page_subtitle": str(obj),
            "header_icon": "doc-full",
        },
    )


def termbase(request):
    """The agreed renderings, for translators at work in the admin."""

    data = load_termbase()
    rows = [
        {
            "sv": term["sv"],
            "say": term.get("say"),
            "renderings": [(code, term[code].get("name") or term[code]["term"]) for code in LANGUAGES],
        }
        for term in data["terms"]
    ]
    return TemplateResponse(
        request,
        "cms/termbase.html",
        {"rows": rows, "languages": LANGUAGES, "page_title": _("Termbase"), "header_icon": "list-ul"},
    )
