"""Who may do what with a follow-up report, per object (Wagtail's snippet permissions are per model).

A network representative (a user linked to an actor, cms.roles.NETWORK_REPRESENTATIVES) sees and
changes only their own actor's report, and changes it only while its round is open. Everyone else
keeps the model permissions their roles give them.
"""

from .models import ActorReport, NetworkRepresentative


def represented_actor_id(user):
    """The actor a user reports for, or None for users who are not network representatives."""
    if not user.is_authenticated or user.is_superuser:
        return None
    if not hasattr(user, "_represented_actor_id"):
        link = NetworkRepresentative.objects.filter(user=user).values_list("actor_id", flat=True).first()
        user._represented_actor_id = link
    return user._represented_actor_id


def is_representative(user):
    return represented_actor_id(user) is not None


def reports_visible_to(user, queryset=None):
    queryset = ActorReport.objects.all() if queryset is None else queryset
    actor_id = represented_actor_id(user)
    if actor_id is None:
        return queryset
    # Their own actor's report in every language (translations share the Swedish report's key).
    own_keys = ActorReport.objects.filter(actor_id=actor_id).values("translation_key")
    return queryset.filter(translation_key__in=own_keys)


def can_view_report(user, report):
    return reports_visible_to(user, ActorReport.objects.filter(pk=report.pk)).exists()


def can_change_report(user, report):
    if not is_representative(user):
        return True
    return can_view_report(user, report) and report.round.is_open()
