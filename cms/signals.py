"""Keeping roles in step with the content tree."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Locale, Page

from .roles import TRANSLATORS


def grant_translators_new_language_tree(sender, instance, created, **kwargs):
    """When a translated home page appears (a new language tree), translators may edit below it."""
    if not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id == Locale.get_default().pk:
        return
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def connect():
    post_save.connect(grant_translators_new_language_tree, dispatch_uid="roles-translated-tree")
