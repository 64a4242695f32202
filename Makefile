# The README's commands. Only Python 3.11 is needed; everything else is installed into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: run test fuzz lint check messages install clean chromium bench wrk nginx restore-drill load lock audit guide screenshots

# Exactly the locked versions, then the project itself (its dependencies are all in the lock).
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps .
	touch $@

# Renews requirements.lock: the newest versions pyproject.toml's ranges allow, resolved in a fresh venv.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet ".[test]"
	{ sed -n '1,3p' requirements.lock; .lock-venv/bin/pip freeze --exclude-editable | grep -vi '^skelleftea'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

# Known vulnerabilities in the locked versions; needs PyPI's or OSV's vulnerability API (README, "Supply chain").
audit: install
	$(PY) -m pip install --quiet "pip-audit>=2.9,<3" --constraint requirements.lock
	$(PY) -m pip_audit --requirement requirements.lock --no-deps --strict

install: $(VENV)/.installed messages

# Compiled with polib, so no system gettext is needed to run the site.
messages: $(VENV)/.installed
	$(PY) -c "import glob, polib; [polib.pofile(p).save_as_mofile(p[:-2] + 'mo') for p in glob.glob('locale/*/LC_MESSAGES/*.po')]"

run: install
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) load_strategy
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) ensure_dev_admin
	@echo "Site: http://127.0.0.1:8000/"
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) runserver 127.0.0.1:8000

# Debian's Chromium (Playwright cannot download browsers here): the browser tests drive its headless shell,
# as Playwright does by default; the screenshots are taken with the full browser.
chromium:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromium-headless-shell || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-headless-shell; \
		else echo "The browser tests need Debian's chromium: sudo apt-get install chromium chromium-headless-shell"; exit 1; fi; }

# The whole suite, one worker per core (pytest-xdist); DATABASE_URL chooses the database (SQLite by default).
# The loaded strategy every test starts from is built once and kept in .test-databases/ (tests/loaded_database.py).
# loadgroup keeps the tests that share one visit of every page in one worker (tests/browser/site_visits.py);
# without reordering, workers take tests in collection order, so each sets up its database before the browser
# tests start Playwright's event loop, under which Django refuses to (SynchronousOnlyOperation).
TEST_WORKERS ?= auto
test: install chromium
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

# The editor's guide's screenshots, as the editorial journeys take them (docs/redaktorsguide.md).
guide: install chromium
	$(PY) -m pytest tests/browser/test_editor_journeys.py tests/browser/test_requested_changes.py tests/browser/test_translator_language.py -q
	mkdir -p docs/guide && cp test-results/guide/*.png docs/guide/

# Every page type in every language at 375 and 1280 px, into screenshots/ (bin/screenshots).
screenshots: install chromium
	PY=$(PY) bin/screenshots

# schemathesis against a real server's OpenAPI document (bounded examples per operation).
fuzz: install
	PY=$(PY) bin/fuzz-api

# The benchmark against the ceiling (bench/README.md): PostgreSQL and Redis on the machine, wrk from Debian.
wrk:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; \
		else echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }

bench: install wrk
	$(PY) bench/run.py

nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx-light; \
		else echo "make load needs nginx: sudo apt-get install nginx-light"; exit 1; fi; }

# 50 readers and 2 editors for 60 s through nginx and two instances, one gunicorn worker killed
# mid-run (bench/README.md); LOAD_DATABASE=sqlite for SQLite.
load: install nginx
	$(PY) -m pip install --quiet ".[load]" --constraint requirements.lock
	$(PY) bench/load.py

# Backup and restore of PostgreSQL and media, checked answer by answer (bin/restore-drill).
restore-drill: install
	PY=$(PY) bin/restore-drill

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	@# The layers point one way and no package has import cycles (pyproject.toml, [tool.importlinter]).
	$(VENV)/bin/lint-imports

check: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	@# A throwaway key: production settings refuse to start without one, and none is kept in the repo.
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") ALLOWED_HOSTS=example.org SITE_BASE_URL=https://example.org REDIS_URL=redis://127.0.0.1:6379/0 \
		DJANGO_SETTINGS_MODULE=cms.settings.production $(MANAGE) check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .test-databases
