// Compares catalogs with the Dutch source: keys it lacks, and placeholders that differ.

type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

export function catalogProblems(source: Tree, target: Tree): string[] {
  const want = flatten(source);
  const have = flatten(target);
  const problems: string[] = [];
  for (const [key, text] of want) {
    const translated = have.get(key);
    if (translated === undefined) problems.push(`missing: ${key}`);
    else if (translated.trim() === "") problems.push(`empty: ${key}`);
    else if (placeholders(text).join() !== placeholders(translated).join()) {
      problems.push(`placeholders differ: ${key}`);
    }
  }
  return problems;
}
