"""Oversized uploads are refused with a message and store nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png(width, height):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    upload = SimpleUploadedFile("stor.png", png(400, 400) + b"\0" * 2048, content_type="image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Stor", "file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert get_image_model().objects.count() == 0


def test_an_image_with_too_many_pixels_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    upload = SimpleUploadedFile("bred.png", png(400, 400), content_type="image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Bred", "file": upload})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert get_image_model().objects.count() == 0


def test_the_limits_are_set_for_production():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 40_000_000
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
