// Validates rendered Kubernetes objects (multi-document YAML on stdin) offline against the API
// schemas of the npm packages kubernetes-models and @kubernetes-models/external-secrets.
// Prints a JSON array: one { kind, name, error } per invalid object, and one { kind, name,
// error: "no schema" } per kind it has no schema for. ESM-only packages: hence a script of its own.
import { parseAllDocuments } from 'yaml';

const input = await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk));
  process.stdin.on('end', () => resolve(text));
});

/** The module holding an apiVersion's models. */
function modulePath(apiVersion) {
  if (apiVersion === 'external-secrets.io/v1') return '@kubernetes-models/external-secrets/external-secrets.io/v1';
  return apiVersion.includes('/') ? `kubernetes-models/${apiVersion}` : `kubernetes-models/${apiVersion}`;
}

const problems = [];
for (const document of parseAllDocuments(input)) {
  const object = document.toJS();
  if (!object) continue;
  const where = { kind: object.kind, name: object.metadata?.name };
  let models;
  try {
    models = await import(modulePath(object.apiVersion));
  } catch {
    problems.push({ ...where, error: 'no schema' });
    continue;
  }
  const Model = models[object.kind];
  if (!Model) {
    problems.push({ ...where, error: 'no schema' });
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push({ ...where, error: String(error.message ?? error).slice(0, 2000) });
  }
}
process.stdout.write(JSON.stringify(problems));
