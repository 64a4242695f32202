"""Phone numbers, addresses, categories and dates stay as the reviewed Swedish source has them in
every language: the translation editor offers no override, and a crafted override is refused."""

import html
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.models import Translation as LocalizeTranslation

from cms.roles import APPROVERS, TRANSLATORS
from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact, Resource
from tests.content import sv

pytestmark = pytest.mark.django_db

TEL_CHAPTER = "att-tanka-pa-i-motet-med-utsatta"


def in_group(django_user_model, name):
    user = django_user_model.objects.create_user(f"user-{name}", password="pw")
    user.groups.add(Group.objects.get(name=name))
    return user


def translation_for(obj, code):
    target = type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)
    translation = LocalizeTranslation.objects.get(source__object_id=obj.translation_key, target_locale=target.locale)
    return target, translation


def edit_url(obj):
    if isinstance(obj, ChapterPage | StrategyPage):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(type(obj).snippet_viewset.get_url_name("edit"), args=[obj.pk])


def editor_props(client, obj):
    response = client.get(edit_url(obj))
    assert response.status_code == 200
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def offered_overrides(props):
    return {
        segment["contentPath"]: segment["value"]
        for segment in props["segments"]
        if segment["type"] == "synchronised_value"
    }


def put_override(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    return client.put(url, encode_multipart(BOUNDARY, {"value": value}), content_type=MULTIPART_CONTENT)


def legacy_segment(source, path, value):
    """An overridable segment as wagtail-localize stored it before the value was locked."""
    context, _ = TranslationContext.objects.get_or_create(object_id=source.object_id, path=path)
    segment, _ = OverridableSegment.objects.get_or_create(
        source=source, context=context, defaults={"order": 99, "data_json": json.dumps(value)}
    )
    return segment


@pytest.fixture
def translator(client, django_user_model):
    client.force_login(in_group(django_user_model, TRANSLATORS))
    return client


def test_the_translation_editor_offers_no_override_of_numbers_addresses_or_dates(translator):
    contact = sv(Contact).get(name="Mikamottagningen")
    resource = sv(Resource).first()
    strategy = sv(StrategyPage).get()
    for obj in (contact, resource, strategy):
        target, _translation = translation_for(obj, "fi")
        props = editor_props(translator, target)
        assert offered_overrides(props) == {}, type(obj).__name__
        assert props["segments"], "the texts are still there to translate"


def test_a_tel_link_in_rich_text_is_not_offered_but_a_web_link_is(translator):
    chapter = sv(ChapterPage).get(slug=TEL_CHAPTER)
    target, _translation = translation_for(chapter, "fi")
    values = set(offered_overrides(editor_props(translator, target)).values())
    assert "tel:+46910735000" not in values
    assert "https://www.skelleftea.se/orsanmalan" in values


def test_a_crafted_override_of_a_tel_link_is_refused_and_changes_nothing(translator, superuser):
    chapter = sv(ChapterPage).get(slug=TEL_CHAPTER)
    target, translation = translation_for(chapter, "fi")
    segment = OverridableSegment.objects.get(source=translation.source, data_json='"tel:+46910735000"')

    assert put_override(translator, translation, segment, "tel:+46900000000").status_code == 403
    assert (
        translator.delete(reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])).status_code
        == 403
    )
    assert not SegmentOverride.objects.filter(context=segment.context).exists()
    translation.save_target(user=superuser, publish=True)
    target.refresh_from_db()
    assert "tel:+46910735000" in str(target.body.raw_data) and "+46900000000" not in str(target.body.raw_data)


def test_a_crafted_override_of_a_stored_phone_segment_is_refused(translator):
    """Sources extracted before the lock still hold a phone segment until their next sync."""
    contact = sv(Contact).get(name="Mikamottagningen")
    target, translation = translation_for(contact, "fi")
    segment = legacy_segment(translation.source, "phone", contact.phone)
    assert put_override(translator, translation, segment, "0910-11 11 11").status_code == 403
    assert not SegmentOverride.objects.filter(context=segment.context).exists()
    assert offered_overrides(editor_props(translator, target)) == {}


def test_a_web_link_in_rich_text_can_still_be_overridden(translator):
    chapter = sv(ChapterPage).get(slug=TEL_CHAPTER)
    _target, translation = translation_for(chapter, "fi")
    segment = OverridableSegment.objects.get(
        source=translation.source, data_json='"https://www.skelleftea.se/orsanmalan"'
    )
    assert put_override(translator, translation, segment, "https://www.skelleftea.se/fi").status_code == 201


def test_an_invalid_stored_override_is_a_swedish_message_when_publishing_not_a_500(client, django_user_model):
    contact = sv(Contact).get(name="Mikamottagningen")
    target, translation = translation_for(contact, "fi")
    segment = legacy_segment(translation.source, "phone", contact.phone)
    SegmentOverride.objects.create(locale=target.locale, context=segment.context, data_json=json.dumps("ring mig"))

    client.force_login(in_group(django_user_model, APPROVERS))
    client.raise_request_exception = False
    response = client.post(edit_url(target), {"action": "publish"}, follow=True)
    assert response.status_code == 200
    assert "Nya valideringsproblem hittades vid publicering" in response.content.decode()
    override = SegmentOverride.objects.get(context=segment.context)
    assert "inte ett giltigt svenskt telefonnummer" in override.field_error
    target.refresh_from_db()
    assert target.phone == contact.phone


def test_syncing_keeps_locked_values_out_of_the_stored_segments():
    contact = sv(Contact).get(name="Mikamottagningen")
    source, _ = TranslationSource.update_or_create_from_instance(contact)
    paths = set(source.overridablesegment_set.values_list("context__path", flat=True))
    assert not paths & {"phone", "url", "category", "in_emergency_banner", "verified_on"}
