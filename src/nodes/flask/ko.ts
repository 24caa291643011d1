/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { FlaskProps } from './descriptor';

export const ko: KindText<FlaskProps> = {
  role: '요리사: 라우트와 비즈니스 로직이 있는 파이썬 웹 애플리케이션.',
  doc: 'Flask는 서버가 아니라 WSGI 애플리케이션입니다. 내장된 Werkzeug 서버는 개발용일 뿐입니다: 프로세스 하나, 느린 클라이언트 방어 없음, 워커 관리 없음. 운영 환경에서는 WSGI 서버(Gunicorn이나 uWSGI)가 `module:callable`을 import해서 실행합니다.',
  props: {
    module: {
      label: '모듈',
      doc: '앱이 들어 있는 파이썬 모듈, 점으로 구분(`app`, `shop.api`). Gunicorn은 `module:callable`을 불러옵니다.',
    },
    callable: {
      label: '호출 객체',
      doc: '모듈 안에 있는 Flask 객체의 이름(`app`, `application`).',
    },
    port: {
      label: '개발 서버 포트',
      doc: 'WSGI 서버가 앱을 실행하지 않을 때만 씁니다: Flask 개발 서버의 포트(nginx가 여기로 프록시합니다).',
    },
    staticRoute: {
      label: '정적 파일 경로',
      doc: '앱의 `static/` 폴더를 내보낼 URL 접두사(`/static/`), 없으면 비워 둡니다. nginx가 이 경로로 폴더를 직접, 긴 캐시 헤더와 함께, 워커를 깨우지 않고 서빙합니다. 컨테이너는 시작할 때 폴더를 nginx가 읽는 곳으로 복사합니다.',
    },
  },
};
