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


def may_coordinate(user):
    """The coordinator of the follow-up (Socialkontoret, as Granskare): who publishes rounds and may change
    the actors whose responsibilities a hand-over renews. Translators and communicators may change rounds
    or minutes but do not coordinate."""
    return user.has_perm("followup.publish_followupround") and user.has_perm("snippets.change_actor")


def coordinators():
    """The active users who coordinate the follow-up, through a group or their own permissions."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    publish = {"content_type__app_label": "followup", "codename": "publish_followupround"}
    change_actor = {"content_type__app_label": "snippets", "codename": "change_actor"}

    def holding(permission):
        return Q(**{f"groups__permissions__{k}": v for k, v in permission.items()}) | Q(
            **{f"user_permissions__{k}": v for k, v in permission.items()}
        )

    users = get_user_model().objects.filter(is_active=True)
    return users.filter(pk__in=users.filter(holding(publish)).values("pk")).filter(
        pk__in=users.filter(holding(change_actor)).values("pk")
    )
