/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';

export const ko: KindText = {
  role: '관리자: Flask 워커 프로세스 여러 개를 띄워 요청을 동시에 처리하는 WSGI 서버.',
  doc: 'Gunicorn은 nginx가 넘겨준 HTTP 요청을 Flask 앱에 대한 WSGI 호출로 바꿔, 여러 워커 프로세스에서 처리합니다(권장: 2 × CPU 코어 + 1). 죽은 워커는 다시 띄우고, 종료할 때는 안전하게 정리합니다. import하는 앱과 같은 컨테이너에서 실행되어야 합니다.',
};
