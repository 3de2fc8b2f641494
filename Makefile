.PHONY: run test deps-test

run:
	pip install -e .
	kg build seeds/ -o graphs/
	kg serve graphs/ --host 127.0.0.1 --port 5000

deps-test:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

test: deps-test
	pip install -q -e '.[test]'
	python -m pytest -q
