/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { NginxProps } from './descriptor';

export const ko: KindText<NginxProps> = {
  role: '문지기: 모든 요청을 받아 정적 파일은 빠르게 서빙하고 나머지는 넘겨주는 리버스 프록시.',
  doc: 'nginx는 클라이언트를 마주합니다. 느린 요청과 응답을 버퍼링해서 Gunicorn이나 uWSGI 워커가 앱이 계산하는 동안에만 일하게 하고, 빌드된 React 파일을 직접 서빙하고, 응답을 압축하며, HTTPS를 처리하는 곳입니다. 클라이언트는 앱 서버에 직접 닿지 않습니다.',
  props: {
    listen: {
      label: 'listen 포트',
      doc: 'nginx가 컨테이너 안에서 듣는 포트. docker-compose가 같은 번호의 호스트 포트로 공개합니다.',
    },
    serverName: {
      label: '서버 이름',
      doc: '이 서버가 응답할 호스트 이름(`server_name`), 공백으로 구분: 아무 호스트나 받으려면 `_`, `localhost`, 또는 `example.com *.example.com` 같은 이름.',
    },
    gzip: {
      label: 'gzip 압축',
      doc: '텍스트 응답(HTML, CSS, JS, JSON)을 압축해서 보냅니다. 모든 클라이언트가 받는 바이트가 줄어듭니다.',
    },
    clientMaxBodySize: {
      label: '최대 요청 본문 크기',
      doc: 'nginx가 받는 가장 큰 요청 본문(`client_max_body_size`), 예: `10m`. 더 큰 업로드는 파이썬에 닿기 전에 413을 받습니다.',
    },
  },
};
