"""Admin for people, problem reports and the medical review workflow."""
