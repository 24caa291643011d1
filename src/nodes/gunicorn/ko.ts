/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { GunicornProps } from './descriptor';

export const ko: KindText<GunicornProps> = {
  role: '관리자: Flask 워커 프로세스 여러 개를 띄워 요청을 동시에 처리하는 WSGI 서버.',
  doc: 'Gunicorn은 nginx가 넘겨준 HTTP 요청을 Flask 앱에 대한 WSGI 호출로 바꿔, 여러 워커 프로세스에서 처리합니다(권장: 2 × CPU 코어 + 1). 죽은 워커는 다시 띄우고, 종료할 때는 안전하게 정리합니다. import하는 앱과 같은 컨테이너에서 실행되어야 합니다.',
  props: {
    transport: {
      label: '연결 방식',
      doc: 'nginx가 Gunicorn에 닿는 방법: TCP 포트, 또는 두 컨테이너가 함께 마운트한 볼륨 위의 유닉스 소켓 파일.',
      options: { tcp: 'TCP 포트', unix: '유닉스 소켓' },
    },
    port: {
      label: '포트',
      doc: 'Gunicorn이 컨테이너 안에서 바인딩하는 TCP 포트(`bind = "0.0.0.0:PORT"`). 호스트에 공개하지 않아서 nginx만 닿습니다.',
    },
    socketPath: {
      label: '소켓 경로',
      doc: 'Gunicorn이 바인딩하는 유닉스 소켓 파일(`bind = "unix:PATH"`). nginx와 함께 쓰는 볼륨 위에 있습니다.',
    },
    workers: {
      label: '워커 수',
      doc: '워커 프로세스 수: "auto"는 Gunicorn이 시작할 때 2 × CPU 코어 + 1을 계산합니다. 또는 정수. sync 워커 하나는 한 번에 요청 하나를 처리합니다.',
    },
    threads: {
      label: '스레드 수',
      doc: '워커당 스레드 수. 1보다 크면 Gunicorn이 gthread 워커 클래스를 써서, nginx와의 유휴 연결도 적은 비용으로 열어 둡니다.',
    },
    timeout: {
      label: '타임아웃(초)',
      doc: '이 시간(초) 동안 응답이 없는 워커는 죽이고 다시 띄웁니다. 멈춘 요청 하나가 워커를 영원히 붙잡지 못합니다.',
    },
    maxRequests: {
      label: '최대 요청 수',
      doc: '워커는 요청을 이만큼 처리하면 교체됩니다(`max_requests`): 메모리 누수로 잡힌 메모리를 돌려받습니다. 0이면 교체하지 않습니다.',
    },
    maxRequestsJitter: {
      label: '최대 요청 수 지터',
      doc: '워커마다 `max_requests`에 0…N 사이의 임의 값을 더해서, 워커들이 한꺼번에 재시작하지 않게 합니다.',
    },
  },
};
