from django.dispatch import Signal

# Sent with the package's `data` before anything is written; each receiver returns the problems
# (["section.field: message", ...]) it finds in the sections its app fills, such as the footer's
# contact details (cms), so the loader refuses the whole package before writing any of it.
package_checked = Signal()

# Sent inside the loader's transaction once the package's pages and snippets are written, with
# `writer` (its `upsert`, the primary keys by package key) and `strategy` (the Swedish page), so
# apps built on the strategy (the follow-up) write what they derive from it, idempotently, in the
# same run and the same transaction.
package_written = Signal()
