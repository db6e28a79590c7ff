from django.urls import path, re_path

from . import views

# Page ids are at most nine digits, so a huge number is a 404, not a database error.
PAGE_ID = r"(?P<page_id>[0-9]{1,9})"

urlpatterns = [
    path("people/<slug:slug>/", views.person, name="person"),
    re_path(
        rf"^report-a-problem/{PAGE_ID}/$", views.report_problem, name="report_problem"
    ),
    re_path(
        rf"^report-a-problem/{PAGE_ID}/thanks/$",
        views.report_problem_thanks,
        name="report_problem_thanks",
    ),
]
