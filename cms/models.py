from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class RejectionForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What needs to change"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor sees this comment; say what to change and why."),
    )


class ReviewTask(AbstractGroupApprovalTask):
    """Approval by a group, where asking for changes must say what to change."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return super().get_form_for_action(action)

    class Meta:
        verbose_name = _("review by a group")
        verbose_name_plural = _("reviews by a group")
