/** Everything Korean the browser needs, as one lazily loaded chunk. */
export { uiMessages } from './ui';
export { connectionMessages } from './connections';
export { ruleDocs, ruleMessages } from './rules';
export { fieldProblemInKorean } from './fields';
export { importNoteInKorean } from './imports';
export { loadErrorInKorean } from './loadErrors';
export { loadKindTextsKo as loadKindTexts } from '../../nodes/koText';
export { TEMPLATE_TEXT_KO as templateTexts } from '../../model/templates.ko';
