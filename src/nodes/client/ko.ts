/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { ClientProps } from './descriptor';

export const ko: KindText<ClientProps> = {
  role: '사용자의 브라우저나 앱: 언제나 정문에만 HTTP로 말을 겁니다.',
  doc: '클라이언트는 모든 컨테이너 바깥에 있습니다. 스택에는 nginx를 통해서만 들어와야 합니다. nginx가 느린 연결을 버퍼링하고 정적 파일을 서빙하므로, 뒤에 있는 파이썬 워커가 느린 클라이언트에 붙잡히지 않습니다.',
  props: {
    label: {
      label: '이름',
      doc: '다이어그램에서 이 클라이언트를 부를 이름(예: "브라우저", "모바일 앱").',
    },
  },
};
