"""The admin's list and export of feedback reports (the accessibility statement's form submissions)."""

from wagtail.contrib.forms.views import SubmissionsListView

# What spreadsheet programs read as the start of a formula (or, for tab and carriage return,
# as a cell break before one), per OWASP's CSV injection advice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value):
    """A cell value a spreadsheet shows as written: anyone can type "=HYPERLINK(...)" into the form."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FeedbackSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        return as_text(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        # Headings are the form's labels, which editors write.
        return as_text(super().get_heading(queryset, field))
