from wagtail.models import PageManager


class LocalePageManager(PageManager):
    """Every page type's manager: `get()` straight on the manager brings the page's locale along.

    Wagtail turns a page into its specific type with `_default_manager.get(id=…)`, which leaves the
    locale to a query of its own, and the API, the language switcher and `<html lang>` all read it.
    Only `get()` on the manager itself joins it: a chained queryset may defer the locale with
    `.only()`, which cannot be combined with select_related.
    """

    def get(self, *args, **kwargs):
        return self.get_queryset().select_related("locale").get(*args, **kwargs)
