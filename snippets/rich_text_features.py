"""The rich-text feature lists, each defined once for every model and block that takes rich text.

Here, in the lowest layer, because snippets and pages (fields and blocks) share them.
"""

# Running text: emphasis, lists and links; no headings (the page's structure gives those).
TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]
# A sentence or two: emphasis and links only.
INLINE_FEATURES = ["bold", "italic", "link"]
# A whole page's body written as one text (safety advice, the accessibility statement).
PAGE_BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
