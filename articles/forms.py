"""The article edit form: the rules that apply when an article goes to readers."""

from wagtail.admin.forms import WagtailAdminPageForm

from .blocks.citations import parse_keys
from .contents import citing_items


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        keys = self._reference_keys()
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
        if not self.is_deferred_validation and not keys:
            self.add_error(None, "Add at least one reference before publishing.")
        return cleaned_data

    def _reference_keys(self):
        formset = self.formsets.get("references")
        if formset is None:
            return set()
        formset.is_valid()  # ClusterForm cleans formsets after the form; clean them first
        keys = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data and not data.get("DELETE"):
                keys.update(parse_keys(data.get("key")))
        return keys
