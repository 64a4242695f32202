"""Reading as another process would while a test's transaction is open: in a thread context without the
versions this transaction's changes prepared (cms/caching/versions.py, `Prepared`)."""

import contextvars


def elsewhere(function, *args, **kwargs):
    return contextvars.Context().run(function, *args, **kwargs)
