from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from snippets.models import Resource


class ResourcesBlock(blocks.StructBlock):
    resources = blocks.ListBlock(SnippetChooserBlock(Resource), label=_("resources"))

    class Meta:
        icon = "link"
        label = _("Further reading")
        template = "pages/blocks/resources.html"
