import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../model/templates';
import { setNodeProp } from '../model/edit';
import { useAppStore } from './index';
import { diagnosticsOf, edgeSeverities, selectNodeProblems } from './selectors';
import { loadValidation, validationEngine } from './validation';

describe('the rules load after the first paint', () => {
  it('count nothing as checked before they arrive, then check the same design for real', async () => {
    // A port out of range is an error on the nginx node whatever the target.
    const broken = setNodeProp(loadTemplate('gunicorn-flask-sqlite'), 'proxy', 'listen', 70000);
    useAppStore.getState().replaceDesign(broken);
    expect(validationEngine()).toBeNull();
    expect(useAppStore.getState().validationReady).toBe(false);
    expect(diagnosticsOf(broken)).toEqual([]);
    expect(selectNodeProblems(useAppStore.getState(), 'proxy')).toEqual({ errors: 0, warnings: 0 });
    expect(edgeSeverities(broken).size).toBe(0);

    await loadValidation();
    expect(useAppStore.getState().validationReady).toBe(true);
    // Nothing from before the load was memoised: the very same design object now has its errors.
    const rules = diagnosticsOf(broken).map((diagnostic) => diagnostic.rule);
    expect(rules).toContain('invalid-port');
    expect(selectNodeProblems(useAppStore.getState(), 'proxy').errors).toBeGreaterThan(0);
  });
});
