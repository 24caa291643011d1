/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';

export const ko: KindText = {
  role: 'WSGI 애플리케이션 서버: Flask 앱을 프로세스 × 스레드로 실행하고, nginx와는 바이너리 uwsgi 프로토콜로 말합니다.',
  doc: 'uWSGI는 앱을 여러 프로세스, 프로세스마다 여러 스레드로 실행합니다. `socket`이면 uwsgi 프로토콜로 말하고, nginx는 `uwsgi_pass`와 `include uwsgi_params`로 이 프로토콜을 씁니다. `http-socket`은 일반 HTTP로 말하며 테스트용이거나 `proxy_pass`용입니다. 둘을 헷갈리면 nginx가 502를 돌려줍니다.',
};
