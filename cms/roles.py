"""The editorial roles, as Wagtail groups: who may edit, publish and translate what."""

COMMUNICATORS = "Kommunikatörer"
APPROVERS = "Granskare"
TRANSLATORS = "Översättare"
WORKFLOW = "Granskning"

SNIPPET_MODELS = ["actor", "concept", "contact", "goal", "indicatorcategory", "resource"]
# Contacts and actors carry numbers and responsibilities people rely on: reviewed like pages.
REVIEWED_SNIPPETS = ["contact", "actor"]

PAGE_PERMISSIONS = {
    COMMUNICATORS: ["add_page", "change_page", "lock_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SNIPPET_PERMISSIONS = {
    COMMUNICATORS: ["add", "change", "lock"],
    APPROVERS: ["add", "change", "publish", "lock", "unlock"],
    TRANSLATORS: ["add", "change"],
}


def is_only_translator(user):
    """A translator without any other role: kept away from the Swedish source."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {COMMUNICATORS, APPROVERS}
