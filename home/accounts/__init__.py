"""Signing in: lockout after failed passwords, page-password limits, two-factor sign-in."""
