// What the server receives from VS Code's brieflint.* settings: as initializationOptions at start, and as the
// "brieflint" section of workspace/configuration afterwards. Pure logic, tested without VS Code.

export const LEVELS = ["error", "warning", "info", "hint", "off"] as const;
export type Level = (typeof LEVELS)[number];

export const ENABLE = ["auto", "always", "never"] as const;
export type Enable = (typeof ENABLE)[number];

export interface ServerSettings {
  enable: Enable;
  rules: Record<string, Level>;
  knowledgeBase?: string;
  likelihoodScale: "icd203" | "phia";
  trustedSources: string[];
  vaguePhrases: string[];
}

function nonEmptyStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((s): s is string => typeof s === "string" && s.trim() !== "").map((s) => s.trim())
    : [];
}

/** Reads settings through a getter (VS Code's WorkspaceConfiguration.get), dropping values the server would reject. */
export function serverSettings(get: (key: string) => unknown): ServerSettings {
  const rules: Record<string, Level> = {};
  const configured = get("rules");
  if (configured && typeof configured === "object") {
    for (const [code, level] of Object.entries(configured as Record<string, unknown>)) {
      if (typeof level === "string" && (LEVELS as readonly string[]).includes(level)) {
        rules[code] = level as Level;
      }
    }
  }
  const knowledgeBase = get("knowledgeBase");
  const scale = get("likelihoodScale");
  const enable = get("enable");
  return {
    // A value the server does not know would make it drop every setting: the default instead.
    enable: (ENABLE as readonly unknown[]).includes(enable) ? (enable as Enable) : "auto",
    rules,
    knowledgeBase: typeof knowledgeBase === "string" && knowledgeBase.trim() !== "" ? knowledgeBase.trim() : undefined,
    likelihoodScale: scale === "phia" ? "phia" : "icd203",
    trustedSources: nonEmptyStrings(get("trustedSources")),
    vaguePhrases: nonEmptyStrings(get("vaguePhrases")),
  };
}

export interface ConfigurationItem {
  section?: string;
  scopeUri?: string;
}

/**
 * The answer to a workspace/configuration request: the "brieflint" section as the server reads it (so one bad
 * value does not make the server drop all of them), and VS Code's own answer for any other section.
 */
export function configurationAnswers(
  items: ConfigurationItem[],
  vscodeAnswers: unknown[],
  read: (scopeUri: string | undefined) => (key: string) => unknown,
): unknown[] {
  return items.map((item, i) => (item.section === "brieflint" ? serverSettings(read(item.scopeUri)) : vscodeAnswers[i]));
}

/** The document selector for the file types the user wants checked, and TOML files: the server checks those that
 * are knowledge bases (`[[actors]]` tables) as `brieflint kb check` does, and leaves the others alone. */
export function documentSelector(fileTypes: unknown): { scheme: string; language: string }[] {
  const wanted = Array.isArray(fileTypes) ? fileTypes.filter((t) => t === "markdown" || t === "plaintext") : [];
  const languages = wanted.length > 0 ? wanted : ["markdown", "plaintext"];
  const briefings = languages.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  return [...briefings, { scheme: "file", language: "toml" }];
}
