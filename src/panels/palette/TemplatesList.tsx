import { replaceAfterAsking } from '../../app/loadFlow';
import { TEMPLATES, loadTemplate } from '../../model/templates';

/** Start from a known-good (or known-instructive) stack. Always visible: no menu to open first. */
export function TemplatesList() {
  return (
    <section className="templates" aria-label="Templates">
      <h2 className="panel-title">Templates</h2>
      <ul>
        {TEMPLATES.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="template-item"
              data-testid={`template-${template.id}`}
              title={template.summary}
              onClick={() => replaceAfterAsking(loadTemplate(template.id), 'Load template')}
            >
              <span className="template-title">{template.title}</span>
              <span className="template-summary">{template.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
