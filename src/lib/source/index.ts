export { ContentError, ContentErrors, formatPath, type KeyPath, type Problem } from './errors';
export { readYaml, type YamlSource } from './yaml';
export { schemaProblems } from './zod';
export { closest } from './suggest';
export { splitFrontMatter, type FrontMatterSplit } from './frontmatter';
