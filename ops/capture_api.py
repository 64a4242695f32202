"""Every public API answer in every language, as bytes: `python -m ops.capture_api OUT.json`.

Used by the restore drill: captured before a backup and after the restore, the two must be equal.
Reads through Django's test client (all middleware, no socket) with the server cache cold.
"""

import hashlib
import json
import sys

import django


def paginated(client, path):
    offset, paths = 0, []
    while True:
        page = f"{path}{'&' if '?' in path else '?'}limit=20&offset={offset}"
        paths.append(page)
        body = client.get(page).json()
        items = body.get("items", [])
        yield page, items
        offset += 20
        if offset >= body.get("count", 0) or not items:
            return


def capture():
    from django.conf import settings
    from django.test import Client

    settings.API_SERVER_CACHE = False
    client = Client(HTTP_HOST="localhost")
    paths = []
    for code, _name in settings.LANGUAGES:
        q = f"?locale={code}"
        paths += [f"/api/v3/strategies/{q}", f"/api/v3/navigation/{q}"]
        for page_path, items in paginated(client, f"/api/v3/pages/{q}"):
            paths.append(page_path)
            for item in items:
                pk = item["id"]
                paths += [
                    f"/api/v3/pages/{pk}/",
                    f"/api/v3/pages/{pk}/breadcrumbs/",
                    f"/api/v3/pages/{pk}/translations/",
                ]
        for strategy in client.get(f"/api/v3/strategies/{q}").json()["items"]:
            paths.append(f"/api/v3/strategies/{strategy['id']}/{q}")
        for collection in ("contacts", "actors", "indicators", "concepts", "goals", "resources"):
            for list_path, items in paginated(client, f"/api/v3/{collection}/{q}"):
                paths.append(list_path)
                paths += [f"/api/v3/{collection}/{item['id']}/{q}" for item in items]
    captured = {}
    for path in dict.fromkeys(paths):
        response = client.get(path)
        captured[path] = {"status": response.status_code, "body": response.content.decode()}
    return captured


def main(out):
    django.setup()
    captured = capture()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(captured, handle, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(json.dumps(captured, sort_keys=True).encode()).hexdigest()[:16]
    print(f"{len(captured)} API answers captured ({digest})")


if __name__ == "__main__":
    main(sys.argv[1])
