"""The editorial roles, as Wagtail groups. The groups themselves ship in cms/migrations/0001."""

COMMUNICATORS = "Kommunikatörer"
APPROVERS = "Granskare"
TRANSLATORS = "Översättare"
# Report for one actor in the yearly follow-up (cms/migrations/0007, followup.permissions).
NETWORK_REPRESENTATIVES = "Nätverksrepresentanter"


def is_only_translator(user):
    """A translator without any other role: kept away from the Swedish source."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in names and not names & {COMMUNICATORS, APPROVERS}
