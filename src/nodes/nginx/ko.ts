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
    tls: {
      label: 'HTTPS',
      doc: '인증서를 어디서 얻을지. 자체 서명: 처음 시작할 때 만들어지며 로컬용입니다. Let’s Encrypt: certbot 서비스가 공개 도메인의 무료 인증서를 받고 갱신합니다. 내 파일: 호스트에서 마운트하는 내 인증서와 키.',
      options: {
        off: '끔(일반 HTTP)',
        'self-signed': '자체 서명',
        letsencrypt: 'Let’s Encrypt',
        files: '내 인증서 파일',
      },
    },
    httpsPort: {
      label: 'HTTPS 포트',
      doc: 'nginx가 HTTPS를 서빙하는 포트(`listen … ssl`). 같은 번호의 호스트 포트로 공개됩니다.',
    },
    redirectHttp: {
      label: 'HTTP를 HTTPS로 돌려보내기',
      doc: '일반 HTTP 요청에 HTTPS 주소로 301을 응답합니다(ACME 챌린지 경로는 예외). 암호화되지 않은 사이트에 남는 사람이 없게 합니다.',
    },
    hsts: {
      label: 'HSTS',
      doc: 'Strict-Transport-Security를 보냅니다. 브라우저는 링크가 http://라도 1년 동안 이 호스트에 HTTPS로만 접속합니다.',
    },
    email: {
      label: 'Let’s Encrypt 이메일',
      doc: 'certbot이 등록하는 계정 주소. 인증서가 만료되기 전에 Let’s Encrypt가 이 주소로 알립니다.',
    },
    certFile: {
      label: '인증서 파일',
      doc: '호스트에 있는 인증서 체인(리프 먼저, PEM). nginx 컨테이너의 같은 경로에 읽기 전용으로 마운트됩니다.',
    },
    keyFile: {
      label: '키 파일',
      doc: '인증서의 개인 키(PEM), 호스트에 있는 파일. nginx 컨테이너의 같은 경로에 읽기 전용으로 마운트됩니다.',
    },
  },
};
