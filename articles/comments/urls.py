"""The reader's comment URLs. xtd's REST API is left out: it would skip the form's rules."""

from django_comments.views.comments import comment_done
from django_comments.views.moderation import flag_done
from django_comments_xtd import views as xtd_views

from django.contrib.contenttypes.views import shortcut
from django.urls import path, re_path

from . import views

urlpatterns = [
    path("post/", views.post, name="comments-post-comment"),
    path("posted/", comment_done, name="comments-comment-done"),
    path("sent/", xtd_views.sent, name="comments-xtd-sent"),
    path("confirm/<str:key>/", views.confirm, name="comments-xtd-confirm"),
    path("mute/<str:key>/", views.mute, name="comments-xtd-mute"),
    path("reply/<int:cid>/", views.reply, name="comments-xtd-reply"),
    path("flag/<int:comment_id>/", views.flag, name="comments-flag"),
    path("flagged/", flag_done, name="comments-flag-done"),
    path("delete/<int:comment_id>/", views.delete, name="comments-delete"),
    # A comment's permalink (comment.get_absolute_url): to its article, on the Site domain.
    re_path(r"^cr/(\d+)/(.+)/$", shortcut, name="comments-url-redirect"),
]
