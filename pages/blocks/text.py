"""Blocks that hold prose written on the page itself."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from snippets.rich_text_features import TEXT_FEATURES


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("2", _("Section")), ("3", _("Sub-section"))],
        default="2",
        help_text=_("The chapter's title is the main heading; sections go under it."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "pages/blocks/callout.html"


def rich_text_block():
    return blocks.RichTextBlock(
        features=TEXT_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="pages/blocks/rich_text.html",
    )
