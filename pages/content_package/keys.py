import uuid

# Fixed so that every installation derives the same keys from the same package.
NAMESPACE = uuid.UUID("6f1d3c2e-0b1a-4c55-9e43-5a0d2a7b9c10")


def translation_key(kind, key):
    """The translation key of a packaged object: stable across runs, so re-running finds it again."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def block_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "block:" + "/".join(str(p) for p in parts)))
