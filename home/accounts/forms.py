from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="Six digits, for example 123456. A new code appears every 30 seconds.",
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}
        ),
    )

    def clean_code(self):
        # Apps show the code as "123 456"; people type it that way too.
        code = self.cleaned_data["code"].replace(" ", "")
        # isdigit() alone would pass other scripts' digits, which no app shows.
        if len(code) != 6 or not (code.isascii() and code.isdigit()):
            raise forms.ValidationError("Enter the six digits the app shows.")
        return code
