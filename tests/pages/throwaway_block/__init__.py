"""A block that exists only in a test: added to the block list in one place, found everywhere else.

As an app listed first, its models module runs before the pages' own (which build the chapter body
from the list), so appending to BODY_BLOCKS here is all there is to adding a block.
"""
