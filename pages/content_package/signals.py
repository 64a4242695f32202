from django.dispatch import Signal

# Sent inside the loader's transaction once the package's pages and snippets are written, with
# `writer` (its `upsert`, the primary keys by package key) and `strategy` (the Swedish page), so
# apps built on the strategy (the follow-up) write what they derive from it, idempotently, in the
# same run and the same transaction.
package_written = Signal()
