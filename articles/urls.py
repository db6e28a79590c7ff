from django.urls import path

from . import views

urlpatterns = [
    path("people/<slug:slug>/", views.person, name="person"),
]
