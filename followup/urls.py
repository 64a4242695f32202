from django.urls import path

from .views import follow_up_page

# Mounted in cms.urls under the language prefix: /sv/uppfoljning/2023/, /en/uppfoljning/2023/ …
urlpatterns = [path("uppfoljning/<int:year>/", follow_up_page, name="follow_up")]
