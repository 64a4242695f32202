from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ResourceChooserBlock
from .described import DescribedStructBlock
from .schemas import ResourceOut


class ResourcesBlock(DescribedStructBlock):
    resources = blocks.ListBlock(ResourceChooserBlock(), label=_("resources"))
    api_schema = list[ResourceOut]

    class Meta:
        icon = "link"
        label = _("Further reading")
        template = "pages/blocks/resources.html"
