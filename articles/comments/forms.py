"""The reader's comment form: labelled fields, plain messages, and the checks xtd skips."""

from datetime import timedelta

from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from .closing import comments_are_open
from .models import BlockedTerm, PendingComment
from .moderation import CLOSED, Refusal, blocked_terms, matched_terms, reply_problem
from .text import clean_plain_text

MAX_LENGTH = settings.COMMENT_MAX_LENGTH
AS_NEW_COMMENT = "You can post yours as a new comment instead: it is kept below."


class ArticleCommentForm(XtdCommentForm):
    # Declared again to choose the scheme "example.org" gets (Django 6 default).
    url = forms.URLField(required=False, assume_scheme="https", max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent_comment = None
        fields = self.fields
        fields["name"].label = "Name"
        fields["name"].widget = forms.TextInput(
            attrs={"autocomplete": "name", "maxlength": 50}
        )
        fields["name"].error_messages["required"] = "Enter your name."
        fields["name"].error_messages["max_length"] = (
            "Shorten your name to %(limit_value)d characters or fewer."
        )

        fields["email"].label = "Email address"
        fields["email"].validators.append(MaxLengthValidator(254))
        fields["email"].help_text = "Your email address will not be published."
        fields["email"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "maxlength": 254, "spellcheck": "false"}
        )
        fields["email"].error_messages["required"] = "Enter your email address."
        fields["email"].error_messages["invalid"] = (
            "Enter an email address in the form name@example.com."
        )
        fields["email"].error_messages["max_length"] = (
            "Enter an email address of 254 characters or fewer."
        )

        fields["url"].label = "Website"  # the field template marks it optional
        fields["url"].help_text = "If you give one, your name links to it."
        fields["url"].widget = forms.URLInput(
            attrs={"autocomplete": "url", "maxlength": 200, "spellcheck": "false"}
        )
        fields["url"].error_messages["invalid"] = (
            "Enter a web address such as https://example.org, or leave it empty."
        )

        fields["comment"].label = "Comment"
        fields[
            "comment"
        ].help_text = (
            f"Plain text, up to {MAX_LENGTH:,} characters. Web addresses become links."
        )
        fields["comment"].widget = forms.Textarea(
            attrs={"rows": 8, "maxlength": MAX_LENGTH}
        )
        fields["comment"].error_messages["required"] = "Write your comment."
        fields["comment"].error_messages["max_length"] = (
            "Your comment is %(show_value)d characters long. Shorten it to "
            "%(limit_value)d characters or fewer."
        )

        fields["followup"].label = "Email me when someone else comments on this article"
        fields["followup"].widget = forms.CheckboxInput()

        fields["reply_to"].error_messages["invalid"] = (
            f"The comment you replied to could not be found. {AS_NEW_COMMENT}"
        )

        fields["honeypot"].label = "Leave this field empty"
        fields["honeypot"].widget = forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1"}
        )

    @property
    def field_errors(self):
        """(field, first message) for the error summary, in the order fields appear."""
        return [
            (self[name], self.errors[name][0])
            for name in ("name", "email", "url", "comment", "followup")
            if name in self.errors
        ]

    def clean_name(self):
        return clean_plain_text(self.cleaned_data["name"])

    def clean_comment(self):
        comment = clean_plain_text(super().clean_comment())
        if not comment:
            raise forms.ValidationError(
                self.fields["comment"].error_messages["required"]
            )
        return comment

    def unavailable(self, request=None):
        """Why this form cannot be posted now (a Refusal), to show instead of it."""
        if not comments_are_open(self.target_object, request):
            return CLOSED
        problem = reply_problem(self.initial.get("reply_to", 0), self.target_object)
        if problem:
            return Refusal("You cannot reply to this comment", problem)
        return None

    def clean_reply_to(self):
        reply_to = self.cleaned_data["reply_to"]
        problem = reply_problem(reply_to, self.target_object)
        if problem:
            raise forms.ValidationError(f"{problem} {AS_NEW_COMMENT}")
        if reply_to:
            self.parent_comment = XtdComment.objects.filter(pk=reply_to).first()
        return reply_to

    def clean(self):
        cleaned_data = super().clean()
        if "reply_to" in self.errors:
            # The reader cannot correct a hidden field: shown again, the form posts
            # their text as a new comment instead.
            data = self.data.copy()
            data[self.add_prefix("reply_to")] = "0"
            self.data = data
        fields = {
            name: cleaned_data.get(name, "")
            for name in ("comment", "url", "name", "email")
        }
        reported = set()
        terms = blocked_terms(BlockedTerm.Action.REJECT)
        for name, value in fields.items():
            for term in matched_terms([value], terms):
                if term.pk not in reported:
                    reported.add(term.pk)
                    self.add_error(
                        name,
                        f"We do not publish comments containing “{term.term}”. "
                        "Remove it and post again.",
                    )
        if not self.errors and self.is_duplicate(fields):
            self.add_error(
                "comment",
                "You have already posted this comment. It appears on the article once "
                "it is published.",
            )
        return cleaned_data

    def is_duplicate(self, fields):
        """A second click on "Post comment", or the back button and a second post."""
        same = {
            "content_type__app_label": self.target_object._meta.app_label,
            "content_type__model": self.target_object._meta.model_name,
            "object_pk": str(self.target_object.pk),
            "user_email__iexact": fields["email"],
            "comment": fields["comment"],
        }
        # Awaiting confirmation counts too, while its link still works.
        cutoff = timezone.now() - timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS)
        return (
            XtdComment.norel_objects.filter(**same).exists()
            or PendingComment.objects.filter(
                **same, confirmed_at__isnull=True, submit_date__gt=cutoff
            ).exists()
        )
