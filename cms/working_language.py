"""A translator's own language: chosen in the account settings, the default of every snippet listing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.models import Locale

from .models import WorkingLanguage
from .roles import TRANSLATORS


def is_translator(user):
    return user.is_authenticated and user.groups.filter(name=TRANSLATORS).exists()


class WorkingLanguageForm(forms.ModelForm):
    class Meta:
        model = WorkingLanguage
        fields = ["locale"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swedish is the source, never a language translated into.
        self.fields["locale"].queryset = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk")
        self.fields["locale"].empty_label = _("Every language")


class WorkingLanguagePanel(BaseSettingsPanel):
    name = "working_language"
    title = _("My translation language")
    order = 350
    form_class = WorkingLanguageForm

    def is_active(self):
        return is_translator(self.user)

    def get_form(self):
        instance = WorkingLanguage.objects.filter(user=self.user).first() or WorkingLanguage(user=self.user)
        if self.request.method == "POST":
            return self.form_class(self.request.POST, instance=instance, prefix=self.name)
        return self.form_class(instance=instance, prefix=self.name)


def listing_language(request):
    """The language code a translator's listings open in, or None for the listing's own default."""
    if not is_translator(request.user):
        return None
    chosen = WorkingLanguage.objects.filter(user=request.user, locale__isnull=False).select_related("locale").first()
    return chosen.locale.language_code if chosen else None
