/**
 * The self-checks a Flask service folder ships: pytest tests of every app's API with Flask's test
 * client against a temporary SQLite file, the flake8, black and pytest config, and the pinned tools.
 */
import { TOOLING_COMMENTS, type ToolingComments } from '../toolingComments';
import type { PlannedApp } from '../../exporters/planTypes';
import { pyDottedName, pyIdentifier, pyString } from '../../exporters/serializers/python';
import type { SelfChecks } from '../planParts';
import { lintAndTestConfig, pySequence, renderDevRequirements } from '../pythonTooling';

/** Where each app answers: (module, callable, API base), one entry per base. */
function cases(apps: readonly PlannedApp[]): string[] {
  return apps.flatMap((app) =>
    app.apiBases.map((base) =>
      pySequence(
        '    ',
        '',
        [pyString(pyDottedName(app.module)), pyString(pyIdentifier(app.callable)), pyString(base)],
        '()',
      ).trimStart(),
    ),
  );
}

function caseList(name: string, apps: readonly PlannedApp[]): string {
  return pySequence('', `${name} = `, cases(apps));
}

const CONFTEST = `"""Test set-up: a temporary SQLite file and a key, before any app module is imported.

The app reads DATABASE_PATH when its module is imported; SECRET_KEY here is for the
tests only.
"""

import os
import secrets
import shutil
import tempfile

SCRATCH = tempfile.mkdtemp(prefix="flask-tests-")
os.environ["DATABASE_PATH"] = os.path.join(SCRATCH, "test.db")
os.environ.setdefault("SECRET_KEY", secrets.token_hex(32))


def pytest_unconfigure(config):
    shutil.rmtree(SCRATCH, ignore_errors=True)
`;

const TESTS_HEAD = `"""Tests of the JSON API with Flask's test client (run: python -m pytest)."""

import importlib

import pytest


def client_of(module, name):
    return getattr(importlib.import_module(module), name).test_client()
`;

const healthTest = (c: ToolingComments): string => `

@pytest.mark.parametrize("module, name, base", EVERY_API)
def test_health(module, name, base):
    response = client_of(module, name).get(base + "health")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
    # ${c.instanceTest}
    assert response.get_json()["instance"]
`;

const ITEM_TESTS = `

@pytest.mark.parametrize("module, name, base", WITH_ITEMS)
def test_post_then_get(module, name, base):
    client = client_of(module, name)
    created = client.post(base + "items", json={"name": "  tea  "})
    assert created.status_code == 201
    assert created.get_json()["name"] == "tea"
    listed = client.get(base + "items")
    assert listed.status_code == 200
    assert listed.get_json()["items"][0]["id"] == created.get_json()["id"]


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "",
        "[]",
        "{}",
        '{"name": ""}',
        '{"name": "   "}',
        '{"name": 5}',
        '{"name": "%s"}' % ("x" * 201),
    ],
)
@pytest.mark.parametrize("module, name, base", WITH_ITEMS)
def test_bad_input_is_refused(module, name, base, body):
    client = client_of(module, name)
    response = client.post(base + "items", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.get_json()
`;

const NO_ITEMS_TEST = `

@pytest.mark.parametrize("module, name, base", WITHOUT_ITEMS)
def test_no_items_without_a_database(module, name, base):
    assert client_of(module, name).get(base + "items").status_code == 404
`;

function renderTests(apps: readonly PlannedApp[], c: ToolingComments): string {
  const withItems = apps.filter((app) => app.database !== null);
  const withoutItems = apps.filter((app) => app.database === null);
  const lists = [
    '',
    '',
    `# ${c.testCases}`,
    caseList('EVERY_API', apps),
    ...(withItems.length > 0 ? [caseList('WITH_ITEMS', withItems)] : []),
    ...(withoutItems.length > 0 ? [caseList('WITHOUT_ITEMS', withoutItems)] : []),
    '',
  ];
  return [
    TESTS_HEAD,
    lists.join('\n'),
    healthTest(c),
    withItems.length > 0 ? ITEM_TESTS : '',
    withoutItems.length > 0 ? NO_ITEMS_TEST : '',
  ].join('');
}

const TESTS_EN =
  "pytest tests of the API with Flask's test client and a temporary SQLite file (`make test`): health, an item posted then read back, 400 on bad input; conftest.py sets them up.";
const LINT_EN =
  "flake8 settings in setup.cfg (`make lint`), black's (`make format`) and pytest's in pyproject.toml, with one line length.";
const TESTS_KO =
  'Flask 테스트 클라이언트와 임시 SQLite 파일로 API를 검사하는 pytest 테스트(`make test`): 헬스, 아이템을 POST한 뒤 다시 읽기, 잘못된 입력에 400. conftest.py가 준비합니다.';
const LINT_KO =
  'setup.cfg의 flake8 설정(`make lint`), pyproject.toml의 black 설정(`make format`)과 pytest 설정. 줄 길이는 하나로 맞춥니다.';

/** Flask's self-checks, for every app of a service folder at once. */
export function flaskSelfChecks(requirements: readonly string[]): SelfChecks {
  return {
    files: (apps, lang) => ({
      'conftest.py': CONFTEST,
      'tests/__init__.py': '',
      'tests/test_api.py': renderTests(apps, TOOLING_COMMENTS[lang]),
      ...lintAndTestConfig(lang, { folder: 'static', alsoFromBlack: false }),
      'requirements-dev.txt': renderDevRequirements(requirements, lang),
    }),
    explanations: {
      en: [
        ['tests/', TESTS_EN],
        ['conftest.py', TESTS_EN],
        ['setup.cfg', LINT_EN],
        ['pyproject.toml', LINT_EN],
        ['requirements-dev.txt', "The test and lint tools, pinned apart from the image's requirements."],
      ],
      ko: [
        ['tests/', TESTS_KO],
        ['conftest.py', TESTS_KO],
        ['setup.cfg', LINT_KO],
        ['pyproject.toml', LINT_KO],
        ['requirements-dev.txt', '테스트와 린트 도구. 이미지의 requirements와 따로 버전을 고정합니다.'],
      ],
    },
  };
}
