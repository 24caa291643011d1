/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';

export const ko: KindText = {
  role: '빌드된 React 앱: nginx가 자기 컨테이너에서 서빙하는 HTML, CSS, JS 정적 파일.',
  doc: 'React 앱은 `npm run build`로 정적 파일이 됩니다. 서버에서 실행되는 게 없으니 nginx 컨테이너가 제자리입니다: 멀티 스테이지 Dockerfile이 Node로 빌드하고 결과물을 nginx 이미지로 복사합니다.',
};
