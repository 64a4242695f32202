from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ResourceChooserBlock


class ResourcesBlock(blocks.StructBlock):
    resources = blocks.ListBlock(ResourceChooserBlock(), label=_("resources"))

    class Meta:
        icon = "link"
        label = _("Further reading")
        template = "pages/blocks/resources.html"
