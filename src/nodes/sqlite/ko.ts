/** The kind in Korean: its role in the palette and its doc (the kind's name stays as it is). */
import type { KindText } from '../types';
import type { SqliteProps } from './descriptor';

export const ko: KindText<SqliteProps> = {
  role: '데이터베이스: 자체 서버 없이 Flask 앱이 직접 여는 파일 하나.',
  doc: 'SQLite는 네트워크 서비스가 아니라 파일입니다. 파일을 열 수 있는 프로세스만 쓸 수 있으므로 앱의 컨테이너 안, 컨테이너가 사라져도 데이터가 남는 named volume 위에 있어야 합니다. WAL 모드와 busy timeout을 켜면 여러 워커가 안전하게 읽고 씁니다.',
  props: {
    file: {
      label: '데이터베이스 파일',
      doc: '앱 컨테이너 안 데이터베이스 파일의 절대 경로. 그 폴더가 named volume이 됩니다.',
    },
  },
};
