/**
 * The comments of health-check.py and the React files (vite.config.js, src/main.jsx), in English and
 * Korean (a key missing in Korean fails typecheck).
 */
import type { Lang } from '../../i18n/lang';

const en = {
  uwsgiProtocol: 'The uwsgi protocol: a 4-byte header, then length-prefixed CGI variables.',
  viteBase: 'base: the nginx route the build is served on, so asset URLs resolve behind it.',
  apis: 'The APIs nginx proxies next to this page (same origin: no CORS needed).',
};

export type CodeComments = typeof en;

const ko: CodeComments = {
  uwsgiProtocol: 'uwsgi 프로토콜: 4바이트 헤더 뒤에 길이가 앞에 붙은 CGI 변수들이 옵니다.',
  viteBase: 'base: 빌드를 서빙하는 nginx 경로. 그래야 그 경로 뒤에서도 애셋 URL이 맞게 풀립니다.',
  apis: '이 페이지 옆에서 nginx가 프록시하는 API들 (같은 origin이라 CORS가 필요 없습니다).',
};

export const CODE_COMMENTS: Readonly<Record<Lang, CodeComments>> = { en, ko };
