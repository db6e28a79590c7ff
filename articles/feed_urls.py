"""RSS and Atom feeds of the latest articles."""

urlpatterns = []
