"""The public JSON API on Wagtail's API v3; `endpoints` assembles it, `paths` says where it answers."""
