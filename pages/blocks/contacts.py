"""Blocks that show contacts; the number itself lives only in the Contact snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ContactChooserBlock
from .described import DescribedStructBlock
from .schemas import ContactOut, ContactTableValue


class ContactsBlock(DescribedStructBlock):
    contacts = blocks.ListBlock(ContactChooserBlock(), label=_("contacts"))
    api_schema = list[ContactOut]

    class Meta:
        icon = "mobile-alt"
        label = _("Contact cards")
        template = "pages/blocks/contacts.html"


class ContactTableBlock(DescribedStructBlock):
    caption = blocks.CharBlock(
        label=_("caption"), max_length=200, help_text=_("Describes the table for screen reader users.")
    )
    contacts = blocks.ListBlock(ContactChooserBlock(), label=_("contacts"))
    api_schema = ContactTableValue

    class Meta:
        icon = "table"
        label = _("Contact table")
        template = "pages/blocks/contact_table.html"
