import { describe, expect, it } from 'vitest';
import { plan } from '../../exporters/plan';
import { goldenDesigns } from '../../exporters/testing/golden';
import { planNoteInKorean } from './planNotes';

const HANGUL = /[\uac00-\ud7a3]/;

describe('the planner notes in Korean', () => {
  const planned = [...new Set(goldenDesigns().flatMap(({ design }) => plan(design).notes))];
  /** The notes no golden design produces, as the planner writes them. */
  const written = [
    'Container "tools" runs no server or app, so it has no service in the bundle.',
    'Container "app" holds nginx and a Python server; they run as two services, "app" and "app-2".',
    'Container "app" runs more than one server; "wsgi-2" runs as its own service "app-2" (a container runs one main process). Databases they share sit on one named volume.',
    'App "api" opens several SQLite files; the items endpoint uses the first, /data/app.db.',
    'nginx "proxy" points at "wsgi", which runs nowhere in the bundle.',
    'The module name "flask" shadows the Python package "flask" the app needs; rename it (for example to flask_app).',
    'The SQLite file in "/etc" cannot get its own volume (a system folder); its data is lost when the container is recreated. Use a folder like /data.',
    'The unix socket "/tmp/app.sock" sits in a system folder that cannot be shared as a volume; nginx in another container cannot reach it. Use a folder like /run/app.',
  ];
  const notes = [...new Set([...planned, ...written])];

  it('has notes to check in the golden designs', () => {
    expect(planned.length).toBeGreaterThan(0);
  });

  it('says every note the golden designs produce in Korean, keeping the names it quotes', () => {
    for (const note of notes) {
      const korean = planNoteInKorean(note);
      expect(korean, note).toMatch(HANGUL);
      expect(korean, note).not.toBe(note);
      for (const quoted of note.match(/"[^"]*"/g) ?? []) expect(korean, note).toContain(quoted);
    }
  });
});
