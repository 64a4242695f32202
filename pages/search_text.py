"""What a search query may contain by the time it reaches Wagtail's search backend: words, nothing else.

The backends build their own query languages from the text: SQLite's FTS5 MATCH syntax, in which
a lone `"` is an unterminated string (a 500), and PostgreSQL's tsquery. The index itself only holds
words (both tokenisers split at punctuation), so dropping punctuation and symbols changes no
result and leaves nothing for either query language to misread. The public search and the API's
`?search=` both go through `search_words`.
"""

import unicodedata

# A reader's search is a few words; beyond this it is pasted text or an attack, and each word costs
# a join in the query. The public search says so in the reader's language; the API answers 400.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10


def _is_word_character(character):
    # Letters, digits and combining marks: Arabic vowel signs and decomposed å/ä/ö belong to their word.
    return unicodedata.category(character)[0] in "LMN"


def search_words(text):
    """The query's words, at most MAX_WORDS of them, with punctuation, symbols and controls as spaces."""
    cleaned = "".join(character if _is_word_character(character) else " " for character in text)
    # A word that is only combining marks has no letter for any index to match.
    words = [word for word in cleaned.split() if any(unicodedata.category(c)[0] in "LN" for c in word)]
    return words[:MAX_WORDS]
