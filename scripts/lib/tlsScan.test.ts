import { describe, expect, it } from 'vitest';
import { failingFindings, SELF_SIGNED_ALLOWED } from './tlsScan';

describe('failingFindings', () => {
  const finding = (id: string, severity: string) => ({ id, severity, finding: `${id} finding` });

  it('fails on HIGH and CRITICAL findings and on a scan that could not run', () => {
    const findings = [
      finding('cipher_order', 'HIGH'),
      finding('SSLv3', 'CRITICAL'),
      finding('scanProblem', 'FATAL'),
      finding('TLS1_1', 'OK'),
      finding('BREACH', 'MEDIUM'),
      finding('sessionresumption_ticket', 'WARN'),
    ];
    expect(failingFindings(findings).map((f) => f.id)).toEqual(['cipher_order', 'SSLv3', 'scanProblem']);
  });

  it('lets through only what a self-signed certificate explains', () => {
    const findings = [finding('cert_chain_of_trust', 'CRITICAL'), finding('cert_revocation', 'HIGH')];
    expect(failingFindings(findings)).toEqual([]);
    expect([...SELF_SIGNED_ALLOWED.keys()]).toEqual(['cert_chain_of_trust', 'cert_revocation']);
  });
});
