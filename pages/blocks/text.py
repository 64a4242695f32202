"""Blocks that hold prose written on the page itself."""

from typing import Annotated

from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks

from snippets.rich_text_features import TEXT_FEATURES

from .described import DescribedBlock, DescribedStructBlock
from .schemas import CalloutValue, HeadingValue


class HeadingBlock(DescribedStructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("2", _("Section")), ("3", _("Sub-section"))],
        default="2",
        help_text=_("The chapter's title is the main heading; sections go under it."),
    )
    api_schema = HeadingValue

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading.html"

    def api_value(self, value, context):
        return {"text": value["text"], "level": int(value.get("level") or 2)}

    def from_package(self, value, pk, item_id):
        # The package writes the level as a number; the ChoiceBlock stores its choice as text.
        return {"text": value["text"], "level": str(value.get("level", 2))}


class CalloutBlock(DescribedStructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES)
    api_schema = CalloutValue

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "pages/blocks/callout.html"

    def api_value(self, value, context):
        return {"title": value.get("title") or "", "text": context.rich_text(value.get("text"))}


class RichTextBlock(DescribedBlock, blocks.RichTextBlock):
    api_schema = Annotated[str, Field(description="HTML; links are absolute.")]
    # Migrations name Wagtail's class: what is stored is plain rich text, and the API is no part of it.
    canonical_module_path = "wagtail.blocks.RichTextBlock"

    def api_value(self, value, context):
        return context.rich_text(value)


def rich_text_block():
    return RichTextBlock(
        features=TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="pages/blocks/rich_text.html",
    )
