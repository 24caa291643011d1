/**
 * What a connection does or why it is refused, in Korean: the same codes and parameters as the English
 * catalogue.
 */
import type { connectionMessages as englishConnectionMessages } from '../en/connections';
import { KINDS, NODE_KINDS, type NodeKind } from '../../nodes/registry';
import { object, subject, topic } from './particles';

export const connectionMessages: typeof englishConnectionMessages = {
  nouns: Object.fromEntries(NODE_KINDS.map((kind) => [kind, KINDS[kind].nounKo])) as Record<NodeKind, string>,
  upstreams: Object.fromEntries(
    NODE_KINDS.map((kind) => [kind, KINDS[kind].upstream?.nameKo ?? KINDS[kind].nounKo]),
  ) as Record<NodeKind, string>,
  either: (p) => p.nouns.join(' 또는 '),
  refused: (p) => `${p.source} → ${p.target}: ${p.reason}`,
  reasons: {
    databaseCallsNothing: (p) => `${topic(p.source)} 앱이 여는 파일이라 아무것도 호출하지 않습니다.`,
    staticCallsNothing: (p) =>
      `${topic(p.source)} ${subject(p.proxies)} 서빙하는 정적 파일이라 서버의 어떤 것도 호출하지 않습니다.`,
    clientIsCalled: () =>
      '스택 안의 무엇도 클라이언트를 호출하지 않습니다. 엣지는 호출하는 쪽에서 호출받는 쪽을 향합니다.',
    onlyAppsOpenDatabase: (p) => `${p.target} 파일은 ${p.apps}만 엽니다.`,
    onlyProxiesServeStatic: (p) => `${topic(p.target)} ${p.proxies}만 서빙합니다.`,
    clientGoesThroughProxy: (p) => `${topic(p.source)} ${object(p.proxies)} 거쳐 스택에 들어옵니다.`,
    proxyIsFrontDoor: (p) => `${topic(p.target)} 스택의 정문이라 클라이언트만 연결할 수 있습니다.`,
    appOpensOnlyDatabase: (p) => `${topic(p.source)} 자기 ${p.databases} 데이터베이스만 엽니다.`,
    serverRunsOnlyApp: (p) => `${topic(p.source)} ${p.apps}만 실행합니다.`,
    cannotCall: (p) => `${topic(p.source)} ${object(p.target)} 호출할 수 없습니다.`,
  },
  meanings: {
    httpRequest: () => 'HTTP 요청',
    httpStraightTo: (p) => `${p.upstream}에 HTTP로 직접 요청`,
    servesBuiltFiles: (p) => `${subject(p.source)} 빌드된 파일을 서빙`,
    // The directives are uwsgi_pass and proxy_pass, both read "…패스": 로, never 으로.
    passesTo: (p) => `${p.directives}로 ${p.upstream}에 전달`,
    importsInProcess: () => '같은 프로세스 안에서 module:callable을 임포트',
    opensDatabaseFile: () => '데이터베이스 파일 열기',
  },
  self: '노드를 자기 자신에게 연결할 수는 없습니다.',
  notNodes: '연결의 양쪽 끝은 모두 노드여야 합니다.',
  alreadyConnected: (p) => `${topic(p.source)} 이미 ${p.target}에 연결되어 있습니다.`,
};
