/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { UwsgiProps } from './descriptor';

export const ko: KindText<UwsgiProps> = {
  role: 'WSGI 애플리케이션 서버: Flask 앱을 프로세스 × 스레드로 실행하고, nginx와는 바이너리 uwsgi 프로토콜로 말합니다.',
  doc: 'uWSGI는 앱을 여러 프로세스, 프로세스마다 여러 스레드로 실행합니다. `socket`이면 uwsgi 프로토콜로 말하고, nginx는 `uwsgi_pass`와 `include uwsgi_params`로 이 프로토콜을 씁니다. `http-socket`은 일반 HTTP로 말하며 테스트용이거나 `proxy_pass`용입니다. 둘을 헷갈리면 nginx가 502를 돌려줍니다.',
  props: {
    protocol: {
      label: '프로토콜',
      doc: '"uwsgi"는 `socket = …`(nginx의 `uwsgi_pass`가 쓰는 바이너리 프로토콜)을, "http"는 `http-socket = …`(일반 HTTP, `proxy_pass`용)을 씁니다.',
      options: { uwsgi: 'uwsgi (socket)', http: 'HTTP (http-socket)' },
    },
    transport: {
      label: '연결 방식',
      doc: '유닉스 소켓 파일(빠름, nginx와 함께 쓰는 볼륨 위) 또는 TCP 포트.',
      options: { unix: '유닉스 소켓', tcp: 'TCP 포트' },
    },
    port: {
      label: '포트',
      doc: '연결 방식이 TCP일 때 uWSGI가 컨테이너 안에서 듣는 TCP 포트.',
    },
    socketPath: {
      label: '소켓 경로',
      doc: 'uWSGI가 만드는 유닉스 소켓 파일. nginx와 함께 쓰는 볼륨 위에 있고, `chmod-socket`으로 nginx가 쓸 수 있게 합니다.',
    },
    processes: {
      label: '프로세스 수',
      doc: '워커 프로세스 수. 프로세스마다 `threads`개의 스레드를 돌리므로 4 × 2면 요청 8개를 동시에 처리합니다. 권장: 2 × CPU 코어 + 1.',
    },
    threads: {
      label: '스레드 수',
      doc: '프로세스당 스레드 수(uWSGI가 이를 위해 파이썬 스레드를 켭니다).',
    },
    maxRequests: {
      label: '최대 요청 수',
      doc: '워커는 요청을 이만큼 처리하면 다시 띄워집니다(`max-requests`): 메모리 누수로 잡힌 메모리를 돌려받습니다. 0이면 교체하지 않습니다.',
    },
    harakiri: {
      label: 'harakiri(초)',
      doc: '이 시간(초)보다 오래 걸리는 요청은 그 워커를 죽이고 교체합니다(`harakiri`). 0이면 끕니다.',
    },
    stats: {
      label: '통계 서버',
      doc: '컨테이너 안 127.0.0.1:9191에서 워커 통계를 JSON으로 보여 줍니다(`stats`). `uwsgitop`이나 curl로 봅니다. 공개되지 않습니다.',
    },
  },
};
