import { replaceAfterAsking } from '../../app/loadFlow';
import { TEMPLATES, loadTemplate } from '../../model/templates';
import { useText } from '../../app/language';

/** Start from a known-good (or known-instructive) stack. Always visible: no menu to open first. */
export function TemplatesList() {
  const text = useText().palette;
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
              title={template.summary}
              onClick={() => replaceAfterAsking(loadTemplate(template.id), text.loadTemplate)}
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
