"""The emergency banner's words for the two numbers the shipped strategy flags, in every shipped language.

Until now the banner showed each flagged contact's name and availability, so 112 read as
"Socialberedskap – Efter kontorstid". A database that already holds the strategy gets the same
words the content package gives (pages/content/strategy.yaml and its PO files): on the live row
and on its live revision, so the admin opens what the public sees. A label an editor has
already written is kept; contacts that are not flagged, or in other languages, keep theirs empty.
"""

from django.db import migrations

WORDS = {
    "112": {
        "sv": "Vid akut fara: ring",
        "en": "In an emergency: call",
        "fi": "Hätätilanteessa: soita",
        "ar": "في حالة الخطر الطارئ: اتصل بالرقم",
    },
    "114 14": {
        "sv": "Polisen, när det inte är akut:",
        "en": "Police, when it is not an emergency:",
        "fi": "Poliisi, kun tilanne ei ole kiireellinen:",
        "ar": "الشرطة، في الحالات غير الطارئة:",
    },
}


def add_words(apps, schema_editor):
    Contact = apps.get_model("snippets", "Contact")
    Revision = apps.get_model("wagtailcore", "Revision")
    flagged = Contact.objects.filter(in_emergency_banner=True, banner_label="", phone__in=WORDS).select_related(
        "locale"
    )
    for contact in flagged:
        words = WORDS[contact.phone].get(contact.locale.language_code)
        if not words:
            continue
        Contact.objects.filter(pk=contact.pk).update(banner_label=words)
        if contact.live_revision_id:
            revision = Revision.objects.get(pk=contact.live_revision_id)
            if not revision.content.get("banner_label"):
                revision.content["banner_label"] = words
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0004_contact_banner_label"),
    ]

    operations = [migrations.RunPython(add_words, migrations.RunPython.noop)]
