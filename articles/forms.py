"""The article edit form's publishing rules, and the readers' problem-report form."""

from django import forms

from wagtail.admin.forms import WagtailAdminPageForm

from .blocks.citations import parse_keys
from .contents import citing_items
from .editorial import ProblemReport
from .workflow import WORKFLOW as MEDICAL_REVIEW

SUMMARY_REQUIRED = (
    "Add a summary before publishing: two plain sentences that say what the "
    "article covers."
)
AUTHOR_REQUIRED = "Add at least one author before publishing."
REVIEWER_REQUIRED = "Choose a medical reviewer before publishing."
REFERENCE_REQUIRED = "Add at least one reference before publishing."
REVIEW_REQUIRED = (
    "Articles here reach readers through the Medical review workflow: choose "
    "“Submit to Medical review” instead of Publish."
)


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "summary" in self.fields:
            self.fields["summary"].error_messages["required"] = SUMMARY_REQUIRED
        reviewer = self.fields.get("medical_reviewer")
        if reviewer is not None:
            # The snippet chooser would offer every person; a list offers reviewers only.
            reviewer.widget = forms.Select(choices=reviewer.choices)
            reviewer.empty_label = "Choose a medical reviewer"

    def clean(self):
        cleaned_data = super().clean()
        keys = {
            key
            for data in self._kept_forms("references")
            for key in parse_keys(data.get("key"))
        }
        body = cleaned_data.get("body")
        if body is not None:
            unknown = sorted(
                {key for item in citing_items(body) for key in item.citation_keys}
                - keys
            )
            if unknown:
                self.add_error(
                    None,
                    "These citations point at no reference: "
                    + ", ".join(unknown)
                    + ". Add the reference, or correct the key.",
                )
        # Drafts may be incomplete; publishing and submitting for review may not.
        if not self.is_deferred_validation:
            if not any(data.get("person") for data in self._kept_forms("authors")):
                self.add_error(None, AUTHOR_REQUIRED)
            if "medical_reviewer" in self.fields and not cleaned_data.get(
                "medical_reviewer"
            ):
                self.add_error("medical_reviewer", REVIEWER_REQUIRED)
            if not keys:
                self.add_error(None, REFERENCE_REQUIRED)
        if self.data.get("action-publish") and self._skips_review():
            self.add_error(None, REVIEW_REQUIRED)
        return cleaned_data

    def _skips_review(self):
        """A direct publish, by anyone but an administrator, where medical review applies."""
        user = self.for_user
        if user is None or user.is_superuser or self.parent_page is None:
            return False
        workflow = self.parent_page.get_workflow()
        return workflow is not None and workflow.name == MEDICAL_REVIEW

    def _kept_forms(self, name):
        """Cleaned data of the inline forms under `name` that are not being deleted."""
        formset = self.formsets.get(name)
        if formset is None:
            return []
        formset.is_valid()  # ClusterForm cleans formsets after the form; clean them first
        return [
            data
            for form in formset.forms
            if (data := getattr(form, "cleaned_data", None)) and not data.get("DELETE")
        ]


class ProblemReportForm(forms.ModelForm):
    """A reader's report of a problem with an article."""

    # Hidden from people (CSS and aria-hidden); bots that fill every field fill it.
    website = forms.CharField(
        required=False, label="Leave this field empty", max_length=200
    )

    class Meta:
        model = ProblemReport
        fields = ["message", "name", "email"]
        labels = {
            "message": "What is wrong with this page?",
            "name": "Your name",
            "email": "Your email address",
        }
        help_texts = {
            "message": "For example, a mistake, a broken link or something that is "
            "hard to understand. Do not include details about your health. "
            "At most 3,000 characters.",
            "email": "Only if you would like a reply. We use it for nothing else.",
        }
        error_messages = {
            "message": {
                "required": "Tell us what is wrong with this page.",
                "max_length": "Keep your message to 3,000 characters or fewer: it "
                "has %(show_value)d.",
            },
            "name": {
                "max_length": "Keep your name to 120 characters or fewer.",
            },
            "email": {
                "invalid": "Enter an email address like name@example.org, or leave "
                "it empty.",
            },
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off"}
        )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
