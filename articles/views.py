"""Reader views outside the page tree: people's profiles and problem reports."""

import logging
import smtplib

from django_ratelimit.decorators import ratelimit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .forms import ProblemReportForm
from .models import ArticlePage
from .people import Person

logger = logging.getLogger(__name__)

# Per IP address, counting every POST, valid or not.
REPORT_RATE = "5/h"
RATE_LIMITED = (
    "You have sent several reports in a short time. Please wait an hour and try "
    "again. We have kept what you typed."
)


def person(request, slug):
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    articles = (
        ArticlePage.objects.live()
        .public()
        .order_by("-first_published_at", "-pk")
        .prefetch_related("topics")
    )
    context = {
        "person": person,
        "written": articles.filter(authors__person=person).distinct(),
        "reviewed": articles.filter(
            Q(medical_reviewer=person) | Q(reviews__reviewer=person)
        ).distinct(),
    }
    return TemplateResponse(request, "articles/person.html", context)


def reportable_article(page_id):
    return get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)


@ratelimit(key="ip", rate=REPORT_RATE, method="POST", block=False)
def report_problem(request, page_id):
    article = reportable_article(page_id)
    status = 200
    if request.method != "POST":
        form = ProblemReportForm()
    else:
        form = ProblemReportForm(request.POST)
        if getattr(request, "limited", False):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            if not form.is_spam:
                report = form.save(commit=False)
                report.article = article
                report.save()
                notify_editors(request, report)
            return redirect("report_problem_thanks", page_id=article.pk)
    context = {"article": article, "form": form}
    return TemplateResponse(
        request, "articles/report_problem.html", context, status=status
    )


def report_problem_thanks(request, page_id):
    article = reportable_article(page_id)
    return TemplateResponse(
        request, "articles/report_problem_thanks.html", {"article": article}
    )


def notify_editors(request, report):
    """Email the editors; the report is stored whether or not the email goes."""
    article = report.article
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailsnippets_articles_problemreport:edit", args=[report.pk]
    )
    body = "\n\n".join(
        [
            f"A reader reported a problem with “{article.title}”:\n"
            f"{article.get_full_url(request)}",
            report.message,
            f"Name: {report.name or '(not given)'}\n"
            f"Email: {report.email or '(not given)'}",
            f"Mark it resolved in the admin: {admin_url}",
        ]
    )
    email = EmailMessage(
        subject=" ".join(f"Problem reported: {article.title}".split())[:150],
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[settings.EDITORIAL_EMAIL],
        reply_to=[report.email] if report.email else None,
    )
    try:
        email.send()
    except (smtplib.SMTPException, OSError):
        logger.exception(
            "Could not email the editors about problem report %s", report.pk
        )
