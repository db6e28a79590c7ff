"""The article edit view: Wagtail's, with the article fetched with what the editor shows.

Registered for ArticlePage only (wagtail_hooks); every other page type, and every form
submitted to this one, goes through Wagtail's own view unchanged.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import PageSubscription, WorkflowState

from .editorial import ArticleAuthor
from .models import ArticlePage
from .related import RelatedArticle

ACTIVE = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


def article_for_editor(pk):
    """The article with its revisions, review, workflow history and chosen objects."""
    states = WorkflowState.objects.select_related("current_task_state__task").order_by(
        "created_at"
    )
    article = get_object_or_404(
        ArticlePage.objects.select_related(
            "latest_revision", "live_revision", "last_review__reviewer"
        ).prefetch_related(
            Prefetch("_specific_workflow_states", states, to_attr="_workflow_history"),
            Prefetch("authors", ArticleAuthor.objects.select_related("person")),
            Prefetch("related_links", RelatedArticle.objects.select_related("article")),
            "topics",
        ),
        pk=pk,
    )
    # What Page.objects.prefetch_workflow_states() would have given the page.
    article._current_workflow_states = [
        state for state in article._workflow_history if state.status in ACTIVE
    ]
    if article.last_review_id:
        article.__dict__.setdefault("review", article.last_review)
    return article


class ArticleEditView(EditView):
    def dispatch(self, request, page_id, **kwargs):
        if request.method != "GET" or self.expects_json_response:
            return super().dispatch(request, page_id, **kwargs)
        # The steps of Wagtail's EditView.dispatch (8.0.1; keep them in step when
        # upgrading), for opening the editor, on an article fetched in one go: Wagtail
        # fetches the page, its latest revision, the article and its last workflow
        # state one after another, and the editor then asks again for each of them.
        self.real_page_record = article_for_editor(page_id)
        if self.real_page_record.specific_class is not ArticlePage:
            return super().dispatch(request, page_id, **kwargs)  # a subclass of its own
        self.latest_revision = self.real_page_record.get_latest_revision()
        self.scheduled_revision = self.real_page_record.scheduled_revision
        self.page_content_type = self.real_page_record.cached_content_type
        self.page_class = ArticlePage
        self.revision_id = None
        self.is_reverting = False
        self.previous_revision = None
        self.page = self.get_object()
        self.parent = self.page.get_parent()
        self.scheduled_page = self.real_page_record.get_scheduled_revision_as_object()

        self.page_perms = self.page.permissions_for_user(request.user)
        self.lock = self.page.get_lock()
        self.locked_for_user = self.lock is not None and self.lock.for_user(
            request.user
        )
        if not self.page_perms.can_edit():
            raise PermissionDenied

        self.next_url = get_valid_next_url_from_request(request)
        response = self.run_hook("before_edit_page", request, self.page)
        if response:
            return response

        self.subscription, created = PageSubscription.objects.get_or_create(
            page=self.page,
            user=request.user,
            defaults={"comment_notifications": False},
        )
        self.edit_handler = self.page_class.get_edit_handler()
        self.form_class = self.edit_handler.get_form_class()

        history = self.real_page_record._workflow_history
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            # The current workflow state, or else the last one.
            self.workflow_state = self.page.current_workflow_state or (
                history[-1] if history else None
            )
        else:
            self.workflow_state = None
        self.locale = None
        self.translations = []
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            self.locale = self.page.locale
            self.translations = self.get_translations()
        self.workflow_tasks = (
            self.workflow_state.all_tasks_with_status() if self.workflow_state else []
        )
        self.has_unsaved_changes = False
        self.errors_debug = None
        self.autosave_interval = getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500)
        self.autosave_enabled = self.autosave_interval > 0
        # Past Wagtail's EditView.dispatch, to the view's own dispatch by method.
        return super(EditView, self).dispatch(request, page_id, **kwargs)

    def get_object(self):
        record = self.real_page_record
        if not isinstance(record, ArticlePage):
            return super().get_object()  # Wagtail's dispatch: a submitted form
        if record.has_unpublished_changes:
            page = super().get_object()  # the draft, from its revision
            # The draft is the same page: what the record fetched holds for it too.
            page._current_workflow_states = record._current_workflow_states
            page.latest_revision = record.latest_revision
            if page.live_revision_id == record.live_revision_id:
                page.live_revision = record.live_revision
            page.__dict__["scheduled_revision"] = record.scheduled_revision
            return page
        return record


class ArticlePageViewSet(PageViewSet):
    model = ArticlePage
    edit_view_class = ArticleEditView
