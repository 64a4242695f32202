from ninja import Schema
from wagtail import blocks

from pages.blocks import BODY_BLOCKS
from pages.blocks.choosers import ContactChooserBlock
from pages.blocks.described import DescribedStructBlock
from pages.blocks.schemas import ContactOut


class NoteValue(Schema):
    note: str
    contact: ContactOut


class ThrowawayNoteBlock(DescribedStructBlock):
    note = blocks.CharBlock()
    contact = ContactChooserBlock()
    api_schema = NoteValue

    class Meta:
        template = "pages/blocks/heading.html"


BODY_BLOCKS.append(("throwaway_note", ThrowawayNoteBlock))
