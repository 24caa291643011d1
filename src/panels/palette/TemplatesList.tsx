import { replaceAfterAsking } from '../../app/loadFlow';
import { TEMPLATES, loadTemplate } from '../../model/templates';
import { useAppStore } from '../../store';

/** Start from a known-good (or known-instructive) stack. Always visible: no menu to open first. */
export function TemplatesList() {
  const { ui, templates: translated } = useAppStore((state) => state.catalogue);
  const text = ui.palette;
  return (
    <section className="templates" aria-label={text.templates}>
      <h2 className="panel-title">{text.templates}</h2>
      <ul>
        {TEMPLATES.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="template-item"
              data-testid={`template-${template.id}`}
              title={(translated?.[template.id] ?? template).summary}
              onClick={() => replaceAfterAsking(loadTemplate(template.id), text.loadTemplate)}
            >
              <span className="template-title">{(translated?.[template.id] ?? template).title}</span>
              <span className="template-summary">{(translated?.[template.id] ?? template).summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
