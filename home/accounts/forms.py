from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="Six digits, for example 123456. A new code appears every 30 seconds.",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        # isdecimal() would pass other scripts' digits, which no app shows.
        if not (code.isascii() and code.isdigit()):
            raise forms.ValidationError("Enter the six digits the app shows.")
        return code
