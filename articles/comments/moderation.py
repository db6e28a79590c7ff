"""Moderation rules applied before a comment is public."""
