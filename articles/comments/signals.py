"""Keeping comments consistent with the pages they belong to."""
