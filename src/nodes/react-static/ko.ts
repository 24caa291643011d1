/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { ReactStaticProps } from './descriptor';

export const ko: KindText<ReactStaticProps> = {
  role: '빌드된 React 앱: nginx가 자기 컨테이너에서 서빙하는 HTML, CSS, JS 정적 파일.',
  doc: 'React 앱은 `npm run build`로 정적 파일이 됩니다. 서버에서 실행되는 게 없으니 nginx 컨테이너가 제자리입니다: 멀티 스테이지 Dockerfile이 Node로 빌드하고 결과물을 nginx 이미지로 복사합니다.',
  props: {
    spaFallback: {
      label: 'SPA 폴백',
      doc: '모르는 경로에는 index.html로 응답합니다(`try_files $uri $uri/ /index.html`). 그래서 클라이언트 쪽 라우트가 새로고침해도 살아남습니다.',
    },
  },
};
