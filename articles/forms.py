"""The article edit form, and the readers' problem-report form."""

from django import forms
from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError

from .blocks.citations import parse_keys
from .editorial import ProblemReport
from .publishing import (
    REVIEWER_REQUIRED,
    SUMMARY_REQUIRED,
    content_problems,
    unresolved_citations,
)

DIRECT_PUBLISH_HELP = (
    "Administrators only. Tick before choosing Publish to put this version live "
    "before a medical reviewer approves it. Readers will not see a “Medically "
    "reviewed” stamp, and the Reviews due report lists it as not reviewed."
)
# The field the admin's publish hook reads (articles.publishing_admin).
DIRECT_PUBLISH_FIELD = "publish_without_review"


class ArticlePageForm(WagtailAdminPageForm):
    """Shows the publishing rules (articles.publishing) beside the fields they concern."""

    publish_without_review = forms.BooleanField(
        required=False,
        label="Publish without medical review",
        help_text=DIRECT_PUBLISH_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not (self.for_user and self.for_user.is_superuser):
            del self.fields[DIRECT_PUBLISH_FIELD]
        if "summary" in self.fields:
            self.fields["summary"].error_messages["required"] = SUMMARY_REQUIRED
        reviewer = self.fields.get("medical_reviewer")
        if reviewer is not None:
            # The snippet chooser would offer every person; a list offers reviewers only.
            reviewer.widget = forms.Select(choices=reviewer.choices)
            reviewer.empty_label = "Choose a medical reviewer"
            # Required to publish; Wagtail defers it for drafts, and marks it required.
            reviewer.required = True
            reviewer.error_messages["required"] = REVIEWER_REQUIRED

    def clean(self):
        cleaned_data = super().clean()
        keys = {
            key
            for data in self._kept_forms("references")
            for key in parse_keys(data.get("key"))
        }
        body = cleaned_data.get("body", self._submitted_body())
        if self.is_deferred_validation:
            # A draft may be incomplete, but never cite what is not there.
            if body is not None and (message := unresolved_citations(body, keys)):
                self._add_error_beside("body", message)
        else:
            problems = content_problems(
                summary=cleaned_data.get("summary"),
                has_author=any(
                    data.get("person") for data in self._kept_forms("authors")
                ),
                has_reviewer=bool(cleaned_data.get("medical_reviewer")),
                reference_keys=keys,
                body=body,
                topics=cleaned_data.get("topics"),
            )
            for problem in problems:
                self._add_error_beside(problem.field, problem.message)
        return cleaned_data

    def _submitted_body(self):
        """The body as posted, when its own checks failed: citations are checked anyway."""
        field = self.fields.get("body")
        if field is None:
            return None
        return field.widget.value_from_datadict(
            self.data, self.files, self.add_prefix("body")
        )

    def _add_error_beside(self, field, message):
        """Put `message` next to the field, inline panel or body it concerns."""
        if field == "body":
            self._add_body_error(message)
        elif field in self.formsets:
            self.formsets[field].non_form_errors().append(message)
        elif field in self.fields:
            if field not in self.errors:
                self.add_error(field, message)
        else:
            self.add_error(None, message)

    def _add_body_error(self, message):
        """The body shows one error object: fold the message into the blocks' own."""
        previous = self._errors.pop("body", None)
        error = previous.as_data()[0] if previous else None
        if isinstance(error, StreamBlockValidationError):
            blocks, earlier = error.block_errors, list(error.non_block_errors.as_data())
        else:
            blocks, earlier = None, [] if error is None else [error]
        self.add_error(
            "body",
            StreamBlockValidationError(
                block_errors=blocks,
                non_block_errors=[*earlier, ValidationError(message)],
            ),
        )

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
