/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';

export const ko: KindText = {
  role: '요리사: 라우트와 비즈니스 로직이 있는 파이썬 웹 애플리케이션.',
  doc: 'Flask는 서버가 아니라 WSGI 애플리케이션입니다. 내장된 Werkzeug 서버는 개발용일 뿐입니다: 프로세스 하나, 느린 클라이언트 방어 없음, 워커 관리 없음. 운영 환경에서는 WSGI 서버(Gunicorn이나 uWSGI)가 `module:callable`을 import해서 실행합니다.',
};
