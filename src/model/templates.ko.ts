/** The templates' titles and summaries in Korean (the English ones sit with each template). */
import type { TemplateId } from './templates';

export const TEMPLATE_TEXT_KO: Record<TemplateId, { title: string; summary: string }> = {
  'gunicorn-flask-sqlite': {
    title: 'Nginx + Gunicorn + Flask + SQLite',
    summary: '실무 표준 스택: 앞단의 nginx, Flask를 실행하는 Gunicorn 워커, 볼륨 위의 SQLite.',
  },
  'uwsgi-unix-socket': {
    title: '유닉스 소켓으로 잇는 Nginx + uWSGI',
    summary: 'nginx가 공유 볼륨 위 uWSGI 소켓에 uwsgi 프로토콜(uwsgi_pass)로 말합니다.',
  },
  'react-nginx-gunicorn': {
    title: 'React + Nginx + Gunicorn',
    summary: 'nginx가 React 빌드를 서빙하고, /api/는 별도 컨테이너의 Gunicorn과 Flask로 프록시합니다.',
  },
  'flask-dev-server': {
    title: 'nginx 뒤의 Flask 개발 서버 (안티 패턴)',
    summary:
      '동작은 하지만 Werkzeug 개발 서버는 운영용이 아닙니다: StackSketch가 경고하고 이유를 설명합니다.',
  },
  'load-balanced-gunicorn': {
    title: '부하 분산 Gunicorn (복제본 3개)',
    summary:
      'nginx가 Gunicorn + Flask 컨테이너의 복제본 3개에 TCP로 요청을 나눠 보냅니다. 복제본들은 SQLite 파일 하나를 함께 씁니다(경고: 쓰기는 모두 차례를 기다립니다).',
  },
  'django-gunicorn-nginx': {
    title: 'React + Nginx + Gunicorn + Django',
    summary:
      'nginx가 React 빌드와 collectstatic으로 모은 Django 정적 파일을 서빙하고, /api/는 SQLite를 쓰는 Django를 실행하는 Gunicorn으로 프록시합니다.',
  },
  'https-letsencrypt': {
    title: 'Let’s Encrypt HTTPS',
    summary:
      '공개 도메인 위의 표준 스택: nginx가 certbot이 받아 갱신하는 인증서로 HTTPS를 종료하고, HTTP는 HTTPS로 돌려보냅니다.',
  },
};
