"""The moderators' side of comments in the Wagtail admin (registered from wagtail_hooks)."""
