/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';

export const ko: KindText = {
  role: '문지기: 모든 요청을 받아 정적 파일은 빠르게 서빙하고 나머지는 넘겨주는 리버스 프록시.',
  doc: 'nginx는 클라이언트를 마주합니다. 느린 요청과 응답을 버퍼링해서 Gunicorn이나 uWSGI 워커가 앱이 계산하는 동안에만 일하게 하고, 빌드된 React 파일을 직접 서빙하고, 응답을 압축하며, HTTPS를 처리하는 곳입니다. 클라이언트는 앱 서버에 직접 닿지 않습니다.',
};
