/**
 * Korean particles after a value (a kind's name, a node id): 은/는, 이/가 and 을/를 follow whether the
 * word, read aloud, ends in a consonant (받침). Hangul says so itself; a Latin name is read as a word
 * (Gunicorn 구니콘, nginx 엔진엑스, SQLite 에스큐엘라이트), which ends in a consonant after l, m, n
 * or ng; a digit as it is read (2 이, 3 삼).
 */
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const HANGUL_FINALS = 28;

function endsInConsonant(word: string): boolean {
  // String(): the catalogue checks hand messages stand-ins for their values.
  const spoken = String(word).replace(/[^\p{L}\p{N}]+$/u, '');
  const last = spoken.codePointAt(spoken.length - 1) ?? 0;
  if (last >= HANGUL_FIRST && last <= HANGUL_LAST) return (last - HANGUL_FIRST) % HANGUL_FINALS !== 0;
  return /(?:[lmn]|ng|[013678])$/i.test(spoken);
}

const particle = (withConsonant: string, withVowel: string) => (word: string) =>
  `${word}${endsInConsonant(word) ? withConsonant : withVowel}`;

/** The word as the topic: "Gunicorn은", "nginx는". */
export const topic = particle('은', '는');
/** The word as the subject: "Gunicorn이", "nginx가". */
export const subject = particle('이', '가');
/** The word as the object: "Flask 앱을", "nginx를". */
export const object = particle('을', '를');
