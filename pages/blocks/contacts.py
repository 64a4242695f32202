"""Blocks that show contacts; the number itself lives only in the Contact snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ContactChooserBlock


class ContactsBlock(blocks.StructBlock):
    contacts = blocks.ListBlock(ContactChooserBlock(), label=_("contacts"))

    class Meta:
        icon = "mobile-alt"
        label = _("Contact cards")
        template = "pages/blocks/contacts.html"


class ContactTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("caption"), max_length=200, help_text=_("Describes the table for screen reader users.")
    )
    contacts = blocks.ListBlock(ContactChooserBlock(), label=_("contacts"))

    class Meta:
        icon = "table"
        label = _("Contact table")
        template = "pages/blocks/contact_table.html"
