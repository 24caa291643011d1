import { LANGS, isLang } from '../../i18n';
import { switchLanguage, useText } from '../../app/language';
import { useAppStore } from '../../store';

/** English or Korean: every visible text switches at once; the design, undo history and selection stay. */
export function LanguageSelect() {
  const lang = useAppStore((state) => state.catalogue.lang);
  const text = useText().language;
  return (
    <select
      className="language-select"
      data-testid="language"
      aria-label={text.label}
      title={text.label}
      value={lang}
      onChange={(event) => {
        if (isLang(event.target.value)) void switchLanguage(event.target.value, true);
      }}
    >
      {LANGS.map((option) => (
        <option key={option} value={option} lang={option}>
          {text[option]}
        </option>
      ))}
    </select>
  );
}
