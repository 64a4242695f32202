"""The content package's `municipality` section: the footer's contact details (cms/contact_details.py).

The package belongs to `pages`, which cannot import this app; the loader asks its apps to check
and write their sections through its signals (pages/content_package/signals.py).
"""

from wagtail.models import Site

from pages.content_package.reader import check_model
from pages.content_package.signals import package_checked, package_written

from .contact_details import MunicipalityContactDetails

# What the package may fill in.
CONTACT_DETAILS_FIELDS = ["name", "postal_address", "phone", "email"]


def check_contact_details(sender, data, **kwargs):
    values = data.get("municipality") or {}
    unknown = sorted(set(values) - set(CONTACT_DETAILS_FIELDS))
    problems = [f"municipality.{name}: not a field ({', '.join(CONTACT_DETAILS_FIELDS)})" for name in unknown]
    known = {name: values[name] or "" for name in CONTACT_DETAILS_FIELDS if name in values}
    return problems + check_model(MunicipalityContactDetails(**known), "municipality")


def write_contact_details(sender, writer, strategy, **kwargs):
    """Fill the footer's contact details where they are empty; never overwrite what an editor set.

    A site setting keeps no revisions, so replacing an edited value (a new switchboard number)
    would lose it for good; a field left or made empty takes the package's value again.
    """
    site = Site.objects.get(is_default_site=True)
    details = MunicipalityContactDetails.objects.filter(site=site).first() or MunicipalityContactDetails(site=site)
    empty = {
        field: value
        for field, value in (writer.data.get("municipality") or {}).items()
        if value and not getattr(details, field)
    }
    created = details.pk is None
    if empty or created:
        for field, value in empty.items():
            setattr(details, field, value)
        details.save()
        writer.counts["created" if created else "updated"] += 1
    else:
        writer.counts["unchanged"] += 1


def connect():
    package_checked.connect(check_contact_details, dispatch_uid="cms-contact-details-check")
    package_written.connect(write_contact_details, dispatch_uid="cms-contact-details-write")
