/** Every kind's Korean words, gathered from the kinds' folders for the lazily loaded Korean chunk. */
import { ko as client } from './client/ko';
import { ko as flask } from './flask/ko';
import { ko as gunicorn } from './gunicorn/ko';
import { ko as nginx } from './nginx/ko';
import { ko as reactStatic } from './react-static/ko';
import { ko as sqlite } from './sqlite/ko';
import type { KindText, NodeKind } from './types';
import { ko as uwsgi } from './uwsgi/ko';

export const KIND_TEXT_KO: Record<NodeKind, KindText> = {
  client,
  nginx,
  gunicorn,
  uwsgi,
  flask,
  sqlite,
  'react-static': reactStatic,
};
