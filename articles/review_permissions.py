"""Who may publish reviewed pages directly: administrators only; everyone else goes
through the Medical review workflow."""

from wagtail.models import PagePermissionTester


class ReviewedSectionPermissionTester(PagePermissionTester):
    """Only administrators publish directly; everyone else goes through the workflow."""

    def can_publish_subpage(self):
        return self.user.is_active and self.user.is_superuser


class ReviewedPagePermissionTester(ReviewedSectionPermissionTester):
    def can_publish(self):
        return self.can_publish_subpage()


class ReviewedSectionMixin:
    """A section whose new pages are reviewed pages: only administrators publish them."""

    def permissions_for_user(self, user):
        return ReviewedSectionPermissionTester(user, self)
