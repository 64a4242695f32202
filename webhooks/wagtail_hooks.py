from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import Delivery, Endpoint


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    icon = "link"
    form_fields = ["name", "url", "secret", "active"]
    list_display = ["name", "url", "active"]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The delivery log is a record of what happened: nobody edits it."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


register_permission_policy(Delivery, ReadOnlyPolicy(Delivery))


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "history"
    form_fields = ["status"]
    list_display = ["event", "endpoint", "status", "attempts", "response_status", "created_at", "last_attempt_at"]
    list_filter = ["status", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_status",
        "error",
        "payload",
        "created_at",
        "last_attempt_at",
    ]


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    add_to_settings_menu = True
    items = (EndpointViewSet("webhook_endpoints"), DeliveryViewSet("webhook_deliveries"))


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()
